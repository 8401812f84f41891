import { closeSync, openSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runNode } from './process.ts'

/** The repository's root directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** test-support/fixtures: the emulators' test keys and certificates. */
export const FIXTURES = join(ROOT, 'test-support', 'fixtures')

/** What a run of the action left: exit code, log, outputs, exported variables, summary and stray files. */
export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  /** stdout split into lines, for order checks. */
  lines: string[]
  outputs: Record<string, string>
  /** Variables written to GITHUB_ENV. */
  exported: Record<string, string>
  summary: string
  /** Files the run left in its HOME / TMPDIR / working directory besides the runner's three. */
  leftovers: string[]
  ms: number
}

/** How to run the action: its inputs, extra environment, the bundle, and how to watch its output. */
export interface RunOptions {
  inputs: Record<string, string>
  /** Extra environment (OIDC request variables, NODE_EXTRA_CA_CERTS, RUNNER_DEBUG ...). */
  env?: Record<string, string>
  /** Defaults to the built bundle (dist/index.js, or $GET_TOKEN_ENTRY), as the runner runs it. */
  entry?: string
  timeoutMs?: number
  /** Variables the runner would set that this run goes without (GITHUB_OUTPUT, ...). */
  unset?: string[]
  /** stdout appends to the GITHUB_OUTPUT file: one stream shows the order of log lines and outputs. */
  stdoutIntoOutputFile?: boolean
  /** Sees stdout as it arrives (see runNode). */
  onStdout?: (chunk: string) => void
}

/** action.yml's defaults, which the runner passes as INPUT_ variables like any other input. */
export async function actionDefaults(): Promise<Record<string, string>> {
  const yaml = await readFile(join(ROOT, 'action.yml'), 'utf8')
  const defaults: Record<string, string> = {}
  let current = ''
  for (const line of yaml.split('\n')) {
    const input = /^ {2}([a-z-]+):\s*$/.exec(line)
    if (input?.[1]) current = input[1]
    const value = /^ {4}default:\s*'(.*)'\s*$/.exec(line)
    if (value && current) defaults[current] = value[1] ?? ''
    if (/^outputs:/.test(line)) break
  }
  return defaults
}

/** Runs the action in a child process the way the runner does. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'get-token-run-'))
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  }
  await Promise.all(Object.values(files).map(file => writeFile(file, '')))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    TMPDIR: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    ...files,
  }
  for (const [name, value] of Object.entries({ ...(await actionDefaults()), ...options.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  // npm test measures what the bundle runs (scripts/coverage.mjs).
  if (process.env.GET_TOKEN_COVERAGE_DIR) env.NODE_V8_COVERAGE = process.env.GET_TOKEN_COVERAGE_DIR
  Object.assign(env, options.env)
  for (const name of options.unset ?? []) delete env[name]
  const entry = options.entry ?? process.env.GET_TOKEN_ENTRY ?? join(ROOT, 'dist', 'index.js')
  const shared = options.stdoutIntoOutputFile ? openSync(files.GITHUB_OUTPUT, 'a') : undefined
  const finished = await runNode([entry], {
    env,
    cwd: dir,
    timeoutMs: options.timeoutMs ?? 30_000,
    stdoutFd: shared,
    onStdout: options.onStdout,
  })
  let { stdout } = finished
  const { code, stderr, ms } = finished
  if (shared !== undefined) {
    closeSync(shared)
    stdout = await readFile(files.GITHUB_OUTPUT, 'utf8')
  }
  const result: ActionRun = {
    code,
    stdout,
    stderr,
    ms,
    lines: stdout.split('\n').filter(line => line !== ''),
    outputs: parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    exported: parseFileCommands(await readFile(files.GITHUB_ENV, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    leftovers: (await readdir(dir, { recursive: true })).filter(name => !['output', 'env', 'summary'].includes(name)),
  }
  await rm(dir, { recursive: true, force: true })
  return result
}

/** The runner's `name<<DELIMITER ... DELIMITER` file command format. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/) // the runner's files end lines as the OS does (CRLF on Windows)
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1)
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else {
      const pair = /^([^=]+)=(.*)$/.exec(lines[i] ?? '')
      if (pair?.[1]) values[pair[1]] = pair[2] ?? ''
    }
  }
  return values
}
