/**
 * The instance metadata service's documented error codes ("Metadata API error codes"), each with
 * its own fix, checked against expectations written here (a deleted fix fails), and each in the
 * README's troubleshooting table.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HttpStatusError } from '../../src/io/http.ts'
import { PathNotServed, vpcError, type VpcStep } from '../../src/providers/ibm/vpc-errors.ts'
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
  ['service_error', 500, /internal error: re-run, or raise max-attempts/],
]
const STEP: VpcStep = { what: 'an IAM token', method: 'POST', path: '/identity/v1/iam_tokens', version: '2025-08-26' }
const answer = (status: number, body: unknown) => new HttpStatusError(status, JSON.stringify(body), undefined, 0)
const troubleshooting = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n## Troubleshooting\n')[1] ?? ''

describe('metadata service error codes', () => {
  it.each(CODES)('%s', (code, status, fix) => {
    const error = vpcError(answer(status, { errors: [{ code, message: 'm' }], trace: 't' }), STEP, t => t)
    expect(error.message).toContain(`(POST /identity/v1/iam_tokens?version=2025-08-26; HTTP ${status}): ${code}: m`)
    expect(error.fix).toMatch(fix)
    expect(troubleshooting).toContain(`\`${code}\``)
  })

  it.each([
    [401, 'unauthenticated'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [502, 'service_error'],
  ])('an answer without a code (HTTP %s) gets the fix of %s', (status, code) => {
    const coded = vpcError(answer(status, { errors: [{ code, message: 'm' }] }), STEP, t => t)
    expect(vpcError(new HttpStatusError(status, 'Bad gateway', undefined, 0), STEP, t => t).fix).toBe(coded.fix)
  })

  it('a 404, or a refused version date, lets the caller try the older API; other codes do not', () => {
    const version = { name: 'version', type: 'parameter', value: '2025-08-26' }
    expect(vpcError(answer(404, {}), STEP, t => t)).toBeInstanceOf(PathNotServed)
    const refused = vpcError(answer(400, { errors: [{ code: 'invalid_value', target: version }] }), STEP, t => t)
    expect(refused).toBeInstanceOf(PathNotServed)
    const field = { ...version, name: 'expires_in' }
    const other = vpcError(answer(400, { errors: [{ code: 'invalid_value', target: field }] }), STEP, t => t)
    expect(other).not.toBeInstanceOf(PathNotServed)
  })

  it('server text is shown through the redactor', () => {
    const body = { errors: [{ code: 'invalid_value', message: 'bad s3cret', target: { name: 'x', value: 's3cret' } }] }
    const error = vpcError(answer(400, body), STEP, text => text.replaceAll('s3cret', '***'))
    expect(error.message).toContain('bad ***')
    expect(error.message).toContain('Target: x = ***')
    expect(error.message).not.toContain('s3cret')
  })
})
