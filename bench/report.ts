/**
 * The report of a bench run: one row per path (median, spread, ratios raw and over Node start-up,
 * requests, JavaScript loaded), the targets, and the machine; report-text.ts writes it for the
 * console and as docs/benchmarks.md, chart.ts draws its chart.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { relative } from 'node:path'
import { ROOT } from '../test-support/run-action.ts'
import { chart } from './chart.ts'
import { STARTUP } from './paths.ts'
import { markdownReport } from './report-markdown.ts'
import { consoleReport, type Machine, type Ratio, type Row, type Target } from './report-text.ts'
import type { CloudRun } from './known-clouds.ts'
import type { Result } from './runner.ts'

/** Text that only @azure/identity / MSAL code contains: the IBM path must load no file with it. */
const AZURE_MARKERS = ['ConfidentialClientApplication', 'ClientSecretCredential']

/** How the bench was run, for the report's machine section. */
interface RunInfo {
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
  /** median(a) / median(b), and the same over Node start-up: (median(a) − start-up) / (median(b) − start-up). */
  ratio(a: string, b: string): Ratio
  perToken(id: string): number
  /** KB of JavaScript a path loads. */
  kb(id: string): number
}

/** The console text, docs/benchmarks.md and docs/benchmarks.svg of one run and its known-cloud runs. */
export function buildReport(
  results: Result[],
  clouds: CloudRun[],
  info: RunInfo,
): { console: string; markdown: string; svg: string } {
  const stats = statsOf(results)
  const rows = rowsOf(results, stats)
  const targets = [...targetsOf(results, stats), knownCloudTarget(clouds)]
  const machine = machineOf(info, stats.median(STARTUP))
  const files = (id: string) => stats.result(id)?.loadedFiles ?? []
  return {
    console: consoleReport(rows, targets, machine, clouds),
    markdown: markdownReport(rows, targets, machine, clouds, {
      ibmToFetch: stats.ratio('action-ibm', 'floor-fetch').raw,
      coreToFetch: stats.ratio('floor-core', 'floor-fetch').raw,
      ibmKb: stats.kb('action-ibm'),
      azureToFloor: stats.ratio('action-azure', 'floor-fetch-azure'),
      azureToIdentity: stats.ratio('action-azure', 'azure-identity'),
      fetchOverStartupMs: {
        ibm: stats.median('floor-fetch') - stats.median(STARTUP),
        azure: stats.median('floor-fetch-azure') - stats.median(STARTUP),
      },
      azureKb: stats.kb('action-azure'),
      azureIdentityKb: stats.kb('azure-identity'),
      azureSdkFiles: withAzureCode(files('action-azure')).map(file => relative(ROOT, file)),
      ibmFiles: files('action-ibm'),
      azureFiles: files('action-azure'),
      azureIdentityFiles: files('azure-identity'),
      ibmSdkFiles: files('ibm-sdk'),
      entry: info.entry,
    }),
    svg: chart(rows, machine),
  }
}

/** The files that contain @azure/identity or MSAL code. */
function withAzureCode(files: string[]): string[] {
  return files.filter(file => AZURE_MARKERS.some(marker => readFileSync(file, 'utf8').includes(marker)))
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
    ratio: (a, b) => ({ raw: med(a) / med(b), overStartup: (med(a) - med(STARTUP)) / (med(b) - med(STARTUP)) }),
    perToken: id => {
      const r = byId.get(id)?.requests ?? []
      return r.length ? r.reduce((a, b) => a + b, 0) / r.length : NaN
    },
    kb: id => (byId.get(id)?.loadedBytes ?? 0) / 1024,
  }
}

function rowsOf(results: Result[], stats: Stats): Row[] {
  const startup = stats.median(STARTUP)
  return results.map(({ path, times, requests, requestKinds, loadedFiles, loadedBytes }) => {
    const perToken = requests.length ? requests.reduce((a, b) => a + b, 0) / requests.length : undefined
    let requestText = perToken === undefined ? '–' : Number.isInteger(perToken) ? String(perToken) : perToken.toFixed(2)
    if (path.requestNote) requestText += ` (${path.requestNote})`
    return {
      id: path.id,
      label: path.label,
      group: path.group,
      median: median(times),
      p25: quantile(times, 0.25),
      p75: quantile(times, 0.75),
      overStartupMs: median(times) - startup,
      toFloor: stats.ratio(path.id, path.floor ?? 'floor-fetch'),
      toClient: path.client ? stats.ratio(path.id, path.client) : undefined,
      requests: requestText,
      requestKinds: [...requestKinds].sort(),
      loadedKb: loadedBytes / 1024,
      files: loadedFiles.length,
    }
  })
}

function targetsOf(results: Result[], { ratio, perToken, kb, result }: Stats): Target[] {
  const ibmLoaded = result('action-ibm')?.loadedFiles ?? []
  const azureFilesOnIbm = withAzureCode(ibmLoaded)
  const ibmKb = kb('action-ibm')
  // A target on the raw ratio shows the ratio over start-up beside it, and the other way round.
  const atMost = (text: string, a: string, b: string, limit: number, overStartup = false): Target => {
    const { raw, overStartup: net } = ratio(a, b)
    return {
      text,
      pass: (overStartup ? net : raw) <= limit,
      detail: overStartup
        ? `${net.toFixed(3)} × (raw ${raw.toFixed(3)} ×)`
        : `${raw.toFixed(3)} × (over start-up ${net.toFixed(3)} ×)`,
    }
  }
  return [
    atMost('IBM path ≤ 1.0 × bare Node fetch', 'action-ibm', 'floor-fetch', 1.0),
    atMost('IBM path ≤ 0.50 × ibm-cloud-sdk-core', 'action-ibm', 'ibm-sdk', 0.5),
    atMost(
      'Azure path ≤ 1.1 × bare Node fetch (Azure requests), over Node start-up',
      'action-azure',
      'floor-fetch-azure',
      1.1,
      true,
    ),
    atMost('Azure path ≤ 0.35 × @azure/identity, over Node start-up', 'action-azure', 'azure-identity', 0.35, true),
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

/** One request per token on every known cloud, each tunnelled to the cloud's own host: measured, not assumed. */
function knownCloudTarget(clouds: CloudRun[]): Target {
  return {
    text: 'requests per token on a known cloud (no authority-host): get-token, Azure client-secret = 1',
    pass:
      clouds.length > 0 &&
      clouds.every(run => run.requests.length === 1 && run.tunnels.every(t => t === `${run.host}:443`)),
    detail: clouds.length ? clouds.map(run => `${run.cloud} ${run.requests.length}`).join(', ') : 'not measured',
  }
}

function machineOf({ quick, runs, warmup, entry, loadAtStart }: RunInfo, startupMs: number): Machine {
  return {
    cpu: `${cpus()[0]?.model.trim() ?? 'unknown'} × ${cpus().length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    load: `${loadAtStart.map(value => value.toFixed(2)).join(' / ')} at the start, ${loadavg()
      .map(value => value.toFixed(2))
      .join(' / ')} at the end`,
    node: process.version,
    startupMs,
    date: new Date().toISOString().slice(0, 10),
    runs: `${warmup} warm-up + ${runs} counted runs per path${quick ? ' (quick)' : ''}`,
    entry: entry.startsWith(`${ROOT}/`) ? relative(ROOT, entry) : entry,
  }
}
