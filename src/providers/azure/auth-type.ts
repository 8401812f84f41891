import { InputError } from '../../errors.ts'
import { EMPTY_SECRET_NOTE, lookedAt } from '../../inputs/empty-secret.ts'
import type { Inputs } from '../../inputs/reader.ts'
import { chosenAuthType, type Need } from '../auth-type.ts'
import { AZURE_AUTH_TYPES, type AzureAuthType } from './inputs.ts'

/** What the inputs and the runner's environment offer to sign in with. */
interface Given {
  clientSecret: string
  certificate: string
  oidcAvailable: boolean
  tokenFile: string
}

/**
 * `auto`: client-secret given → client-secret; else client-certificate → client-certificate;
 * else the GitHub OIDC request variables → oidc; else a federated token file → workload-identity.
 * managed-identity and azure-cli only when asked for.
 */
export function resolveAuthType(inputs: Inputs): AzureAuthType {
  const given: Given = {
    clientSecret: inputs.peek('client-secret', 'AZURE_CLIENT_SECRET'),
    certificate: inputs.peek('client-certificate'),
    oidcAvailable: Boolean(inputs.env('ACTIONS_ID_TOKEN_REQUEST_URL') && inputs.env('ACTIONS_ID_TOKEN_REQUEST_TOKEN')),
    tokenFile: inputs.peek('federated-token-file', 'AZURE_FEDERATED_TOKEN_FILE'),
  }
  const chosen = chosenAuthType(inputs, AZURE_AUTH_TYPES, given, NEEDS)
  if (chosen !== 'auto') return chosen
  if (given.clientSecret) return 'client-secret'
  if (given.certificate) return 'client-certificate'
  if (given.oidcAvailable) return 'oidc'
  if (given.tokenFile) return 'workload-identity'
  const looked = lookedAt(
    ['client-secret', 'client-certificate', 'federated-token-file'],
    ['AZURE_CLIENT_SECRET', 'AZURE_FEDERATED_TOKEN_FILE', 'ACTIONS_ID_TOKEN_REQUEST_URL'],
  )
  throw new InputError(
    'auth-type',
    `is auto, but no Azure credential was given: ${looked} are all empty. ${EMPTY_SECRET_NOTE}`,
    'give client-secret, or client-certificate, or use OIDC (no secret): add `permissions: id-token: write` to the job and register a federated credential for this repository on the app; on a runner in AKS with workload identity, AZURE_FEDERATED_TOKEN_FILE is picked up; or set auth-type to managed-identity (self-hosted runner on Azure) or azure-cli (after azure/login). OIDC is not available to pull requests from forks.',
  )
}

/** What an auth type asked for by name needs before any request, and the error without it. */
const NEEDS: Partial<Record<AzureAuthType, Need<Given>>> = {
  'workload-identity': {
    has: given => given.tokenFile !== '',
    input: 'federated-token-file',
    problem: 'is required for auth-type workload-identity (and AZURE_FEDERATED_TOKEN_FILE is not set).',
    fix: 'run the runner pod with AKS workload identity (label azure.workload.identity/use: "true" and a service account annotated with the app\'s client id), or give the token file\'s path.',
  },
  oidc: {
    has: given => given.oidcAvailable,
    input: 'auth-type',
    problem: 'is oidc, but this job cannot request a GitHub OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).',
    fix: 'add `permissions: id-token: write` to the job (or workflow). Pull requests from forks never get OIDC tokens: use another auth-type there or skip the step.',
  },
  'client-secret': {
    has: given => given.clientSecret !== '',
    input: 'client-secret',
    problem: `is required for auth-type client-secret, and it is empty (the AZURE_CLIENT_SECRET environment variable too). ${EMPTY_SECRET_NOTE}`,
    fix: 'pass the secret Value (not its ID): client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}.',
  },
  'client-certificate': {
    has: given => given.certificate !== '',
    input: 'client-certificate',
    problem: `is required for auth-type client-certificate, and it is empty. ${EMPTY_SECRET_NOTE}`,
    fix: 'pass the PEM key and certificate from a secret: client-certificate: ${{ secrets.AZURE_CLIENT_CERTIFICATE }}.',
  },
}
