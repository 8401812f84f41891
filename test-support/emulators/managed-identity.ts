import { randomBytes } from 'node:crypto'
import {
  nowSeconds,
  randomUUID,
  startServer,
  unsignedJwt,
  type Emulator,
  type RecordedRequest,
  type Reply,
} from './server.ts'

export const SYSTEM_PRINCIPAL_ID = '5b1f2e3d-4c5b-4a69-8877-665544332211'

/** A user-assigned identity on the resource, by each of the ids msal can pick it with. */
export interface UserAssignedIdentity {
  clientId: string
  objectId: string
  resourceId: string
}

export const USER_ASSIGNED: UserAssignedIdentity = {
  clientId: '3f2e1d0c-9b8a-4765-a432-10fedcba9876',
  objectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  resourceId:
    '/subscriptions/0f1e2d3c-4b5a-4968-8776-655443322110/resourceGroups/runners/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir-reader',
}
export const USER_ASSIGNED_CLIENT_ID = USER_ASSIGNED.clientId

export interface ManagedIdentityOptions {
  tenant?: string
  userAssigned?: UserAssignedIdentity[]
  /** Resources tokens can be had for; default any. */
  resources?: string[]
  lifetimeSeconds?: number
}

export interface ManagedIdentityEmulator extends Emulator {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, as App Service sets them. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string }
  issued: string[]
}

/** App Service (api-version 2019-08-01) picks a user-assigned identity by one of these; IMDS's msi_res_id is not one. */
const SELECTORS = { client_id: 'clientId', object_id: 'objectId', mi_res_id: 'resourceId' } as const

/**
 * App Service's managed identity endpoint (api-version 2019-08-01), as msal-node 7's AppService
 * source calls it: GET $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=R[&client_id=C |
 * &object_id=O | &mi_res_id=R], header X-IDENTITY-HEADER: $IDENTITY_HEADER.
 */
export async function startManagedIdentity(options: ManagedIdentityOptions = {}): Promise<ManagedIdentityEmulator> {
  const tenant = options.tenant ?? '72f988bf-86f1-41af-91ab-2d7cd011db47'
  const userAssigned = options.userAssigned ?? [USER_ASSIGNED]
  const lifetime = options.lifetimeSeconds ?? 86_399
  const secret = randomBytes(16).toString('hex')
  const issued: string[] = []

  const refuse = (status: number, message: string): Reply => ({
    status,
    json: { statusCode: status, message, correlationId: randomUUID() },
  })

  /** The principal the request asks for, or why it cannot have one. */
  const principalFor = (query: URLSearchParams): { principal: string; clientId?: string } | Reply => {
    if (query.has('msi_res_id'))
      return refuse(400, 'Invalid query parameter msi_res_id: App Service expects mi_res_id.')
    const given = Object.keys(SELECTORS).filter(name => query.has(name)) as Array<keyof typeof SELECTORS>
    if (given.length > 1)
      return refuse(400, `Only one of client_id, object_id, mi_res_id may be given; got ${given.join(', ')}.`)
    const [name] = given
    if (!name) return { principal: SYSTEM_PRINCIPAL_ID }
    const value = (query.get(name) ?? '').toLowerCase()
    const identity = userAssigned.find(candidate => candidate[SELECTORS[name]].toLowerCase() === value)
    if (!identity) {
      return refuse(
        400,
        'No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.',
      )
    }
    return { principal: identity.objectId, clientId: identity.clientId }
  }

  const handler = (request: RecordedRequest): Reply => {
    if (request.method !== 'GET' || request.path !== '/msi/token') return { status: 404, json: { error: 'not_found' } }
    if (request.headers['x-identity-header'] !== secret) {
      return refuse(401, 'Unauthorized. X-IDENTITY-HEADER is missing or wrong.')
    }
    if (request.query.get('api-version') !== '2019-08-01') return refuse(400, 'Invalid api-version.')
    const resource = request.query.get('resource') ?? ''
    if (!resource || (options.resources && !options.resources.includes(resource))) {
      return refuse(400, `AADSTS500011: The resource principal named ${resource} was not found in the tenant.`)
    }
    const found = principalFor(request.query)
    if ('status' in found) return found
    const appId = found.clientId ?? 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9'
    const iat = nowSeconds()
    const accessToken = unsignedJwt({
      aud: resource,
      iss: `https://sts.windows.net/${tenant}/`,
      iat,
      nbf: iat,
      exp: iat + lifetime,
      appid: appId,
      idtyp: 'app',
      oid: found.principal,
      sub: found.principal,
      tid: tenant,
      xms_mirid: '/subscriptions/0000/resourcegroups/rg/providers/Microsoft.Web/sites/runner',
      ver: '1.0',
    })
    issued.push(accessToken)
    return {
      status: 200,
      json: {
        access_token: accessToken,
        expires_on: String(iat + lifetime),
        resource,
        token_type: 'Bearer',
        client_id: appId,
      },
    }
  }

  const server = await startServer(handler)
  return Object.assign(server, {
    env: { IDENTITY_ENDPOINT: `${server.url}/msi/token`, IDENTITY_HEADER: secret },
    issued,
  })
}
