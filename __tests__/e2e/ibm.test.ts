import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { iamErrorBody, startIbmIam, type IbmIamEmulator } from '../../test-support/emulators/ibm-iam.ts'
import { STACK_FRAME, errorLines, leaks, maskLine, stackTraces, strayCommands } from '../../test-support/leaks.ts'
import { runAction, type ActionRun } from '../../test-support/run-action.ts'

/** `+ & = %` and a space: a form body built by hand instead of encoded would garble it. */
const API_KEY = 'ibm-api-key+0123&456=789%ab cdef'
const OTHER_KEY = 'ibm-other-key-not-trusted-42'
const HOSTILE_KEY = 'ibm-key-whose-identity-is-hostile'
const CR_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y2k6cnVubmVyIn0.c2lnbmF0dXJlLW9mLXRoZS1jci10b2tlbg'
const PROFILE = {
  id: 'Profile-9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  crn: 'crn:v1:bluemix:public:iam-identity::a/acct123::profile:Profile-9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'ci-key-rotation',
  account: 'acct123',
  trustedIamIds: ['IBMid-550000AAAA'],
  trustedCrTokens: [CR_TOKEN],
}

let iam: IbmIamEmulator
let tmp: string

beforeAll(async () => {
  iam = await startIbmIam({
    apiKeys: {
      [API_KEY]: { iamId: 'IBMid-550000AAAA', sub: 'ci-bot@example.com', account: 'acct123' },
      [OTHER_KEY]: { iamId: 'IBMid-OTHER', sub: 'other@example.com', account: 'acct123' },
      [HOSTILE_KEY]: {
        iamId: 'IBMid-X\n::warning::injected\r\n::set-env name=NODE_OPTIONS::x',
        sub: '\u001b[31m##[error]fake',
        account: 'acct|<b>x</b>',
      },
    },
    profiles: [PROFILE],
  })
  tmp = await mkdtemp(join(tmpdir(), 'get-token-ibm-test-'))
})
afterAll(async () => {
  await iam.close()
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => iam.reset())

const ibm = (inputs: Record<string, string>, env?: Record<string, string>): Promise<ActionRun> =>
  runAction({ inputs: { provider: 'ibm', 'iam-endpoint': iam.url, ...inputs }, env })

/** stdout with run-specific values replaced, to snapshot the workflow commands a run prints. */
function normalized(run: ActionRun): string {
  let text = run.stdout
  for (const token of iam.issued) text = text.split(token).join('<token>')
  for (const token of iam.issued) {
    const signature = token.split('.')[2]
    if (signature) text = text.split(signature).join('<signature>')
  }
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<request-id>')
}

describe('api-key', () => {
  it('gets a token with one request and publishes it, masked first', async () => {
    const run = await ibm({ 'api-key': API_KEY })
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(1)
    const [request] = iam.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/identity/token')
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request?.headers.accept).toBe('application/json')
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      grant_type: 'urn:ibm:params:oauth:grant-type:apikey',
      apikey: API_KEY,
      response_type: 'cloud_iam',
    })

    const token = iam.issued.at(-1) ?? ''
    expect(run.outputs.token).toBe(token)
    expect(run.outputs['token-type']).toBe('Bearer')
    expect(new Date(run.outputs['expires-on'] ?? '').toISOString()).toBe(run.outputs['expires-on'])
    expect(Number(run.outputs['expires-in'])).toBeGreaterThan(3500)
    expect(Number(run.outputs['expires-in'])).toBeLessThanOrEqual(3600)
    expect(run.exported).toEqual({ ACCESS_TOKEN: token })

    expect(maskLine(run, API_KEY)).toBe(0)
    expect(maskLine(run, token)).toBeGreaterThan(0)
    expect(maskLine(run, token.split('.')[2] ?? '')).toBeGreaterThan(0)
    expect(leaks(run, [API_KEY, token])).toEqual([])
    expect(run.leftovers).toEqual([]) // nothing on disk beyond the runner's files
    expect(run.summary).toContain('IBM Cloud IAM')
    expect(run.summary).toContain('IBMid-550000AAAA')
    expect(run.summary).toContain('acct123')
    expect(normalized(run)).toMatchSnapshot()
  })

  it('falls back to IBMCLOUD_API_KEY and honours env-var, export-env and summary', async () => {
    const run = await ibm({ 'env-var': 'KP_TOKEN', summary: 'false' }, { IBMCLOUD_API_KEY: API_KEY })
    expect(run.code).toBe(0)
    expect(run.exported).toEqual({ KP_TOKEN: run.outputs.token })
    expect(run.summary).toBe('')
    expect(maskLine(run, API_KEY)).toBe(0)

    const quiet = await ibm({ 'api-key': API_KEY, 'export-env': 'false' })
    expect(quiet.code).toBe(0)
    expect(quiet.exported).toEqual({})
    expect(quiet.outputs.token).toBe(iam.issued.at(-1))
  })

  it('reports an unknown API key with its BXNIM code, request id and a fix', async () => {
    const run = await ibm({ 'api-key': 'not-a-key-at-all' })
    expect(run.code).toBe(1)
    expect(iam.requests).toHaveLength(1) // 400 is not retried
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('BXNIM0415E')
    expect(errors[0]).toContain('Provided API key could not be found.')
    expect(errors[0]).toMatch(/Request id: [0-9a-f-]{36}/)
    expect(errors[0]).toContain('Fix: ')
    expect(stackTraces(run)).toEqual([])
    expect(leaks(run, ['not-a-key-at-all'])).toEqual([])
    expect(run.outputs).toEqual({})
    expect(normalized(run)).toMatchSnapshot()
  })
})

describe('refresh tokens', () => {
  it('masks a real refresh_token the moment it arrives, though it is never used', async () => {
    const refreshing = await startIbmIam({
      apiKeys: { [API_KEY]: { iamId: 'IBMid-R', sub: 'r@example.com', account: 'acct' } },
      refreshTokens: true,
    })
    try {
      const run = await runAction({
        inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': refreshing.url },
        env: { RUNNER_DEBUG: '1' },
      })
      expect(run.code).toBe(0)
      const [refresh] = refreshing.refreshTokens
      expect(refresh).toMatch(/refresh$/)
      expect(maskLine(run, refresh ?? '')).toBeGreaterThan(0)
      expect(leaks(run, [refresh ?? ''])).toEqual([])
    } finally {
      await refreshing.close()
    }
  })
})

describe('trusted-profile', () => {
  it.each([
    ['profile-id', { 'profile-id': PROFILE.id }, { profile_id: PROFILE.id }],
    ['profile-crn', { 'profile-crn': PROFILE.crn }, { profile_crn: PROFILE.crn }],
    [
      'profile-name',
      { 'profile-name': PROFILE.name, 'account-id': PROFILE.account },
      { profile_name: PROFILE.name, account: PROFILE.account },
    ],
  ])('assumes the profile by %s with a second call carrying the first token', async (_, inputs, fields) => {
    const run = await ibm({ 'api-key': API_KEY, ...inputs }) // auth-type auto: profile + api-key
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(2)
    const first = iam.issued.at(-2) ?? ''
    const final = iam.issued.at(-1) ?? ''
    expect(Object.fromEntries(iam.requests[1]?.form ?? [])).toEqual({
      grant_type: 'urn:ibm:params:oauth:grant-type:assume',
      access_token: first,
      ...fields,
    })
    expect(run.outputs.token).toBe(final)
    expect(maskLine(run, first)).toBeGreaterThan(0)
    expect(leaks(run, [API_KEY, first, final])).toEqual([])
    expect(run.summary).toContain('trusted-profile')
    expect(run.summary).toContain(`iam-${PROFILE.id}`)
  })

  it('explains BXNIM0398E when the identity may not assume the profile', async () => {
    const run = await ibm({ 'auth-type': 'trusted-profile', 'api-key': OTHER_KEY, 'profile-id': PROFILE.id })
    expect(run.code).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('BXNIM0398E')
    expect(errors[0]).toContain('trust relationship')
    expect(leaks(run, [OTHER_KEY, ...iam.issued])).toEqual([])
  })

  it('refuses two profile inputs and profile-name without account-id before any request', async () => {
    const both = await ibm({ 'api-key': API_KEY, 'profile-id': PROFILE.id, 'profile-crn': PROFILE.crn })
    expect(both.code).toBe(1)
    expect(errorLines(both)[0]).toContain("Input 'profile-crn' cannot be used together with profile-id")
    const noAccount = await ibm({ 'api-key': API_KEY, 'profile-name': PROFILE.name })
    expect(noAccount.code).toBe(1)
    expect(errorLines(noAccount)[0]).toContain("Input 'account-id' is required with profile-name")
    expect(iam.requests).toHaveLength(0)
  })
})

describe('compute-resource', () => {
  it('trades the CR token file for the profile token (auth-type auto: profile without api-key)', async () => {
    const file = join(tmp, 'sa-token')
    await writeFile(file, `${CR_TOKEN}\n`)
    const run = await ibm({ 'profile-id': PROFILE.id, 'cr-token-file': file })
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(1)
    expect(Object.fromEntries(iam.requests[0]?.form ?? [])).toEqual({
      grant_type: 'urn:ibm:params:oauth:grant-type:cr-token',
      cr_token: CR_TOKEN,
      profile_id: PROFILE.id,
    })
    expect(maskLine(run, CR_TOKEN)).toBeGreaterThanOrEqual(0)
    expect(leaks(run, [CR_TOKEN, run.outputs.token ?? ''])).toEqual([])

    const byName = await ibm({ 'auth-type': 'compute-resource', 'profile-name': PROFILE.name, 'cr-token-file': file })
    expect(byName.code).toBe(0)
    expect(iam.requests[1]?.form.get('profile_name')).toBe(PROFILE.name)
  })

  it('says which file it could not read', async () => {
    const run = await ibm({
      'auth-type': 'compute-resource',
      'profile-id': PROFILE.id,
      'cr-token-file': join(tmp, 'missing'),
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toContain('cr-token-file')
    expect(iam.requests).toHaveLength(0)
  })
})

describe('input validation, before any request', () => {
  it.each([
    [{ provider: '' }, "Input 'provider' is required"],
    [{ provider: 'aws' }, "Input 'provider' is 'aws'"],
    [{ 'auth-type': 'oidc', 'api-key': API_KEY }, "Input 'auth-type' is 'oidc'"],
    [{ 'api-key': '' }, "Input 'api-key' is empty"],
    [{ 'api-key': API_KEY, 'iam-endpoint': 'http://iam.example.com' }, "Input 'iam-endpoint' must use https"],
    [{ 'api-key': API_KEY, 'env-var': 'PATH' }, "Input 'env-var' is 'PATH'"],
    [{ 'api-key': API_KEY, 'env-var': 'GITHUB_TOKEN' }, "Input 'env-var' is 'GITHUB_TOKEN'"],
    [{ 'api-key': API_KEY, 'env-var': '1TOKEN' }, 'not a valid environment variable name'],
    [{ 'api-key': API_KEY, 'timeout-seconds': '0' }, "Input 'timeout-seconds' is '0'"],
    [{ 'api-key': API_KEY, 'max-attempts': 'three' }, "Input 'max-attempts' is 'three'"],
    [{ 'api-key': API_KEY, 'export-env': 'yes' }, "Input 'export-env' is 'yes', not a boolean"],
  ])('%j → one clear error', async (inputs, message) => {
    const run = await ibm(inputs)
    expect(run.code).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
    expect(errors[0]).toContain('Fix: ')
    expect(stackTraces(run)).toEqual([])
    expect(iam.requests).toHaveLength(0)
    expect(leaks(run, [API_KEY])).toEqual([])
  })

  it('warns about inputs of the other provider, masks them, and goes on', async () => {
    const run = await ibm({
      'api-key': API_KEY,
      'client-secret': 'azure-secret-value-xyz',
      'tenant-id': 'contoso.onmicrosoft.com',
    })
    expect(run.code).toBe(0)
    expect(run.lines).toContain(
      "::warning::Input 'client-secret' is not used with provider ibm and auth-type api-key; it is ignored.",
    )
    expect(run.lines).toContain(
      "::warning::Input 'tenant-id' is not used with provider ibm and auth-type api-key; it is ignored.",
    )
    expect(maskLine(run, 'azure-secret-value-xyz')).toBeGreaterThanOrEqual(0)
    expect(leaks(run, ['azure-secret-value-xyz'])).toEqual([])
  })

  it('accepts http only for loopback endpoints and an endpoint already ending in /identity/token', async () => {
    const run = await ibm({ 'api-key': API_KEY, 'iam-endpoint': `${iam.url}/identity/token` })
    expect(run.code).toBe(0)
    expect(iam.requests[0]?.path).toBe('/identity/token')
  })
})

describe('faults', () => {
  it('retries a 503 and succeeds', async () => {
    iam.fail({ status: 503, body: iamErrorBody('BXNIM0000E', 'Service unavailable') })
    const run = await ibm({ 'api-key': API_KEY })
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(2)
    expect(run.lines.some(line => line.startsWith('Retrying in') && line.includes('attempt 2 of 3'))).toBe(true)
  })

  it('honours Retry-After on 429', async () => {
    iam.fail({ status: 429, body: iamErrorBody('BXNIM0429E', 'Too many requests'), headers: { 'Retry-After': '1' } })
    const run = await ibm({ 'api-key': API_KEY })
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(2)
    expect(run.lines.some(line => line.startsWith('Retrying in 1.0 s'))).toBe(true)
  })

  it('stops after max-attempts and reports the last answer', async () => {
    iam.fail(...Array.from({ length: 2 }, () => ({ status: 500, body: iamErrorBody('BXNIM9999E', 'Internal error') })))
    const run = await ibm({ 'api-key': API_KEY, 'max-attempts': '2' })
    expect(run.code).toBe(1)
    expect(iam.requests).toHaveLength(2)
    expect(errorLines(run)[0]).toContain('HTTP 500')
    expect(errorLines(run)[0]).toContain('BXNIM9999E')
  })

  it('ends a hung server by timeout-seconds', async () => {
    iam.fail({ hang: true }) // the first attempt uses up the whole deadline
    const started = Date.now()
    const run = await ibm({ 'api-key': API_KEY, 'timeout-seconds': '2' })
    expect(run.code).toBe(1)
    expect(Date.now() - started).toBeLessThan(6_000)
    expect(errorLines(run)[0]).toContain('timeout-seconds (2 s)')
  })

  it('reports a refused connection after retrying', async () => {
    const run = await ibm({ 'api-key': API_KEY, 'iam-endpoint': 'http://127.0.0.1:9', 'max-attempts': '2' })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toContain('ECONNREFUSED')
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toHaveLength(1)
  })

  it('keeps hostile error text from starting workflow commands', async () => {
    const hostile =
      'bad\n::set-env name=NODE_OPTIONS::--require=/tmp/x.js\n::add-path::/tmp/evil\r\n::set-output name=token::stolen\n\u001b[31m##[error]fake'
    iam.fail({
      status: 400,
      body: JSON.stringify({
        errorCode: 'BXNIM0415E',
        errorMessage: hostile,
        context: { requestId: '::add-mask::x\nq' },
      }),
    })
    const run = await ibm({ 'api-key': API_KEY, 'max-attempts': '1' }, { RUNNER_DEBUG: '1' })
    expect(run.code).toBe(1)
    expect(strayCommands(run)).toEqual([])
    expect(errorLines(run)).toHaveLength(1)
    expect(run.stdout).not.toContain('\u001b')
  })

  it('keeps hostile claims of a good token out of the log line and the summary markup', async () => {
    const run = await ibm({ 'api-key': HOSTILE_KEY }, { RUNNER_DEBUG: '1' })
    expect(run.code).toBe(0)
    expect(strayCommands(run)).toEqual([])
    expect(run.lines.filter(line => line.startsWith('::warning'))).toEqual([])
    expect(run.lines.find(line => line.startsWith('Token from'))).toContain('IBMid-X')
    expect(run.summary).not.toContain('<b>')
    expect(run.summary).not.toContain('\u001b')
  })

  it('cuts a 1 MB error body and handles a non-JSON 200', async () => {
    iam.fail({ status: 400, body: 'x'.repeat(1024 * 1024) })
    const big = await ibm({ 'api-key': API_KEY })
    expect(big.code).toBe(1)
    expect((errorLines(big)[0] ?? '').length).toBeLessThan(2000)

    iam.fail({ status: 200, body: '<html>login</html>' })
    const html = await ibm({ 'api-key': API_KEY })
    expect(html.code).toBe(1)
    expect(errorLines(html)[0]).toContain('not JSON')

    iam.fail({ status: 200, body: '{"token_type":"Bearer"}' })
    const empty = await ibm({ 'api-key': API_KEY })
    expect(empty.code).toBe(1)
    expect(errorLines(empty)[0]).toContain('without an access_token')
  })

  it('prints the stack trace only with debug logging on, and no secret with it', async () => {
    const run = await ibm({ 'api-key': API_KEY }, { RUNNER_DEBUG: '1' })
    expect(run.code).toBe(0)
    expect(leaks(run, [API_KEY, run.outputs.token ?? ''])).toEqual([])
    iam.fail({ status: 400, body: iamErrorBody('BXNIM0415E', 'Provided API key could not be found.') })
    const failed = await ibm({ 'api-key': API_KEY }, { RUNNER_DEBUG: '1' })
    const debugStack = failed.lines.filter(line => line.startsWith('::debug::ActionError'))
    expect(debugStack).toHaveLength(1)
    expect(debugStack[0]).toMatch(STACK_FRAME) // the frames are there, on the debug line only
    expect(stackTraces(failed)).toEqual([])
    expect(leaks(failed, [API_KEY])).toEqual([])
  })
})

describe('TLS', () => {
  it('refuses an untrusted certificate without retrying, and trusts it through NODE_EXTRA_CA_CERTS', async () => {
    const { readFile } = await import('node:fs/promises')
    const { FIXTURES } = await import('../../test-support/run-action.ts')
    const tls = {
      key: await readFile(join(FIXTURES, 'tls-key.pem'), 'utf8'),
      cert: await readFile(join(FIXTURES, 'tls-cert.pem'), 'utf8'),
    }
    const secure = await startIbmIam({
      apiKeys: { [API_KEY]: { iamId: 'IBMid-TLS', sub: 'tls@example.com', account: 'acct' } },
      tls,
    })
    try {
      const untrusted = await runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': secure.url } })
      expect(untrusted.code).toBe(1)
      expect(secure.requests).toHaveLength(0)
      expect(errorLines(untrusted)[0]).toContain('not trusted')
      expect(errorLines(untrusted)[0]).toContain('NODE_EXTRA_CA_CERTS')
      expect(untrusted.lines.filter(line => line.startsWith('Retrying'))).toEqual([])

      const trusted = await runAction({
        inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': secure.url },
        env: { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem') },
      })
      expect(trusted.code).toBe(0)
      expect(secure.requests).toHaveLength(1)
    } finally {
      await secure.close()
    }
  })
})

describe.each([
  ['debug off', {}],
  ['RUNNER_DEBUG=1', { RUNNER_DEBUG: '1' }],
])('no secret in any log line, summary or error (%s)', (_, debugEnv) => {
  const secretsOf = () => [API_KEY, CR_TOKEN, ...iam.issued, ...iam.issued.map(t => t.split('.')[2] ?? '')]
  const scenarios: Array<[string, { inputs: Record<string, string>; code: 0 | 1; arrange?: () => void }]> = [
    ['api-key success', { inputs: { 'api-key': API_KEY }, code: 0 }],
    ['trusted-profile success', { inputs: { 'api-key': API_KEY, 'profile-id': PROFILE.id }, code: 0 }],
    ['trusted-profile refused', { inputs: { 'api-key': OTHER_KEY, 'profile-id': PROFILE.id }, code: 1 }],
    [
      '5xx then success',
      {
        inputs: { 'api-key': API_KEY },
        code: 0,
        arrange: () => iam.fail({ status: 502, body: iamErrorBody('BXNIM0000E', 'bad gateway') }),
      },
    ],
    [
      'server echoes the key back',
      {
        inputs: { 'api-key': API_KEY, 'max-attempts': '1' },
        code: 1,
        arrange: () =>
          iam.fail({
            status: 400,
            body: iamErrorBody('BXNIM0415E', `Provided API key ${API_KEY} could not be found.`),
          }),
      },
    ],
    ['input error after the key was read', { inputs: { 'api-key': API_KEY, 'env-var': 'NODE_OPTIONS' }, code: 1 }],
  ]
  it.each(scenarios)('%s', async (_name, { inputs, code, arrange }) => {
    arrange?.()
    const run = await ibm(inputs, debugEnv)
    expect(run.code).toBe(code)
    expect(leaks(run, secretsOf())).toEqual([])
    if (code === 1) {
      expect(errorLines(run)).toHaveLength(1)
      expect(run.outputs).toEqual({})
      return
    }
    const token = run.outputs.token ?? ''
    expect(token).toBe(iam.issued.at(-1))
    const masked = maskLine(run, token)
    expect(masked).toBeGreaterThanOrEqual(0)
    expect(masked).toBeLessThan(run.lines.findIndex(line => line.startsWith('Token from')))
  })
})
