// The assertions of the live check (.github/workflows/live-check.yml) against the real services.
// Plain JavaScript with Node's built-ins only, so that the runner's own node runs it without an
// install. It checks the action from outside and on purpose shares no code with src/: a check that
// reused the action's own token checks would pass whenever the action is wrong in the same way.
//
//   node scripts/live-check.mjs outputs azure|ibm   the outputs of a real run, passed in as env
//                                                   (TOKEN, TOKEN_TYPE, EXPIRES_ON, EXPIRES_IN,
//                                                   PRINCIPAL_ID, ACCOUNT_ID; EXPECT_* optional)
//   node scripts/live-check.mjs probe <name>        runs dist/index.js as the runner would, with a
//                                                   credential the real service must refuse (PROBES)
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** RFC 6750 `b64token`: what may follow `Bearer ` in an Authorization header. */
export const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Entra ID and IBM Cloud IAM issue tokens for an hour or so; outside this, something changed. */
export const LIFETIME_RANGE_S = [300, 24 * 3600]
/** Seconds allowed between the action's step and the check step that reads its outputs. */
export const STEP_GAP_S = 120
/** Seconds allowed between the token's `exp` claim and `expires-on`: network time and clock skew. */
export const EXP_SKEW_S = 120

/**
 * Where each provider's token says who it is for and where that principal lives
 * (docs/interface.md, Outputs), and the form of those ids where the provider fixes one.
 */
export const CLAIMS = {
  azure: { principal: 'oid', account: 'tid', ids: GUID },
  ibm: { principal: 'iam_id', account: 'account.bss' },
}

/** The header and claims of a JWT, or undefined when the token is not one. Never verified: facts only. */
export function decodeJwt(token) {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some(part => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined
  try {
    const [header, claims] = parts.slice(0, 2).map(part => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')))
    return header && claims && typeof claims === 'object' ? { header, claims } : undefined
  } catch {
    return undefined
  }
}

function claim(claims, path) {
  const value = path
    .split('.')
    .reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), claims)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/**
 * What is wrong with the outputs of a real run (empty when nothing is): the token's shape, the
 * expiry's agreement with itself and with the token's `exp` claim, and the identity outputs
 * against the token's claims and the expectations the workflow passes in.
 */
export function checkOutputs(provider, outputs, { now = Date.now(), expect = {} } = {}) {
  const problems = []
  const { token = '', tokenType, expiresOn, expiresIn, principalId, accountId } = outputs
  if (!B64TOKEN.test(token)) problems.push('token is not an RFC 6750 b64token (empty, or spaces or other characters)')
  const jwt = decodeJwt(token)
  if (!jwt) problems.push('token is not a three-part JWT with a JSON header and claims')
  if (tokenType !== 'Bearer') problems.push(`token-type is '${tokenType}', not 'Bearer'`)
  problems.push(...expiryProblems(expiresOn, expiresIn, jwt?.claims, now))
  problems.push(...identityProblems(CLAIMS[provider], { principalId, accountId }, jwt?.claims, expect))
  return problems
}

function expiryProblems(expiresOn = '', expiresIn = '', claims, now) {
  const at = ISO_UTC.test(expiresOn) ? Date.parse(expiresOn) : NaN
  if (!Number.isFinite(at)) return [`expires-on '${expiresOn}' is not an ISO 8601 UTC time`]
  if (!/^\d+$/.test(expiresIn)) return [`expires-in '${expiresIn}' is not a whole number of seconds`]
  const problems = []
  const seconds = Number(expiresIn)
  const [min, max] = LIFETIME_RANGE_S
  if (seconds < min || seconds > max) problems.push(`expires-in ${seconds} s is outside ${min}..${max} s`)
  // expires-in was counted when the action's step ran, a little before now.
  const left = (at - now) / 1000
  if (left > seconds + 1 || left < seconds - STEP_GAP_S)
    problems.push(`expires-in ${seconds} s disagrees with expires-on ${expiresOn} (${Math.round(left)} s from now)`)
  const exp = Number(claims?.exp)
  if (claims && !Number.isFinite(exp)) problems.push("the token has no numeric 'exp' claim")
  else if (claims && Math.abs(exp * 1000 - at) > EXP_SKEW_S * 1000)
    problems.push(
      `the token's exp claim (${new Date(exp * 1000).toISOString()}) disagrees with expires-on ${expiresOn}`,
    )
  return problems
}

function identityProblems(paths, outputs, claims, expect) {
  const problems = []
  for (const [output, path, value] of [
    ['principal-id', paths.principal, outputs.principalId],
    ['account-id', paths.account, outputs.accountId],
  ]) {
    if (!value) problems.push(`${output} is empty`)
    else if (paths.ids && !paths.ids.test(value))
      problems.push(`${output} '${value}' is not an id of the expected form`)
    if (claims && claim(claims, path) !== value)
      problems.push(`${output} '${value ?? ''}' is not the token's ${path} claim '${claim(claims, path) ?? ''}'`)
  }
  const same = (a, b) => a.toLowerCase() === b.toLowerCase()
  if (expect.accountId && !same(outputs.accountId ?? '', expect.accountId))
    problems.push(`account-id '${outputs.accountId ?? ''}' is not the expected '${expect.accountId}'`)
  if (expect.principalId && !same(outputs.principalId ?? '', expect.principalId))
    problems.push(`principal-id '${outputs.principalId ?? ''}' is not the expected '${expect.principalId}'`)
  if (expect.otherPrincipalThan && same(outputs.principalId ?? '', expect.otherPrincipalThan))
    problems.push(`principal-id '${outputs.principalId}' should differ from '${expect.otherPrincipalThan}'`)
  return problems
}

/**
 * Requests the real services must refuse with a known code, and the action's fix for that code
 * (a phrase of AADSTS_HINTS / BXNIM_HINTS; __tests__/e2e/live-check.test.ts keeps them in step).
 * - An unknown tenant: `.invalid` is reserved (RFC 2606), so no tenant can ever have verified it
 *   as a domain; Entra ID answers AADSTS90002 (tenant not found) before it looks at the client.
 *   Not the all-zero GUID, which Entra answers with a message of its own ("may not be an empty
 *   GUID"), nor a random GUID, which some tenant could one day have.
 * - A fake API key of the real shape (44 characters, base64url), new for every run: IAM answers
 *   400 BXNIM0415E (API key not found).
 */
export const PROBES = {
  'entra-unknown-tenant': {
    code: 'AADSTS90002',
    fix: 'tenant was not found',
    secretInput: 'client-secret',
    inputs: () => ({
      provider: 'azure',
      'auth-type': 'client-secret',
      'tenant-id': 'get-token-live-check.invalid',
      'client-id': randomUUID(),
      'client-secret': randomBytes(30).toString('base64url'),
      resource: 'https://management.azure.com',
    }),
  },
  'iam-fake-api-key': {
    code: 'BXNIM0415E',
    fix: 'API key does not exist',
    secretInput: 'api-key',
    inputs: () => ({ provider: 'ibm', 'auth-type': 'api-key', 'api-key': randomBytes(33).toString('base64url') }),
  },
}

/** `::error::` lines of a run's stdout, as the runner reads them (@actions/core escapes %, CR, LF). */
export function errorMessages(stdout) {
  return stdout
    .split(/\r?\n/)
    .filter(line => line.startsWith('::error'))
    .map(line =>
      line
        .replace(/^::error[^:]*::/, '')
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    )
}

/** What is wrong with a probe's run: it must fail with one error carrying the code and the fix, leak nothing. */
export function checkProbe(probe, run, secret) {
  const problems = []
  if (run.code !== 1) problems.push(`exit code ${run.code}, not 1`)
  const errors = errorMessages(run.stdout)
  if (errors.length !== 1) problems.push(`${errors.length} ::error:: lines, not 1`)
  if (errors.length) {
    const [message, fix] = errors[0].split('\nFix: ')
    if (!message.includes(probe.code)) problems.push(`the error does not carry ${probe.code}`)
    if (fix === undefined) problems.push("the error has no 'Fix:' line")
    else if (!fix.includes(probe.fix)) problems.push(`the fix is not the one for ${probe.code}`)
  }
  const unmasked = run.stdout.split(/\r?\n/).some(line => line.includes(secret) && !line.startsWith('::add-mask::'))
  if (unmasked || run.stderr.includes(secret)) problems.push(`the ${probe.secretInput} value appears in the log`)
  return problems
}

/**
 * Runs a probe: the bundle, the way the runner runs `uses: ./` (INPUT_<NAME> with hyphens kept,
 * the runner's files), with the probe's inputs. `endpoint` and `env` point it elsewhere (tests).
 */
export async function runProbe(name, { endpoint = {}, env: extraEnv = {} } = {}) {
  const probe = PROBES[name]
  const inputs = { ...probe.inputs(), ...endpoint }
  const dir = await mkdtemp(join(tmpdir(), 'get-token-live-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_ENV: 'env', GITHUB_STEP_SUMMARY: 'summary' }
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT_|AZURE_|IBMCLOUD_)/.test(key)))
  for (const [variable, file] of Object.entries(files)) {
    env[variable] = join(dir, file)
    await writeFile(env[variable], '')
  }
  // Inputs left out arrive empty, and the action applies action.yml's defaults to empty inputs.
  for (const [input, value] of Object.entries(inputs)) env[`INPUT_${input.toUpperCase()}`] = value
  Object.assign(env, extraEnv)
  try {
    const run = await new Promise((done, fail) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], { env, cwd: dir })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', chunk => (stdout += chunk))
      child.stderr.on('data', chunk => (stderr += chunk))
      child.on('error', fail)
      child.on('close', code => done({ code, stdout, stderr }))
    })
    return { run, problems: checkProbe(probe, run, inputs[probe.secretInput]) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A workflow command's data, escaped as @actions/core does, so that a problem stays one annotation. */
const escape = text => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

function report(title, problems, lines) {
  for (const problem of problems) console.log(`::error title=${title}::${escape(problem)}`)
  for (const line of lines) console.log(`  | ${line}`)
  if (problems.length) {
    console.log('A real service answered differently from what the action expects: see CONTRIBUTING.md,')
    console.log('"Live check against the real services", for what to update.')
  } else console.log(`${title}: ok`)
  process.exitCode = problems.length ? 1 : 0
}

async function main([command, name]) {
  if (command === 'outputs' && Object.hasOwn(CLAIMS, name)) {
    const env = process.env
    const outputs = {
      token: env.TOKEN,
      tokenType: env.TOKEN_TYPE,
      expiresOn: env.EXPIRES_ON,
      expiresIn: env.EXPIRES_IN,
      principalId: env.PRINCIPAL_ID,
      accountId: env.ACCOUNT_ID,
    }
    const expect = {
      accountId: env.EXPECT_ACCOUNT_ID,
      principalId: env.EXPECT_PRINCIPAL_ID,
      otherPrincipalThan: env.EXPECT_OTHER_PRINCIPAL_THAN,
    }
    const shown = [
      `expires-on: ${outputs.expiresOn ?? ''}, expires-in: ${outputs.expiresIn ?? ''}`,
      `principal-id: ${outputs.principalId ?? ''}, account-id: ${outputs.accountId ?? ''}`,
    ]
    return report(`Live check (${name} outputs)`, checkOutputs(name, outputs, { expect }), shown)
  }
  if (command === 'probe' && Object.hasOwn(PROBES, name)) {
    const { run, problems } = await runProbe(name)
    const lines = errorMessages(run.stdout).flatMap(message => message.split(/\r?\n/))
    return report(`Live check (${name})`, problems, lines)
  }
  console.error(`usage: live-check.mjs outputs ${Object.keys(CLAIMS).join('|')}`)
  console.error(`       live-check.mjs probe ${Object.keys(PROBES).join('|')}`)
  process.exitCode = 2
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2))
