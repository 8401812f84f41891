import { describe, expect, it } from '@jest/globals'
import { Deadline } from '../../src/io/deadline.ts'
import { isNetworkError, retryPolicy } from '../../src/providers/azure/pipeline.ts'
import type { RetryPolicy } from '../../src/io/retry.ts'

interface FakeResponse {
  status: number
  headers: { get(name: string): string | undefined }
}

const response = (status: number, retryAfter?: string): FakeResponse => ({
  status,
  headers: { get: name => (name === 'retry-after' ? retryAfter : undefined) },
})
const restError = (code: string) => Object.assign(new Error(code), { name: 'RestError', code })

function run(steps: Array<FakeResponse | Error>, maxAttempts = 3) {
  const slept: number[] = []
  const bodies: unknown[] = []
  const policy: RetryPolicy = {
    maxAttempts,
    deadline: new Deadline(60, Date.now),
    sleep: async ms => {
      slept.push(ms)
    },
    random: () => 1,
    now: Date.now,
  }
  const request = { body: 'grant_type=client_credentials&client_secret=s' }
  const next = async (req: typeof request) => {
    bodies.push(req.body)
    const step = steps.shift()
    if (!step) throw new Error('no more steps')
    if (step instanceof Error) throw step
    return step
  }
  // The pipeline types are the SDK's; the fakes carry what the policy reads.
  const sent = retryPolicy(policy).sendRequest(request as never, next as never) as Promise<unknown>
  return { sent, slept, bodies }
}

describe("the action's retry policy inside the Azure pipeline", () => {
  it('retries 503, 503 and returns the 200, re-sending the same body', async () => {
    const { sent, slept, bodies } = run([response(503), response(503), response(200)])
    expect(((await sent) as FakeResponse).status).toBe(200)
    expect(slept).toEqual([500, 1000])
    expect(new Set(bodies).size).toBe(1)
    expect(bodies).toHaveLength(3)
  })

  it('honours Retry-After and hands MSAL the last answer when attempts run out', async () => {
    const { sent, slept } = run([response(429, '2'), response(500)], 2)
    expect(((await sent) as FakeResponse).status).toBe(500)
    expect(slept).toEqual([2000])
  })

  it('never retries 400 or 401', async () => {
    for (const status of [400, 401, 403]) {
      const { sent, bodies } = run([response(status), response(200)])
      expect(((await sent) as FakeResponse).status).toBe(status)
      expect(bodies).toHaveLength(1)
    }
  })

  it('retries network errors and rethrows the last one', async () => {
    const { sent, bodies } = run([restError('ECONNRESET'), restError('ECONNREFUSED')], 2)
    await expect(sent).rejects.toThrow('ECONNREFUSED')
    expect(bodies).toHaveLength(2)
  })

  it('does not retry TLS failures or aborts', async () => {
    expect(isNetworkError(restError('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe(false)
    expect(isNetworkError(restError('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe(false)
    expect(isNetworkError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false)
    expect(isNetworkError(Object.assign(new Error('x'), { name: 'RestError', statusCode: 500 }))).toBe(false)
    expect(isNetworkError(restError('ECONNRESET'))).toBe(true)
    const { sent, bodies } = run([restError('SELF_SIGNED_CERT_IN_CHAIN'), response(200)])
    await expect(sent).rejects.toThrow('SELF_SIGNED_CERT_IN_CHAIN')
    expect(bodies).toHaveLength(1)
  })
})
