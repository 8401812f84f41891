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
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem, tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  startEntraId,
  type EntraEmulator,
} from '../test-support/emulators/entra-id.ts'
import { startIbmIam, type IbmIamEmulator } from '../test-support/emulators/ibm-iam.ts'
import type { Emulator } from '../test-support/emulators/server.ts'
import { runNode, type Finished } from '../test-support/process.ts'
import { FIXTURES, ROOT, actionDefaults, parseFileCommands } from '../test-support/run-action.ts'

const BENCH = join(ROOT, 'bench')
const API_KEY = 'bench-api-key-0123456789abcdef'
const PROFILE_ID = 'Profile-bench-0000-1111-2222-333333333333'
const RESOURCE = 'https://x.azurehealthcareapis.com'
const CA_FILE = join(FIXTURES, 'tls-cert.pem')
/** Text that only @azure/identity / MSAL code contains: the IBM path must load no file with it. */
const AZURE_MARKERS = ['ConfidentialClientApplication', 'ClientSecretCredential']

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

type Group = 'action' | 'client' | 'floor'

interface Prepared {
  args: string[]
  env: Record<string, string>
  /** Before each run (untimed): reset the runner files. */
  reset(): Promise<void>
  /** After each run (untimed): did it get a token? Throws with the process output if not. */
  verify(code: number | null, stdout: string, stderr: string): Promise<void>
}

interface Path {
  id: string
  label: string
  group: Group
  /** The emulator whose requests it makes, for requests per token. */
  emulator?: Emulator
  /** The minimum number of requests per token on this path. */
  minRequests?: number
  /** The row to compare with in the "× official client" column. */
  client?: string
  prepare(): Promise<Prepared>
}

interface Result {
  path: Path
  times: number[]
  requests: number[]
  requestKinds: Set<string>
  loadedFiles: string[]
  loadedBytes: number
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(ENTRY))
    throw new Error(`${ENTRY} does not exist: build the action first (npm run build), or set GET_TOKEN_ENTRY.`)
  const floorBundle = await buildCoreOnlyFloor()
  const ibm = await startIbmIam({
    apiKeys: {
      [API_KEY]: { iamId: 'iam-ServiceId-bench', sub: 'ServiceId-bench', account: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' },
    },
    profiles: [
      {
        id: PROFILE_ID,
        crn: `crn:v1:bluemix:public:iam-identity::a/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6::profile:${PROFILE_ID}`,
        name: 'bench-profile',
        account: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        trustedIamIds: ['iam-ServiceId-bench'],
        trustedCrTokens: [],
      },
    ],
  })
  const entra = await startEntraId()
  try {
    // A private copy of the bundle and its chunks: a concurrent `npm run build` (rm -rf dist) cannot
    // pull it away mid-run. Same bytes, so the same measurement.
    const bundleCopy = await mkdtemp(join(tmpdir(), 'get-token-bench-dist-'))
    cleanup.push(bundleCopy)
    await cp(dirname(ENTRY), bundleCopy, { recursive: true })
    const entry = join(bundleCopy, basename(ENTRY))
    const paths = definePaths(ibm, entra, floorBundle, entry)
    const results = await measure(paths)
    const report = buildReport(results)
    console.log(report.console)
    const outDir = args.out ?? (QUICK ? await mkdtemp(join(tmpdir(), 'get-token-bench-')) : join(ROOT, 'docs'))
    await mkdir(outDir, { recursive: true })
    await writeFile(join(outDir, 'benchmarks.md'), report.markdown)
    await writeFile(join(outDir, 'benchmarks.svg'), report.svg)
    console.log(
      `\nWrote ${join(outDir, 'benchmarks.md')} and benchmarks.svg${QUICK && !args.out ? ' (quick mode: docs/ left alone)' : ''}.`,
    )
  } finally {
    await Promise.all([ibm.close(), entra.close()])
    await Promise.all(cleanup.map(dir => rm(dir, { recursive: true, force: true })))
  }
}

/** ncc, the action's own build options, into bench/.build (git-ignored). */
async function buildCoreOnlyFloor(): Promise<string> {
  const source = join(BENCH, 'floor', 'core-only.ts')
  const outDir = join(BENCH, '.build', 'core-only')
  const bundle = join(outDir, 'index.js')
  const fresh =
    existsSync(bundle) &&
    statSync(bundle).mtimeMs > Math.max(statSync(source).mtimeMs, statSync(join(ROOT, 'package-lock.json')).mtimeMs)
  if (QUICK && fresh) return bundle
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const { code, stderr } = await exec([ncc, 'build', source, '-o', outDir, '-m', '--no-source-map-register', '-q'], {
    ...process.env,
  })
  if (code !== 0 || !existsSync(bundle)) throw new Error(`ncc could not build the core-only floor:\n${stderr}`)
  return bundle
}

function definePaths(ibm: IbmIamEmulator, entra: EntraEmulator, floorBundle: string, entry: string): Path[] {
  const ibmInputs = { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': ibm.url }
  return [
    actionPath(entry, 'action-ibm', 'get-token, IBM api-key', ibm, 1, 'ibm-sdk', ibmInputs),
    actionPath(entry, 'action-ibm-tp', 'get-token, IBM trusted-profile', ibm, 2, undefined, {
      ...ibmInputs,
      'profile-id': PROFILE_ID,
    }),
    actionPath(
      entry,
      'action-azure',
      'get-token, Azure client-secret',
      entra,
      2,
      'azure-identity',
      {
        provider: 'azure',
        'auth-type': 'client-secret',
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        'authority-host': entra.url,
        resource: RESOURCE,
      },
      { NODE_EXTRA_CA_CERTS: CA_FILE },
    ),
    scriptPath(
      'ibm-sdk',
      'ibm-cloud-sdk-core IamAuthenticator',
      'client',
      join(BENCH, 'clients', 'ibm-cloud-sdk-core.mjs'),
      ibm,
      1,
      {
        BENCH_IAM_URL: ibm.url,
        BENCH_API_KEY: API_KEY,
      },
    ),
    scriptPath(
      'azure-identity',
      '@azure/identity ClientSecretCredential',
      'client',
      join(BENCH, 'clients', 'azure-identity.mjs'),
      entra,
      2,
      {
        BENCH_AUTHORITY_HOST: entra.url,
        BENCH_TENANT_ID: TENANT_ID,
        BENCH_CLIENT_ID: CLIENT_ID,
        BENCH_CLIENT_SECRET: CLIENT_SECRET,
        BENCH_SCOPE: `${RESOURCE}/.default`,
        NODE_EXTRA_CA_CERTS: CA_FILE,
      },
    ),
    scriptPath(
      'floor-fetch',
      'floor: bare Node fetch (IBM request)',
      'floor',
      join(BENCH, 'floor', 'fetch.mjs'),
      ibm,
      1,
      {
        BENCH_IAM_URL: ibm.url,
        BENCH_API_KEY: API_KEY,
      },
    ),
    {
      id: 'floor-core',
      label: 'floor: @actions/core, one output',
      group: 'floor',
      prepare: () => runnerFiles(floorBundle, {}, {}, outputs => outputs.token === 'floor'),
    },
  ]
}

function actionPath(
  entry: string,
  id: string,
  label: string,
  emulator: Emulator,
  minRequests: number,
  client: string | undefined,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Path {
  return {
    id,
    label,
    group: 'action',
    emulator,
    minRequests,
    client,
    prepare: () => runnerFiles(entry, inputs, env, outputs => (outputs.token ?? '').split('.').length === 3),
  }
}

function scriptPath(
  id: string,
  label: string,
  group: Group,
  script: string,
  emulator: Emulator,
  minRequests: number,
  env: Record<string, string>,
): Path {
  return {
    id,
    label,
    group,
    emulator,
    minRequests,
    prepare: async () => ({
      args: [script],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
      reset: async () => {},
      verify: async (code, stdout, stderr) => {
        if (code !== 0 || !/^token \d+/m.test(stdout))
          throw new Error(`${label} failed (exit ${code}):\n${stdout}${stderr}`)
      },
    }),
  }
}

/** The runner's way: INPUT_* variables (action.yml defaults included) and the three file commands. */
async function runnerFiles(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string>,
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

const cleanup: string[] = []
const loadAtStart = loadavg()

// ---------------------------------------------------------------------------------------------

async function measure(paths: Path[]): Promise<Result[]> {
  const prepared = new Map<string, Prepared>()
  for (const path of paths) prepared.set(path.id, await path.prepare())
  const results = paths.map(path => ({
    path,
    times: [] as number[],
    requests: [] as number[],
    requestKinds: new Set<string>(),
    loadedFiles: [] as string[],
    loadedBytes: 0,
  }))
  const rounds = WARMUP + RUNS
  process.stderr.write(`${paths.length} paths × (${WARMUP} warm-up + ${RUNS} counted runs), interleaved\n`)
  for (let round = 0; round < rounds; round++) {
    for (const result of results) {
      const run = prepared.get(result.path.id)!
      await run.reset()
      const seen = result.path.emulator?.requests.length ?? 0
      const { ms, code, stdout, stderr } = await exec(run.args, run.env)
      await run.verify(code, stdout, stderr)
      if (round < WARMUP) continue
      result.times.push(ms)
      if (!result.path.emulator) continue
      const requests = result.path.emulator.requests.slice(seen)
      result.requests.push(requests.length)
      for (const request of requests) {
        const grant = request.form.get('grant_type')?.split(':').pop()
        const path = request.path.replace(/^\/[^/]+\/(v2\.0|oauth2)/, '/{tenant}/$1')
        result.requestKinds.add(`${request.method} ${path}${grant ? ` (${grant})` : ''}`)
      }
    }
    process.stderr.write(round < WARMUP ? 'w' : '.')
  }
  process.stderr.write('\n')
  // One more, untimed run per path with the load probe: which JavaScript files does it load?
  for (const result of results) {
    const run = prepared.get(result.path.id)!
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
  return results
}

function exec(argv: string[], env: Record<string, string | undefined>): Promise<Finished> {
  return runNode(argv, { env, cwd: ROOT })
}

// ---------------------------------------------------------------------------------------------

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (at - low)
}
const median = (values: number[]) => quantile(values, 0.5)

interface Row {
  id: string
  label: string
  group: Group
  median: number
  p25: number
  p75: number
  toFloor: number
  toClient: number | undefined
  requests: string
  requestKinds: string[]
  loadedKb: number
  files: number
}

interface Target {
  text: string
  pass: boolean
  detail: string
}

function buildReport(results: Result[]): { console: string; markdown: string; svg: string } {
  const byId = new Map(results.map(result => [result.path.id, result]))
  const med = (id: string) => median(byId.get(id)?.times ?? [])
  const floor = med('floor-fetch')
  const rows: Row[] = results.map(({ path, times, requests, requestKinds, loadedFiles, loadedBytes }) => {
    const perToken = requests.length ? requests.reduce((a, b) => a + b, 0) / requests.length : undefined
    let requestText = perToken === undefined ? '–' : Number.isInteger(perToken) ? String(perToken) : perToken.toFixed(2)
    if (path.id === 'action-azure' || path.id === 'azure-identity') requestText += ' (discovery + token)'
    else if (path.id === 'action-ibm-tp') requestText += ' (api key + assume)'
    return {
      id: path.id,
      label: path.label,
      group: path.group,
      median: median(times),
      p25: quantile(times, 0.25),
      p75: quantile(times, 0.75),
      toFloor: median(times) / floor,
      toClient: path.client ? median(times) / med(path.client) : undefined,
      requests: requestText,
      requestKinds: [...requestKinds].sort(),
      loadedKb: loadedBytes / 1024,
      files: loadedFiles.length,
    }
  })

  const perToken = (id: string) => {
    const r = byId.get(id)?.requests ?? []
    return r.length ? r.reduce((a, b) => a + b, 0) / r.length : NaN
  }
  const ibmLoaded = byId.get('action-ibm')?.loadedFiles ?? []
  const azureFilesOnIbm = ibmLoaded.filter(file =>
    AZURE_MARKERS.some(marker => readFileSync(file, 'utf8').includes(marker)),
  )
  const ratio = (a: string, b: string) => med(a) / med(b)
  const ibmKb = (byId.get('action-ibm')?.loadedBytes ?? 0) / 1024
  const targets: Target[] = [
    {
      text: 'IBM path ≤ 1.0 × bare Node fetch',
      pass: ratio('action-ibm', 'floor-fetch') <= 1.0,
      detail: `${ratio('action-ibm', 'floor-fetch').toFixed(3)} ×`,
    },
    {
      text: 'IBM path ≤ 0.50 × ibm-cloud-sdk-core',
      pass: ratio('action-ibm', 'ibm-sdk') <= 0.5,
      detail: `${ratio('action-ibm', 'ibm-sdk').toFixed(3)} ×`,
    },
    {
      text: 'Azure path ≤ 0.50 × @azure/identity',
      pass: ratio('action-azure', 'azure-identity') <= 0.5,
      detail: `${ratio('action-azure', 'azure-identity').toFixed(3)} ×`,
    },
    {
      text: 'IBM path loads ≤ 200 KB of JavaScript',
      pass: ibmKb > 0 && ibmKb <= 200,
      detail: `${ibmKb.toFixed(0)} KB`,
    },
    ...results
      .filter(result => result.path.group === 'action' && result.path.minRequests !== undefined)
      .map(result => ({
        text: `requests per token at the minimum: ${result.path.label} = ${result.path.minRequests}`,
        pass: perToken(result.path.id) === result.path.minRequests,
        detail: `${perToken(result.path.id)}`,
      })),
    {
      text: 'IBM path loads no Azure code',
      pass: ibmLoaded.length > 0 && azureFilesOnIbm.length === 0,
      detail: azureFilesOnIbm.length
        ? azureFilesOnIbm.map(file => relative(ROOT, file)).join(', ')
        : `${ibmLoaded.length} file${ibmLoaded.length === 1 ? '' : 's'}, none with Azure code`,
    },
  ]

  const machine = {
    cpu: `${cpus()[0]?.model.trim() ?? 'unknown'} × ${cpus().length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    load: `${loadAtStart.map(value => value.toFixed(2)).join(' / ')} at the start, ${loadavg()
      .map(value => value.toFixed(2))
      .join(' / ')} at the end`,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    runs: `${WARMUP} warm-up + ${RUNS} counted runs per path${QUICK ? ' (quick)' : ''}`,
    entry: ENTRY.startsWith(`${ROOT}/`) ? relative(ROOT, ENTRY) : ENTRY,
  }
  const requestsNote =
    'Azure requests are with `authority-host` (a custom authority: discovery + token). Known clouds ' +
    '(login.microsoftonline.com, .us, login.chinacloudapi.cn) need exactly 1, because MSAL carries their metadata.'

  const headers = [
    'path',
    'median ms',
    'p25–p75 ms',
    '× fetch floor',
    '× official client',
    'requests/token',
    'JS loaded KB (files)',
  ]
  const cells = rows.map(row => [
    row.label,
    row.median.toFixed(1),
    `${row.p25.toFixed(0)}–${row.p75.toFixed(0)}`,
    row.toFloor.toFixed(2),
    row.toClient === undefined ? '–' : row.toClient.toFixed(2),
    row.requests,
    `${row.loadedKb.toFixed(0)} (${row.files})`,
  ])
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map(cell => cell[i]!.length)))
  const line = (cell: string[]) =>
    cell.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ')
  const consoleText = [
    `get-token time-to-token (${machine.runs}; ${machine.cpu}; Node ${machine.node}; entry ${machine.entry})`,
    '',
    line(headers),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...cells.map(line),
    '',
    `Note: ${requestsNote.replace(/`/g, '')}`,
    '',
    'Targets:',
    ...targets.map(t => `  ${t.pass ? 'PASS' : 'MISS'}  ${t.text}  (${t.detail})`),
  ].join('\n')

  const mdTable = [
    `| ${headers.join(' | ')} |`,
    `|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...cells.map(cell => `| ${cell.join(' | ')} |`),
  ].join('\n')
  const markdown = `# Benchmarks: time to token

Generated by \`npm run bench\` (bench/bench.ts); do not edit by hand.

![Median time to token per path](benchmarks.svg)

${mdTable}

${requestsNote}

Requests seen on the emulators, per path:

${rows
  .filter(row => row.requestKinds.length)
  .map(row => `- ${row.label}: ${row.requestKinds.map(kind => `\`${kind}\``).join(', ')}`)
  .join('\n')}

## Reading the numbers

- The IBM path takes ${ratio('action-ibm', 'floor-fetch').toFixed(2)} × a bare Node process that only sends the same request with
  \`fetch\`, while doing more: masking, six outputs, the environment file and the job summary.
  \`fetch\` loads Node's own undici on first use; the bundle sends with node:http through
  @actions/http-client, whose undici import is replaced by a stand-in (stubs/README.md), so the
  whole IBM path evaluates ${ibmKb.toFixed(0)} KB: @actions/core, http-client and get-token's own code. The
  core-only floor (@actions/core, one output, no request) takes ${(med('floor-core') / floor).toFixed(2)} × the fetch floor.
- The Azure path loads @azure/identity (with MSAL) from one pre-bundled chunk, only on that path;
  the plain script resolves and compiles ${byId.get('azure-identity')?.loadedFiles.length ?? 0} separate files from node_modules, which is most of
  the difference. The two HTTPS requests cost the same on both.
- ibm-cloud-sdk-core loads ${byId.get('ibm-sdk')?.loadedFiles.length ?? 0} files before it sends the same single request; most bytes: ${biggestPackages(byId.get('ibm-sdk')?.loadedFiles ?? [])}.

## dist/ per path

${distTable(byId.get('action-ibm')?.loadedFiles ?? [], byId.get('action-azure')?.loadedFiles ?? [])}

## Targets

| target | result | measured |
|---|---|---:|
${targets.map(t => `| ${t.text} | ${t.pass ? 'PASS' : 'MISS'} | ${t.detail} |`).join('\n')}

## Machine

- CPU: ${machine.cpu} (logical cores), ${machine.memory} memory
- Load average (1 / 5 / 15 min): ${machine.load}; a busy machine shifts
  every path alike, which is why only ratios from one interleaved run are compared
- Node: ${machine.node}
- Date: ${machine.date}
- Runs: ${machine.runs}
- Action measured: \`${machine.entry}\`

## Method

- Every path is a **whole, cold process**: the bench spawns \`node <script>\` and times it from
  \`spawn\` to the process's exit (stdio closed), as the runner waits for a \`node24\` action.
  Nothing is cached between runs (no token cache, no keep-alive, a new process each time).
- Paths take turns (A B C … A B C …), ${machine.runs}; the table shows the median and the
  interquartile range.
- All HTTP goes to loopback emulators started by the bench: IBM Cloud IAM (http, 127.0.0.1) and
  Entra ID (https on localhost with a self-signed certificate, trusted through
  \`NODE_EXTRA_CA_CERTS\` on the Azure paths only). Requests per token are counted on the emulators.
- **get-token** rows run the built bundle as the runner does: \`INPUT_*\` variables (action.yml
  defaults included), \`GITHUB_OUTPUT\`, \`GITHUB_ENV\` and \`GITHUB_STEP_SUMMARY\` files; the run
  masks the token, sets four outputs, exports the variable and writes the job summary.
- **Official clients** (bench/clients/, plain \`.mjs\`, unbundled, straight from node_modules):
  ibm-cloud-sdk-core's \`IamAuthenticator\` (\`url\` = the emulator) and @azure/identity's
  \`ClientSecretCredential\` (\`authorityHost\` = the emulator, \`disableInstanceDiscovery: true\`).
  They only fetch the token: no outputs, no masking, no summary.
- **Floors**: bare Node posting the same IBM request with the built-in \`fetch\`
  (bench/floor/fetch.mjs); and bench/floor/core-only.ts, built by the bench with ncc and the
  action's options (\`-m --no-source-map-register\`), which loads @actions/core and sets one
  output: the unavoidable cost of any JavaScript action.
- **JS loaded**: one extra, untimed run per path with \`--import bench/load-probe.mjs\`, a
  \`module.registerHooks\` load hook that records every JavaScript file the process imports or
  requires; the column is the sum of their sizes on disk. The IBM path must not load any file
  that contains @azure/identity or MSAL code.
`
  return { console: consoleText, markdown, svg: chart(rows, machine) }
}

/** What each get-token path evaluates of dist/: the files and their sizes, and what dist/ holds. */
function distTable(ibm: string[], azure: string[]): string {
  // The bench runs a private copy of dist/ (see main): the directory of the files the IBM path loaded.
  const dist = ibm[0] ? dirname(ibm[0]) : dirname(ENTRY)
  const kb = (file: string) => (statSync(file).size / 1024).toFixed(0)
  const names = (files: string[]) => files.filter(file => dirname(file) === dist)
  const total = (files: string[]) => (files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024).toFixed(0)
  const all = readdirSync(dist)
    .filter(name => name.endsWith('.js'))
    .map(name => join(dist, name))
  const row = (label: string, files: string[]) =>
    `| ${label} | ${total(files)} | ${names(files)
      .map(file => `\`${basename(file)}\` ${kb(file)}`)
      .join(', ')} |`
  return [
    '| path | KB evaluated | dist/ files (KB) |',
    '|---|---:|---|',
    row('IBM', names(ibm)),
    row('Azure', names(azure)),
    row('dist/ *.js in all', all),
  ].join('\n')
}

/** A horizontal bar chart of the medians, with the p25–p75 range as a whisker. No library. */
function chart(rows: Row[], machine: { cpu: string; node: string; date: string }): string {
  const colors: Record<Group, string> = { action: '#2f6fdb', client: '#d9822b', floor: '#8a8f98' }
  const left = 290
  const barHeight = 22
  const gap = 10
  const top = 48
  const width = 860
  const plot = width - left - 150
  const max = Math.max(...rows.map(row => row.p75)) * 1.05
  const scale = (ms: number) => (ms / max) * plot
  const height = top + rows.length * (barHeight + gap) + 56
  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const step = niceStep(max / 6)
  const ticks: string[] = []
  for (let ms = 0; ms <= max; ms += step) {
    const x = left + scale(ms)
    ticks.push(
      `<line x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${top + rows.length * (barHeight + gap)}" stroke="#e3e5e8"/>`,
      `<text x="${x.toFixed(1)}" y="${top + rows.length * (barHeight + gap) + 16}" text-anchor="middle" class="tick">${ms}</text>`,
    )
  }
  const bars = rows.map((row, i) => {
    const y = top + i * (barHeight + gap)
    const w = Math.max(1, scale(row.median))
    const mid = y + barHeight / 2
    return [
      `<text x="${left - 10}" y="${mid + 4}" text-anchor="end" class="label">${esc(row.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" rx="3" fill="${colors[row.group]}"/>`,
      `<line x1="${(left + scale(row.p25)).toFixed(1)}" y1="${mid}" x2="${(left + scale(row.p75)).toFixed(1)}" y2="${mid}" stroke="#1d2330" stroke-width="1.5"/>`,
      `<text x="${(left + Math.max(w, scale(row.p75)) + 8).toFixed(1)}" y="${mid + 4}" class="value">${row.median.toFixed(0)} ms · ${row.loadedKb.toFixed(0)} KB JS</text>`,
    ].join('\n  ')
  })
  const floorRow = rows.find(row => row.id === 'floor-fetch')
  const plotBottom = top + rows.length * (barHeight + gap)
  const floorLine = floorRow
    ? `<line x1="${(left + scale(floorRow.median)).toFixed(1)}" y1="${top - 6}" x2="${(left + scale(floorRow.median)).toFixed(1)}" y2="${plotBottom}" stroke="#8a8f98" stroke-dasharray="4 3"/>`
    : ''
  const legend = (Object.entries(colors) as Array<[Group, string]>).map(([group, color], i) => {
    const x = left + i * 150
    const name = { action: 'get-token (dist)', client: 'official client', floor: 'floor' }[group]
    return `<rect x="${x}" y="${height - 22}" width="12" height="12" rx="2" fill="${color}"/><text x="${x + 18}" y="${height - 12}" class="tick">${name}</text>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">
<style>.title{font-size:15px;font-weight:600;fill:#1d2330}.label{font-size:13px;fill:#1d2330}.value{font-size:12px;fill:#1d2330}.tick{font-size:11px;fill:#5b6270}</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="16" y="24" class="title">Time to token, median of whole cold processes (ms; line = p25–p75)</text>
<text x="16" y="40" class="tick">${esc(`${machine.cpu}, Node ${machine.node}, ${machine.date}`)}</text>
${ticks.join('\n')}
${bars.join('\n')}
${floorLine}
<text x="${width - 16}" y="${plotBottom + 16}" text-anchor="end" class="tick">ms</text>
${legend.join('\n')}
<text x="${width - 16}" y="${height - 12}" text-anchor="end" class="tick">dashed: bare fetch floor; KB JS: JavaScript evaluated</text>
</svg>
`
}

/** "axios 120 KB, debug 40 KB, …": the packages a path loads the most JavaScript from. */
function biggestPackages(files: string[], count = 4): string {
  const bytes = new Map<string, number>()
  for (const file of files) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]
    if (name) bytes.set(name, (bytes.get(name) ?? 0) + statSync(file).size)
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KB`)
    .join(', ')
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw))
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power
  return 10 * power
}

await main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
