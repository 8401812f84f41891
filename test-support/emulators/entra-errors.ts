/**
 * How the Entra ID emulator writes its refusals, and the failure answers a test can queue with
 * failToken(). docs/protocols.md ("Entra ID", "When the services fail") gives the source of each.
 */
import { randomUUID, type Reply } from './server.ts'

/** The hosts `error_uri` has been seen on; null: the body has no `error_uri` at all. */
type ErrorUriHost = 'login.microsoftonline.com' | 'login.microsoft.com' | 'login.windows.net' | null

/**
 * How an error body is written. Real answers differ: `\r\n` or a space before "Trace ID:",
 * "Correlation ID:" and "Timestamp:" in error_description; `/` escaped as `\/`; indented JSON;
 * `error_uri` on one of three hosts, or none.
 */
export interface ErrorStyle {
  separator?: ' ' | '\r\n'
  escapedSlashes?: boolean
  pretty?: boolean
  /** Default login.microsoftonline.com. */
  errorUriHost?: ErrorUriHost
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

/** An AADSTS refusal with its status, as the token endpoint answers it. */
export function entraError(status: number, code: string, aadsts: number, text: string): Reply {
  return { status, json: entraErrorBody(code, aadsts, text) }
}

/** An error body written in `style`; anything else (a success, a text answer) as it is. */
export function styled(reply: Reply, style: ErrorStyle): Reply {
  const body = reply.json as Record<string, unknown> | undefined
  if (typeof body?.error_description !== 'string') return reply
  const description =
    style.separator === '\r\n'
      ? body.error_description.replace(/ (Trace ID|Correlation ID|Timestamp): /g, '\r\n$1: ')
      : body.error_description
  const host = style.errorUriHost === undefined ? 'login.microsoftonline.com' : style.errorUriHost
  // Each field keeps its place (suberror and claims come after error_uri).
  const written: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(body)) {
    if (name === 'error_description') written[name] = description
    else if (name !== 'error_uri') written[name] = value
    else if (host !== null) written[name] = String(value).replace('login.microsoftonline.com', host)
  }
  let text = JSON.stringify(written, null, style.pretty ? 2 : undefined)
  if (style.escapedSlashes) text = text.replace(/\//g, '\\/')
  return {
    status: reply.status,
    text,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers },
  }
}

/** AADSTS90033 as Entra sends it when it has a passing problem: 503 temporarily_unavailable. */
export function transientError(): Reply {
  return entraError(503, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.')
}

/**
 * Entra's throttling answer to client credentials requests: 429, the plain text
 * `Too Many Requests` (not JSON), and `Retry-After` in seconds (60 in the report).
 */
export function throttledPlainText(retryAfterSeconds = 60): Reply {
  return {
    status: 429,
    text: 'Too Many Requests',
    headers: { 'Content-Type': 'text/plain', 'Retry-After': String(retryAfterSeconds) },
  }
}

/**
 * 504 with no body at all, as token requests got during an Entra outage. The emulator's server
 * always names a content type; text/plain claims nothing about an empty body.
 */
export function gatewayTimeoutEmpty(): Reply {
  return { status: 504, text: '', headers: { 'Content-Type': 'text/plain', 'Content-Length': '0' } }
}

/**
 * AADSTS53003 (400 invalid_grant): a Conditional Access policy blocks the service principal.
 * `claims` is a JSON string naming the blocking policies' ids in `access_token.capolids.values`.
 */
export function conditionalAccessBlocked(policyIds: string[]): Reply {
  const body = entraErrorBody(
    'invalid_grant',
    53003,
    'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  )
  const claims = { access_token: { capolids: { essential: true, values: policyIds } } }
  return { status: 400, json: { ...body, suberror: 'message_only', claims: JSON.stringify(claims) } }
}

/** AADSTS50059 (400 invalid_request): client credentials sent to `common` or `organizations`. */
export function noTenantIdentified(): Reply {
  return entraError(
    400,
    'invalid_request',
    50059,
    'No tenant-identifying information found in either the request or implied by any provided credentials.',
  )
}

/** AADSTS7000112 (400 unauthorized_client): the app (its service principal) is disabled in the tenant. */
export function applicationDisabled(clientId: string, displayName: string): Reply {
  return entraError(400, 'unauthorized_client', 7000112, `Application '${clientId}'(${displayName}) is disabled.`)
}

/** AADSTS700025 (401 invalid_client): a secret or assertion sent for an app that allows public client flows. */
export function publicClientCredential(): Reply {
  return entraError(
    401,
    'invalid_client',
    700025,
    "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  )
}
