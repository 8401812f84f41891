/**
 * interface.md for provider ibm: every auth type against an IBM Cloud IAM emulator, and every
 * input refused before any request. Runs the built dist/index.js as the runner does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEADLINE_BOUNDS,
  expectEndedByDeadline,
  expectExpiresIn,
  expectOneError,
} from '../../test-support/assertions.ts'
import {
  API_KEY,
  CR_TOKEN,
  IDENTITY,
  OTHER_KEY,
  PROFILE,
  iamErrorBody,
  startDefaultIbmIam,
  startIbmIam,
  type IbmIamEmulator,
} from '../../test-support/emulators/ibm-iam.ts'
import { errorLines, leaks, maskLine, stackTraces } from '../../test-support/leaks.ts'
import { runAction, type ActionRun } from '../../test-support/run-action.ts'
import { ibmStep } from '../../test-support/steps.ts'

let iam: IbmIamEmulator
let tmp: string

beforeAll(async () => {
  iam = await startDefaultIbmIam()
  tmp = await mkdtemp(join(tmpdir(), 'get-token-ibm-test-'))
})
afterAll(async () => {
  await iam.close()
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => iam.reset())

const ibm = ibmStep(() => iam)

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
    expectExpiresIn(run, 3600)
    expect(run.exported).toEqual({ ACCESS_TOKEN: token })

    expect(maskLine(run, API_KEY)).toBe(0)
    expect(maskLine(run, token)).toBeGreaterThan(0)
    expect(maskLine(run, token.split('.')[2] ?? '')).toBeGreaterThan(0)
    expect(leaks(run, [API_KEY, token])).toEqual([])
    expect(run.leftovers).toEqual([]) // nothing on disk beyond the runner's files
    expect(run.summary).toContain('IBM Cloud IAM')
    expect(run.summary).toContain('IBMid-550000AAAA')
    expect(run.summary).toContain('acct123')
    expect(run.outputs['principal-id']).toBe('IBMid-550000AAAA')
    expect(run.outputs['account-id']).toBe('acct123')
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
    const transactionId =
      iam.requests.length === 1 && /Transaction-Id \(for IBM support\): ([0-9a-f-]{36})/.exec(errors[0] ?? '')?.[1]
    expect(transactionId).toBeTruthy()
    expect(errors[0]).toContain('Fix: ')
    expect(stackTraces(run)).toEqual([])
    expect(leaks(run, ['not-a-key-at-all'])).toEqual([])
    expect(run.outputs).toEqual({})
    expect(normalized(run)).toMatchSnapshot()
  })
})

describe('an empty credential (a misspelled or unavailable secret arrives empty)', () => {
  it.each([
    [
      'auth-type auto',
      {},
      /the inputs api-key, profile-id, profile-crn and profile-name and the environment variable IBMCLOUD_API_KEY/,
    ],
    [
      'auth-type api-key',
      { 'auth-type': 'api-key' },
      /required for auth-type api-key, and it is empty \(the IBMCLOUD_API_KEY environment variable too\)/,
    ],
  ])('%s: names what it looked at and why a secret can arrive empty', async (_, inputs, looked) => {
    const error = expectOneError(await ibm({ 'api-key': '', ...inputs }))
    expect(error).toMatch(looked)
    expect(error).toContain(
      'A secret reference such as ${{ secrets.NAME }} arrives empty when the secret does not exist',
    )
    expect(error).toMatch(/not available to this run \(pull requests from forks, Dependabot runs\)/)
    expect(iam.requests).toHaveLength(0)
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

describe('masking in one place: the HTTP layer masks what the provider never names', () => {
  it('a credential field IAM starts sending tomorrow is masked, nested or not', async () => {
    const extra = { delegated_refresh_token: 'drt-0123456789abcdef', session: { id_token: 'idt-0123456789abcdef' } }
    const novel = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, extraFields: extra })
    try {
      const run = await runAction({
        inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': novel.url },
        env: { RUNNER_DEBUG: '1' },
      })
      expect(run.code).toBe(0)
      for (const secret of ['drt-0123456789abcdef', 'idt-0123456789abcdef']) {
        expect(maskLine(run, secret)).toBeGreaterThan(0)
        expect(leaks(run, [secret])).toEqual([])
      }
    } finally {
      await novel.close()
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
    expect([run.outputs['principal-id'], run.outputs['account-id']]).toEqual([`iam-${PROFILE.id}`, PROFILE.account])
  })

  it('explains BXNIM0398E when the identity may not assume the profile', async () => {
    const run = await ibm({ 'auth-type': 'trusted-profile', 'api-key': OTHER_KEY, 'profile-id': PROFILE.id })
    expect(run.code).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('BXNIM0398E: Selected trusted profile not eligible.')
    expect(errors[0]).toContain('%0ADetails: The trusted profile has no trust relationship for this identity.%0A')
    expect(errors[0]).toContain('trust relationship')
    expect(leaks(run, [OTHER_KEY, ...iam.issued])).toEqual([])
  })

  it.each([
    ['the Transaction-Id header', { 'Transaction-Id': 'txn-from-header' }, undefined, 'txn-from-header'],
    ['context.requestId when no header carries it', {}, 'req-from-body', 'req-from-body'],
  ])('names the id for IBM support from %s', async (_, headers, requestId, shown) => {
    const body = JSON.parse(iamErrorBody('BXNIM0415E', 'Provided API key could not be found.', undefined, requestId))
    if (!requestId) delete body.context.requestId
    iam.fail({ status: 400, body: JSON.stringify(body), headers })
    const error = expectOneError(await ibm({ 'api-key': API_KEY }))
    expect(error).toContain(`\nTransaction-Id (for IBM support): ${shown}\n`)
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
    expect([run.outputs['principal-id'], run.outputs['account-id']]).toEqual([`iam-${PROFILE.id}`, PROFILE.account])

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

describe('an input that may carry credentials is never echoed', () => {
  it.each([
    ['an invalid URL', 'https://ci-user:pa55-w0rd-xyz@[bad', /is 'https:\/\/\*\*\*@\[bad', which is not a URL/],
    ['a valid URL', 'https://ci-user:pa55-w0rd-xyz@iam.example.com', /must not carry credentials/],
    // %2D decodes to '-': the error must not echo the encoded form either, masked or not.
    [
      'an invalid URL, its password percent-escaped',
      'https://ci-user:pa55%2Dw0rd-xyz@[bad',
      /is 'https:\/\/\*\*\*@\[bad', which/,
    ],
  ])('iam-endpoint: %s with user:password@', async (_, endpoint, message) => {
    const run = await ibm({ 'api-key': API_KEY, 'iam-endpoint': endpoint })
    const error = expectOneError(run, ['pa55-w0rd-xyz', 'ci-user:pa55-w0rd-xyz'])
    expect(error).toMatch(message)
    expect(run.lines).toContain('::add-mask::pa55-w0rd-xyz')
    expect(iam.requests).toHaveLength(0)
  })

  it('iam-endpoint: a percent-encoded password (p%40ss) is masked as given and decoded, and printed in neither form', async () => {
    const run = await ibm(
      { 'api-key': API_KEY, 'iam-endpoint': 'https://ci-user:p%40ss@iam.example.com' },
      { RUNNER_DEBUG: '1' },
    )
    expect(expectOneError(run, ['p%40ss', 'p@ss', API_KEY])).toMatch(/must not carry credentials/)
    expect(maskLine(run, 'p%40ss')).toBeGreaterThanOrEqual(0)
    expect(maskLine(run, 'p@ss')).toBeGreaterThanOrEqual(0)
    expect(iam.requests).toHaveLength(0)
  })
})

describe('plain http to a loopback host works for IPv6', () => {
  it('iam-endpoint http://[::1]:PORT', async () => {
    const v6 = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, ipv6: true })
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
      const run = await runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': v6.url } })
      expect(errorLines(run)).toEqual([])
      expect(run.code).toBe(0)
      expect(v6.requests).toHaveLength(1)
    } finally {
      await v6.close()
    }
  })
})

describe('files the action reads are capped and read within the deadline', () => {
  const computeResource = (file: string, inputs: Record<string, string> = {}) =>
    runAction({
      inputs: {
        provider: 'ibm',
        'auth-type': 'compute-resource',
        'profile-id': 'Profile-1',
        'cr-token-file': file,
        'iam-endpoint': iam.url,
        ...inputs,
      },
      timeoutMs: DEADLINE_BOUNDS.killAfterMs,
    })

  it('a 5 MB cr-token-file is refused naming the input: no request, no huge mask line', async () => {
    const file = join(tmp, 'huge-token')
    await writeFile(file, 'x'.repeat(5 * 1024 * 1024))
    const run = await computeResource(file)
    expect(expectOneError(run, [])).toContain(`The file in cr-token-file (${file}) is larger than 64 KiB`)
    expect(run.stdout.length).toBeLessThan(5000)
    expect(iam.requests).toHaveLength(0)
  })

  it('exactly 64 KiB is still read', async () => {
    const file = join(tmp, 'big-token')
    await writeFile(file, 'y'.repeat(64 * 1024))
    const run = await computeResource(file)
    expect(run.code).toBe(1) // the emulator does not trust it: BXNIM0398E, but it was sent
    expect(iam.requests[0]?.form.get('cr_token')).toHaveLength(64 * 1024)
  })

  // What the action reports shows that the deadline ended the read; the time only that it ended
  // at the deadline, not before it, and by itself (bounds that hold on a busy machine).
  ;(process.platform === 'win32' ? it.skip : it)(
    'a FIFO nobody writes ends at timeout-seconds',
    async () => {
      const fifo = join(tmp, 'fifo-token')
      spawnSync('mkfifo', [fifo])
      const run = await computeResource(fifo, { 'timeout-seconds': '2' })
      expect(expectOneError(run, [])).toContain(
        `Reading cr-token-file (${fifo}) did not finish within timeout-seconds (2 s)`,
      )
      expectEndedByDeadline(run, 2)
      expect(iam.requests).toHaveLength(0)
    },
    DEADLINE_BOUNDS.testTimeoutMs,
  )

  it('an empty or missing cr-token-file names the input', async () => {
    const empty = join(tmp, 'empty-token')
    await writeFile(empty, '\n')
    expect(expectOneError(await computeResource(empty), [])).toContain(`The file in cr-token-file (${empty}) is empty`)
    const missing = join(tmp, 'no-such-token')
    expect(expectOneError(await computeResource(missing), [])).toContain(`cr-token-file (${missing}) does not exist`)
  })

  it('BXNIM0407E on compute-resource talks about the CR token, not the API key', async () => {
    const file = join(tmp, 'cr-token')
    await writeFile(file, 'cr-token-value-123456')
    iam.fail({ status: 400, body: iamErrorBody('BXNIM0407E', 'Provided token is invalid.') })
    const error = expectOneError(await computeResource(file), ['cr-token-value-123456'])
    expect(error).toMatch(/Fix: the compute resource token is not valid/)
    expect(error).not.toContain('api-key')
  })
})
