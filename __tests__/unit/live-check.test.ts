/**
 * The live check (.github/workflows/live-check.yml, scripts/live-check.mjs): its checks on made-up
 * outputs and logs, its command line, and the workflow's wiring, which actionlint cannot see for a
 * local action (`uses: ./`). The same checks on what the bundle prints: e2e/live-check.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { unsignedJwt } from '../../test-support/emulators/server.ts'
import { runNode } from '../../test-support/process.ts'
import { ROOT } from '../../test-support/run-action.ts'
import { PROBES, checkOutputs, checkProbe, decodeJwt, errorMessages, type Outputs } from '../../scripts/live-check.mjs'

const NOW = Date.parse('2026-11-22T12:00:00.000Z')
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const OID = 'a9b8c7d6-e5f4-4321-8765-43210fedcba9'

/** Outputs as the action publishes them for an Entra token issued 10 s ago for an hour. */
function azureOutputs(claims: Record<string, unknown> = {}): Outputs {
  const exp = NOW / 1000 + 3590
  return {
    token: unsignedJwt({ oid: OID, tid: TENANT, exp, ...claims }),
    tokenType: 'Bearer',
    expiresOn: new Date(exp * 1000).toISOString(),
    expiresIn: '3595',
    principalId: OID,
    accountId: TENANT,
  }
}

describe('checkOutputs', () => {
  it('accepts what a real token looks like', () => {
    expect(checkOutputs('azure', azureOutputs(), { now: NOW })).toEqual([])
    const ibm = { iam_id: 'iam-ServiceId-1234', account: { bss: 'acct123' }, exp: NOW / 1000 + 3600 }
    const outputs = {
      ...azureOutputs(),
      token: unsignedJwt(ibm),
      expiresOn: new Date(NOW + 3600_000).toISOString(),
      expiresIn: '3600',
      principalId: 'iam-ServiceId-1234',
      accountId: 'acct123',
    }
    expect(checkOutputs('ibm', outputs, { now: NOW })).toEqual([])
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
    ['an account-id that is no GUID', { accountId: 'contoso.onmicrosoft.com' }, /account-id .* not an id/],
    ['a principal-id other than oid', { principalId: TENANT }, /not the token's oid claim/],
  ])('finds %s', (_, change, problem) => {
    expect(checkOutputs('azure', { ...azureOutputs(), ...change }, { now: NOW })).toContainEqual(
      expect.stringMatching(problem),
    )
  })

  it('finds a lifetime outside the sane range, and an exp claim that disagrees with expires-on', () => {
    const shortLived = azureOutputs({ exp: NOW / 1000 + 60 })
    const short = { ...shortLived, expiresOn: new Date(NOW + 60_000).toISOString(), expiresIn: '60' }
    expect(checkOutputs('azure', short, { now: NOW })).toEqual([expect.stringMatching(/expires-in 60 s is outside/)])
    const later = azureOutputs({ exp: NOW / 1000 + 3590 + 600 })
    expect(checkOutputs('azure', later, { now: NOW })).toEqual([
      expect.stringMatching(/exp claim .* disagrees with expires-on/),
    ])
    expect(checkOutputs('azure', azureOutputs({ exp: 'soon' }), { now: NOW })).toEqual([
      expect.stringMatching(/no numeric 'exp' claim/),
    ])
  })

  it('reads the identity outputs from each provider’s own claims', () => {
    const ibm = azureOutputs() // an Entra token has no iam_id or account.bss
    expect(checkOutputs('ibm', ibm, { now: NOW })).toEqual([
      expect.stringMatching(/principal-id .* not the token's iam_id claim ''/),
      expect.stringMatching(/account-id .* not the token's account.bss claim ''/),
    ])
  })

  it('holds the outputs to what the workflow expects', () => {
    const check = (expect: Record<string, string>) => checkOutputs('azure', azureOutputs(), { now: NOW, expect })
    expect(check({ accountId: TENANT.toUpperCase(), principalId: OID, otherPrincipalThan: TENANT })).toEqual([])
    expect(check({ accountId: OID })).toEqual([expect.stringMatching(/account-id .* is not the expected/)])
    expect(check({ principalId: TENANT })).toEqual([expect.stringMatching(/principal-id .* is not the expected/)])
    expect(check({ otherPrincipalThan: OID })).toEqual([expect.stringMatching(/should differ from/)])
  })

  it('decodes only three base64url parts', () => {
    expect(decodeJwt(unsignedJwt({ a: 1 }))?.claims).toEqual({ a: 1 })
    expect(decodeJwt(`${unsignedJwt({ a: 1 })}.x`)).toBeUndefined()
    expect(decodeJwt('e30.e30.s+g')).toBeUndefined()
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
  const outputsEnv = (outputs: Outputs) => ({
    PATH: process.env.PATH ?? '',
    TOKEN: outputs.token ?? '',
    TOKEN_TYPE: outputs.tokenType ?? '',
    EXPIRES_ON: outputs.expiresOn ?? '',
    EXPIRES_IN: outputs.expiresIn ?? '',
    PRINCIPAL_ID: outputs.principalId ?? '',
    ACCOUNT_ID: outputs.accountId ?? '',
  })
  const live = (exp: number) => ({
    ...azureOutputs(),
    token: unsignedJwt({ oid: OID, tid: TENANT, exp }),
    expiresOn: new Date(exp * 1000).toISOString(),
    expiresIn: String(Math.floor(exp - Date.now() / 1000)),
  })

  it('passes good outputs, and fails bad ones with one ::error:: per problem', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600
    const good = await runNode([script, 'outputs', 'azure'], { env: outputsEnv(live(exp)) })
    expect([good.code, good.stdout]).toEqual([0, expect.stringContaining('Live check (azure outputs): ok')])
    expect(good.stdout).not.toContain('eyJ') // the token is never printed
    const env = { ...outputsEnv(live(exp)), PRINCIPAL_ID: '', EXPECT_ACCOUNT_ID: OID }
    const bad = await runNode([script, 'outputs', 'azure'], { env })
    expect(bad.code).toBe(1)
    expect(
      bad.stdout.split('\n').filter(line => line.startsWith('::error title=Live check (azure outputs)::')),
    ).toEqual([
      expect.stringContaining('principal-id is empty'),
      expect.stringContaining("principal-id '' is not the token's oid claim"),
      expect.stringContaining('is not the expected'),
    ])
  })

  it('refuses an unknown command', async () => {
    const run = await runNode([script, 'probe', 'nope'], { env: { PATH: process.env.PATH ?? '' } })
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('probe entra-unknown-tenant|iam-fake-api-key')])
  })
})

describe('.github/workflows/live-check.yml', () => {
  interface Step {
    id?: string
    if?: string
    uses?: string
    run?: string
    with?: Record<string, string>
    env?: Record<string, string>
  }
  interface Job {
    if?: string
    permissions: Record<string, string>
    strategy?: { matrix: { probe: string[] } }
    steps: Step[]
  }
  const text = readFileSync(join(ROOT, '.github', 'workflows', 'live-check.yml'), 'utf8')
  const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> }
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>
    outputs: Record<string, unknown>
  }
  const jobs = Object.entries(workflow.jobs)
  const actionSteps = jobs.flatMap(([, job]) => job.steps.filter(step => step.uses === './'))

  it('runs weekly and on demand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* [0-6]$/) }])
  })

  it('runs the committed action with real inputs, and reads only real outputs', () => {
    expect(actionSteps.length).toBe(4)
    for (const step of actionSteps)
      for (const input of Object.keys(step.with ?? {})) expect(action.inputs).toHaveProperty([input])
    const tokenJobs = jobs.filter(([, job]) => job.steps.some(step => step.uses === './'))
    const read = tokenJobs.flatMap(([, job]) => [
      ...JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g),
    ])
    expect(read.length).toBeGreaterThan(20)
    const ids = actionSteps.map(step => step.id)
    for (const [, id, output] of read) {
      expect(ids).toContain(id)
      expect(action.outputs).toHaveProperty([output ?? ''])
    }
  })

  it('gets tokens only where configured, skipping with a notice otherwise', () => {
    for (const [name, job] of jobs.filter(([, job]) => job.steps.some(step => step.uses === './')))
      expect([name, job.if]).toEqual([name, expect.stringMatching(/^needs\.configured\.outputs\.\w+ == 'true'$/)])
    const check = workflow.jobs.configured?.steps[0]
    expect(check?.run).toContain('::notice title=Live check skipped::$1: $2')
    // A secret reaches that shell only as "is it set".
    const secrets = Object.values(check?.env ?? {}).filter(value => value.includes('secrets.'))
    expect(secrets.length).toBe(2)
    for (const value of secrets) expect(value).toMatch(/^\$\{\{ secrets\.\w+ != '' \}\}$/)
  })

  it('asks for an OIDC token only in the Entra job, which exchanges one', () => {
    for (const [name, job] of jobs) {
      const usesOidc = job.steps.some(step => step.with?.['auth-type'] === 'oidc')
      expect([name, job.permissions['id-token']]).toEqual([name, usesOidc ? 'write' : undefined])
    }
  })

  it('reads only variables and secrets that CONTRIBUTING.md tells a maintainer to set', () => {
    const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')
    const section = contributing.split('\n## Live check against the real services\n')[1]?.split('\n## ')[0] ?? ''
    const used = new Set([...text.matchAll(/\b(vars|secrets)\.(\w+)/g)].map(([, kind, name]) => `${name} ${kind}`))
    expect(used.size).toBe(6)
    for (const entry of used) {
      const [name, kind] = entry.split(' ')
      expect(section).toMatch(new RegExp(`^\\| \`${name}\`\\s+\\| ${kind === 'vars' ? 'variable' : 'secret'} `, 'm'))
    }
  })

  it('probes exactly the known errors the script knows', () => {
    expect(workflow.jobs.errors?.strategy?.matrix.probe.sort()).toEqual(Object.keys(PROBES).sort())
    expect(workflow.jobs.errors?.if).toBeUndefined() // they need no account: always run
  })
})
