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
export const USER_ASSIGNED_CLIENT_ID = '3f2e1d0c-9b8a-4765-a432-10fedcba9876'

export interface ManagedIdentityOptions {
  tenant?: string
  /** User-assigned identities on the resource, by client id → principal (object) id. */
  userAssigned?: Record<string, string>
  /** Resources tokens can be had for; default any. */
  resources?: string[]
  lifetimeSeconds?: number
}

export interface ManagedIdentityEmulator extends Emulator {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, as App Service sets them. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string }
  issued: string[]
}

/**
 * App Service's managed identity endpoint (api-version 2019-08-01), as msal-node 7's AppService
 * source calls it: GET $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=R[&client_id=C],
 * header X-IDENTITY-HEADER: $IDENTITY_HEADER.
 */
export async function startManagedIdentity(options: ManagedIdentityOptions = {}): Promise<ManagedIdentityEmulator> {
  const tenant = options.tenant ?? '72f988bf-86f1-41af-91ab-2d7cd011db47'
  const userAssigned = options.userAssigned ?? { [USER_ASSIGNED_CLIENT_ID]: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }
  const lifetime = options.lifetimeSeconds ?? 86_399
  const secret = randomBytes(16).toString('hex')
  const issued: string[] = []

  const handler = (request: RecordedRequest): Reply => {
    if (request.method !== 'GET' || request.path !== '/msi/token') return { status: 404, json: { error: 'not_found' } }
    if (request.headers['x-identity-header'] !== secret) {
      return { status: 401, json: { statusCode: 401, message: 'Unauthorized. X-IDENTITY-HEADER is missing or wrong.' } }
    }
    if (request.query.get('api-version') !== '2019-08-01') {
      return { status: 400, json: { statusCode: 400, message: 'Invalid api-version.' } }
    }
    const resource = request.query.get('resource') ?? ''
    if (!resource || (options.resources && !options.resources.includes(resource))) {
      return {
        status: 400,
        json: {
          statusCode: 400,
          message: `AADSTS500011: The resource principal named ${resource} was not found in the tenant.`,
          correlationId: randomUUID(),
        },
      }
    }
    const clientId = request.query.get('client_id')
    const principal = clientId ? userAssigned[clientId] : SYSTEM_PRINCIPAL_ID
    if (!principal) {
      return {
        status: 400,
        json: {
          statusCode: 400,
          message:
            'No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.',
          correlationId: randomUUID(),
        },
      }
    }
    const iat = nowSeconds()
    const accessToken = unsignedJwt({
      aud: resource,
      iss: `https://sts.windows.net/${tenant}/`,
      iat,
      nbf: iat,
      exp: iat + lifetime,
      appid: clientId ?? 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9',
      idtyp: 'app',
      oid: principal,
      sub: principal,
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
        client_id: clientId ?? 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9',
      },
    }
  }

  const server = await startServer(handler)
  return Object.assign(server, {
    env: { IDENTITY_ENDPOINT: `${server.url}/msi/token`, IDENTITY_HEADER: secret },
    issued,
  })
}
