import { emptyFile } from '../../io/files.ts'
import type { ProviderContext } from '../provider.ts'

/**
 * A client assertion issued by someone else and trusted through a federated credential on the
 * app: GitHub's OIDC token (oidc) or a Kubernetes service account token (workload-identity).
 * Keeps the last token (its claims explain federation errors) and the first failure to get one
 * (what the user needs, not @azure/identity's wrapping of it).
 */
export interface FederatedAssertion {
  /** What the token is, for error lines: "The GitHub OIDC token". */
  label: string
  get(): Promise<string>
  lastToken: string | undefined
  failure: unknown
}

/**
 * workload-identity: the token file that AKS projects into the pod, read afresh for every
 * request (the kubelet rotates it), capped and within the deadline, masked before use.
 */
export class TokenFileAssertion implements FederatedAssertion {
  readonly label = 'The federated token (federated-token-file)'
  lastToken: string | undefined
  failure: unknown
  private readonly path: string
  private readonly ctx: ProviderContext

  constructor(path: string, ctx: ProviderContext) {
    this.path = path
    this.ctx = ctx
  }

  readonly get = async (): Promise<string> => {
    try {
      const token = await this.ctx.readFile(this.path, 'federated-token-file')
      if (!token) throw emptyFile('federated-token-file', this.path)
      this.ctx.mask(token)
      this.lastToken = token
      return token
    } catch (error) {
      this.failure ??= error
      throw error
    }
  }
}
