/**
 * The instance metadata service's documented error codes ("Metadata API error codes"), each with
 * its own fix, checked against expectations written here (a deleted fix fails), and each in the
 * README's troubleshooting table.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serviceError, type LastAnswer } from '../../src/io/service-error.ts'
import { pathNotServed, vpcErrors, type VpcStep } from '../../src/providers/ibm/vpc-errors.ts'
import { ROOT } from '../../test-support/run-action.ts'

const CODES: Array<[code: string, status: number, fix: RegExp]> = [
  ['missing_value', 400, /dropped part of the request .* Metadata-Flavor: ibm/],
  ['invalid_value', 400, /refused a value of the request/],
  ['invalid_request', 400, /could not read the request/],
  ['missing_field', 400, /could not read the request/],
  ['unknown_field', 400, /could not read the request/],
  ['unauthenticated', 401, /instance identity token was refused/],
  ['unauthorized', 403, /may not use the trusted profile: add it to the profile's trust relationship/],
  ['profile_not_linked', 400, /not linked to this server: link one in the server's settings/],
  ['not_found', 404, /check metadata-endpoint .* exists/],
  ['service_error', 500, /IBM Cloud instance metadata service is failing \(HTTP 500\); nothing in the step's inputs/],
]
const STEP: VpcStep = { what: 'an IAM token', method: 'POST', path: '/identity/v1/iam_tokens', version: '2025-08-26' }
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): LastAnswer => ({
  service: 'IBM Cloud instance metadata service',
  response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
  attempts: status >= 500 ? 3 : 1,
})
const told = (last: LastAnswer, redact = (text: string) => text) => serviceError(last, vpcErrors(STEP), redact)
const troubleshooting = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n## Troubleshooting\n')[1] ?? ''

describe('metadata service error codes', () => {
  it.each(CODES)('%s', (code, status, fix) => {
    const error = told(answer(status, { errors: [{ code, message: 'm' }], trace: 't' }))
    expect(error.message.split('\n')[0]).toMatch(
      new RegExp(
        `^IBM Cloud instance metadata service (refused|failed) an IAM token \\(POST /identity/v1/iam_tokens\\?version=2025-08-26\\) \\(HTTP ${status}( after 3 attempts)?\\): ${code}: m$`,
      ),
    )
    expect(error.message).toContain('\nTrace: t')
    expect(error.fix).toMatch(fix)
    expect(troubleshooting).toContain(`\`${code}\``)
  })

  it.each([
    [401, 'unauthenticated'],
    [403, 'unauthorized'],
    [404, 'not_found'],
  ])('an answer without a code (HTTP %s) gets the fix of %s', (status, code) => {
    const coded = told(answer(status, { errors: [{ code, message: 'm' }] }))
    expect(told(answer(status, 'Forbidden')).fix).toBe(coded.fix)
  })

  it('the trace comes from the X-Request-Id header when the body has none', () => {
    const error = told(answer(400, { errors: [{ code: 'invalid_value', message: 'm' }] }, { 'x-request-id': 'r-1' }))
    expect(error.message).toContain('\nTrace: r-1')
  })

  it('a 404, or a refused version date, lets the caller try the older API; other codes do not', () => {
    const version = { name: 'version', type: 'parameter', value: '2025-08-26' }
    expect(pathNotServed(told(answer(404, {})))).toBe(true)
    expect(pathNotServed(told(answer(400, { errors: [{ code: 'invalid_value', target: version }] })))).toBe(true)
    const range = { code: 'invalid_version_range', target: { name: '2021-09-30', type: 'parameter' } }
    expect(pathNotServed(told(answer(400, { errors: [range], trace: 'x' })))).toBe(true)
    const field = { ...version, name: 'expires_in' }
    expect(pathNotServed(told(answer(400, { errors: [{ code: 'invalid_value', target: field }] })))).toBe(false)
    expect(pathNotServed(new Error('HTTP 404'))).toBe(false)
  })

  it('server text is shown through the redactor', () => {
    const body = { errors: [{ code: 'invalid_value', message: 'bad s3cret', target: { name: 'x', value: 's3cret' } }] }
    const error = told(answer(400, body), text => text.replaceAll('s3cret', '***'))
    expect(error.message).toContain('bad ***')
    expect(error.message).toContain('Target: x = ***')
    expect(error.message).not.toContain('s3cret')
  })
})
