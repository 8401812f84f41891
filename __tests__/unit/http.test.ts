import { describe, expect, it } from '@jest/globals'
import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { Deadline } from '../../src/io/deadline.ts'
import { ActionError } from '../../src/errors.ts'
import { reachedDirectly, socketFixes } from '../../src/io/socket-fixes.ts'
import {
  exchange,
  requestJson,
  type Exchange,
  type HttpRequest,
  type HttpResponse,
  type RequestContext,
  type Transport,
} from '../../src/io/http.ts'
import type { RetryPolicy } from '../../src/io/retry.ts'
import { ServiceError, type ErrorModel } from '../../src/io/service-error.ts'
import { scriptedTransport, type Scripted } from '../../test-support/provider-context.ts'

/** The scripted transport of the provider unit tests: answers (or errors) in turn, every request kept. */
const fakeTransport = (steps: Scripted[]) => scriptedTransport(...steps)

const retry = (maxAttempts = 3): RetryPolicy => ({
  maxAttempts,
  deadline: new Deadline(60, Date.now),
  sleep: async () => {},
  random: () => 0.5,
  now: Date.now,
})
const request: HttpRequest = {
  method: 'POST',
  url: 'https://iam.example.com/identity/token',
  headers: {},
  body: 'apikey=secret',
}
const ok = (body: string): HttpResponse => ({ status: 200, headers: {}, body })
const status = (code: number, headers: Record<string, string> = {}): HttpResponse => ({
  status: code,
  headers,
  body: '{"errorCode":"X","errorMessage":"said"}',
})
/** The one error model with a service's reader and a fixed refusal fix. */
const errors: ErrorModel = {
  what: 'the API key',
  statusPage: 'https://status.example.com',
  read: json => ({ code: json?.errorCode as string, message: json?.errorMessage as string }),
  refusalFix: (said, code) => `refusal fix for ${said.code} ${code}`,
}
const context = (transport: Transport, overrides: Partial<RequestContext> = {}): RequestContext => ({
  transport,
  retry: retry(),
  redact: text => text,
  mask: () => {},
  ...overrides,
})
const call = (transport: Transport, overrides: Partial<Exchange> = {}, ctx: Partial<RequestContext> = {}) =>
  requestJson(context(transport, ctx), { service: 'IAM', endpointInput: 'iam-endpoint', request, errors, ...overrides })
const econnreset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

describe('requestJson', () => {
  it('returns the parsed JSON object', async () => {
    const transport = fakeTransport([ok('{"access_token":"t"}')])
    await expect(call(transport)).resolves.toEqual({ access_token: 't' })
  })

  it('masks every credential field of the answer before returning it, nested ones and named ones too', async () => {
    const masked: string[] = []
    const body = {
      access_token: 'a-token',
      refresh_token: 'r-token',
      id_token: 'i-token',
      delegated_refresh_token: 'd-token',
      token_type: 'Bearer',
      expires_in: 3600,
      nested: { client_secret: 's', list: [{ sessionToken: 'n-token' }], apiKey: 'k' },
      value: 'oidc-jwt',
      scope: 'ibm openid',
    }
    const answer = await call(
      fakeTransport([ok(JSON.stringify(body))]),
      { secretFields: ['value'] },
      { mask: secret => void masked.push(secret) },
    )
    expect(answer).toEqual(body)
    expect(masked.sort()).toEqual(['a-token', 'd-token', 'i-token', 'k', 'n-token', 'oidc-jwt', 'r-token', 's'])
  })

  it('masks the credential fields of a refusal too (a service may echo what it was sent)', async () => {
    const masked: string[] = []
    const refusal = { status: 400, headers: {}, body: '{"errorCode":"X","apikey":"echoed-key"}' }
    await call(fakeTransport([refusal]), {}, { mask: secret => void masked.push(secret) }).catch(() => undefined)
    expect(masked).toEqual(['echoed-key'])
  })

  it('leaves words the caller names as placeholders unmasked', async () => {
    const masked: string[] = []
    const body = '{"access_token":"a-token","refresh_token":"not_supported"}'
    await call(
      fakeTransport([ok(body)]),
      { placeholders: ['not_supported'] },
      { mask: secret => void masked.push(secret) },
    )
    expect(masked).toEqual(['a-token'])
  })

  it('tells the last answer by the error model when retries run out: the service failing, how many attempts', async () => {
    const error = await call(fakeTransport([status(503), status(502)]), {}, { retry: retry(2) }).catch(e => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toBe('IAM failed the API key (HTTP 502 after 2 attempts): X: said')
    expect(error.fix).toMatch(/^IAM is failing \(HTTP 502\); nothing in the step's inputs causes this\. Re-run/)
    expect(error.fix).toContain('https://status.example.com')
    expect(error.fix).toContain('max-attempts or timeout-seconds')
  })

  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', async code => {
    const transport = fakeTransport([status(code), ok('{}')])
    await call(transport)
    expect(transport.sent).toHaveLength(2)
  })

  it.each([400, 401, 403, 404, 410])('does not retry HTTP %i and tells it as a refusal', async code => {
    const transport = fakeTransport([status(code), ok('{}')])
    const error = await call(transport).catch(e => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toBe(`IAM refused the API key (HTTP ${code}): X: said`)
    expect(error.fix).toBe(`refusal fix for X ${code}`)
    expect(transport.sent).toHaveLength(1)
  })

  it('retries the statuses a service documents as passing (IMDS: 404 and 410), then succeeds', async () => {
    const transport = fakeTransport([status(404), status(410), ok('{}')])
    await expect(call(transport, { alsoTransient: [404, 410] })).resolves.toEqual({})
    expect(transport.sent).toHaveLength(3)
  })

  it('builds the request afresh for every attempt when given a function', async () => {
    let built = 0
    const transport = fakeTransport([status(503), ok('{}')])
    const fresh = async () => ({ ...request, body: `attempt=${++built}` })
    await call(transport, { request: fresh })
    expect(transport.sent.map(r => r.body)).toEqual(['attempt=1', 'attempt=2'])
  })

  it('waits what Retry-After says, and names it when the wait outlasts the deadline', async () => {
    const slept: number[] = []
    const waited = { ...retry(), sleep: async (ms: number) => void slept.push(ms) }
    await call(fakeTransport([status(429, { 'retry-after': '2' }), ok('{}')]), {}, { retry: waited })
    expect(slept).toEqual([2000])
    const short = { ...retry(), deadline: new Deadline(5, Date.now) }
    const error = await call(fakeTransport([status(429, { 'retry-after': '60' })]), {}, { retry: short }).catch(e => e)
    expect(error.message).toBe('IAM failed the API key (HTTP 429 after 1 attempt): X: said')
    expect(error.fix).toMatch(/^IAM is throttling requests \(HTTP 429\); .* It asked to wait 60 s \(Retry-After\)\./)
  })

  it('retries network errors and then explains them', async () => {
    const transport = fakeTransport([econnreset(), econnreset()])
    const error = await call(transport, {}, { retry: retry(2) }).catch(e => e)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toContain('ECONNRESET')
    expect(error.fix).toContain('HTTPS_PROXY')
    expect(transport.sent).toHaveLength(2)
  })

  it('a network failure after a failing answer is what the error tells (the last thing that happened)', async () => {
    const transport = fakeTransport([status(503), econnreset()])
    const error = await call(transport, {}, { retry: retry(2) }).catch(e => e)
    expect(error).not.toBeInstanceOf(ServiceError)
    expect(error.message).toContain('ECONNRESET')
  })

  it('does not retry an untrusted TLS certificate and says how to trust it', async () => {
    const transport = fakeTransport([
      Object.assign(new Error('self-signed certificate'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
    ])
    const error = await call(transport).catch(e => e)
    expect(error.fix).toContain('NODE_EXTRA_CA_CERTS')
    expect(transport.sent).toHaveLength(1)
  })

  it('refuses a body that is not a JSON object without echoing markup', async () => {
    const transport = fakeTransport([ok(`<html><head><title>Sign in</title></head>${'x'.repeat(5000)}</html>`)])
    const error = await call(transport).catch(e => e)
    expect(error.message).toBe('IAM answered 200 with a body that is not a JSON object: "Sign in".')
    const array = await call(fakeTransport([ok('[1]')])).catch(e => e)
    expect(array.message).toContain('not a JSON object')
  })

  it('refuses a redirect without following it, naming where it pointed (origin only)', async () => {
    const moved = { status: 307, headers: { location: 'https://login.example.net/path?token=x' }, body: '' }
    const transport = fakeTransport([moved, ok('{}')])
    const error = await call(transport).catch(e => e)
    expect(error.message).toContain('answered with a redirect (HTTP 307) to https://login.example.net;')
    expect(error.fix).toMatch(/^check iam-endpoint/)
    expect(transport.sent).toHaveLength(1)
  })

  it('ends at the deadline when the transport never answers', async () => {
    const hanging: Transport = { send: () => new Promise(() => {}), dispose() {} }
    const error = await call(hanging, {}, { retry: { ...retry(), deadline: new Deadline(0.05, Date.now) } }).catch(
      e => e,
    )
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toContain('timeout-seconds')
  })
})

describe('exchange', () => {
  it('hands back the last answer whatever its status, with the attempts it took', async () => {
    const transport = fakeTransport([status(503), status(401)])
    const last = await exchange(context(transport), { service: 'IAM', endpointInput: 'iam-endpoint', request })
    expect(last.response.status).toBe(401)
    expect(last.attempts).toBe(2)
  })
})

describe("socketFixes (http-client's request options, corrected)", () => {
  const tunnel = (defaultPort?: number) => {
    const sent: Array<Record<string, unknown>> = []
    return {
      sent,
      agent: {
        defaultPort,
        proxyOptions: { host: '127.0.0.1', port: 3128, proxyAuth: 'ci:pr0xy' },
        request: (options: Record<string, unknown>) => sent.push(options),
      },
    }
  }

  it('takes the brackets off an IPv6 literal', () => {
    const options = { host: '[::1]' }
    socketFixes.prepareRequest(options)
    expect(options.host).toBe('::1')
  })

  it('reaches a link-local address directly, never through the proxy, over http and https', () => {
    const plain = { host: '169.254.169.254', agent: tunnel().agent as unknown }
    socketFixes.prepareRequest(plain as never)
    expect(plain.agent).toBeInstanceOf(HttpAgent)
    expect(plain.agent).not.toBeInstanceOf(HttpsAgent)
    const secure = { host: '169.254.169.254', agent: tunnel(443).agent as unknown }
    socketFixes.prepareRequest(secure as never)
    expect(secure.agent).toBeInstanceOf(HttpsAgent)
    const elsewhere = { host: 'iam.cloud.ibm.com', agent: tunnel().agent as unknown }
    socketFixes.prepareRequest(elsewhere as never)
    expect(elsewhere.agent).not.toBeInstanceOf(HttpAgent)
  })

  it.each([
    ['169.254.169.254', true],
    ['169.254.0.1', true],
    ['169.255.169.254', false],
    ['10.169.254.169', false],
    ['169.254.169.254.example.com', false],
    ['login.microsoftonline.com', false],
  ])('the bypass decision: %s reached directly: %s', (host, direct) => {
    expect(reachedDirectly(host)).toBe(direct)
  })

  it('sends the proxy password as a header it builds itself (no deprecated Buffer())', () => {
    const { agent, sent } = tunnel()
    socketFixes.prepareRequest({ host: 'iam.cloud.ibm.com', agent } as never)
    expect(agent.proxyOptions.proxyAuth).toBeUndefined()
    agent.request({ method: 'CONNECT', headers: { host: 'iam.cloud.ibm.com:443' } })
    expect(sent[0]?.headers).toEqual({
      host: 'iam.cloud.ibm.com:443',
      'Proxy-Authorization': `Basic ${Buffer.from('ci:pr0xy').toString('base64')}`,
    })
  })
})
