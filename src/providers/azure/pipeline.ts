import type { ClientSecretCredentialOptions } from '@azure/identity'
import type { Deadline } from '../../deadline.ts'
import { TLS_ERRORS } from '../../http.ts'
import { isTransientStatus, parseRetryAfter, withRetry, type RetryPolicy } from '../../retry.ts'

type PipelinePolicy = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number]['policy']
type PipelineResponse = Awaited<ReturnType<PipelinePolicy['sendRequest']>>

/**
 * The action's retry policy (retry.ts) inside @azure/identity's HTTP pipeline, whose own retry
 * policy is switched off: the same rules as every other request (network errors, 408, 429, 5xx;
 * Retry-After; max-attempts; the deadline), one loop, no stacking.
 */
export function retryPolicy(retry: RetryPolicy): PipelinePolicy {
  return {
    name: 'getTokenRetry',
    async sendRequest(request, next) {
      try {
        return await withRetry(async () => {
          let response: PipelineResponse
          try {
            response = await next(request)
          } catch (error) {
            throw isNetworkError(error)
              ? new TransientFailure(error, String((error as { code?: unknown }).code ?? 'network error'))
              : error
          }
          if (isTransientStatus(response.status))
            throw new TransientFailure(response, `HTTP ${response.status}`, response.headers.get('retry-after'))
          return response
        }, retry)
      } catch (error) {
        // Out of attempts: hand MSAL the last answer (or network error) so it reports it as usual.
        if (!(error instanceof TransientFailure)) throw error
        if (error.last instanceof Error) throw error.last
        return error.last as PipelineResponse
      }
    },
  }
}

class TransientFailure extends Error {
  readonly transient = true
  readonly reason: string
  readonly retryAfterMs: number | undefined
  readonly last: unknown

  constructor(last: unknown, reason: string, retryAfter?: string) {
    super(reason)
    this.last = last
    this.reason = reason
    this.retryAfterMs = parseRetryAfter(retryAfter)
  }
}

/** A transient network failure; not an abort (the deadline), not an answer, not a TLS failure. */
export function isNetworkError(error: unknown): boolean {
  const { name, code, statusCode } = (error ?? {}) as { name?: string; code?: string; statusCode?: number }
  if (name === 'AbortError' || statusCode !== undefined || TLS_ERRORS.test(code ?? '')) return false
  return name === 'RestError' || /^E[A-Z]+$/.test(code ?? '')
}

/**
 * MSAL does not pass getToken's abortSignal to its HTTP calls, so timeout-seconds is enforced in
 * the pipeline: every request is aborted at the deadline. Managed identity replaces
 * additionalPolicies with its own; it is bounded by the race in getAzureToken instead.
 */
export function deadlinePolicy(deadline: Deadline): PipelinePolicy {
  const signal = AbortSignal.timeout(Math.max(1, deadline.remainingMs()))
  return {
    name: 'getTokenDeadline',
    sendRequest(request, next) {
      const own = request.abortSignal
      request.abortSignal = own instanceof AbortSignal ? AbortSignal.any([own, signal]) : signal
      return next(request)
    },
  }
}
