/**
 * Reads back the "dist/ per path" table that report-markdown.ts writes into docs/benchmarks.md and
 * compares it with a dist/ directory: a rebuild that renames, adds or resizes a chunk leaves the
 * table stale, and __tests__/docs.test.ts fails until `npm run bench` rewrites it.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Sizes may differ by this much (KB) from the table's, which rounds them to whole KB. */
const TOLERANCE_KB = 1
/** The table's last row, which names every *.js file of dist/. */
const ALL_ROW = 'dist/ *.js in all'

/**
 * What is stale in `markdown`'s "dist/ per path" table against the *.js files in `dist`: a file it
 * names that dist/ does not hold, a file of dist/ it omits, a size or a row total more than 1 KB
 * off. Undefined when the table is in step; otherwise one message that says how to fix it.
 */
export function staleDistTable(markdown: string, dist: string): string | undefined {
  const actual = new Map(
    readdirSync(dist)
      .filter(name => name.endsWith('.js'))
      .map(name => [name, statSync(join(dist, name)).size / 1024]),
  )
  const rows = distRows(markdown)
  const problems: string[] = []
  if (!rows.some(row => row.label === ALL_ROW)) problems.push(`no "${ALL_ROW}" row under "## dist/ per path"`)
  for (const { label, totalKb, files } of rows) {
    for (const [name, kb] of files) {
      const size = actual.get(name)
      if (size === undefined) problems.push(`${label}: names dist/${name}, which dist/ does not hold`)
      else if (Math.abs(size - kb) > TOLERANCE_KB)
        problems.push(`${label}: dist/${name} is ${size.toFixed(0)} KB, not ${kb}`)
    }
    const sum = [...files.keys()].reduce((total, name) => total + (actual.get(name) ?? 0), 0)
    if (Math.abs(sum - totalKb) > TOLERANCE_KB)
      problems.push(`${label}: its dist/ files total ${sum.toFixed(0)} KB, not ${totalKb}`)
    if (label !== ALL_ROW) continue
    for (const [name, size] of actual)
      if (!files.has(name)) problems.push(`${label}: omits dist/${name} (${size.toFixed(0)} KB)`)
  }
  if (!problems.length) return undefined
  return [
    'docs/benchmarks.md is out of step with dist/ (run npm run bench and commit docs/):',
    ...problems.map(problem => `- ${problem}`),
  ].join('\n')
}

/** One row of the table: its label, the KB it totals, and each file it names with its KB. */
interface DistRow {
  label: string
  totalKb: number
  files: Map<string, number>
}

/** The rows of the table under "## dist/ per path" (none if the section is missing). */
function distRows(markdown: string): DistRow[] {
  const section = /^## dist\/ per path\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1] ?? ''
  return section.split('\n').flatMap(line => {
    const [, label, total, cell] = /^\| ([^|]+?) \| (\d+) \| (.*) \|$/.exec(line) ?? []
    if (label === undefined || total === undefined || cell === undefined) return []
    const files = new Map([...cell.matchAll(/`([^`]+)` (\d+)/g)].map(([, name = '', kb]) => [name, Number(kb)]))
    return [{ label, totalKb: Number(total), files }]
  })
}
