/**
 * IBM Cloud's resource controller, the read the live check makes with an IAM token
 * (docs/protocols.md, "What the live check reads"): `GET /v2/resource_instances?limit=1` with a
 * bearer token. A token the emulator was given answers 200 (a ResourceInstancesList, empty for an
 * identity without access) or 403; any other token 401. Errors have the resource controller's own
 * shape: `error_code`, `message`, `status_code`, `transaction_id`.
 */
import { randomBytes } from 'node:crypto'
import { startServer, type Emulator, type RecordedRequest, type Reply } from './server.ts'

/** Which tokens the resource controller accepts. */
interface ResourceControllerOptions {
  /** Tokens the resource controller accepts. */
  accepted?: string[]
  /** Tokens it accepts for an identity that may not list instances. */
  forbidden?: string[]
}

/** The resource controller on loopback with the tokens it accepts. */
export function startResourceController(options: ResourceControllerOptions = {}): Promise<Emulator> {
  return startServer(request => answer(request, options))
}

function answer(request: RecordedRequest, options: ResourceControllerOptions): Reply {
  if (request.method !== 'GET' || request.path !== '/v2/resource_instances')
    return { status: 404, text: 'not emulated: only GET /v2/resource_instances' }
  const token = /^Bearer (\S+)$/.exec(String(request.headers.authorization ?? ''))?.[1]
  if (token && options.accepted?.includes(token))
    return { status: 200, json: { rows_count: 0, next_url: null, resources: [] } }
  if (token && options.forbidden?.includes(token))
    return failure(403, 'You are not authorized to list resource instances in this account.')
  return failure(401, 'Token is expired')
}

function failure(status: number, message: string): Reply {
  const transaction = `bss-${randomBytes(8).toString('hex')}`
  return {
    status,
    json: { error_code: 'RC-IamErrorResponse', message, status_code: status, transaction_id: transaction },
  }
}
