/**
 * Failure answers of the Azure managed identity endpoints (App Service, IMDS), as faults to queue
 * with fail(); docs/protocols.md ("When the services fail") gives the source of each shape.
 */
import { randomUUID, type Fault } from './server.ts'

/** App Service's answer for an identity it cannot use: not attached, or one of several and none chosen. */
export const NOT_LOADED = 'Unable to load the proper Managed Identity.'

/**
 * App Service's error answer: its own JSON, from Kestrel (sent chunked, as Node's server does too),
 * the correlation id also in X-CORRELATION-ID.
 */
export function appServiceError(status: number, message: string, emptyBody = false) {
  const correlationId = randomUUID()
  return {
    status,
    body: emptyBody ? '' : JSON.stringify({ statusCode: status, message, correlationId }),
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Server: 'Kestrel',
      'X-CORRELATION-ID': correlationId,
    },
  }
}

/**
 * App Service's 400 for a user-assigned identity the app does not have, as a fault to queue with
 * fail(). `emptyBody`: the same answer with nothing in the body (the headers still say JSON).
 */
export function appServiceNotLoaded(options: { emptyBody?: boolean } = {}): Fault {
  return appServiceError(400, NOT_LOADED, options.emptyBody)
}

/** App Service's 500 when it could not get the token from Entra (its own spelling, "occured"). */
export function appServiceServerError(): Fault {
  return appServiceError(500, 'An unexpected error occured while fetching the AAD Token.')
}

/** The Server header of IMDS's throttling answer in the reports. */
const IMDS_SERVER = 'IMDS/150.870.65.1125'

/** IMDS's 429 (past about five requests a second): OAuth-shaped JSON, and no Retry-After. */
export function imdsThrottled(): Fault {
  const body = JSON.stringify({
    error: 'invalid_request',
    error_description: 'Temporarily throttled, too many requests',
  })
  return {
    status: 429,
    body,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': length(body), Server: IMDS_SERVER },
  }
}

/**
 * IMDS while it is being updated: 410 (available again within 70 seconds) or 404. No body of one
 * is public; the emulator sends none, and does not call the empty body JSON.
 */
export function imdsUpdating(status: 404 | 410 = 410): Fault {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '0', Server: IMDS_SERVER }
  return { status, body: '', headers }
}

/**
 * A 500 in plain text from whatever answers for IMDS while it restarts: no `IMDS/` Server header,
 * written as Go's net/http writes an error (text, a newline, nosniff).
 */
export function imdsRestarting(text = 'Internal Server Error'): Fault {
  const body = `${text}\n`
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': length(body) }
  return { status: 500, body, headers: { ...headers, 'X-Content-Type-Options': 'nosniff' } }
}

/** IMDS and Go's net/http send a Content-Length; Node's server would otherwise send the body chunked. */
function length(body: string): string {
  return String(Buffer.byteLength(body))
}
