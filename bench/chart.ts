/** The report's chart: a horizontal bar chart of the medians as SVG, written without a library. */
import type { Group } from './path-kinds.ts'

/** One bar: what the chart shows of a report row. */
export interface Bar {
  id: string
  label: string
  group: Group
  median: number
  p25: number
  p75: number
  loadedKb: number
}

/** A horizontal bar chart of the medians, with the p25–p75 range as a whisker. No library. */
export function chart(rows: Bar[], machine: { cpu: string; node: string; date: string }): string {
  const colors: Record<Group, string> = { action: '#2f6fdb', client: '#d9822b', floor: '#8a8f98' }
  const left = 290
  const barHeight = 22
  const gap = 10
  const top = 72
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
  const plotBottom = top + rows.length * (barHeight + gap)
  // Dashed: the bare fetch floor for the IBM request; dotted: Node start-up (an empty script).
  const line = (id: string, dash: string) => {
    const row = rows.find(r => r.id === id)
    const x = row ? (left + scale(row.median)).toFixed(1) : ''
    return row
      ? `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${plotBottom}" stroke="#8a8f98" stroke-dasharray="${dash}"/>`
      : ''
  }
  const floorLines = [line('floor-fetch', '4 3'), line('node-startup', '1 3')].filter(Boolean).join('\n')
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
<text x="16" y="56" class="tick">dashed: bare fetch floor (IBM); dotted: Node start-up; KB JS: JavaScript evaluated</text>
${ticks.join('\n')}
${bars.join('\n')}
${floorLines}
<text x="${width - 16}" y="${plotBottom + 16}" text-anchor="end" class="tick">ms</text>
${legend.join('\n')}
</svg>
`
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw))
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power
  return 10 * power
}
