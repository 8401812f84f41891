/**
 * The one error model (src/io/service-error.ts) and the readers of each service's documented error
 * shapes, fed the bodies docs/protocols.md ("When the services fail") quotes from real answers.
 */
import { describe, expect, it } from '@jest/globals'
import { answerLine, serviceError, type ErrorModel, type LastAnswer } from '../../src/io/service-error.ts'
import { entraErrors, MANAGED_IDENTITY_ERRORS, readAzureAnswer } from '../../src/providers/azure/errors.ts'
import { iamErrors } from '../../src/providers/ibm/errors.ts'
import { SECRET_APP } from '../../test-support/azure-config.ts'

const same = (text: string) => text
const last = (status: number, body: string, headers: Record<string, string> = {}, attempts = 1): LastAnswer => ({
  service: 'Entra ID',
  response: { status, headers, body },
  attempts,
})
const entra = entraErrors('the client-secret token request', SECRET_APP, undefined)
const told = (answer: LastAnswer, model: ErrorModel = entra) => serviceError(answer, model, same)

const TRACE = 'Trace ID: 0b6f4a52-1d2e-4b3c-9a8d-7e6f5a4b3c2d'
const CORRELATION = '2f0e8c1a-3b4d-4e5f-9a6b-7c8d9e0f1a2b'
const STAMP = 'Timestamp: 2026-12-01 10:11:12Z'
const description = (text: string, separator: string) =>
  `${text}${separator}${TRACE}${separator}Correlation ID: ${CORRELATION}${separator}${STAMP}`

describe("Entra's OAuth JSON, in each form real tenants send", () => {
  it.each([
    ['spaces', ' '],
    ['\\r\\n', '\r\n'],
  ])('description parts separated by %s: the code, the message alone, the correlation id', (_, separator) => {
    const body = {
      error: 'invalid_client',
      error_description: description('AADSTS7000215: Invalid client secret provided.', separator),
      error_codes: [7000215],
      timestamp: '2026-12-01 10:11:12Z',
      trace_id: '0b6f4a52-1d2e-4b3c-9a8d-7e6f5a4b3c2d',
      correlation_id: CORRELATION,
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    }
    expect(readAzureAnswer(body, {})).toEqual({
      code: 'AADSTS7000215',
      message: 'Invalid client secret provided.',
      details: [],
      supportId: { label: 'Correlation ID', value: CORRELATION },
    })
  })

  it('AADSTS53003 with claims (a JSON string inside the JSON): the blocking policies', () => {
    const body = {
      error: 'invalid_grant',
      error_description: description(
        'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
        ' ',
      ),
      error_codes: [53003],
      suberror: 'message_only',
      claims: '{"access_token":{"capolids":{"essential":true,"values":["p-1","p-2"]}}}',
    }
    const error = told(last(400, JSON.stringify(body)))
    expect(error.message).toBe(
      `Entra ID refused the client-secret token request (HTTP 400): AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.\nConditional Access policies that blocked it: p-1, p-2\nCorrelation ID: ${CORRELATION}`,
    )
    expect(error.fix).toMatch(/re-running does not help/)
  })

  it('the code comes from error_codes when the description does not start with it; the correlation id from the text', () => {
    const body = {
      error: 'invalid_scope',
      error_description: `Scope is wrong. Correlation ID: ${CORRELATION}`,
      error_codes: ['1002012'],
    }
    expect(readAzureAnswer(body, {})).toMatchObject({
      code: 'AADSTS1002012',
      message: 'Scope is wrong.',
      supportId: { value: CORRELATION },
    })
  })

  it('a refusal with a code is fixed by the code; a 408, 429 or 5xx never, whatever its code', () => {
    const body = (code: number) =>
      JSON.stringify({ error: 'invalid_client', error_description: `AADSTS${code}: x.`, error_codes: [code] })
    expect(told(last(401, body(7000215))).fix).toMatch(/^client-secret is wrong/)
    const failing = told(last(503, body(7000215), {}, 3))
    expect(failing.message).toMatch(/^Entra ID failed the client-secret token request \(HTTP 503 after 3 attempts\)/)
    expect(failing.fix).toMatch(/^Entra ID is failing \(HTTP 503\); nothing in the step's inputs causes this\./)
    expect(failing.fix).not.toMatch(/client-secret|tenant-id/)
  })
})

describe('answers that are not JSON: one short clean line, never markup', () => {
  it.each([
    ['a plain-text 429', 'Too Many Requests', 'Too Many Requests'],
    ['an empty 504', '', '(empty body)'],
    [
      'an HTML page',
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
      '502 Bad Gateway',
    ],
    ['HTML without a title', '<html><body>\n<p>Service <b>down</b> &amp; out</p></body></html>', 'Service'],
    ['a title with markup-like entities', '<title>a &lt;b&gt; &amp; c</title>', 'a &lt;b&gt; & c'],
    ['text then lines', '\n\n  Internal Server Error\nmore\n', 'Internal Server Error'],
  ])('%s', (_, body, line) => {
    expect(answerLine(body, same)).toBe(line)
  })

  it('is cut, made inert and redacted like any server text', () => {
    expect(answerLine(`::set-env name=X::y secret ${'z'.repeat(500)}`, text => text.replace('secret', '***'))).toMatch(
      /^: :set-env name=X: :y \*\*\* z{100,}… \(cut\)$/,
    )
  })
})

describe('managed identity endpoints', () => {
  const model = MANAGED_IDENTITY_ERRORS

  it("IMDS's documented 429: its OAuth error, the service throttling", () => {
    const body = '{"error":"invalid_request","error_description":"Temporarily throttled, too many requests"}'
    const error = told({ ...last(429, body, {}, 3), service: 'Azure IMDS' }, model)
    expect(error.message).toBe(
      'Azure IMDS failed the managed identity token request (HTTP 429 after 3 attempts): invalid_request: Temporarily throttled, too many requests',
    )
    expect(error.fix).toMatch(/^Azure IMDS is throttling requests \(HTTP 429\)/)
  })

  it("App Service's own JSON and its X-CORRELATION-ID; an empty body keeps the header's id", () => {
    const body = `{"statusCode":400,"message":"Unable to load the proper Managed Identity.","correlationId":"${CORRELATION}"}`
    expect(readAzureAnswer(JSON.parse(body), {})).toEqual({
      code: undefined,
      message: 'Unable to load the proper Managed Identity.',
      details: [],
      supportId: { label: 'Correlation ID', value: CORRELATION },
    })
    const empty = told(last(400, '', { 'x-correlation-id': CORRELATION }), model)
    expect(empty.message).toMatch(/\(HTTP 400\): \(empty body\)\nCorrelation ID: 2f0e8c1a/)
    expect(empty.fix).toMatch(/^no managed identity with this id is assigned to the machine/)
  })
})

describe('IBM Cloud IAM', () => {
  const model = iamErrors('the API key', 'api-key')

  it.each([
    [
      'errorCode first (newer captures)',
      '{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found.","context":{"requestId":"r-1"}}',
    ],
    [
      'context first (older captures), no period',
      '{"context":{"requestId":"r-1"},"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found"}',
    ],
  ])('%s: the code, the message, the request id', (_, body) => {
    const error = told({ ...last(400, body), service: 'IBM Cloud IAM' }, model)
    expect(error.message).toMatch(
      /^IBM Cloud IAM refused the API key \(HTTP 400\): BXNIM0415E: Provided API key could not be found\.?\nTransaction-Id \(for IBM support\): r-1$/,
    )
    expect(error.fix).toMatch(/^the API key does not exist/)
  })

  it('the Transaction-Id header wins over context.requestId', () => {
    const body = '{"errorCode":"BXNIM0415E","errorMessage":"m","context":{"requestId":"r-1"}}'
    const error = told({ ...last(400, body, { 'transaction-id': 't-9' }), service: 'IBM Cloud IAM' }, model)
    expect(error.message).toContain('\nTransaction-Id (for IBM support): t-9')
  })
})
