/**
 * The report as text: the table, its notes and the console report; report-markdown.ts writes
 * docs/benchmarks.md from the same pieces.
 */
import type { Bar } from './chart.ts'
import type { CloudRun } from './known-clouds.ts'

/**
 * What requests per token count on the Azure rows, and what the known-cloud runs measured
 * (known-clouds.ts): the requests each cloud's run sent, without `authority-host`.
 */
export function requestsNote(clouds: CloudRun[]): string {
  const measured = clouds.length
    ? `measured on one untimed run per cloud through a loopback proxy that tunnels the cloud's host to the emulator: ${clouds
        .map(run => `${run.cloud} (${run.host}) ${run.requests.length}`)
        .join(', ')} request${clouds.every(run => run.requests.length === 1) ? '' : 's'} per token`
    : 'not measured in this run'
  return (
    'Azure requests are with `authority-host` (a custom authority: discovery + token). On the known clouds ' +
    `(\`cloud\` set, no \`authority-host\`) the endpoints are known without discovery; ${measured}.`
  )
}

/** How the × columns are computed; the start-up median goes in. */
export const ratiosNote = (startupMs: number) =>
  '× columns: the ratio of medians; in parentheses the ratio over Node start-up, ' +
  `(median − start-up) / (other median − start-up), where start-up = ${startupMs.toFixed(1)} ms, the median of ` +
  'an empty script. × fetch floor compares each row with the bare `fetch` floor that sends the same requests ' +
  '(Azure rows with the Azure floor, every other row with the IBM one).'

/** A ratio of two paths' medians, raw and over Node start-up. */
export interface Ratio {
  /** median(a) / median(b). */
  raw: number
  /** (median(a) − start-up) / (median(b) − start-up). */
  overStartup: number
}

/** One path's line of the table. */
export interface Row extends Bar {
  /** The median minus Node start-up's. */
  overStartupMs: number
  toFloor: Ratio
  toClient: Ratio | undefined
  requests: string
  requestKinds: string[]
  files: number
}

/** A target of the issue, met or missed, and the measured value. */
export interface Target {
  text: string
  pass: boolean
  detail: string
}

/** Where and how the bench ran. */
export interface Machine {
  cpu: string
  memory: string
  load: string
  node: string
  /** The median of an empty script: what the "over Node start-up" ratios subtract. */
  startupMs: number
  date: string
  runs: string
  entry: string
}

/** The table's columns. */
export const HEADERS = [
  'path',
  'median ms',
  'p25–p75 ms',
  'over start-up ms',
  '× fetch floor',
  '× official client',
  'requests/token',
  'JS loaded KB (files)',
]

const both = ({ raw, overStartup }: Ratio) => `${raw.toFixed(2)} (${overStartup.toFixed(2)})`

/** The table's cells, row by row, in the order of HEADERS. */
export function tableCells(rows: Row[]): string[][] {
  return rows.map(row => [
    row.label,
    row.median.toFixed(1),
    `${row.p25.toFixed(0)}–${row.p75.toFixed(0)}`,
    row.overStartupMs.toFixed(1),
    both(row.toFloor),
    row.toClient === undefined ? '–' : both(row.toClient),
    row.requests,
    `${row.loadedKb.toFixed(0)} (${row.files})`,
  ])
}

/** The table, the notes and the targets as plain text. */
export function consoleReport(rows: Row[], targets: Target[], machine: Machine, clouds: CloudRun[]): string {
  const cells = tableCells(rows)
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...cells.map(cell => cell[i]!.length)))
  const line = (cell: string[]) =>
    cell.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ')
  return [
    `get-token time-to-token (${machine.runs}; ${machine.cpu}; Node ${machine.node}; entry ${machine.entry})`,
    '',
    line(HEADERS),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...cells.map(line),
    '',
    `Note: ${ratiosNote(machine.startupMs).replace(/`/g, '')}`,
    `Note: ${requestsNote(clouds).replace(/`/g, '')}`,
    '',
    'Targets:',
    ...targets.map(t => `  ${t.pass ? 'PASS' : 'MISS'}  ${t.text}  (${t.detail})`),
  ].join('\n')
}
