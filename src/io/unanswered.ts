import { ActionError } from '../errors.ts'
import { safeText, type Redact } from '../log/safe-text.ts'
import type { HttpRequest, HttpResponse, RequestContext } from './wire.ts'
import type { Transient } from './retry.ts'

/* What ends a request without an answer from the service: a redirect, a network failure, the proxy. */

/** A request that got no answer, worth another attempt. */
export class NetworkError extends Error implements Transient {
  readonly transient = true
  /** Node's error code, for the retry line: "ECONNREFUSED". */
  readonly reason: string

  /** `message`: the whole sentence, "Could not reach Entra ID at login.microsoftonline.com: …". */
  constructor(message: string, reason: string) {
    super(message)
    this.reason = reason
  }
}

/** TLS failures: a retry cannot fix them. */
const TLS_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/

/**
 * Redirects are never followed: the request carries a secret, and a proxy or a wrong endpoint
 * that answers 3xx should be fixed, not trusted.
 */
export function redirected(
  answer: HttpResponse,
  call: { service: string; endpointInput: string; request: HttpRequest; redact: Redact },
): ActionError {
  const target = safeText(originOf(answer.headers.location, call.request.url), call.redact, 200)
  return new ActionError(
    `${call.service} (${new URL(call.request.url).host}) answered with a redirect (HTTP ${answer.status}) to ${target}; get-token does not follow redirects, since the request carries a credential.`,
    { fix: redirectFix(call.endpointInput) },
  )
}

function redirectFix(endpointInput: string): string {
  return `check ${endpointInput}: give the service's own URL, not one that forwards; if a proxy or firewall between the runner and the service redirects to a login page, let the runner through it (HTTPS_PROXY, NO_PROXY).`
}

/** Where a redirect points, scheme, host and port only: a path or query may carry anything. */
function originOf(location: string | undefined, base: string): string {
  if (!location) return 'nowhere (no Location header)'
  try {
    const { origin } = new URL(location, base)
    return origin === 'null' ? 'an unusable location' : origin
  } catch {
    return 'an unusable location'
  }
}

/** A failed send as the user should read it: the deadline, TLS, the proxy, or a network failure worth a retry. */
export function networkFailure(error: unknown, service: string, ctx: RequestContext, host: string): Error {
  const { retry, redact } = ctx
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  if (message.startsWith('Request timeout')) {
    return retry.deadline.exceeded(`The request to ${service} (${host})`)
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ActionError(
      `The TLS certificate that answered for ${service} (${host}) is not valid for that host name (${code}).`,
      {
        fix: "check the host in the endpoint input: it must be a name the server's certificate covers (not an IP address or an alias). If a proxy or firewall inspects TLS, it answered in the service's place: let the runner through it (NO_PROXY), or give its CA certificate to the step through NODE_EXTRA_CA_CERTS.",
      },
    )
  }
  // http-client's tunnel agent (HTTPS_PROXY) reports every failure as ECONNRESET; the cause is in its message.
  const tunnel = /tunneling socket could not be established, (?:statusCode=(\d+)|cause=(.*))/.exec(message)
  if (tunnel?.[1]) return proxyRefused(Number(tunnel[1]), host)
  if (TLS_ERRORS.test(code)) {
    return new ActionError(`The TLS certificate of ${service} (${host}) is not trusted: ${safeText(code, redact)}.`, {
      fix: 'if the endpoint uses a private CA (a proxy that inspects TLS, Azure Stack Hub), give its CA certificate to the step through NODE_EXTRA_CA_CERTS.',
    })
  }
  const cause = tunnel?.[2] ? `the proxy could not be reached: ${tunnel[2]}` : message
  const detail = cause && cause !== code ? ` (${safeText(cause, redact, 200)})` : ''
  const via = tunnel ? ' through the proxy (HTTPS_PROXY)' : ''
  const reason = safeText(code || 'network error', redact, 60)
  return new NetworkError(`Could not reach ${service} at ${host}${via}: ${reason}${detail}.`, reason)
}

/** http-client's tunnel agent got an answer other than 200 to its CONNECT: the proxy said no. */
function proxyRefused(status: number, host: string): ActionError {
  return new ActionError(`The proxy (HTTPS_PROXY) refused to connect to ${host} (HTTP ${status}).`, {
    fix:
      status === 407
        ? 'check the user and password in HTTPS_PROXY (URL-encoded, e.g. http://user:p%40ss@proxy:3128).'
        : 'ask for the host to be allowed through the proxy, or add it to NO_PROXY if the runner reaches it directly.',
  })
}

/** A network failure that outlasted the retries: the host and code, and where to look (never the credentials). */
export function unreachable(error: NetworkError, fix: string | undefined): ActionError {
  return new ActionError(error.message, {
    fix: fix ?? "check the endpoint input and the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY).",
  })
}
