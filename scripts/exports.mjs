// npm run lint (after ESLint): every export of src/ is used by another file (src/, tests, test
// support, scripts, bench, demo) and carries a TSDoc comment. What only its own file uses stays
// unexported, so a reader sees a module's real surface. Prints each offence and exits 1.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const READERS = ['src', '__tests__', 'test-support', 'scripts', 'bench', 'demo']
const DECLARATION =
  /^export (?:declare )?(?:async )?(?:abstract )?(?:function\*?|const|let|class|interface|type|enum) ([A-Za-z_$][\w$]*)/
/** `(await import('…')).a`: how a provider loads its chunk. */
const DYNAMIC_MEMBER = /\(await\s+import\(\s*['"]([^'"]+)['"]\s*\)\)\.([A-Za-z_$][\w$]*)/g
/** `import { a, type b } from '…'`, `export { a } from '…'`, `const { a } = await import('…')`. */
const NAMED =
  /(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]|\{([^}]*)\}\s*=\s*await\s+import\(\s*['"]([^'"]+)['"]\s*\)/g

const tsFiles = dir =>
  readdirSync(join(ROOT, dir), { recursive: true })
    .filter(name => /\.(ts|mts|mjs)$/.test(name) && !name.includes('node_modules'))
    .map(name => join(ROOT, dir, name))

/** file → names other files import from it. */
const imported = new Map()
for (const file of READERS.flatMap(tsFiles)) {
  const text = readFileSync(file, 'utf8')
  const dynamic = [...text.matchAll(DYNAMIC_MEMBER)].map(match => [match[2], match[1]])
  for (const [names, source] of [...[...text.matchAll(NAMED)].map(m => [m[1] ?? m[3], m[2] ?? m[4]]), ...dynamic]) {
    if (!source.startsWith('.')) continue
    const target = resolve(dirname(file), source).replace(/\.js$/, '.ts')
    const set = imported.get(target) ?? new Set()
    for (const part of names.split(',')) {
      const name = part
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)[0]
        .trim()
      if (name) set.add(name)
    }
    imported.set(target, set)
  }
}

const problems = []
for (const file of tsFiles('src')) {
  const lines = readFileSync(file, 'utf8').split('\n')
  lines.forEach((line, index) => {
    const name = DECLARATION.exec(line)?.[1]
    if (!name) return
    const where = `src/${relative(join(ROOT, 'src'), file).replace(/\\/g, '/')}:${index + 1}`
    if (!imported.get(file)?.has(name)) problems.push(`${where} exports ${name}, which no other file imports`)
    if (!/\*\/\s*$/.test(lines[index - 1] ?? '')) problems.push(`${where} exports ${name} without a TSDoc comment`)
  })
}
for (const problem of problems) console.error(problem)
process.exitCode = problems.length ? 1 : 0
