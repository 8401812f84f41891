/**
 * The live check's script (scripts/live-check.mjs): its checks on made-up outputs and logs, its
 * cleaner of server text, and its command line. The same checks on what the bundle prints, and
 * the API read against the emulators: e2e/live-check.test.ts. The workflow's wiring:
 * unit/workflows.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { unsignedJwt } from '../../test-support/emulators/server.ts'
import { runNode } from '../../test-support/process.ts'
import { ROOT } from '../../test-support/run-action.ts'
import {
  OUTPUT_NAMES,
  PROBES,
  WITHHELD,
  auditOutputs,
  checkOutputs,
  checkProbe,
  cleanText,
  decodeJwt,
  errorMessages,
  type Expectations,
  type Outputs,
} from '../../scripts/live-check.mjs'

const NOW = Date.parse('2026-11-22T12:00:00.000Z')
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const OID = 'a9b8c7d6-e5f4-4321-8765-43210fedcba9'
const APP = '0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d'
const ARM = 'https://management.azure.com'
/** What the workflow passes for an Entra token: the configured tenant, client and resource. */
const AZURE_EXPECT: Expectations = { accountId: TENANT, clientId: APP, resource: ARM }
const IBM_ACCOUNT = '0123456789abcdef0123456789abcdef'

/** Outputs as the action publishes them for an Entra (v1) token issued 10 s ago for an hour. */
function azureOutputs(claims: Record<string, unknown> = {}): Outputs {
  const exp = NOW / 1000 + 3590
  return {
    token: unsignedJwt({ aud: ARM, appid: APP, oid: OID, tid: TENANT, exp, ...claims }),
    tokenType: 'Bearer',
    expiresOn: new Date(exp * 1000).toISOString(),
    expiresIn: '3595',
    principalId: OID,
    accountId: TENANT,
  }
}

/** Outputs for an IBM token of `iamId`, issued just now for an hour. */
function ibmOutputs(iamId = 'iam-ServiceId-1234', claims: Record<string, unknown> = {}): Outputs {
  const exp = NOW / 1000 + 3600
  return {
    token: unsignedJwt({ iam_id: iamId, account: { bss: IBM_ACCOUNT }, exp, ...claims }),
    tokenType: 'Bearer',
    expiresOn: new Date(exp * 1000).toISOString(),
    expiresIn: '3600',
    principalId: iamId,
    accountId: IBM_ACCOUNT,
  }
}

const azure = (outputs: Outputs, expect: Expectations = AZURE_EXPECT) =>
  checkOutputs('azure', outputs, { now: NOW, expect })
const ibm = (outputs: Outputs, expect: Expectations = { iamIdPrefix: 'iam-ServiceId-' }) =>
  checkOutputs('ibm', outputs, { now: NOW, expect })

describe('checkOutputs', () => {
  it('accepts what a real token looks like, held to the configuration', () => {
    expect(azure(azureOutputs())).toEqual([])
    expect(ibm(ibmOutputs(), { iamIdPrefix: 'iam-ServiceId-', accountId: IBM_ACCOUNT })).toEqual([])
  })

  it.each<[string, Partial<Outputs>, RegExp]>([
    ['a token with a space', { token: `${azureOutputs().token} x` }, /not an RFC 6750 b64token/],
    ['an opaque token', { token: 'opaque-token-value' }, /not a three-part JWT/],
    ['a JWT whose claims are not JSON', { token: 'eyJhbGciOiJub25lIn0.bm90IGpzb24.sig' }, /three-part JWT/],
    ['another token type', { tokenType: 'bearer' }, /token-type is 'bearer'/],
    ['a local time', { expiresOn: '2026-11-22T13:00:00+01:00' }, /not an ISO 8601 UTC time/],
    ['a fractional expires-in', { expiresIn: '3595.5' }, /not a whole number/],
    ['expires-in beyond expires-on', { expiresIn: '3800' }, /disagrees with expires-on/],
    ['expires-in short of expires-on', { expiresIn: '3400' }, /disagrees with expires-on/],
    ['an empty principal-id', { principalId: '' }, /principal-id is empty/],
    ['an account-id that is no GUID', { accountId: 'contoso.onmicrosoft.com' }, /account-id is not an id/],
    ['a principal-id other than oid', { principalId: TENANT }, /principal-id does not match the token's oid claim/],
  ])('finds %s', (_, change, problem) => {
    expect(azure({ ...azureOutputs(), ...change })).toContainEqual(expect.stringMatching(problem))
  })

  it('finds a lifetime outside the sane range', () => {
    const shortLived = azureOutputs({ exp: NOW / 1000 + 60 })
    const short = { ...shortLived, expiresOn: new Date(NOW + 60_000).toISOString(), expiresIn: '60' }
    expect(azure(short)).toEqual([expect.stringMatching(/expires-in 60 s is outside/)])
    expect(azure(azureOutputs({ exp: 'soon' }))).toEqual([expect.stringMatching(/no numeric 'exp' claim/)])
  })

  // expires-on is 3590 s from NOW; the claim may be off by EXP_SKEW_S (120 s) either way.
  it.each<[string, number, RegExp | undefined]>([
    ['an exp claim 10 minutes earlier than expires-on', -600, /exp claim .* is 600 s earlier than expires-on/],
    ['an exp claim 10 minutes later than expires-on', 600, /exp claim .* is 600 s later than expires-on/],
    ['an exp claim 121 s earlier', -121, /121 s earlier/],
    ['an exp claim 121 s later', 121, /121 s later/],
    ['an exp claim 120 s earlier (within the skew)', -120, undefined],
    ['an exp claim 120 s later (within the skew)', 120, undefined],
  ])('holds %s to expires-on', (_, shift, problem) => {
    const problems = azure(azureOutputs({ exp: NOW / 1000 + 3590 + shift }))
    expect(problems).toEqual(problem ? [expect.stringMatching(problem)] : [])
  })

  it('reads the identity outputs from each provider’s own claims', () => {
    const entra = azureOutputs() // an Entra token has no iam_id or account.bss
    expect(ibm(entra)).toEqual([
      expect.stringMatching(/principal-id does not match the token's iam_id claim/),
      expect.stringMatching(/account-id does not match the token's account.bss claim/),
      expect.stringMatching(/iam_id claim does not start with 'iam-ServiceId-'$/),
    ])
  })

  it('needs the configuration it holds the token to', () => {
    expect(azure(azureOutputs(), {})).toEqual([
      expect.stringMatching(/^EXPECT_ACCOUNT_ID is not set/),
      expect.stringMatching(/^EXPECT_CLIENT_ID is not set/),
      expect.stringMatching(/^EXPECT_RESOURCE is not set/),
    ])
    expect(ibm(ibmOutputs(), {})).toEqual([expect.stringMatching(/^EXPECT_IAM_ID_PREFIX is not set/)])
  })

  it('decodes only three base64url parts', () => {
    expect(decodeJwt(unsignedJwt({ a: 1 }))?.claims).toEqual({ a: 1 })
    expect(decodeJwt(`${unsignedJwt({ a: 1 })}.x`)).toBeUndefined()
    expect(decodeJwt('e30.e30.s+g')).toBeUndefined()
  })
})

describe('the Entra claims against the configuration', () => {
  it('tid: the configured tenant (letter case aside), not another', () => {
    expect(azure(azureOutputs(), { ...AZURE_EXPECT, accountId: TENANT.toUpperCase() })).toEqual([])
    expect(azure(azureOutputs(), { ...AZURE_EXPECT, accountId: OID })).toEqual([
      expect.stringMatching(/the token's tid claim is not the configured tenant \(EXPECT_ACCOUNT_ID\)/),
    ])
  })

  it('appid (v1) or azp (v2): the configured client id', () => {
    const v2 = azureOutputs({ appid: undefined, azp: APP, ver: '2.0' })
    expect(azure(v2)).toEqual([])
    expect(azure(azureOutputs({ appid: OID }))).toEqual([
      expect.stringMatching(/the token's appid claim is not the configured client id \(EXPECT_CLIENT_ID\)/),
    ])
    expect(azure(azureOutputs({ appid: undefined, azp: OID }))).toEqual([expect.stringMatching(/azp claim is not/)])
    // Both present: both must be the client.
    expect(azure(azureOutputs({ azp: OID }))).toEqual([expect.stringMatching(/azp claim is not/)])
    expect(azure(azureOutputs({ appid: undefined }))).toEqual([expect.stringMatching(/no appid or azp claim/)])
  })

  it.each([
    [ARM, ARM],
    [ARM, `${ARM}/`],
    [`${ARM}/`, ARM],
    [`${ARM}/`, `${ARM}/`],
  ])('aud: configured %s accepts %s', (resource, aud) => {
    expect(azure(azureOutputs({ aud }), { ...AZURE_EXPECT, resource })).toEqual([])
  })

  it.each([
    'https://management.core.windows.net/',
    `${ARM}//`,
    `${ARM}/subscriptions`,
    'https://MANAGEMENT.azure.com',
    'https://graph.microsoft.com',
    'api://0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d',
    undefined,
  ])('aud: refuses %s for the configured https://management.azure.com', aud => {
    expect(azure(azureOutputs({ aud }))).toEqual([
      expect.stringMatching(/the token's aud claim .* is not the configured resource 'https:\/\/management.azure.com'/),
    ])
  })

  it('says what matched and what differed, never the ids it compared', () => {
    const outputs = { ...azureOutputs({ appid: OID, tid: OID }), accountId: OID }
    const { problems, verdicts } = auditOutputs('azure', outputs, { now: NOW, expect: AZURE_EXPECT })
    expect(verdicts).toEqual([
      "principal-id vs the token's oid claim: matches",
      "account-id vs the token's tid claim: matches",
      "the token's tid claim vs the configured tenant: differs",
      "the token's appid claim vs the configured client id: differs",
      "the token's aud claim vs the configured resource: matches",
    ])
    expect(problems.length).toBe(2)
    for (const id of [TENANT, OID, APP]) expect(JSON.stringify([problems, verdicts])).not.toContain(id)
  })
})

describe('the IBM claims against the configuration', () => {
  it.each<[string, string, string | undefined]>([
    ["a service ID's API key", 'iam-ServiceId-9f0c1a2b-3c4d', undefined],
    ["a user's API key where a service ID's is expected", 'IBMid-550000AAAA', "(it starts with 'IBMid-')"],
    ['a trusted profile where a service ID is expected', 'iam-Profile-9f0c1a2b', "(it starts with 'iam-Profile-')"],
  ])('iam_id: %s', (_, iamId, found) => {
    const problems = ibm(ibmOutputs(iamId))
    if (!found) expect(problems).toEqual([])
    else expect(problems).toEqual([`the token's iam_id claim does not start with 'iam-ServiceId-' ${found}`])
  })

  it("iam_id: the prefix the workflow expects, e.g. IBMid- for a user's key, iam-Profile- for a profile", () => {
    expect(ibm(ibmOutputs('IBMid-550000AAAA'), { iamIdPrefix: 'IBMid-' })).toEqual([])
    expect(ibm(ibmOutputs('iam-Profile-9f0c1a2b'), { iamIdPrefix: 'iam-Profile-' })).toEqual([])
    expect(ibm(ibmOutputs('iam-ServiceId-1234'), { iamIdPrefix: 'iam-Profile-' })).toEqual([
      expect.stringMatching(/does not start with 'iam-Profile-' \(it starts with 'iam-ServiceId-'\)/),
    ])
  })

  it('account.bss: the configured IBM_ACCOUNT_ID where one is set', () => {
    expect(ibm(ibmOutputs(), { iamIdPrefix: 'iam-ServiceId-', accountId: IBM_ACCOUNT.toUpperCase() })).toEqual([])
    expect(ibm(ibmOutputs(), { iamIdPrefix: 'iam-ServiceId-', accountId: 'f'.repeat(32) })).toEqual([
      expect.stringMatching(/the token's account.bss claim is not the configured account \(EXPECT_ACCOUNT_ID\)/),
    ])
  })

  it('holds principal-id to what the workflow expects it to be, or to differ from', () => {
    const check = (expect: Expectations) => ibm(ibmOutputs(), { iamIdPrefix: 'iam-ServiceId-', ...expect })
    expect(check({ principalId: 'IAM-SERVICEID-1234', otherPrincipalThan: 'IBMid-1' })).toEqual([])
    expect(check({ principalId: 'iam-ServiceId-9' })).toEqual([expect.stringMatching(/not the expected principal/)])
    expect(check({ otherPrincipalThan: 'iam-ServiceId-1234' })).toEqual([expect.stringMatching(/should differ from/)])
  })
})

describe('cleanText', () => {
  const token = unsignedJwt({ oid: OID })

  it('makes server text one inert line: no workflow command, escape or control character', () => {
    const hostile =
      'oops\n::set-env name=PATH::/tmp\r\n::add-mask::x\n##[set-output name=a]b \u001b[31mred\u001b[0m\u202e\u0007'
    const clean = cleanText(hostile)
    expect(clean).toBe('oops : :set-env name=PATH: :/tmp : :add-mask: :x # #[set-output name=a]b red')
    expect(clean).not.toMatch(/[\r\n\u0000-\u001f\u202e]/)
  })

  it('replaces the token, anything token-shaped and every id', () => {
    const text = `{"token":"short","message":"bad ${token} for ${OID}","key":"${'k'.repeat(44)}"} Bearer abc.def acct ${IBM_ACCOUNT}`
    expect(cleanText(text, [token])).toBe(
      '{"token":"***","message":"bad *** for <id>","key":"***"} Bearer *** acct <id>',
    )
    // A b64token may hold `/`, `+` and `=`: JSON escapes the one, URLs encode all three.
    const opaque = 'opaque/token+value=='
    expect(
      cleanText(`{"t":"${opaque.replace('/', '\\/')}"} ?t=${encodeURIComponent(opaque)} ${opaque}`, [opaque]),
    ).toBe('{"t":"***"} ?t=*** ***')
  })

  it("keeps a challenge's parameters, which are not a token", () => {
    const challenge = 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token"'
    expect(cleanText(challenge)).toBe(challenge)
    expect(cleanText('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer ***')
  })

  it('withholds an answer that hides the token behind control characters or spaces', () => {
    const split = `${token.slice(0, 20)}\u0000${token.slice(20, 60)} \n${token.slice(60)}`
    expect(cleanText(`echo: ${split}`, [token])).toBe(WITHHELD)
  })

  it('cuts long text', () => {
    const clean = cleanText('word '.repeat(100_000))
    expect(clean.length).toBeLessThanOrEqual(400 + '… (cut)'.length)
    expect(clean.endsWith('… (cut)')).toBe(true)
  })
})

describe('checkProbe', () => {
  const probe = PROBES['iam-fake-api-key']
  const secret = 'fake-key-0123456789'
  const error =
    '::error::IBM Cloud IAM refused the API key (HTTP 400): BXNIM0415E Provided API key could not be found.%0AFix: the API key does not exist in this account or was deleted.'
  const run = (stdout: string, code: number | null = 1, stderr = '') => ({ code, stdout, stderr })

  it('accepts one error with the code and its fix, the secret only masked', () => {
    expect(checkProbe(probe, run(`::add-mask::${secret}\n${error}\n`), secret)).toEqual([])
    expect(errorMessages(error)).toEqual([
      'IBM Cloud IAM refused the API key (HTTP 400): BXNIM0415E Provided API key could not be found.\nFix: the API key does not exist in this account or was deleted.',
    ])
  })

  it.each<[string, ReturnType<typeof run>, RegExp]>([
    ['a success', run('', 0), /exit code 0, not 1/],
    ['no error line', run('something went wrong\n'), /0 ::error:: lines/],
    ['two error lines', run(`${error}\n${error}\n`), /2 ::error:: lines/],
    ['another code', run(error.replace('BXNIM0415E', 'BXNIM0109E')), /does not carry BXNIM0415E/],
    ['the code only in the fix', run(error.replace(' BXNIM0415E', '').replace('Fix: ', 'Fix: BXNIM0415E ')), /carry/],
    ['no fix', run(error.replace(/%0AFix: .*/, '')), /no 'Fix:' line/],
    ['the fallback fix', run(error.replace(/Fix: .*/, 'Fix: check api-key and the profile inputs.')), /not the one/],
    ['the secret in the log', run(`${error}\nkey=${secret}\n`), /api-key value appears/],
    ['the secret on stderr', run(error, 1, secret), /api-key value appears/],
  ])('finds %s', (_, probeRun, problem) => {
    expect(checkProbe(probe, probeRun, secret)).toContainEqual(expect.stringMatching(problem))
  })
})

describe('the command line', () => {
  const script = join(ROOT, 'scripts', 'live-check.mjs')
  /** OUTPUTS as `${{ toJSON(steps.<id>.outputs) }}` writes it: the action's output names. */
  const stepOutputs = (outputs: Outputs) =>
    JSON.stringify(
      Object.fromEntries(Object.entries(OUTPUT_NAMES).map(([key, name]) => [name, outputs[key as keyof Outputs]])),
      null,
      2,
    )
  const outputsEnv = (outputs: Outputs) => ({
    PATH: process.env.PATH ?? '',
    OUTPUTS: stepOutputs(outputs),
    EXPECT_ACCOUNT_ID: TENANT,
    EXPECT_CLIENT_ID: APP,
    EXPECT_RESOURCE: ARM,
  })
  const live = (exp: number) => ({
    ...azureOutputs(),
    token: unsignedJwt({ aud: ARM, appid: APP, oid: OID, tid: TENANT, exp }),
    expiresOn: new Date(exp * 1000).toISOString(),
    expiresIn: String(Math.floor(exp - Date.now() / 1000)),
  })

  it('passes good outputs, saying "matches" for each identity check and printing no id', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600
    const good = await runNode([script, 'outputs', 'azure'], { env: outputsEnv(live(exp)) })
    expect([good.code, good.stdout]).toEqual([0, expect.stringContaining('Live check (azure outputs): ok')])
    expect(good.stdout).toContain("  | the token's appid claim vs the configured client id: matches")
    expect(good.stdout.match(/: matches$/gm)?.length).toBe(5)
    for (const secretOrId of ['eyJ', TENANT, OID, APP]) expect(good.stdout).not.toContain(secretOrId)
  })

  it('fails bad outputs with one ::error:: per problem, still printing no id', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600
    const env = { ...outputsEnv({ ...live(exp), principalId: '' }), EXPECT_ACCOUNT_ID: OID, EXPECT_CLIENT_ID: '' }
    const bad = await runNode([script, 'outputs', 'azure'], { env })
    expect(bad.code).toBe(1)
    expect(
      bad.stdout.split('\n').filter(line => line.startsWith('::error title=Live check (azure outputs)::')),
    ).toEqual([
      expect.stringContaining('EXPECT_CLIENT_ID is not set'),
      expect.stringContaining('principal-id is empty'),
      expect.stringContaining("principal-id does not match the token's oid claim"),
      expect.stringContaining("the token's tid claim is not the configured tenant"),
    ])
    for (const id of [TENANT, OID, APP]) expect(bad.stdout).not.toContain(id)
  })

  it('fails without the step outputs as JSON', async () => {
    for (const OUTPUTS of [undefined, 'token=x', '[]']) {
      const run = await runNode([script, 'token', 'ibm'], { env: { PATH: process.env.PATH ?? '', OUTPUTS } })
      expect([run.code, run.stdout]).toEqual([
        1,
        expect.stringContaining("::error title=Live check (ibm token)::OUTPUTS is not a step's outputs as JSON"),
      ])
    }
  })

  it('refuses an unknown command', async () => {
    const run = await runNode([script, 'probe', 'nope'], { env: { PATH: process.env.PATH ?? '' } })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('token|outputs|api azure|ibm')
    expect(run.stderr).toContain('probe entra-unknown-tenant|iam-fake-api-key')
  })
})
