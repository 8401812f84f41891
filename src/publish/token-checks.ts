import { ActionError } from '../errors.ts'
import { safeText, type Redact } from '../log/safe-text.ts'
import { MAX_LIFETIME_MS, type Token } from '../token.ts'

/** RFC 6750 `b64token`: what may follow `Bearer ` in an Authorization header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/
const PROXY_FIX =
  'the service or something between it and the runner (a proxy, a wrong endpoint input) answered with a broken token: check the endpoint input and proxy settings, and retry.'

/**
 * A token is published only if later steps can use it safely: a valid bearer token (a line break
 * in it would inject a header into `curl -H "Authorization: Bearer $TOKEN"`) with a sane expiry.
 */
export function checkToken(token: Token, service: string, now: number, redact: Redact): void {
  const problem = tokenProblem(token.accessToken)
  if (problem) {
    throw new ActionError(`${service} answered with an access token that ${problem}; it was not published.`, {
      fix: PROXY_FIX,
    })
  }
  const at = token.expiresOnMs
  const field = token.expirySource
  if (!Number.isFinite(at)) {
    const stated =
      token.expiryText === undefined
        ? `no ${field}`
        : `${field} ${JSON.stringify(safeText(token.expiryText, redact, 80))}`
    throw new ActionError(
      `${service} answered with a token but ${stated}, an expiry get-token cannot read; the token was not published.`,
      { fix: token.expiryFix ?? PROXY_FIX },
    )
  }
  if (at <= now) {
    throw new ActionError(
      `${service} answered with a token that has already expired (${field}: ${iso(at)}, now ${iso(now)}); it was not published.`,
      { fix: "check the runner's clock (it must be in sync), then retry." },
    )
  }
  if (at - now > MAX_LIFETIME_MS) {
    throw new ActionError(
      `${service} answered with an expiry (${field}) more than 31 days ahead (${iso(at)}); it was not published.`,
      { fix: `${PROXY_FIX} An expiry in milliseconds where seconds are expected looks like this.` },
    )
  }
}

function tokenProblem(token: string): string | undefined {
  if (token === '') return 'is empty'
  if (B64TOKEN.test(token)) return undefined
  if (/[\r\n]/.test(token)) return 'contains a line break'
  if (/\s/.test(token)) return 'contains white space'
  return 'has characters a bearer token may not have (RFC 6750: letters, digits, -._~+/ and = padding)'
}

function iso(ms: number): string {
  return Math.abs(ms) < 8.64e15 ? new Date(ms).toISOString() : String(ms)
}
