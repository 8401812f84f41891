/**
 * What a bench path is, and the two ways one runs: get-token's bundle as a runner runs it (INPUT_*
 * variables and the file commands), or a plain script under bench/. paths.ts lists the paths.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../test-support/emulators/server.ts'
import { ROOT, actionDefaults, parseFileCommands } from '../test-support/run-action.ts'

/** The bench's directory: its scripts, floors, clients and the load probe. */
export const BENCH = join(ROOT, 'bench')

/** The kind of a path, for the chart's colours: get-token itself, an official client, or a floor. */
export type Group = 'action' | 'client' | 'floor'

/** A path ready to run: its command line and environment, and what happens around each run. */
export interface Prepared {
  args: string[]
  env: Record<string, string>
  /** Before each run (untimed): reset the runner files. */
  reset(): Promise<void>
  /** After each run (untimed): did it get a token? Throws with the process output if not. */
  verify(code: number | null, stdout: string, stderr: string): Promise<void>
}

/** One row of the report: what runs, and what it is compared with. */
export interface Path {
  id: string
  label: string
  group: Group
  /** The emulator whose requests it makes, for requests per token. */
  emulator?: Emulator
  /** The minimum number of requests per token on this path. */
  minRequests?: number
  /** What the requests are, shown after their number ("discovery + token"). */
  requestNote?: string
  /** The row that sends the same requests with bare `fetch`, for the "× fetch floor" column; floor-fetch if unset. */
  floor?: string
  /** The row to compare with in the "× official client" column. */
  client?: string
  prepare(): Promise<Prepared>
}

/** What an action path shares with its siblings: the bundle, the cleanup list, and its row. */
interface ActionRun {
  entry: string
  cleanup: string[]
  id: string
  label: string
  emulator: Emulator
  minRequests: number
  requestNote?: string
  floor?: string
  client?: string
}

/** A get-token path: the bundle with these inputs (and extra env), as a runner runs it. */
export function actionPath(run: ActionRun, inputs: Record<string, string>, env: Record<string, string> = {}): Path {
  const { entry, cleanup, ...row } = run
  const gotToken = (outputs: Record<string, string>) => (outputs.token ?? '').split('.').length === 3
  return { ...row, group: 'action', prepare: () => runnerFiles(entry, inputs, env, cleanup, gotToken) }
}

/** A plain script under bench/ and the row it makes. */
interface Script extends Omit<Path, 'prepare'> {
  /** Relative to bench/. */
  script: string
  env: Record<string, string>
  /** What stdout shows when the run did its work: `token <length>` unless given. */
  done?: RegExp
}

/** A plain script under bench/, run with PATH and HOME and its own variables only. */
export function scriptPath({ script, env, done = /^token \d+/m, ...row }: Script): Path {
  return {
    ...row,
    prepare: async () => ({
      args: [join(BENCH, script)],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
      reset: async () => {},
      verify: async (code, stdout, stderr) => {
        if (code !== 0 || !done.test(stdout)) throw new Error(`${row.label} failed (exit ${code}):\n${stdout}${stderr}`)
      },
    }),
  }
}

/** The runner's way: INPUT_* variables (action.yml defaults included) and the three file commands. */
export async function runnerFiles(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string>,
  cleanup: string[],
  ok: (outputs: Record<string, string>) => boolean,
): Promise<Prepared> {
  const dir = await mkdtemp(join(tmpdir(), 'get-token-bench-run-'))
  cleanup.push(dir)
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    ...files,
  }
  const defaults = Object.keys(inputs).length ? await actionDefaults() : {}
  for (const [name, value] of Object.entries({ ...defaults, ...inputs }))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  Object.assign(env, extraEnv)
  return {
    args: [entry],
    env,
    reset: async () => {
      await Promise.all(Object.values(files).map(file => writeFile(file, '')))
    },
    verify: async (code, stdout, stderr) => {
      const outputs = parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8'))
      if (code !== 0 || !ok(outputs)) throw new Error(`${entry} failed (exit ${code}):\n${stdout}${stderr}`)
    },
  }
}
