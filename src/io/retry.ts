import type { Clock, Deadline } from './deadline.ts'

/** The one retry policy for every request the action makes (inputs `max-attempts`, `timeout-seconds`). */
export interface RetryPolicy {
  maxAttempts: number
  deadline: Deadline
  sleep: (ms: number) => Promise<void>
  random: () => number
  /** For Retry-After given as an HTTP date. */
  now: Clock
  onRetry?: (reason: string, delayMs: number, nextAttempt: number) => void
}

/** Thrown by an attempt that may succeed if tried again (network error, 408, 429, 5xx). */
export interface Transient {
  transient: true
  retryAfterMs?: number
  reason: string
}

/** Statuses worth another attempt: 408, 429 and every 5xx. 400, 401 and 403 never are. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

function isTransient(error: unknown): error is Error & Transient {
  return error instanceof Error && (error as Partial<Transient>).transient === true
}

const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 8000

/** Exponential backoff with jitter: 500 ms, 1 s, 2 s ... each scaled by 0.5 to 1. */
export function backoffMs(failedAttempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failedAttempt - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Runs `attempt` until it succeeds, fails for good, runs out of attempts or would pass the deadline. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      if (!isTransient(error) || n >= policy.maxAttempts) throw error
      const delay = error.retryAfterMs ?? backoffMs(n, policy.random)
      // Waiting past the deadline would only turn this error into a vaguer timeout.
      if (delay >= policy.deadline.remainingMs()) throw error
      policy.onRetry?.(error.reason, delay, n + 1)
      await policy.sleep(delay)
    }
  }
}

/** The sleep of a real run; tests pass one that returns at once. */
export const realSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
