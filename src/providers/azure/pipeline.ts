import type { ClientSecretCredentialOptions } from '@azure/identity'
import type { Deadline } from '../../io/deadline.ts'
import { TLS_ERRORS } from '../../io/http.ts'
import type { FederatedAssertion } from './federated.ts'
import { isTransientStatus, parseRetryAfter, withRetry, type RetryPolicy } from '../../io/retry.ts'

/** A policy of @azure/identity's HTTP pipeline, as `additionalPolicies` takes it. */
export type PipelinePolicy = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number]['policy']
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
              ? new TransientFailure(error, String((error as { code?: unknown }).code ?? 'network error'), retry.now())
              : error
          }
          if (isTransientStatus(response.status))
            throw new TransientFailure(
              response,
              `HTTP ${response.status}`,
              retry.now(),
              response.headers.get('retry-after'),
            )
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

  constructor(last: unknown, reason: string, now: number, retryAfter?: string) {
    super(reason)
    this.last = last
    this.reason = reason
    this.retryAfterMs = parseRetryAfter(retryAfter, now)
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

/**
 * Puts a freshly fetched federated assertion into every attempt's token request: a retry sends
 * the current token, not the one MSAL read before the first attempt.
 */
export function freshAssertionPolicy(assertion: FederatedAssertion): PipelinePolicy {
  return {
    name: 'getTokenFreshAssertion',
    async sendRequest(request, next) {
      if (typeof request.body === 'string' && request.body.includes('client_assertion=')) {
        const form = new URLSearchParams(request.body)
        form.set('client_assertion', await assertion.get())
        request.body = form.toString()
        request.headers.delete('content-length')
      }
      return next(request)
    },
  }
}
