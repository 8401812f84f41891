// One line coverage figure for src/: lines Jest saw run in unit tests, or that the end-to-end
// tests' child processes ran in dist/ (V8 coverage mapped to src/ through coverage/dist-maps/).
// Lines are those Jest's instrumentation counts, so both halves measure the same thing.
import { mergeProcessCovs } from '@bcoe/v8-coverage'
import libCoverage from 'istanbul-lib-coverage'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import v8ToIstanbul from 'v8-to-istanbul'

export async function combinedCoverage({ root, unit, v8 }) {
  const src = join(root, 'src')
  const unitMap = libCoverage.createCoverageMap(JSON.parse(readFileSync(unit, 'utf8')))
  const e2eLines = await childLines(root, v8, src)
  let total = 0
  let byUnit = 0
  let byE2e = 0
  let byEither = 0
  for (const file of unitMap.files().filter(f => f.startsWith(src))) {
    const hits = unitMap.fileCoverageFor(file).getLineCoverage()
    const child = e2eLines.get(file) ?? new Set()
    for (const [line, count] of Object.entries(hits)) {
      total++
      if (count > 0) byUnit++
      if (child.has(Number(line))) byE2e++
      if (count > 0 || child.has(Number(line))) byEither++
    }
  }
  const pct = n => `${((100 * n) / Math.max(1, total)).toFixed(1)} %`
  return `Coverage of src/ (${total} lines): ${pct(byEither)} combined; unit tests alone ${pct(byUnit)}, end-to-end runs of dist/ alone ${pct(byE2e)}.`
}

/** src file → lines the children ran, from every process's V8 coverage of dist/*.js. */
async function childLines(root, dir, src) {
  const lines = new Map()
  if (!existsSync(dir)) return lines
  const dist = `${pathToFileURL(join(root, 'dist')).href}/`
  const processes = readdirSync(dir)
    .filter(name => name.endsWith('.json'))
    .map(name => {
      const { result } = JSON.parse(readFileSync(join(dir, name), 'utf8'))
      return { result: result.filter(script => script.url.startsWith(dist) && script.url.endsWith('.js')) }
    })
  if (processes.length === 0) return lines
  for (const script of mergeProcessCovs(processes).result) {
    const path = fileURLToPath(script.url)
    const map = join(root, 'coverage', 'dist-maps', `${basename(path)}.map`)
    if (!existsSync(map) || relative(join(root, 'dist'), path).includes('/')) continue
    const converter = v8ToIstanbul(path, 0, {
      source: readFileSync(path, 'utf8'),
      sourceMap: { sourcemap: JSON.parse(readFileSync(map, 'utf8')) },
    })
    await converter.load()
    converter.applyCoverage(script.functions)
    for (const [file, data] of Object.entries(converter.toIstanbul())) {
      if (!file.startsWith(src)) continue
      const covered = lines.get(file) ?? new Set()
      for (const [line, count] of Object.entries(libCoverage.createFileCoverage(data).getLineCoverage())) {
        if (count > 0) covered.add(Number(line))
      }
      lines.set(file, covered)
    }
  }
  return lines
}
