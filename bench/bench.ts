/**
 * Time-to-token: whole processes, cold, interleaved, against loopback emulators.
 *
 *   npm run bench                 full run, rewrites docs/benchmarks.md and docs/benchmarks.svg
 *   npm run bench -- --quick      2 runs per path, no warm-up, writes to a temp dir (for the test)
 *   npm run bench -- --runs 30 --warmup 5
 *   GET_TOKEN_ENTRY=/tmp/x/index.js npm run bench -- --out /tmp/x-report   (measure another build)
 *
 * Every path is a fresh `node` process: spawn → exit, timed from the parent. Paths take turns
 * (A B C … A B C …) so drift on the machine hits all of them alike. Network: 127.0.0.1 only.
 * paths.ts defines what runs, runner.ts times it, known-clouds.ts counts the requests on the known
 * clouds (untimed), report.ts and report-text.ts write the report.
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from '../test-support/run-action.ts'
import { measureKnownClouds } from './known-clouds.ts'
import { buildCoreOnlyFloor, definePaths, startEmulators } from './paths.ts'
import { buildReport } from './report.ts'
import { measure } from './runner.ts'

const loadAtStart = loadavg()
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    out: { type: 'string' },
  },
})
const QUICK = args.quick ?? false
const RUNS = Number(args.runs ?? (QUICK ? 2 : 20))
const WARMUP = Number(args.warmup ?? (QUICK ? 0 : 3))
const ENTRY = process.env.GET_TOKEN_ENTRY ?? join(ROOT, 'dist', 'index.js')

async function main(): Promise<void> {
  if (!existsSync(ENTRY))
    throw new Error(`${ENTRY} does not exist: build the action first (npm run build), or set GET_TOKEN_ENTRY.`)
  const floorBundle = await buildCoreOnlyFloor(QUICK)
  const emulators = await startEmulators()
  const cleanup: string[] = []
  try {
    // A private copy of the bundle and its chunks: a concurrent `npm run build` (rm -rf dist) cannot
    // pull it away mid-run. Same bytes, so the same measurement.
    const bundleCopy = await mkdtemp(join(tmpdir(), 'get-token-bench-dist-'))
    cleanup.push(bundleCopy)
    await cp(dirname(ENTRY), bundleCopy, { recursive: true })
    const paths = definePaths(emulators, floorBundle, join(bundleCopy, basename(ENTRY)), cleanup)
    const results = await measure(paths, { warmup: WARMUP, runs: RUNS })
    const clouds = await measureKnownClouds(join(bundleCopy, basename(ENTRY)), cleanup)
    const info = { quick: QUICK, runs: RUNS, warmup: WARMUP, entry: ENTRY, loadAtStart }
    const report = buildReport(results, clouds, info)
    console.log(report.console)
    const outDir = args.out ?? (QUICK ? await mkdtemp(join(tmpdir(), 'get-token-bench-')) : join(ROOT, 'docs'))
    await mkdir(outDir, { recursive: true })
    await writeFile(join(outDir, 'benchmarks.md'), report.markdown)
    await writeFile(join(outDir, 'benchmarks.svg'), report.svg)
    console.log(
      `\nWrote ${join(outDir, 'benchmarks.md')} and benchmarks.svg${QUICK && !args.out ? ' (quick mode: docs/ left alone)' : ''}.`,
    )
  } finally {
    await Promise.all([emulators.ibm.close(), emulators.entra.close()])
    await Promise.all(cleanup.map(dir => rm(dir, { recursive: true, force: true })))
  }
}

await main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
