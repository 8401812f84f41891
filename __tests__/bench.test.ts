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

const ROWS = [
  'get-token, IBM api-key',
  'get-token, IBM trusted-profile',
  'get-token, Azure client-secret',
  'ibm-cloud-sdk-core IamAuthenticator',
  '@azure/identity ClientSecretCredential',
  'floor: bare Node fetch (IBM request)',
  'floor: @actions/core, one output',
]

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
  for (const column of ['median ms', '× fetch floor', '× official client', 'requests/token', 'JS loaded KB']) {
    expect(header).toContain(column)
  }
  for (const label of ROWS) {
    const row = lines.find(line => line.startsWith(label))
    expect(row).toBeDefined()
    // Seven columns; requests/token is a number (with what the requests are), or '–' for the core-only floor.
    const cells = row!.trim().split(/\s{2,}/)
    expect(cells.length).toBe(7)
    expect(cells[5]).toMatch(label.includes('@actions/core') ? /^–$/ : /^\d+(\.\d+)?( \(.+\))?$/)
  }
  // Requests per token are deterministic, so the report states the minimum for each action path.
  expect(
    lines
      .find(line => line.startsWith('get-token, IBM api-key'))
      ?.trim()
      .split(/\s{2,}/)[5],
  ).toBe('1')
  expect(
    lines
      .find(line => line.startsWith('get-token, IBM trusted-profile'))
      ?.trim()
      .split(/\s{2,}/)[5],
  ).toBe('2 (api key + assume)')
  expect(
    lines
      .find(line => line.startsWith('get-token, Azure client-secret'))
      ?.trim()
      .split(/\s{2,}/)[5],
  ).toBe('2 (discovery + token)')
  expect(stdout).toMatch(/known clouds.*exactly 1/i)

  // One PASS/MISS line per target; a MISS is reported, never fatal.
  const targets = lines.filter(line => /^\s+(PASS|MISS)\s/.test(line))
  expect(targets.length).toBeGreaterThanOrEqual(8)
  expect(stdout).toMatch(/(PASS|MISS) {2}IBM path ≤ 1\.0 × bare Node fetch/)
  expect(stdout).toMatch(/(PASS|MISS) {2}IBM path ≤ 0\.50 × ibm-cloud-sdk-core/)
  expect(stdout).toMatch(/(PASS|MISS) {2}Azure path ≤ 0\.50 × @azure\/identity/)
  expect(stdout).toMatch(/PASS {2}IBM path loads ≤ 200 KB of JavaScript/)
  expect(stdout).toMatch(/PASS {2}IBM path loads no Azure code/)

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
    // What each path evaluates of dist/: the IBM path index.js alone, the Azure path more.
    expect(markdown).toMatch(/\| IBM \| \d+ \| `index\.js` \d+ \|/)
    expect(markdown).toMatch(/\| Azure \| \d+ \| `index\.js` \d+, `\d+\.index\.js` \d+/)
    expect(await readFile(join(outDir, 'benchmarks.svg'), 'utf8')).toMatch(/\d+ ms · \d+ KB JS/)
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}, 120_000)
