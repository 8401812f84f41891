/**
 * README "Run it locally", as documented: npm run emulators, then @github/local-action 7 with the
 * .env files it writes. Checks what the README says local-action shows, on success and failure.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runNode } from '../test-support/process.ts'
import { FIXTURES, ROOT } from '../test-support/run-action.ts'

const LOCAL_ACTION = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')
let emulators: ChildProcess
let out: string
let banner = ''

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'get-token-local-run-'))
  emulators = spawn(process.execPath, [join(ROOT, 'scripts', 'emulators.ts'), '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    emulators.stdout?.on('data', chunk => {
      banner += chunk
      if (banner.includes('Ready.')) resolve()
    })
    emulators.on('exit', code => reject(new Error(`npm run emulators exited ${code}: ${banner}`)))
  })
}, 30_000)

afterAll(async () => {
  emulators.kill('SIGINT')
  await new Promise(resolve => emulators.once('exit', resolve))
  expect(existsSync(join(out, '.env.local-ibm'))).toBe(false) // Ctrl-C removes what it wrote
  await rm(out, { recursive: true, force: true })
})

const localAction = (envFile: string, env: Record<string, string> = {}) =>
  runNode([LOCAL_ACTION, 'run', '.', 'src/main.ts', envFile], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? out, ...env },
    timeoutMs: 90_000,
  })

test('npm run emulators prints the commands of the README and writes a .env per provider', async () => {
  expect(banner).toContain('npx local-action run . src/main.ts')
  expect(await readFile(join(out, '.env.local-ibm'), 'utf8')).toMatch(/^INPUT_IAM-ENDPOINT=http:\/\/127\.0\.0\.1:\d+$/m)
  expect(await readFile(join(out, '.env.local-azure'), 'utf8')).toMatch(
    /^INPUT_AUTHORITY-HOST=https:\/\/localhost:\d+$/m,
  )
})

test('IBM: outputs printed as ::set-output, the token left out, exit 0', async () => {
  const run = await localAction(join(out, '.env.local-ibm'))
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('::warning::Skip output token since it may contain secret.')
  expect(run.stdout).toContain('::set-output name=token-type::Bearer')
  expect(run.stdout).toContain('::set-output name=principal-id::IBMid-550000AAAA')
  expect(run.stdout).toMatch(/Token from IBM Cloud IAM \(api-key\) .*exported as \$ACCESS_TOKEN\./)
  expect(run.stdout).not.toMatch(/eyJ[\w-]+\.eyJ/)
}, 90_000)

test('Azure: with NODE_EXTRA_CA_CERTS on the command line, client-secret against the Entra emulator', async () => {
  const run = await localAction(join(out, '.env.local-azure'), { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem') })
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(/Token from Azure Entra ID \(client-secret\)/)
  expect(run.stdout).toContain('::warning::Skip output token since it may contain secret.')
}, 90_000)

test('a failing action: the ::error:: line, no outputs, and still exit code 0', async () => {
  const env = (await readFile(join(out, '.env.local-ibm'), 'utf8')).replace(
    /^INPUT_API-KEY=.*$/m,
    'INPUT_API-KEY=revoked-key-0000',
  )
  const file = join(out, '.env.bad')
  await writeFile(file, env)
  const run = await localAction(file)
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('::error::IBM Cloud IAM refused the API key (HTTP 400): BXNIM0415E')
  expect(run.stdout).toContain('No outputs were set!')
}, 90_000)
