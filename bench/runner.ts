/**
 * Runs the paths: whole, cold processes, interleaved (A B C … A B C …) so drift on the machine hits
 * all of them alike, then one untimed run per path with the load probe.
 */
import { statSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RecordedRequest } from '../test-support/emulators/server.ts'
import { runNode, type Finished } from '../test-support/process.ts'
import { ROOT } from '../test-support/run-action.ts'
import { BENCH, type Path, type Prepared } from './path-kinds.ts'

/** What the runs of one path measured. */
export interface Result {
  path: Path
  /** Milliseconds from spawn to exit, counted runs only. */
  times: number[]
  /** Requests the path's emulator saw, per counted run. */
  requests: number[]
  /** `METHOD /path (grant)` of those requests. */
  requestKinds: Set<string>
  /** The JavaScript files the probe run loaded, and their size in all. */
  loadedFiles: string[]
  loadedBytes: number
}

/** Warm-up rounds (timed, not counted) and counted rounds. */
interface Rounds {
  warmup: number
  runs: number
}

/** Prepares every path, times the rounds interleaved, then probes what each path loads. */
export async function measure(paths: Path[], { warmup, runs }: Rounds): Promise<Result[]> {
  const prepared = new Map<string, Prepared>()
  for (const path of paths) prepared.set(path.id, await path.prepare())
  const results: Result[] = paths.map(path => ({
    path,
    times: [],
    requests: [],
    requestKinds: new Set<string>(),
    loadedFiles: [],
    loadedBytes: 0,
  }))
  process.stderr.write(`${paths.length} paths × (${warmup} warm-up + ${runs} counted runs), interleaved\n`)
  for (let round = 0; round < warmup + runs; round++) {
    for (const result of results) await timeOneRun(result, prepared.get(result.path.id)!, round < warmup)
    process.stderr.write(round < warmup ? 'w' : '.')
  }
  process.stderr.write('\n')
  for (const result of results) await probeLoadedFiles(result, prepared.get(result.path.id)!)
  return results
}

async function timeOneRun(result: Result, run: Prepared, warmup: boolean): Promise<void> {
  await run.reset()
  const seen = result.path.emulator?.requests.length ?? 0
  const { ms, code, stdout, stderr } = await exec(run.args, run.env)
  await run.verify(code, stdout, stderr)
  if (warmup) return
  result.times.push(ms)
  if (!result.path.emulator) return
  const requests = result.path.emulator.requests.slice(seen)
  result.requests.push(requests.length)
  for (const request of requests) result.requestKinds.add(requestKind(request))
}

/** `METHOD /path (grant)`, the tenant in an Entra path written `{tenant}`: how the report names a request. */
export function requestKind(request: RecordedRequest): string {
  const grant = request.form.get('grant_type')?.split(':').pop()
  const path = request.path.replace(/^\/[^/]+\/(v2\.0|oauth2)/, '/{tenant}/$1')
  return `${request.method} ${path}${grant ? ` (${grant})` : ''}`
}

/** One more, untimed run with the load probe: which JavaScript files does the path load? */
async function probeLoadedFiles(result: Result, run: Prepared): Promise<void> {
  const probeOut = join(tmpdir(), `get-token-bench-probe-${process.pid}-${result.path.id}.json`)
  await run.reset()
  const { code, stdout, stderr } = await exec(['--import', join(BENCH, 'load-probe.mjs'), ...run.args], {
    ...run.env,
    BENCH_PROBE_OUT: probeOut,
  })
  await run.verify(code, stdout, stderr)
  const urls = JSON.parse(await readFile(probeOut, 'utf8')) as string[]
  await rm(probeOut, { force: true })
  result.loadedFiles = urls.map(url => fileURLToPath(url)).filter(file => !file.endsWith('load-probe.mjs'))
  result.loadedBytes = result.loadedFiles.reduce((sum, file) => sum + statSync(file).size, 0)
}

function exec(argv: string[], env: Record<string, string | undefined>): Promise<Finished> {
  return runNode(argv, { env, cwd: ROOT })
}
