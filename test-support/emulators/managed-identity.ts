/** Azure managed identity endpoints, as docs/protocols.md ("Azure managed identity") describes them. */
import { randomBytes } from 'node:crypto'
import { nowSeconds, startServer, unsignedJwt, type Emulator, type RecordedRequest, type Reply } from './server.ts'
import { NOT_LOADED, appServiceError } from './managed-identity-faults.ts'

export {
  appServiceNotLoaded,
  appServiceServerError,
  imdsRestarting,
  imdsThrottled,
  imdsUpdating,
} from './managed-identity-faults.ts'

/** The object id of the resource's system-assigned identity (the token's `oid`). */
export const SYSTEM_PRINCIPAL_ID = '5b1f2e3d-4c5b-4a69-8877-665544332211'
const DEFAULT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'

/** A user-assigned identity on the resource, by each of the ids msal can pick it with. */
interface UserAssignedIdentity {
  clientId: string
  objectId: string
  resourceId: string
}

/** The user-assigned identity on the resource that most tests pick. */
export const USER_ASSIGNED: UserAssignedIdentity = {
  clientId: '3f2e1d0c-9b8a-4765-a432-10fedcba9876',
  objectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  resourceId:
    '/subscriptions/0f1e2d3c-4b5a-4968-8776-655443322110/resourceGroups/runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir-reader',
}
/** USER_ASSIGNED's client id: the `client-id` input that picks it. */
export const USER_ASSIGNED_CLIENT_ID = USER_ASSIGNED.clientId

/** A second user-assigned identity, for a VM that has several. */
export const OTHER_USER_ASSIGNED: UserAssignedIdentity = {
  clientId: '4a3b2c1d-0e9f-4876-b543-21fedcba0987',
  objectId: '8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e',
  resourceId:
    '/subscriptions/0f1e2d3c-4b5a-4968-8776-655443322110/resourceGroups/runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/dicom-reader',
}

/** The identities on the resource, what tokens are for, and how the answers are written. */
interface ManagedIdentityOptions {
  tenant?: string
  userAssigned?: UserAssignedIdentity[]
  /** Whether the resource has a system-assigned identity (default true). */
  systemAssigned?: boolean
  /** Resources tokens can be had for; default any. */
  resources?: string[]
  lifetimeSeconds?: number
  /**
   * App Service only: `expires_on` as epoch seconds in a string (api-version 2019-08-01, the
   * default), or as the date string App Service's 2017-09-01 API wrote (`09/14/2017 00:00:00 PM +00:00`).
   */
  expiresOnFormat?: 'epoch-seconds' | 'date-string'
  /** IMDS: seconds added to `expires_on` only, an endpoint whose clock is ahead of the runner's (or behind). */
  expiresOnSkewSeconds?: number
}

/** A started App Service identity endpoint: its variables, and the tokens it issued. */
export interface ManagedIdentityEmulator extends Emulator {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, as App Service sets them. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string }
  issued: string[]
  /** Changes the answers from now on. */
  options: ManagedIdentityOptions
}

/** A started Azure Instance Metadata Service (IMDS) identity endpoint, on loopback. */
export interface ImdsEmulator extends Emulator {
  /** Points msal-node's IMDS source at this emulator instead of 169.254.169.254. */
  env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: string }
  issued: string[]
  options: ManagedIdentityOptions
}

/** App Service (api-version 2019-08-01) picks a user-assigned identity by one of these; IMDS's msi_res_id is not one. */
const APP_SERVICE_SELECTORS = { client_id: 'clientId', object_id: 'objectId', mi_res_id: 'resourceId' } as const
/** IMDS (api-version 2018-02-01) names a resource id msi_res_id. */
const IMDS_SELECTORS = { client_id: 'clientId', object_id: 'objectId', msi_res_id: 'resourceId' } as const
type Selectors = typeof APP_SERVICE_SELECTORS | typeof IMDS_SELECTORS

/** Who the token is for, or the reason there is none. */
type Principal = { principal: string; clientId?: string } | { refusal: 'ambiguous' | 'not-found' | 'two-selectors' }

function principalFor(query: URLSearchParams, selectors: Selectors, options: ManagedIdentityOptions): Principal {
  const userAssigned = options.userAssigned ?? [USER_ASSIGNED]
  const given = Object.keys(selectors).filter(name => query.has(name)) as Array<keyof Selectors>
  if (given.length > 1) return { refusal: 'two-selectors' }
  const [name] = given
  if (!name) {
    if (options.systemAssigned ?? true) return { principal: SYSTEM_PRINCIPAL_ID }
    const [only, ...others] = userAssigned
    if (!only) return { refusal: 'not-found' }
    if (others.length > 0) return { refusal: 'ambiguous' }
    return { principal: only.objectId, clientId: only.clientId }
  }
  const field = (selectors as Record<string, keyof UserAssignedIdentity>)[name] ?? 'clientId'
  const value = (query.get(name) ?? '').toLowerCase()
  const identity = userAssigned.find(candidate => candidate[field].toLowerCase() === value)
  return identity ? { principal: identity.objectId, clientId: identity.clientId } : { refusal: 'not-found' }
}

/** A managed identity access token as Entra issues it, and when it expires. */
function mintToken(resource: string, found: { principal: string; clientId?: string }, options: ManagedIdentityOptions) {
  const appId = found.clientId ?? 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9'
  const tenant = options.tenant ?? DEFAULT_TENANT
  const iat = nowSeconds()
  const exp = iat + (options.lifetimeSeconds ?? 86_399)
  const accessToken = unsignedJwt({
    aud: resource,
    iss: `https://sts.windows.net/${tenant}/`,
    iat,
    nbf: iat,
    exp,
    appid: appId,
    idtyp: 'app',
    oid: found.principal,
    sub: found.principal,
    tid: tenant,
    xms_mirid: '/subscriptions/0000/resourcegroups/rg/providers/Microsoft.Web/sites/runner',
    ver: '1.0',
  })
  return { accessToken, appId, iat, exp }
}

/** `09/14/2017 00:00:00 PM +00:00`: month/day/year, the 2017-09-01 API's expiry (UTC). */
function appServiceDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  const hours = d.getUTCHours() % 12 || 12
  const half = d.getUTCHours() < 12 ? 'AM' : 'PM'
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(hours)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${half} +00:00`
}

/**
 * App Service's managed identity endpoint (api-version 2019-08-01), as msal-node 7's AppService
 * source calls it: GET $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=R[&client_id=C |
 * &object_id=O | &mi_res_id=R], header X-IDENTITY-HEADER: $IDENTITY_HEADER.
 */
export async function startManagedIdentity(options: ManagedIdentityOptions = {}): Promise<ManagedIdentityEmulator> {
  const secret = randomBytes(16).toString('hex')
  const issued: string[] = []
  const current = { ...options }

  const refuse = (status: number, message: string): Reply => {
    const { body, headers } = appServiceError(status, message)
    return { status, text: body, headers }
  }

  const handler = (request: RecordedRequest): Reply => {
    if (request.method !== 'GET' || request.path !== '/msi/token') return { status: 404, json: { error: 'not_found' } }
    if (request.headers['x-identity-header'] !== secret) {
      return refuse(401, 'Unauthorized. X-IDENTITY-HEADER is missing or wrong.')
    }
    if (request.query.get('api-version') !== '2019-08-01') return refuse(400, 'Invalid api-version.')
    const resource = request.query.get('resource') ?? ''
    if (!resource || (current.resources && !current.resources.includes(resource))) {
      return refuse(400, `AADSTS500011: The resource principal named ${resource} was not found in the tenant.`)
    }
    if (request.query.has('msi_res_id'))
      return refuse(400, 'Invalid query parameter msi_res_id: App Service expects mi_res_id.')
    const found = principalFor(request.query, APP_SERVICE_SELECTORS, current)
    if ('refusal' in found) {
      return found.refusal === 'two-selectors'
        ? refuse(400, 'Only one of client_id, object_id, mi_res_id may be given.')
        : refuse(400, NOT_LOADED)
    }
    const { accessToken, appId, exp } = mintToken(resource, found, current)
    issued.push(accessToken)
    const expiresOn = current.expiresOnFormat === 'date-string' ? appServiceDate(exp) : String(exp)
    return {
      status: 200,
      json: { access_token: accessToken, expires_on: expiresOn, resource, token_type: 'Bearer', client_id: appId },
    }
  }

  const server = await startServer(handler)
  return Object.assign(server, {
    env: { IDENTITY_ENDPOINT: `${server.url}/msi/token`, IDENTITY_HEADER: secret },
    issued,
    options: current,
  })
}

const IMDS_REFUSALS = {
  ambiguous:
    'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request',
  'not-found': 'Identity not found',
  // Not documented: the action never sends two selectors (an input error before any request).
  'two-selectors': 'Identity not found',
}

/**
 * The Azure Instance Metadata Service's token endpoint (api-version 2018-02-01), as msal-node 7's
 * Imds source calls it: GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=R
 * [&client_id=C | &object_id=O | &msi_res_id=R], header Metadata: true. Errors are OAuth-shaped:
 * {"error","error_description"}.
 */
export async function startImds(options: ManagedIdentityOptions = {}): Promise<ImdsEmulator> {
  const issued: string[] = []
  const current = { ...options }
  const refuse = (error: string, description: string): Reply => ({
    status: 400,
    json: { error, error_description: description },
    headers: { Server: 'IMDS/150.870.65.512' },
  })

  const handler = (request: RecordedRequest): Reply => {
    // msal-node canonicalizes the endpoint with a trailing slash.
    if (request.method !== 'GET' || request.path.replace(/\/$/, '') !== '/metadata/identity/oauth2/token') {
      return { status: 404, json: { error: 'Not found' } }
    }
    if (request.headers.metadata !== 'true') return refuse('bad_request_102', 'Required metadata header not specified')
    // Tests assert api-version and resource on the recorded request.
    const resource = request.query.get('resource') ?? ''
    const found = principalFor(request.query, IMDS_SELECTORS, current)
    if ('refusal' in found) return refuse('invalid_request', IMDS_REFUSALS[found.refusal])
    const { accessToken, iat, exp } = mintToken(resource, found, current)
    issued.push(accessToken)
    return {
      status: 200,
      json: {
        access_token: accessToken,
        refresh_token: '',
        expires_in: String(exp - iat),
        expires_on: String(exp + (current.expiresOnSkewSeconds ?? 0)),
        not_before: String(iat),
        resource,
        token_type: 'Bearer',
      },
    }
  }

  const server = await startServer(handler)
  return Object.assign(server, { env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: server.url }, issued, options: current })
}
