import { describe, expect, it } from '@jest/globals'
import { Deadline } from '../../src/io/deadline.ts'
import { ActionError } from '../../src/errors.ts'
import { Agent as HttpAgent } from 'node:http'
import { socketFixes } from '../../src/io/socket-fixes.ts'
import { HttpStatusError, requestJson, type HttpRequest, type HttpResponse, type Transport } from '../../src/io/http.ts'
import type { RetryPolicy } from '../../src/io/retry.ts'

type Step = HttpResponse | Error

function fakeTransport(steps: Step[]): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = []
  return {
    sent,
    async send(request) {
      sent.push(request)
      const step = steps.shift()
      if (!step) throw new Error('no more steps')
      if (step instanceof Error) throw step
      return step
    },
    dispose() {},
  }
}

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
  body: '{"errorCode":"X"}',
})
/** The provider's mapping of a refusal: here it keeps the HttpStatusError for the assertions. */
const refused = (error: HttpStatusError) =>
  Object.assign(new ActionError(`refused ${error.status}`), { original: error })
const call = (transport: Transport, overrides: Partial<Parameters<typeof requestJson>[0]> = {}) =>
  requestJson({
    service: 'IAM',
    endpointInput: 'iam-endpoint',
    request,
    transport,
    retry: retry(),
    refused,
    redact: text => text,
    mask: () => {},
    ...overrides,
  })
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
    const answer = await call(fakeTransport([ok(JSON.stringify(body))]), {
      mask: secret => void masked.push(secret),
      secretFields: ['value'],
    })
    expect(answer).toEqual(body)
    expect(masked.sort()).toEqual(['a-token', 'd-token', 'i-token', 'k', 'n-token', 'oidc-jwt', 'r-token', 's'])
  })

  it('leaves words the caller names as placeholders unmasked', async () => {
    const masked: string[] = []
    const body = '{"access_token":"a-token","refresh_token":"not_supported"}'
    await call(fakeTransport([ok(body)]), { mask: secret => void masked.push(secret), placeholders: ['not_supported'] })
    expect(masked).toEqual(['a-token'])
  })

  it('hands the last answer to the provider when retries run out', async () => {
    const error = await call(fakeTransport([status(503), status(503)]), { retry: retry(2) }).catch(e => e)
    expect(error.message).toBe('refused 503')
  })

  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', async code => {
    const transport = fakeTransport([status(code), ok('{}')])
    await call(transport)
    expect(transport.sent).toHaveLength(2)
  })

  it.each([400, 401, 403, 404])('does not retry HTTP %i and hands the answer to the provider', async code => {
    const transport = fakeTransport([status(code), ok('{}')])
    const error = await call(transport).catch(e => e)
    expect(error.message).toBe(`refused ${code}`)
    expect(error.original).toBeInstanceOf(HttpStatusError)
    expect(error.original.body).toBe('{"errorCode":"X"}')
    expect(transport.sent).toHaveLength(1)
  })

  it('retries network errors and then explains them', async () => {
    const transport = fakeTransport([econnreset(), econnreset()])
    const error = await call(transport, { retry: retry(2) }).catch(e => e)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toContain('ECONNRESET')
    expect(error.fix).toContain('HTTPS_PROXY')
    expect(transport.sent).toHaveLength(2)
  })

  it('does not retry an untrusted TLS certificate and says how to trust it', async () => {
    const transport = fakeTransport([
      Object.assign(new Error('self-signed certificate'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
    ])
    const error = await call(transport).catch(e => e)
    expect(error.fix).toContain('NODE_EXTRA_CA_CERTS')
    expect(transport.sent).toHaveLength(1)
  })

  it('refuses a body that is not a JSON object without echoing much of it', async () => {
    const transport = fakeTransport([ok(`<html>${'x'.repeat(5000)}</html>`)])
    const error = await call(transport).catch(e => e)
    expect(error.message).toContain('not JSON')
    expect(error.message.length).toBeLessThan(400)
    const array = await call(fakeTransport([ok('[1]')])).catch(e => e)
    expect(array.message).toContain('not an object')
  })

  it('ends at the deadline when the transport never answers', async () => {
    const hanging: Transport = { send: () => new Promise(() => {}), dispose() {} }
    const error = await call(hanging, { retry: { ...retry(), deadline: new Deadline(0.05, Date.now) } }).catch(e => e)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toContain('timeout-seconds')
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

  it('reaches the link-local metadata address directly, never through the proxy', () => {
    const plain = { host: '169.254.169.254', agent: tunnel().agent as unknown }
    socketFixes.prepareRequest(plain as never)
    expect(plain.agent).toBeInstanceOf(HttpAgent)
    const secure = { host: '169.254.169.254', agent: tunnel(443).agent as unknown }
    socketFixes.prepareRequest(secure as never)
    expect(secure.agent).not.toBeInstanceOf(HttpAgent)
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
