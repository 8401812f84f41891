// The error probes: the bundle run as the runner runs `uses: ./`, with a credential the real
// service must refuse, and what its log must then show.
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Requests the real services must refuse with a known code, and the action's fix for that code
 * (a phrase of the fixes in AZURE_HINTS / IBM_HINTS; __tests__/e2e/live-check.test.ts keeps them in step).
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
