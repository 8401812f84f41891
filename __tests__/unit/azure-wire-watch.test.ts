import { describe, expect, it } from '@jest/globals'
import { Deadline } from '../../src/io/deadline.ts'
import { azureError } from '../../src/providers/azure/errors.ts'
import { WireWatch } from '../../src/providers/azure/wire-watch.ts'
import { SECRET_APP } from '../../test-support/azure-config.ts'

const identity = (text: string) => text
const request = (url = 'https://login.microsoftonline.com/t/oauth2/v2.0/token') => ({ url }) as never
const answer = (status: number, bodyAsText: string) => ({ status, bodyAsText }) as never
const refused = (code: string, message: string) => Object.assign(new Error(message), { name: 'RestError', code })

/** An inner HTTP client that plays the given answers and failures in turn. */
function watched(...steps: Array<ReturnType<typeof answer> | Error>) {
  const watch = new WireWatch(() => {}, Date.now)
  const client = watch.httpClient({
    sendRequest: async () => {
      const step = steps.shift()
      if (step instanceof Error) throw step
      return step as never
    },
  })
  return { watch, client }
}

const secretApp = SECRET_APP

describe('WireWatch: what MSAL leaves out of its errors', () => {
  it('keeps the host and code of a request that got no answer, and forgets it at the next answer', async () => {
    const { watch, client } = watched(
      refused('ENOTFOUND', 'getaddrinfo ENOTFOUND login.microsoftonline.com'),
      answer(400, '{}'),
    )
    await expect(client.sendRequest(request())).rejects.toThrow('ENOTFOUND')
    expect(watch.failure).toEqual({
      host: 'login.microsoftonline.com',
      code: 'ENOTFOUND',
      message: 'getaddrinfo ENOTFOUND login.microsoftonline.com',
    })
    await client.sendRequest(request())
    expect(watch.failure).toBeUndefined()
  })

  it('does not count an abort (the deadline) as a network failure', async () => {
    const { watch, client } = watched(Object.assign(new Error('aborted'), { name: 'AbortError' }))
    await expect(client.sendRequest(request())).rejects.toThrow('aborted')
    expect(watch.failure).toBeUndefined()
  })

  it.each([
    ['expires_in', { expires_in: 3599 }, undefined],
    ['expires_in', { expires_in: '3599' }, undefined],
    ['expires_in', { expires_in: -60 }, undefined],
    ['expires_in', { expires_in: 'soon' }, 'expires_in "soon"'],
    ['expires_in', {}, 'no expires_in'],
    ['expires_on', { expires_on: '1767225600' }, undefined],
    ['expires_on', { expires_on: '2026-01-01T00:00:00.000Z' }, undefined],
    ['expires_on', { expires_on: '09/14/2017 00:00:00 PM +00:00' }, 'expires_on "09/14/2017 00:00:00 PM +00:00"'],
    ['expires_on', { expires_on: '2026-01-01T00:00:00Z' }, 'expires_on "2026-01-01T00:00:00Z"'],
  ] as const)('%s in %j: %s', async (field, fields, problem) => {
    const { watch, client } = watched(answer(200, JSON.stringify({ access_token: 'eyJ0.eyJ1.c2ln', ...fields })))
    await client.sendRequest(request())
    expect(watch.unreadableExpiry(field, identity)).toBe(problem)
  })

  it('reads expiry fields of token answers only (not the discovery document)', async () => {
    const { watch, client } = watched(answer(200, '{"issuer":"x","expires_in":"never"}'))
    await client.sendRequest(request())
    expect(watch.unreadableExpiry('expires_in', identity)).toBeUndefined()
  })
})

describe('azureError with a network failure the watch kept', () => {
  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND login.microsoftonline.com'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN login.microsoftonline.com'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 20.190.160.1:443'],
  ])('%s: the host, the code and the proxy settings, never the credentials', (code, message) => {
    const error = azureError(
      { errorCode: 'network_error', message: 'network_error: See https://aka.ms/msal.js.errors#network_error' },
      secretApp,
      new Deadline(60, Date.now),
      undefined,
      identity,
      { host: 'login.microsoftonline.com', code, message },
    )
    expect(error.message).toBe(
      `Could not reach Entra ID at login.microsoftonline.com (client-secret): ${code} (${message}).`,
    )
    expect(error.fix).toBe(
      'check that login.microsoftonline.com is reachable from the runner: the proxy settings (HTTPS_PROXY, NO_PROXY) and the cloud and authority-host inputs; it is not a problem with the credentials.',
    )
  })

  it('an AADSTS code wins over a stale failure', () => {
    const error = azureError(
      { message: 'AADSTS7000215: Invalid client secret provided. Trace ID: x' },
      secretApp,
      new Deadline(60, Date.now),
      undefined,
      identity,
      { host: 'login.microsoftonline.com', code: 'ECONNRESET', message: 'read ECONNRESET' },
    )
    expect(error.message).toContain('AADSTS7000215')
  })
})
