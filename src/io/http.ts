import { HttpClient } from '@actions/http-client'
import { ActionError } from '../errors.ts'
import { jsonObject } from '../json.ts'
import type { Redact } from '../log/safe-text.ts'
import { credentialValues } from '../log/credential-fields.ts'
import { isTransientStatus, parseRetryAfter, withRetry, type Transient } from './retry.ts'
import { answerLine, serviceError, type ErrorModel, type LastAnswer } from './service-error.ts'
import { socketFixes } from './socket-fixes.ts'
import { NetworkError, networkFailure, redirected, unreachable } from './unanswered.ts'
import type { HttpRequest, HttpResponse, RequestContext, Transport } from './wire.ts'

export type { HttpRequest, HttpResponse, RequestContext, Transport } from './wire.ts'

/** Sent with every request, the managed identity SDK's too. */
const USER_AGENT = 'get-token-action/1'

const MAX_BODY_BYTES = 1024 * 1024

/** @actions/http-client, so the runner's proxy settings (HTTPS_PROXY, NO_PROXY) apply. */
export function createTransport(): Transport {
  const clients: HttpClient[] = []
  return {
    async send(request, timeoutMs) {
      const client = new HttpClient(USER_AGENT, [socketFixes], {
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

/** The answer of one attempt that may be better on the next (408, 429, 5xx, or a status the service documents so). */
class TransientAnswer extends Error implements Transient {
  readonly transient = true
  readonly reason: string
  readonly retryAfterMs: number | undefined

  constructor(status: number, retryAfterMs: number | undefined) {
    super(`HTTP ${status}`)
    this.reason = `HTTP ${status}`
    this.retryAfterMs = retryAfterMs
  }
}

/** One request under the shared retry policy and deadline. */
export interface Exchange {
  /** Who answers, for messages: "IBM Cloud IAM", "Azure IMDS", "GitHub". */
  service: string
  /** The input that names the endpoint, for the fix of a redirect: "iam-endpoint". */
  endpointInput: string
  /** The request, or a function that builds it afresh for every attempt (a token file is read again). */
  request: HttpRequest | (() => Promise<HttpRequest>)
  /** The fix when the service cannot be reached at all; by default, network and proxy settings. */
  unreachableFix?: string
  /** Statuses the service documents as passing, besides 408, 429 and 5xx (IMDS: 404 and 410). */
  alsoTransient?: readonly number[]
  /** Fields that hold a credential under a plain name (GitHub's OIDC `value`). */
  secretFields?: readonly string[]
  /** Words a service puts in a credential field that are no credential (IAM's `not_supported`). */
  placeholders?: readonly string[]
}

/**
 * Sends a request until it gets an answer that is not passing, runs out of attempts or would pass
 * the deadline, and returns the last answer, whatever its status. Every answer's credential fields
 * are masked first. A redirect, a network failure and the deadline end it with an ActionError.
 */
export async function exchange(ctx: RequestContext, call: Exchange): Promise<LastAnswer> {
  const { service } = call
  const { retry } = ctx
  let attempts = 0
  let last: LastAnswer | undefined
  try {
    await withRetry(async () => {
      attempts++
      last = undefined
      const request = typeof call.request === 'function' ? await call.request() : call.request
      const host = new URL(request.url).host
      const what = `The request to ${service} (${host})`
      const remaining = retry.deadline.remainingMs()
      if (remaining <= 0) throw retry.deadline.exceeded(what)
      let response: HttpResponse
      try {
        response = await retry.deadline.race(ctx.transport.send(request, remaining), what)
      } catch (error) {
        throw error instanceof ActionError ? error : networkFailure(error, service, ctx, host)
      }
      // Parsed once: masking, the caller and the error model all read this.
      const json = response.body.includes('{') ? jsonObject(response.body) : undefined
      maskCredentials(json, call, ctx.mask)
      if (response.status >= 300 && response.status < 400) {
        throw redirected(response, { ...call, request, redact: ctx.redact })
      }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], retry.now())
      const passing = isTransientStatus(response.status) || call.alsoTransient?.includes(response.status) === true
      last = { service, response, json, attempts, retryAfterMs, passing }
      if (passing) throw new TransientAnswer(response.status, retryAfterMs)
    }, retry)
  } catch (error) {
    if (error instanceof NetworkError) throw unreachable(error, call.unreachableFix)
    if (!(error instanceof TransientAnswer)) throw error
  }
  if (!last) throw new Error('exchange ended without an answer')
  return last
}

/** One JSON request: its answer's object, or the service's error told by `errors` (the one error model). */
interface JsonCall extends Exchange {
  errors: ErrorModel
}

/** One JSON request under the shared retry policy and deadline; its answer's credentials masked. */
export async function requestJson(ctx: RequestContext, call: JsonCall): Promise<Record<string, unknown>> {
  const last = await exchange(ctx, call)
  const { response, json } = last
  if (response.status < 200 || response.status > 299) throw serviceError(last, call.errors, ctx.redact)
  if (json) return json
  throw notJson(response, call.service, ctx.redact)
}

function maskCredentials(json: Record<string, unknown> | undefined, call: Exchange, mask: (secret: string) => void) {
  for (const secret of credentialValues(json, call.secretFields)) {
    if (!call.placeholders?.includes(secret)) mask(secret)
  }
}

function notJson({ status, body }: HttpResponse, service: string, redact: Redact): ActionError {
  return new ActionError(
    `${service} answered ${status} with a body that is not a JSON object: "${answerLine(body, redact)}".`,
    { fix: 'check that the endpoint input points at the service itself, not at a proxy or login page.' },
  )
}
