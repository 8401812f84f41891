// npm run lint (after ESLint): every export of src/, test-support/ and bench/ is used by another
// file (src/, tests, test support, scripts, bench, demo), and every exported declaration carries a
// TSDoc comment. What only its own file uses stays unexported, so a reader sees a module's real
// surface. A re-export (`export { a } from './b.ts'`) must be imported too; its comment is where
// it is declared. Prints each offence and exits 1.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const READERS = ['src', '__tests__', 'test-support', 'scripts', 'bench', 'demo']
const CHECKED = ['src', 'test-support', 'bench']
const DECLARATION =
  /^export (?:declare )?(?:async )?(?:abstract )?(?:function\*?|const|let|class|interface|type|enum) ([A-Za-z_$][\w$]*)/
/** `export { a, b as c }` and `export { a } from '…'`: names a file exports without declaring them there. */
const EXPORT_LIST = /^export\s+(?:type\s+)?\{([^}]*)\}/gm
/** `(await import('…')).a`: how a provider loads its chunk. */
const DYNAMIC_MEMBER = /\(await\s+import\(\s*['"]([^'"]+)['"]\s*\)\)\.([A-Za-z_$][\w$]*)/g
/** `import { a, type b } from '…'`, `export { a } from '…'`, `const { a } = await import('…')`. */
const NAMED =
  /(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]|\{([^}]*)\}\s*=\s*await\s+import\(\s*['"]([^'"]+)['"]\s*\)/g

const tsFiles = dir =>
  readdirSync(join(ROOT, dir), { recursive: true })
    .filter(name => /\.(ts|mts|mjs)$/.test(name) && !name.includes('node_modules'))
    .map(name => join(ROOT, dir, name))

/** The names in `a, type b, c as d`: `as` 0 for what is imported, 1 for what is exported under. */
const namesIn = (list, as) =>
  list
    .split(',')
    .map(part => {
      const [name = '', alias] = part.replace(/^\s*type\s+/, '').split(/\s+as\s+/)
      return (as === 1 && alias !== undefined ? alias : name).trim()
    })
    .filter(Boolean)

/** file → names other files import from it. */
const imported = new Map()
for (const file of READERS.flatMap(tsFiles)) {
  const text = readFileSync(file, 'utf8')
  const dynamic = [...text.matchAll(DYNAMIC_MEMBER)].map(match => [match[2], match[1]])
  for (const [names, source] of [...[...text.matchAll(NAMED)].map(m => [m[1] ?? m[3], m[2] ?? m[4]]), ...dynamic]) {
    if (!source.startsWith('.')) continue
    const target = resolve(dirname(file), source).replace(/\.js$/, '.ts')
    const set = imported.get(target) ?? new Set()
    for (const name of namesIn(names, 0)) set.add(name)
    imported.set(target, set)
  }
}

const problems = []
for (const file of CHECKED.flatMap(tsFiles)) {
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n')
  const where = line => `${relative(ROOT, file).replace(/\\/g, '/')}:${line}`
  const unused = (name, line) =>
    !imported.get(file)?.has(name) && problems.push(`${where(line)} exports ${name}, which no other file imports`)
  lines.forEach((line, index) => {
    const name = DECLARATION.exec(line)?.[1]
    if (!name) return
    unused(name, index + 1)
    if (!/\*\/\s*$/.test(lines[index - 1] ?? ''))
      problems.push(`${where(index + 1)} exports ${name} without a TSDoc comment`)
  })
  for (const match of text.matchAll(EXPORT_LIST)) {
    const line = text.slice(0, match.index).split('\n').length
    for (const name of namesIn(match[1], 1)) unused(name, line)
  }
}
for (const problem of problems) console.error(problem)
process.exitCode = problems.length ? 1 : 0
