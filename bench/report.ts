/**
 * The report of a bench run: one row per path (median, spread, ratios, requests, JavaScript
 * loaded), the targets, and the machine; report-text.ts writes it for the console and as
 * docs/benchmarks.md, chart.ts draws its chart.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { relative } from 'node:path'
import { ROOT } from '../test-support/run-action.ts'
import { chart } from './chart.ts'
import { consoleReport, markdownReport, type Machine, type Row, type Target } from './report-text.ts'
import type { Result } from './runner.ts'

/** Text that only @azure/identity / MSAL code contains: the IBM path must load no file with it. */
const AZURE_MARKERS = ['ConfidentialClientApplication', 'ClientSecretCredential']

/** How the bench was run, for the report's machine section. */
export interface RunInfo {
  quick: boolean
  runs: number
  warmup: number
  /** The action bundle measured. */
  entry: string
  /** The load average when the bench started. */
  loadAtStart: number[]
}

/** Medians, ratios and requests per token, looked up by path id. */
interface Stats {
  result(id: string): Result | undefined
  median(id: string): number
  ratio(a: string, b: string): number
  perToken(id: string): number
  /** KB of JavaScript the IBM path loads. */
  ibmKb: number
}

export function buildReport(results: Result[], info: RunInfo): { console: string; markdown: string; svg: string } {
  const stats = statsOf(results)
  const rows = rowsOf(results, stats)
  const targets = targetsOf(results, stats)
  const machine = machineOf(info)
  return {
    console: consoleReport(rows, targets, machine),
    markdown: markdownReport(rows, targets, machine, {
      ibmToFetch: stats.ratio('action-ibm', 'floor-fetch'),
      coreToFetch: stats.ratio('floor-core', 'floor-fetch'),
      ibmKb: stats.ibmKb,
      ibmFiles: stats.result('action-ibm')?.loadedFiles ?? [],
      azureFiles: stats.result('action-azure')?.loadedFiles ?? [],
      azureIdentityFiles: stats.result('azure-identity')?.loadedFiles ?? [],
      ibmSdkFiles: stats.result('ibm-sdk')?.loadedFiles ?? [],
      entry: info.entry,
    }),
    svg: chart(rows, machine),
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (at - low)
}
const median = (values: number[]) => quantile(values, 0.5)

function statsOf(results: Result[]): Stats {
  const byId = new Map(results.map(result => [result.path.id, result]))
  const med = (id: string) => median(byId.get(id)?.times ?? [])
  return {
    result: id => byId.get(id),
    median: med,
    ratio: (a, b) => med(a) / med(b),
    perToken: id => {
      const r = byId.get(id)?.requests ?? []
      return r.length ? r.reduce((a, b) => a + b, 0) / r.length : NaN
    },
    ibmKb: (byId.get('action-ibm')?.loadedBytes ?? 0) / 1024,
  }
}

function rowsOf(results: Result[], stats: Stats): Row[] {
  const floor = stats.median('floor-fetch')
  return results.map(({ path, times, requests, requestKinds, loadedFiles, loadedBytes }) => {
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
      toClient: path.client ? median(times) / stats.median(path.client) : undefined,
      requests: requestText,
      requestKinds: [...requestKinds].sort(),
      loadedKb: loadedBytes / 1024,
      files: loadedFiles.length,
    }
  })
}

function targetsOf(results: Result[], { ratio, perToken, ibmKb, result }: Stats): Target[] {
  const ibmLoaded = result('action-ibm')?.loadedFiles ?? []
  const azureFilesOnIbm = ibmLoaded.filter(file =>
    AZURE_MARKERS.some(marker => readFileSync(file, 'utf8').includes(marker)),
  )
  const atMost = (text: string, a: string, b: string, limit: number): Target => ({
    text,
    pass: ratio(a, b) <= limit,
    detail: `${ratio(a, b).toFixed(3)} ×`,
  })
  return [
    atMost('IBM path ≤ 1.0 × bare Node fetch', 'action-ibm', 'floor-fetch', 1.0),
    atMost('IBM path ≤ 0.50 × ibm-cloud-sdk-core', 'action-ibm', 'ibm-sdk', 0.5),
    atMost('Azure path ≤ 0.50 × @azure/identity', 'action-azure', 'azure-identity', 0.5),
    {
      text: 'IBM path loads ≤ 200 KB of JavaScript',
      pass: ibmKb > 0 && ibmKb <= 200,
      detail: `${ibmKb.toFixed(0)} KB`,
    },
    ...results
      .filter(({ path }) => path.group === 'action' && path.minRequests !== undefined)
      .map(({ path }) => ({
        text: `requests per token at the minimum: ${path.label} = ${path.minRequests}`,
        pass: perToken(path.id) === path.minRequests,
        detail: `${perToken(path.id)}`,
      })),
    {
      text: 'IBM path loads no Azure code',
      pass: ibmLoaded.length > 0 && azureFilesOnIbm.length === 0,
      detail: azureFilesOnIbm.length
        ? azureFilesOnIbm.map(file => relative(ROOT, file)).join(', ')
        : `${ibmLoaded.length} file${ibmLoaded.length === 1 ? '' : 's'}, none with Azure code`,
    },
  ]
}

function machineOf({ quick, runs, warmup, entry, loadAtStart }: RunInfo): Machine {
  return {
    cpu: `${cpus()[0]?.model.trim() ?? 'unknown'} × ${cpus().length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    load: `${loadAtStart.map(value => value.toFixed(2)).join(' / ')} at the start, ${loadavg()
      .map(value => value.toFixed(2))
      .join(' / ')} at the end`,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    runs: `${warmup} warm-up + ${runs} counted runs per path${quick ? ' (quick)' : ''}`,
    entry: entry.startsWith(`${ROOT}/`) ? relative(ROOT, entry) : entry,
  }
}
