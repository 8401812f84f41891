import { describe, expect, it } from '@jest/globals'
import { Deadline } from '../../src/io/deadline.ts'
import { backoffMs, parseRetryAfter, withRetry, type RetryPolicy } from '../../src/io/retry.ts'

function transient(reason: string, retryAfterMs?: number): Error {
  return Object.assign(new Error(reason), { transient: true as const, reason, retryAfterMs })
}

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[] } {
  const slept: number[] = []
  let clock = 0
  return {
    maxAttempts: 3,
    deadline: new Deadline(60, () => clock),
    sleep: async ms => {
      slept.push(ms)
      clock += ms
    },
    random: () => 1,
    now: () => clock,
    slept,
    ...overrides,
  }
}

describe('withRetry', () => {
  it('retries transient failures with exponential backoff, then succeeds', async () => {
    const p = policy()
    let calls = 0
    const result = await withRetry(async () => {
      calls++
      if (calls < 3) throw transient('HTTP 503')
      return 'ok'
    }, p)
    expect(result).toBe('ok')
    expect(p.slept).toEqual([500, 1000])
  })

  it('never retries other errors', async () => {
    const p = policy()
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw new Error('HTTP 400')
      }, p),
    ).rejects.toThrow('HTTP 400')
    expect(calls).toBe(1)
    expect(p.slept).toEqual([])
  })

  it('stops at maxAttempts and rethrows the last error', async () => {
    const p = policy({ maxAttempts: 2 })
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw transient(`try ${calls}`)
      }, p),
    ).rejects.toThrow('try 2')
    expect(calls).toBe(2)
  })

  it('honours Retry-After instead of its own backoff', async () => {
    const p = policy()
    let calls = 0
    await withRetry(async () => {
      if (++calls === 1) throw transient('HTTP 429', 7000)
      return 'ok'
    }, p)
    expect(p.slept).toEqual([7000])
  })

  it('gives up at once when the wait would pass the deadline', async () => {
    const p = policy({ deadline: new Deadline(5, () => 0) })
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw transient('HTTP 429', 120_000)
      }, p),
    ).rejects.toThrow('HTTP 429')
    expect(calls).toBe(1)
    expect(p.slept).toEqual([])
  })

  it('reports each retry', async () => {
    const seen: string[] = []
    const p = policy({ onRetry: (reason, delay, next) => seen.push(`${reason} ${delay} ${next}`) })
    let calls = 0
    await withRetry(async () => {
      if (++calls < 2) throw transient('HTTP 502')
      return 'ok'
    }, p)
    expect(seen).toEqual(['HTTP 502 500 2'])
  })
})

describe('backoff and Retry-After', () => {
  it('jitters between half and all of an exponential ceiling, capped at 8 s', () => {
    expect(backoffMs(1, () => 0)).toBe(250)
    expect(backoffMs(1, () => 1)).toBe(500)
    expect(backoffMs(3, () => 1)).toBe(2000)
    expect(backoffMs(10, () => 1)).toBe(8000)
  })
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T10:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:10 GMT', now)).toBe(10_000)
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})
