/**
 * Azure Resource Manager's subscription list, the read the live check makes with an Entra token
 * (docs/protocols.md, "What the live check reads"): `GET /subscriptions?api-version=…` with a
 * bearer token. A token the emulator was given answers 200 (its subscriptions, possibly none) or
 * 403 `AuthorizationFailed`; any other token 401 `InvalidAuthenticationToken`, and no token 401
 * `AuthenticationFailed`, each 401 with ARM's `WWW-Authenticate` challenge.
 */
import { randomUUID, startServer, type Emulator, type RecordedRequest, type Reply } from './server.ts'

/** Which tokens ARM accepts, and for whom. */
interface ArmOptions {
  /** Tokens ARM accepts, each with the subscription ids its identity may read (none: an empty list). */
  accepted?: Record<string, string[]>
  /** Tokens ARM accepts for an identity it refuses the read: token → that identity's object id. */
  forbidden?: Record<string, string>
  tenant?: string
}

/** A started ARM emulator, with the tenant its subscriptions belong to. */
export interface ArmEmulator extends Emulator {
  tenant: string
}

/** The challenge ARM sends with a 401 (the Azure SDKs' bearer-policy tests quote it as ARM's). */
export function armChallenge(description: string): string {
  return `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${description}"`
}

/** ARM on loopback with the tokens it accepts. */
export async function startArm(options: ArmOptions = {}): Promise<ArmEmulator> {
  const tenant = options.tenant ?? randomUUID()
  const emulator = await startServer(request => answer(request, options, tenant))
  return { ...emulator, tenant }
}

function answer(request: RecordedRequest, options: ArmOptions, tenant: string): Reply {
  if (request.method !== 'GET' || request.path !== '/subscriptions')
    return { status: 404, text: 'not emulated: only GET /subscriptions' }
  const token = /^Bearer (\S+)$/.exec(String(request.headers.authorization ?? ''))?.[1]
  if (!token)
    return unauthorized(
      'AuthenticationFailed',
      'Authentication failed.',
      "The authentication failed because of missing 'Authorization' header.",
    )
  const subscriptions = options.accepted?.[token]
  if (subscriptions)
    return {
      status: 200,
      json: {
        value: subscriptions.map(id => ({
          id: `/subscriptions/${id}`,
          subscriptionId: id,
          tenantId: tenant,
          displayName: 'Live check',
          state: 'Enabled',
        })),
      },
    }
  const objectId = options.forbidden?.[token]
  if (objectId)
    return {
      status: 403,
      headers: { 'x-ms-failure-cause': 'gateway' },
      json: {
        error: {
          code: 'AuthorizationFailed',
          message:
            `The client '${objectId}' with object id '${objectId}' does not have authorization to perform action ` +
            "'Microsoft.Resources/subscriptions/read' over scope '/subscriptions' or the scope is invalid. " +
            'If access was recently granted, please refresh your credentials.',
        },
      },
    }
  return unauthorized('InvalidAuthenticationToken', 'The access token is invalid.', 'The access token is invalid.')
}

function unauthorized(code: string, message: string, description: string): Reply {
  return {
    status: 401,
    headers: { 'WWW-Authenticate': armChallenge(description), 'x-ms-failure-cause': 'gateway' },
    json: { error: { code, message } },
  }
}
