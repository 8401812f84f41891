import { X509Certificate, constants, createHash, verify, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES } from '../run-action.ts'
import { DEFAULT_SUBJECT, GITHUB_ISSUER } from './github-oidc.ts'
import {
  nowSeconds,
  randomUUID,
  startServer,
  unsignedJwt,
  type Emulator,
  type RecordedRequest,
  type Reply,
} from './server.ts'

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const CLIENT_ID = '0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d'
export const CLIENT_SECRET = 'Qx58Q~emulator.secret-value_4f2a9c1d7e3b'
export const EXPIRED_SECRET = 'Zk27Q~emulator.expired-value_0a1b2c3d4e5f'
export const DEFAULT_RESOURCES = [
  'https://x.azurehealthcareapis.com',
  'https://management.azure.com',
  'https://graph.microsoft.com',
]
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface FederatedCredential {
  issuer: string
  subject: string
  audience: string
}

/** An app registration: its id and the credentials registered on it. */
export interface EntraApp {
  clientId: string
  /** The service principal's object id (the token's `oid`). */
  objectId?: string
  secrets?: string[]
  expiredSecrets?: string[]
  /** PEM certificates whose keys may sign client assertions. */
  certificates?: string[]
  federatedCredentials?: FederatedCredential[]
}

export interface EntraOptions {
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
}

/**
 * How an error body is written. Real answers differ: `\r\n` or a space before "Trace ID:",
 * "Correlation ID:" and "Timestamp:" in error_description; `/` escaped as `\/`; indented JSON.
 */
export interface ErrorStyle {
  separator?: ' ' | '\r\n'
  escapedSlashes?: boolean
  pretty?: boolean
}

/** A scripted token answer that may act first (rotate a token file, say). */
export type TokenFault = (request: RecordedRequest) => Reply | Promise<Reply>

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

type Credential = { ok: true } | { ok: false; reply: Reply }
const OK: Credential = { ok: true }

/**
 * Entra ID's v2.0 discovery document and token endpoint (client credentials), over HTTPS on
 * localhost, as docs/protocols.md ("Entra ID") describes them with their sources.
 */
export async function startEntraId(options: EntraOptions = {}): Promise<EntraEmulator> {
  const tenant = options.tenant ?? TENANT_ID
  const apps = options.apps ?? [defaultApp()]
  const resources = options.resources ?? DEFAULT_RESOURCES
  const lifetime = options.lifetimeSeconds ?? 3599
  const issued: string[] = []
  const tokenFaults: Array<Reply | TokenFault> = []
  /** Scheme, host and port as the client addressed the server: a proxied name is answered as itself. */
  let base = ''
  const tokenEndpoint = () => `${base}/${tenant}/oauth2/v2.0/token`

  const discovery = (): Reply => ({
    status: 200,
    json: {
      token_endpoint: tokenEndpoint(),
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/${tenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'cloud_instance_name',
        'cloud_instance_host_name',
        'cloud_graph_host_name',
        'msgraph_host',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email',
      ],
      kerberos_endpoint: `${base}/${tenant}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    },
  })

  const token = (app: EntraApp, resource: string): Reply => {
    const iat = nowSeconds()
    const accessToken = unsignedJwt({
      aud: resource,
      iss: `https://sts.windows.net/${tenant}/`,
      iat,
      nbf: iat,
      exp: iat + lifetime,
      aio: 'E2ZgYEmulator',
      appid: app.clientId,
      appidacr: '1',
      idp: `https://sts.windows.net/${tenant}/`,
      idtyp: 'app',
      oid: app.objectId ?? 'a9b8c7d6-e5f4-4321-8765-43210fedcba9',
      rh: '0.emulator.',
      sub: app.objectId ?? 'a9b8c7d6-e5f4-4321-8765-43210fedcba9',
      tid: tenant,
      uti: randomUUID().replace(/-/g, ''),
      ver: '1.0',
    })
    issued.push(accessToken)
    return {
      status: 200,
      json: {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken,
        ...options.extraFields,
      },
    }
  }

  const checkSecret = (app: EntraApp, secret: string): Credential => {
    if (app.secrets?.includes(secret)) return OK
    if (app.expiredSecrets?.includes(secret)) {
      return fail(
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      )
    }
    return fail(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    )
  }

  const checkCertificateAssertion = (app: EntraApp, jwt: DecodedJwt): Credential => {
    const thumbprint = String(jwt.header['x5t#S256'] ?? jwt.header.x5t ?? '')
    const sha = jwt.header['x5t#S256'] ? 'sha256' : 'sha1'
    const certificate = (app.certificates ?? [])
      .map(pem => new X509Certificate(pem))
      .find(cert => createHash(sha).update(cert.raw).digest('base64url') === thumbprint)
    if (!certificate) {
      const hex = Buffer.from(thumbprint, 'base64url').toString('hex').toUpperCase()
      return fail(
        401,
        'invalid_client',
        700027,
        `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${hex}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`,
      )
    }
    const alg = jwt.header.alg
    const padding = alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING
    const signed =
      (alg === 'PS256' || alg === 'RS256') &&
      verify(
        'sha256',
        Buffer.from(jwt.signingInput),
        { key: certificate.publicKey, padding, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        jwt.signature,
      )
    if (!signed) return fail(401, 'invalid_client', 700027, 'Client assertion failed signature validation.')
    if (jwt.claims.aud !== tokenEndpoint()) {
      return fail(
        400,
        'invalid_client',
        700025,
        `Client assertion audience '${String(jwt.claims.aud)}' is not the token endpoint '${tokenEndpoint()}'.`,
      )
    }
    if (jwt.claims.iss !== app.clientId || jwt.claims.sub !== app.clientId) {
      return fail(
        401,
        'invalid_client',
        700023,
        `Client assertion issuer and subject must be the client id '${app.clientId}'.`,
      )
    }
    return timeWindow(jwt)
  }

  /** The key each known issuer signs with: GitHub's, and any other (an AKS cluster's). */
  const issuerKeys = new Map<string, KeyObject>([
    ...(options.oidcPublicKey ? [[GITHUB_ISSUER, options.oidcPublicKey] as const] : []),
    ...(options.federatedIssuers ?? []).map(({ issuer, publicKey }) => [issuer, publicKey] as const),
  ])

  /** As Entra does: the app's federated credentials by issuer, subject and audience first, then the signature and time. */
  const checkFederatedAssertion = (app: EntraApp, jwt: DecodedJwt): Credential => {
    const { iss, sub, aud } = jwt.claims as { iss?: string; sub?: string; aud?: string | string[] }
    const audiences = Array.isArray(aud) ? aud : [aud]
    const all = app.federatedCredentials ?? []
    const docs =
      'Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation'
    if (all.length === 0) {
      return fail(
        401,
        'invalid_client',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${aud}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`,
      )
    }
    const byIssuer = all.filter(c => c.issuer === iss)
    if (byIssuer.length === 0)
      return fail(
        401,
        'invalid_client',
        700211,
        `No matching federated identity record found for presented assertion issuer '${iss}'. ${docs}`,
      )
    const bySubject = byIssuer.filter(c => c.subject === sub)
    // Since 2024 subjects are compared case-sensitively; a match in other letter case has its own code.
    if (bySubject.length === 0 && byIssuer.some(c => c.subject.toLowerCase() === sub?.toLowerCase()))
      return fail(
        401,
        'invalid_client',
        7002138,
        `No matching federated identity record found for presented assertion subject '${sub}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. See documentation at: https://learn.microsoft.com/entra/workload-id/workload-identity-federation. See breaking change notification and remediation at: https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024.`,
      )
    if (bySubject.length === 0)
      return fail(
        401,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${sub}'. ${docs}`,
      )
    if (!bySubject.some(c => audiences.includes(c.audience)))
      return fail(
        401,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${aud}'. ${docs}`,
      )
    const key = issuerKeys.get(iss ?? '')
    const signed =
      key !== undefined &&
      jwt.header.alg === 'RS256' &&
      verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature)
    if (!signed)
      return fail(
        401,
        'invalid_client',
        50013,
        'Assertion failed signature validation. [Reason - The key was not found.]',
      )
    return timeWindow(jwt)
  }

  const checkAssertion = (app: EntraApp, form: URLSearchParams): Credential => {
    if (form.get('client_assertion_type') !== JWT_BEARER) {
      return fail(
        400,
        'invalid_request',
        50027,
        `Invalid client_assertion_type '${form.get('client_assertion_type')}'.`,
      )
    }
    const jwt = decodeJwt(form.get('client_assertion') ?? '')
    if (!jwt) return fail(400, 'invalid_request', 50027, 'JWT token is invalid or is malformed.')
    const certificate = 'x5t#S256' in jwt.header || ('x5t' in jwt.header && jwt.claims.iss === app.clientId)
    return certificate ? checkCertificateAssertion(app, jwt) : checkFederatedAssertion(app, jwt)
  }

  const tokenRequest = (form: URLSearchParams): Reply => {
    if (form.get('grant_type') !== 'client_credentials') {
      return error(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form.get('grant_type')}'.`,
      )
    }
    const clientId = form.get('client_id') ?? ''
    const app = apps.find(a => a.clientId === clientId)
    if (!app) {
      return error(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      )
    }
    const scope = form.get('scope') ?? ''
    const scopes = scope.split(' ').filter(s => s !== '' && !['openid', 'profile', 'offline_access'].includes(s))
    if (scopes.length !== 1 || !scopes[0]?.endsWith('/.default')) {
      return error(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      )
    }
    const credential = form.has('client_secret')
      ? checkSecret(app, form.get('client_secret') ?? '')
      : form.has('client_assertion')
        ? checkAssertion(app, form)
        : fail(
            401,
            'invalid_client',
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
          )
    if (!credential.ok) return credential.reply
    const resource = scopes[0].slice(0, -'/.default'.length)
    const known = resources.find(r => r.replace(/\/+$/, '') === resource.replace(/\/+$/, ''))
    if (!known) {
      return error(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      )
    }
    return token(app, resource)
  }

  /** The emulator once it runs: tests change its errorStyle between runs. */
  const started: { emulator?: EntraEmulator } = {}

  const route = (request: RecordedRequest): Reply | Promise<Reply> => {
    base = request.headers.host ? `https://${request.headers.host}` : base
    const [, pathTenant, ...rest] = request.path.split('/')
    const route = `${request.method} /${rest.join('/')}`
    if (
      pathTenant !== tenant &&
      /^(GET \/v2\.0\/\.well-known\/openid-configuration|POST \/oauth2\/v2\.0\/token)$/.test(route)
    ) {
      return error(
        400,
        'invalid_tenant',
        90002,
        `Tenant '${pathTenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      )
    }
    switch (route) {
      case 'GET /v2.0/.well-known/openid-configuration':
        return discovery()
      case 'GET /discovery/v2.0/keys':
        return { status: 200, json: { keys: [] } }
      case 'POST /oauth2/v2.0/token': {
        const fault = tokenFaults.shift()
        if (typeof fault === 'function') return fault(request)
        return fault ?? tokenRequest(request.form)
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

  const server = await startServer(handler, { key: fixture('tls-key.pem'), cert: fixture('tls-cert.pem') })
  base = server.url
  const emulator: EntraEmulator = Object.assign(server, {
    errorStyle: {},
    tenant,
    apps,
    tokenEndpoint: tokenEndpoint(),
    issued,
    tokenRequests: () => server.requests.filter(r => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')),
    failToken: (...replies: Array<Reply | TokenFault>) => tokenFaults.push(...replies),
    clearTokenFaults: () => {
      tokenFaults.length = 0
    },
  })
  started.emulator = emulator
  return emulator
}

interface DecodedJwt {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  signingInput: string
  signature: Buffer
}

function decodeJwt(token: string): DecodedJwt | undefined {
  const [header, claims, signature] = token.split('.')
  if (!header || !claims || signature === undefined || token.split('.').length !== 3) return undefined
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
      claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>,
      signingInput: `${header}.${claims}`,
      signature: Buffer.from(signature, 'base64url'),
    }
  } catch {
    return undefined
  }
}

/** nbf and exp, with the five minutes of clock skew Entra allows. */
function timeWindow(jwt: DecodedJwt): Credential {
  const now = nowSeconds()
  const nbf = Number(jwt.claims.nbf ?? jwt.claims.iat ?? 0)
  const exp = Number(jwt.claims.exp ?? 0)
  if (nbf - 300 <= now && now < exp + 300) return OK
  const iso = (s: number) =>
    new Date(s * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace('T', ' ')
  return fail(
    401,
    'invalid_client',
    700024,
    `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${iso(nbf)}, expiry time of assertion ${iso(exp)}. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials .`,
  )
}

function fail(status: number, code: string, aadsts: number, text: string): Credential {
  return { ok: false, reply: error(status, code, aadsts, text) }
}

/** The real error body: AADSTS text with trace, correlation and timestamp, plus the same facts as fields. */
export function entraErrorBody(code: string, aadsts: number, text: string): Record<string, unknown> {
  const timestamp = new Date()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace('T', ' ')
  const traceId = randomUUID()
  const correlationId = randomUUID()
  return {
    error: code,
    error_description: `AADSTS${aadsts}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
  }
}

function error(status: number, code: string, aadsts: number, text: string): Reply {
  return { status, json: entraErrorBody(code, aadsts, text) }
}

/** An error body written in `style`; anything else as it is. */
function styled(reply: Reply, style: ErrorStyle): Reply {
  const body = reply.json as Record<string, unknown> | undefined
  if (typeof body?.error_description !== 'string') return reply
  const description =
    style.separator === '\r\n'
      ? body.error_description.replace(/ (Trace ID|Correlation ID|Timestamp): /g, '\r\n$1: ')
      : body.error_description
  let text = JSON.stringify({ ...body, error_description: description }, null, style.pretty ? 2 : undefined)
  if (style.escapedSlashes) text = text.replace(/\//g, '\\/')
  return {
    status: reply.status,
    text,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers },
  }
}

/** AADSTS90033 as Entra sends it when it has a passing problem: 503 temporarily_unavailable. */
export function transientError(): Reply {
  return {
    status: 503,
    json: entraErrorBody('temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.'),
  }
}

/**
 * AADSTS7002137 (401): no federated credential for the assertion's subject, naming the subject
 * Entra expects. Answers the next token POST with the subject of the assertion it carries.
 */
export function expectedSubjectFault(expected: string): TokenFault {
  return request => {
    const sub = decodeJwt(request.form.get('client_assertion') ?? '')?.claims.sub
    return error(
      401,
      'invalid_client',
      7002137,
      `No matching federated identity record found for presented assertion subject '${String(sub)}'. Please make sure the federated identity credential Subject is '${expected}'.`,
    )
  }
}
