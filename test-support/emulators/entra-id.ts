import type { KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES } from '../run-action.ts'
import { MULTI_TENANT, discoveryDocument } from './entra-documents.ts'
import { entraError as error, noTenantIdentified, styled, type ErrorStyle } from './entra-errors.ts'
import { answerClientCredentials, type TokenIssuer } from './entra-token.ts'
import { DEFAULT_SUBJECT, GITHUB_ISSUER } from './github-oidc.ts'
import { startServer, type Emulator, type RecordedRequest, type Reply } from './server.ts'

export { JWT_BEARER, expectedSubjectFault } from './entra-credentials.ts'
export {
  conditionalAccessBlocked,
  entraErrorBody,
  gatewayTimeoutEmpty,
  throttledPlainText,
  transientError,
  type ErrorStyle,
} from './entra-errors.ts'

/** The emulated tenant's id (a directory id as Entra writes them). */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
/** The default app's client id. */
export const CLIENT_ID = '0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d'
/** The default app's client secret, shaped like a real one (`Q~` in the fourth place). */
export const CLIENT_SECRET = 'Qx58Q~emulator.secret-value_4f2a9c1d7e3b'
/** A secret registered on the default app that has expired (AADSTS7000222). */
export const EXPIRED_SECRET = 'Zk27Q~emulator.expired-value_0a1b2c3d4e5f'
/** The resources the tenant knows unless a test gives its own. */
const DEFAULT_RESOURCES = [
  'https://x.azurehealthcareapis.com',
  'https://management.azure.com',
  'https://graph.microsoft.com',
]

/** A federated identity credential on an app: the issuer, subject and audience an assertion must carry. */
interface FederatedCredential {
  issuer: string
  subject: string
  audience: string
}

/** An app registration: its id, the credentials registered on it, and settings that refuse tokens. */
export interface EntraApp {
  clientId: string
  /** The service principal's object id (the token's `oid`). */
  objectId?: string
  /** The name Entra shows next to the client id in some errors (AADSTS7000112); default `get-token-ci`. */
  displayName?: string
  secrets?: string[]
  expiredSecrets?: string[]
  /** PEM certificates whose keys may sign client assertions. */
  certificates?: string[]
  federatedCredentials?: FederatedCredential[]
  /** "Allow public client flows" is on: a secret or assertion is refused with AADSTS700025. */
  publicClient?: boolean
  /** The service principal is disabled: every request is refused with AADSTS7000112. */
  disabled?: boolean
  /** Ids of Conditional Access policies that block this service principal: AADSTS53003 naming them. */
  blockedByConditionalAccess?: string[]
}

/** The tenant, its apps and resources, and what the emulator trusts and adds. */
interface EntraOptions {
  tenant?: string
  apps?: EntraApp[]
  /** Resource identifiers (application ID URIs) that exist in the tenant. */
  resources?: string[]
  /** Verifies federated assertions issued by GitHub. Without it those fail their signature check. */
  oidcPublicKey?: KeyObject
  /** Other issuers of federated assertions (an AKS cluster's OIDC issuer) and the keys they sign with. */
  federatedIssuers?: Array<{ issuer: string; publicKey: KeyObject }>
  lifetimeSeconds?: number
  /** Fields added to every token answer, as a service that starts sending new ones would. */
  extraFields?: Record<string, unknown>
  /** Serve HTTPS with this key and certificate instead of the fixture's for localhost (a cloud's own host name). */
  tls?: { key: string; cert: string }
}

/** A scripted token answer that may act first (rotate a token file, say). */
type TokenFault = (request: RecordedRequest) => Reply | Promise<Reply>

/** A started Entra ID emulator: the server, what it issued, and the knobs tests turn. */
export interface EntraEmulator extends Emulator {
  tenant: string
  apps: EntraApp[]
  /** `https://localhost:PORT/{tenant}/oauth2/v2.0/token`: the audience of certificate assertions. */
  tokenEndpoint: string
  /** Every access token issued, for leak scans. */
  issued: string[]
  /** Requests to the token endpoint only. */
  tokenRequests(): RecordedRequest[]
  /**
   * Queue answers for the next token POSTs only (fail() answers whatever request comes next,
   * discovery included); a function answers with what it returns, after doing what it does.
   */
  failToken(...replies: Array<Reply | TokenFault>): void
  /** Drop token answers queued with failToken that no request used. */
  clearTokenFaults(): void
  /** How error bodies are written from now on (failToken answers included); default one line, spaces. */
  errorStyle: ErrorStyle
}

/** A file from test-support/fixtures, as text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

/** The default app: one secret (and an expired one), the fixture certificate, and a federated credential for main. */
export function defaultApp(): EntraApp {
  return {
    clientId: CLIENT_ID,
    objectId: 'a9b8c7d6-e5f4-4321-8765-43210fedcba9',
    secrets: [CLIENT_SECRET],
    expiredSecrets: [EXPIRED_SECRET],
    certificates: [fixture('client-cert.pem')],
    federatedCredentials: [{ issuer: GITHUB_ISSUER, subject: DEFAULT_SUBJECT, audience: 'api://AzureADTokenExchange' }],
  }
}

/**
 * Entra ID's v2.0 discovery document and token endpoint (client credentials), over HTTPS on
 * localhost, as docs/protocols.md ("Entra ID") describes them with their sources.
 */
export async function startEntraId(options: EntraOptions = {}): Promise<EntraEmulator> {
  const tenant = options.tenant ?? TENANT_ID
  const apps = options.apps ?? [defaultApp()]
  const issuer: TokenIssuer = {
    tenant,
    apps,
    resources: options.resources ?? DEFAULT_RESOURCES,
    lifetimeSeconds: options.lifetimeSeconds ?? 3599,
    extraFields: options.extraFields,
    issued: [],
  }
  const tokenFaults: Array<Reply | TokenFault> = []
  /** Scheme, host and port as the client addressed the server: a proxied name is answered as itself. */
  let base = ''
  const tokenEndpoint = () => `${base}/${tenant}/oauth2/v2.0/token`
  /** The key each known issuer signs with: GitHub's, and any other (an AKS cluster's). */
  const issuerKeys = new Map<string, KeyObject>([
    ...(options.oidcPublicKey ? [[GITHUB_ISSUER, options.oidcPublicKey] as const] : []),
    ...(options.federatedIssuers ?? []).map(({ issuer, publicKey }) => [issuer, publicKey] as const),
  ])

  /** The emulator once it runs: tests change its errorStyle between runs. */
  const started: { emulator?: EntraEmulator } = {}

  const route = (request: RecordedRequest): Reply | Promise<Reply> => {
    base = request.headers.host ? `https://${request.headers.host}` : base
    const [, pathTenant = '', ...rest] = request.path.split('/')
    const route = `${request.method} /${rest.join('/')}`
    const known = pathTenant === tenant || MULTI_TENANT.includes(pathTenant)
    if (!known && /^(GET \/v2\.0\/\.well-known\/openid-configuration|POST \/oauth2\/v2\.0\/token)$/.test(route)) {
      return error(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${pathTenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      )
    }
    switch (route) {
      case 'GET /v2.0/.well-known/openid-configuration':
        return { status: 200, json: discoveryDocument(base, pathTenant) }
      case 'GET /discovery/v2.0/keys':
        return { status: 200, json: { keys: [] } }
      case 'POST /oauth2/v2.0/token': {
        const fault = tokenFaults.shift()
        if (typeof fault === 'function') return fault(request)
        if (fault) return fault
        const clientCredentials = request.form.get('grant_type') === 'client_credentials'
        if (MULTI_TENANT.includes(pathTenant) && clientCredentials) return noTenantIdentified()
        return answerClientCredentials(request.form, issuer, { tokenEndpoint: tokenEndpoint(), issuerKeys })
      }
      default:
        // The real service answers unknown paths with an HTML page, not an AADSTS error.
        return {
          status: 404,
          text: '<!DOCTYPE html><html><head><title>404 - Not Found</title></head><body>Not Found</body></html>',
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }
    }
  }

  const handler = async (request: RecordedRequest): Promise<Reply> =>
    styled(await route(request), started.emulator?.errorStyle ?? {})

  const tls = options.tls ?? { key: fixture('tls-key.pem'), cert: fixture('tls-cert.pem') }
  const server = await startServer(handler, tls)
  base = server.url
  const emulator: EntraEmulator = Object.assign(server, {
    errorStyle: {},
    tenant,
    apps,
    tokenEndpoint: tokenEndpoint(),
    issued: issuer.issued,
    tokenRequests: () => server.requests.filter(r => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')),
    failToken: (...replies: Array<Reply | TokenFault>) => tokenFaults.push(...replies),
    clearTokenFaults: () => {
      tokenFaults.length = 0
    },
  })
  started.emulator = emulator
  return emulator
}
