/**
 * The benchmark runs and reports every path (bench/bench.ts --quick: 2 runs each, docs/ untouched).
 * It checks the shape of the report, never a time: timings belong to `npm run bench`.
 */
import { expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { runNode } from '../test-support/process.ts'
import { ROOT } from '../test-support/run-action.ts'
import type { Group } from '../bench/path-kinds.ts'
import { staleDistTable } from '../bench/dist-check.ts'
import type { CloudRun } from '../bench/known-clouds.ts'
import { buildReport } from '../bench/report.ts'

const ROWS = [
  'get-token, IBM api-key',
  'get-token, IBM trusted-profile',
  'get-token, Azure client-secret',
  'ibm-cloud-sdk-core IamAuthenticator',
  '@azure/identity ClientSecretCredential',
  'floor: bare Node fetch (IBM request)',
  'floor: bare Node fetch (Azure requests)',
  'floor: @actions/core, one output',
  'floor: Node start-up (empty script)',
]
/** Rows without requests: '–' in requests/token. */
const NO_REQUESTS = ['floor: @actions/core, one output', 'floor: Node start-up (empty script)']
const RATIO = /^\d+\.\d\d \(-?\d+\.\d\d\)$/
/** The bundle the bench measures (as in test-support/run-action.ts), whose directory it describes. */
const DIST = dirname(process.env.GET_TOKEN_ENTRY ?? join(ROOT, 'dist', 'index.js'))

function runQuickBench() {
  return runNode([join(ROOT, 'bench', 'bench.ts'), '--quick'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      // Same override as test-support/run-action.ts: measure another build of the action.
      ...(process.env.GET_TOKEN_ENTRY ? { GET_TOKEN_ENTRY: process.env.GET_TOKEN_ENTRY } : {}),
    },
    timeoutMs: 100_000,
  })
}

test('bench --quick prints the table with every path, requests per token and the targets', async () => {
  const { code, stdout, stderr } = await runQuickBench()
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' })

  const lines = stdout.split('\n')
  const header = lines.find(line => line.startsWith('path '))
  expect(header).toBeDefined()
  for (const column of [
    'median ms',
    'over start-up ms',
    '× fetch floor',
    '× official client',
    'requests/token',
    'JS loaded KB',
  ]) {
    expect(header).toContain(column)
  }
  const cellsOf = (label: string) =>
    lines
      .find(line => line.startsWith(label))
      ?.trim()
      .split(/\s{2,}/) ?? []
  for (const label of ROWS) {
    // Eight columns; the × columns show the raw ratio and, in parentheses, the one over Node start-up;
    // requests/token is a number (with what the requests are), or '–' for the floors that send none.
    const cells = cellsOf(label)
    expect(cells.length).toBe(8)
    expect(cells[3]).toMatch(/^-?\d+\.\d$/)
    expect(cells[4]).toMatch(RATIO)
    expect(cells[5]).toMatch(/^(–|\d+\.\d\d \(-?\d+\.\d\d\))$/)
    expect(cells[6]).toMatch(NO_REQUESTS.includes(label) ? /^–$/ : /^\d+(\.\d+)?( \(.+\))?$/)
  }
  expect(cellsOf('floor: Node start-up (empty script)')[3]).toBe('0.0')
  // Requests per token are deterministic, so the report states the minimum for each action path,
  // and the Azure fetch floor sends the action's two requests.
  expect(cellsOf('get-token, IBM api-key')[6]).toBe('1')
  expect(cellsOf('get-token, IBM trusted-profile')[6]).toBe('2 (api key + assume)')
  expect(cellsOf('get-token, Azure client-secret')[6]).toBe('2 (discovery + token)')
  expect(cellsOf('floor: bare Node fetch (Azure requests)')[6]).toBe('2 (discovery + token)')
  expect(cellsOf('floor: bare Node fetch (Azure requests)')[4]).toBe('1.00 (1.00)')
  // Known clouds: measured on one untimed run each (bench/known-clouds.ts), not stated.
  expect(stdout).toMatch(
    /On the known clouds \(cloud set, no authority-host\) .*; measured on one untimed run per cloud .*: AzurePublicCloud \(login\.microsoftonline\.com\) 1, AzureUSGovernment \(login\.microsoftonline\.us\) 1, AzureChinaCloud \(login\.chinacloudapi\.cn\) 1 request per token\./,
  )
  expect(stdout).toMatch(
    /PASS {2}requests per token on a known cloud \(no authority-host\): get-token, Azure client-secret = 1 {2}\(AzurePublicCloud 1, AzureUSGovernment 1, AzureChinaCloud 1\)/,
  )
  expect(stdout).toMatch(/in parentheses the ratio over Node start-up/)

  // One PASS/MISS line per target; a MISS is reported, never fatal.
  const targets = lines.filter(line => /^\s+(PASS|MISS)\s/.test(line))
  expect(targets.length).toBeGreaterThanOrEqual(10)
  expect(stdout).toMatch(/(PASS|MISS) {2}IBM path ≤ 1\.0 × bare Node fetch/)
  expect(stdout).toMatch(/(PASS|MISS) {2}IBM path ≤ 0\.50 × ibm-cloud-sdk-core/)
  expect(stdout).not.toMatch(/Azure path ≤ 0\.50 × @azure\/identity/)
  expect(stdout).toMatch(/PASS {2}IBM path loads ≤ 200 KB of JavaScript/)
  expect(stdout).toMatch(/PASS {2}IBM path loads no Azure code/)

  // The Azure targets are over Node start-up: (median − start-up) / (other median − start-up), from the
  // table's "over start-up ms" column, with the raw ratio of the medians beside it; PASS or MISS goes by
  // the ratio over start-up, and the Azure row's × column shows the same two ratios.
  const azure = 'get-token, Azure client-secret'
  const ms = (label: string, column: number) => Number(cellsOf(label)[column])
  const near = (a: number, b: number, within: number) => expect(Math.abs(a - b)).toBeLessThan(within)
  const overStartupTarget = (text: string, limit: number, other: string, column: number) => {
    const line = targets.find(target => target.includes(text))
    expect(line).toBeDefined()
    const [, net = 'NaN', raw = 'NaN'] = /\((-?[\d.]+) × \(raw (-?[\d.]+) ×\)\)$/.exec(line!) ?? []
    near(Number(net), ms(azure, 3) / ms(other, 3), 0.01)
    near(Number(raw), ms(azure, 1) / ms(other, 1), 0.01)
    if (Math.abs(Number(net) - limit) > 0.001)
      expect(line!.trim().slice(0, 4)).toBe(Number(net) <= limit ? 'PASS' : 'MISS')
    const [, cellRaw = 'NaN', cellNet = 'NaN'] = /^([\d.]+) \((-?[\d.]+)\)$/.exec(cellsOf(azure)[column] ?? '') ?? []
    near(Number(cellRaw), Number(raw), 0.006)
    near(Number(cellNet), Number(net), 0.006)
  }
  overStartupTarget(
    'Azure path ≤ 1.1 × bare Node fetch (Azure requests), over Node start-up',
    1.1,
    'floor: bare Node fetch (Azure requests)',
    4,
  )
  overStartupTarget(
    'Azure path ≤ 0.35 × @azure/identity, over Node start-up',
    0.35,
    '@azure/identity ClientSecretCredential',
    5,
  )

  // Quick mode writes its report to a temp dir and leaves docs/ alone.
  const written = /^Wrote (\S+)benchmarks\.md/m.exec(stdout)?.[1]
  expect(written).toBeDefined()
  const outDir = dirname(join(written!, 'benchmarks.md'))
  expect(outDir.startsWith(join(ROOT, 'docs'))).toBe(false)
  try {
    expect(existsSync(join(outDir, 'benchmarks.svg'))).toBe(true)
    expect(await readFile(join(outDir, 'benchmarks.svg'), 'utf8')).toMatch(
      /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    )
    const markdown = await readFile(join(outDir, 'benchmarks.md'), 'utf8')
    expect(markdown).toContain('![Median time to token per path](benchmarks.svg)')
    for (const label of ROWS) expect(markdown).toContain(`| ${label} |`)
    // What each path evaluates of dist/: the IBM path index.js alone, the Azure path index.js first.
    expect(markdown).toMatch(/\| IBM \| \d+ \| `index\.js` \d+ \|/)
    expect(markdown).toMatch(/\| Azure client-secret \| \d+ \| `index\.js` \d+/)
    // Reading the numbers quotes Node start-up and the Azure ratios over it.
    expect(markdown).toMatch(/Node start-up \(an empty script\) takes \d+\.\d ms/)
    expect(markdown).toMatch(/Azure client-secret path takes -?\d+\.\d\d × a bare Node process/)
    expect(await readFile(join(outDir, 'benchmarks.svg'), 'utf8')).toMatch(/\d+ ms · \d+ KB JS/)
    // Each known cloud's one request, and the host its tunnel went to.
    expect(markdown).toContain(
      '- get-token, Azure client-secret, cloud AzurePublicCloud (CONNECT login.microsoftonline.com:443): `POST /{tenant}/oauth2/v2.0/token (client_credentials)`',
    )
    // The dist/ table a bench run writes is one __tests__/docs.test.ts reads back as in step.
    expect(staleDistTable(markdown, DIST)).toBeUndefined()
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}, 120_000)

test('the Azure targets go by the ratio over Node start-up, not the raw one', () => {
  // Medians chosen so that raw and over-start-up ratios fall on opposite sides of both limits:
  // floor  100 / 92 = 1.087 raw (≤ 1.1), (100 − 40) / (92 − 40) = 1.154 over start-up (> 1.1);
  // client 100 / 240 = 0.417 raw (> 0.35), (100 − 40) / (240 − 40) = 0.300 over start-up (≤ 0.35).
  const medians: Array<[string, Group, number, string?]> = [
    ['action-ibm', 'action', 50],
    ['action-azure', 'action', 100, 'azure-identity'],
    ['azure-identity', 'client', 240],
    ['floor-fetch', 'floor', 60],
    ['floor-fetch-azure', 'floor', 92],
    ['node-startup', 'floor', 40],
  ]
  const results = medians.map(([id, group, ms, client]) => ({
    path: {
      id,
      label: id,
      group,
      client,
      floor: id.includes('azure') ? 'floor-fetch-azure' : undefined,
      prepare: () => Promise.reject(new Error('not run')),
    },
    times: [ms - 1, ms, ms + 1],
    requests: [],
    requestKinds: new Set<string>(),
    loadedFiles: [],
    loadedBytes: 0,
  }))
  const entry = join(ROOT, 'bench', 'floor', 'no-such-bundle.js')
  const report = buildReport(results, [], { quick: true, runs: 3, warmup: 0, entry, loadAtStart: [0, 0, 0] })
  expect(report.console).toMatch(
    /MISS {2}Azure path ≤ 1\.1 × bare Node fetch \(Azure requests\), over Node start-up {2}\(1\.154 × \(raw 1\.087 ×\)\)/,
  )
  expect(report.console).toMatch(
    /PASS {2}Azure path ≤ 0\.35 × @azure\/identity, over Node start-up {2}\(0\.300 × \(raw 0\.417 ×\)\)/,
  )
  expect(report.console).toMatch(/^action-azure +100\.0 +\d+–\d+ +60\.0 +1\.09 \(1\.15\) +0\.42 \(0\.30\) /m)
})

test('the known-cloud target is measured: a second request, or a tunnel to another host, is a MISS', () => {
  const token = 'POST /{tenant}/oauth2/v2.0/token (client_credentials)'
  const discovery = 'GET /{tenant}/v2.0/.well-known/openid-configuration'
  const run = (cloud: string, host: string, requests: string[], tunnel = `${host}:443`): CloudRun => ({
    cloud,
    host,
    requests,
    tunnels: requests.map(() => tunnel),
  })
  const target = (clouds: CloudRun[]) =>
    buildReport([], clouds, { quick: true, runs: 0, warmup: 0, entry: 'x', loadAtStart: [0, 0, 0] })
      .console.split('\n')
      .find(line => line.includes('requests per token on a known cloud'))
  const us = run('AzureUSGovernment', 'login.microsoftonline.us', [token])
  expect(target([run('AzurePublicCloud', 'login.microsoftonline.com', [token]), us])).toMatch(
    /^ {2}PASS {2}.*\(AzurePublicCloud 1, AzureUSGovernment 1\)$/,
  )
  expect(target([run('AzurePublicCloud', 'login.microsoftonline.com', [discovery, token]), us])).toMatch(
    /^ {2}MISS {2}.*\(AzurePublicCloud 2, AzureUSGovernment 1\)$/,
  )
  expect(target([run('AzurePublicCloud', 'login.microsoftonline.com', [token], 'localhost:443'), us])).toMatch(
    /^ {2}MISS /,
  )
  expect(target([])).toMatch(/^ {2}MISS {2}.*\(not measured\)$/)
})
