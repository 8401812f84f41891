import { emptyFile } from '../../io/files.ts'
import type { ProviderContext } from '../provider.ts'

/**
 * A client assertion issued by someone else and trusted through a federated credential on the
 * app: GitHub's OIDC token (oidc) or a Kubernetes service account token (workload-identity).
 * Keeps the last token sent: its claims explain federation errors.
 */
export class FederatedAssertion {
  /** What the token is, for error lines: "The GitHub OIDC token". */
  readonly label: string
  lastToken: string | undefined
  /** The token to send now, given the last one sent. */
  private readonly next: (last: string | undefined) => Promise<string>

  constructor(label: string, next: (last: string | undefined) => Promise<string>) {
    this.label = label
    this.next = next
  }

  /** The token for the next request (every attempt asks again). */
  async get(): Promise<string> {
    this.lastToken = await this.next(this.lastToken)
    return this.lastToken
  }
}

/**
 * workload-identity: the token file that AKS projects into the pod, read afresh for every
 * request (the kubelet rotates it), capped and within the deadline, masked by the file reader.
 */
export function tokenFileAssertion(path: string, ctx: ProviderContext): FederatedAssertion {
  return new FederatedAssertion('The federated token (federated-token-file)', async () => {
    const token = await ctx.readFile(path, 'federated-token-file')
    if (!token) throw emptyFile('federated-token-file', path)
    return token
  })
}
