import { HttpClient } from '@actions/http-client'
import { ActionError } from '../errors.ts'
import { jsonObject } from '../json.ts'
import { credentialValues } from '../log/credential-fields.ts'
import { safeText, type Redact } from '../log/safe-text.ts'
import { isTransientStatus, parseRetryAfter, withRetry, type RetryPolicy, type Transient } from './retry.ts'
import { socketFixes } from './socket-fixes.ts'

/** Sent with every request (@azure/identity appends its own after it). */
export const USER_AGENT = 'get-token-action/1'

/** One request as the transport sends it. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers: Record<string, string>
  /** Never logged: it carries credentials. */
  body?: string
}

/** One answer, body capped at 1 MiB. */
export interface HttpResponse {
  status: number
  headers: Record<string, string | undefined>
  body: string
}

/** Sends one request, no retries. Swapped out in unit tests. */
export interface Transport {
  send(request: HttpRequest, timeoutMs: number): Promise<HttpResponse>
  dispose(): void
}

const MAX_BODY_BYTES = 1024 * 1024

/** @actions/http-client, so the runner's proxy settings (HTTPS_PROXY, NO_PROXY) apply. */
export function createTransport(userAgent = USER_AGENT): Transport {
  const clients: HttpClient[] = []
  return {
    async send(request, timeoutMs) {
      const client = new HttpClient(userAgent, [socketFixes], {
        allowRetries: false,
        allowRedirects: false,
        keepAlive: false,
        socketTimeout: Math.max(1, timeoutMs),
      })
      clients.push(client)
      const response = await client.request(request.method, request.url, request.body ?? null, request.headers)
      const body = await readCapped(response.message)
      const headers: Record<string, string | undefined> = {}
      for (const [name, value] of Object.entries(response.message.headers)) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value
      }
      return { status: response.message.statusCode ?? 0, headers, body }
    },
    dispose() {
      for (const client of clients) client.dispose()
    },
  }
}

async function readCapped(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    if (size < MAX_BODY_BYTES) chunks.push(chunk)
    size += chunk.length
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8')
}

/** A non-2xx answer. Providers turn it into an error that names their own error code. */
export class HttpStatusError extends Error {
  readonly transient: boolean
  readonly retryAfterMs: number | undefined
  readonly reason: string
  readonly status: number
  readonly body: string
  /** Lower-case names: some services put the id their support asks for in a header. */
  readonly headers: Record<string, string | undefined>

  constructor(
    status: number,
    body: string,
    retryAfter: string | undefined,
    now: number,
    headers: Record<string, string | undefined> = {},
  ) {
    super(`HTTP ${status}`)
    this.status = status
    this.body = body
    this.headers = headers
    this.transient = isTransientStatus(status)
    this.retryAfterMs = parseRetryAfter(retryAfter, now)
    this.reason = `HTTP ${status}`
  }
}

class NetworkError extends Error implements Transient {
  readonly transient = true
  readonly reason: string
  constructor(reason: string) {
    super(reason)
    this.reason = reason
  }
}

/** TLS failures: a retry cannot fix them. */
export const TLS_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/

interface JsonCall {
  /** Who answers, for messages: "IBM Cloud IAM", "GitHub's OIDC token endpoint". */
  service: string
  /** The input that names the endpoint, for the fix of a redirect: "iam-endpoint". */
  endpointInput: string
  request: HttpRequest
  transport: Transport
  retry: RetryPolicy
  redact: Redact
  /** The fix when the service cannot be reached at all; by default, network and proxy settings. */
  unreachableFix?: string
  /** Turns a non-2xx answer into the provider's own error (its codes and fixes). */
  refused: (error: HttpStatusError) => ActionError
  /** Registers a secret: every credential field of the answer is masked before the caller sees it. */
  mask: (secret: string) => void
  /** Fields that hold a credential under a plain name (GitHub's OIDC `value`). */
  secretFields?: readonly string[]
  /** Words a service puts in a credential field that are no credential (IAM's `not_supported`). */
  placeholders?: readonly string[]
}

/** One JSON request under the shared retry policy and deadline; its answer's credentials masked. */
export async function requestJson(call: JsonCall): Promise<Record<string, unknown>> {
  const { service, request, transport, retry, refused, redact } = call
  const host = new URL(request.url).host
  const response = await withRetry(async () => {
    const remaining = retry.deadline.remainingMs()
    if (remaining <= 0) throw retry.deadline.exceeded(`The request to ${service} (${host})`)
    let answer: HttpResponse
    try {
      answer = await retry.deadline.race(transport.send(request, remaining), `The request to ${service} (${host})`)
    } catch (error) {
      throw error instanceof ActionError ? error : networkFailure(error, call, host)
    }
    if (answer.status >= 300 && answer.status < 400) throw redirected(answer, call)
    if (answer.status < 200 || answer.status > 299) {
      throw new HttpStatusError(answer.status, answer.body, answer.headers['retry-after'], retry.now(), answer.headers)
    }
    return answer
  }, retry).catch((error: unknown) => {
    if (error instanceof HttpStatusError) throw refused(error)
    if (error instanceof NetworkError) {
      throw new ActionError(`Could not get a token: ${error.reason}.`, {
        fix:
          call.unreachableFix ??
          "check the endpoint input and the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY).",
      })
    }
    throw error
  })
  const body = parseJsonObject(response, service, redact)
  for (const secret of credentialValues(body, call.secretFields)) {
    if (!call.placeholders?.includes(secret)) call.mask(secret)
  }
  return body
}

/**
 * Redirects are never followed: the request carries a secret, and a proxy or a wrong endpoint
 * that answers 3xx should be fixed, not trusted.
 */
export function redirected(
  answer: HttpResponse,
  call: Pick<JsonCall, 'service' | 'endpointInput' | 'request' | 'redact'>,
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

function networkFailure(error: unknown, call: JsonCall, host: string): Error {
  const { service, retry, redact } = call
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  if (message.startsWith('Request timeout')) {
    return retry.deadline.exceeded(`The request to ${service} (${host})`)
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ActionError(`The TLS certificate of ${service} (${host}) is not valid for that host name.`, {
      fix: "check the host in the endpoint input: it must be a name the server's certificate covers (not an IP address or an alias).",
    })
  }
  const proxyStatus = /tunneling socket could not be established, statusCode=(\d+)/.exec(message)?.[1]
  if (proxyStatus) return proxyRefused(Number(proxyStatus), host)
  if (TLS_ERRORS.test(code)) {
    return new ActionError(`The TLS certificate of ${service} (${host}) is not trusted: ${safeText(code, redact)}.`, {
      fix: 'if the endpoint uses a private CA (proxy, Azure Stack Hub), give its certificate to the step through NODE_EXTRA_CA_CERTS.',
    })
  }
  return new NetworkError(`could not reach ${service} (${host}): ${safeText(code || message, redact, 200)}`)
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

function parseJsonObject({ status, body }: HttpResponse, service: string, redact: Redact): Record<string, unknown> {
  const value = jsonObject(body)
  if (value) return value
  throw new ActionError(
    `${service} answered ${status} with a body that is not JSON or not an object: "${safeText(body, redact, 200)}".`,
    { fix: 'check that the endpoint input points at the service itself, not at a proxy or login page.' },
  )
}
