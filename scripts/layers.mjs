// npm run lint (after ESLint): no file in src/ imports from a layer above its own (the layers
// drawn at the top of docs/architecture.md), and no import cycle (within a layer too). Prints each
// import that runs back up, and each cycle, and exits 1; silent when the rules hold. Static and
// dynamic relative imports count, `import type` and `export … from` too.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = resolve(process.argv[2] ?? join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'src'))
/** Top to bottom, as docs/architecture.md draws them; anything else in src/ is the bottom layer. */
const LAYERS = ['index.ts', 'main.ts', 'publish', 'config.ts', 'providers', 'io', 'inputs', 'log']
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm

const rank = file => {
  const top = relative(SRC, file).split(/[\\/]/)[0]
  const at = LAYERS.indexOf(top)
  return at === -1 ? LAYERS.length : at
}

const files = readdirSync(SRC, { recursive: true })
  .filter(name => name.endsWith('.ts'))
  .map(name => join(SRC, name))
const imports = new Map(
  files.map(file => [
    file,
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(match => resolve(dirname(file), match[1])),
  ]),
)
const name = file => `src/${relative(SRC, file)}`.replace(/\\/g, '/')
const upward = files.flatMap(file =>
  (imports.get(file) ?? [])
    .filter(target => rank(target) < rank(file))
    .map(target => `${name(file)} imports ${name(target)}, a layer above it`),
)

/** The import cycles, one per back edge of a depth-first walk (white, grey, black: linear time). */
function cycles() {
  const found = []
  const state = new Map()
  const stack = []
  const walk = file => {
    state.set(file, 'grey')
    stack.push(file)
    for (const target of imports.get(file) ?? []) {
      if (state.get(target) === 'grey')
        found.push([...stack.slice(stack.indexOf(target)), target].map(name).join(' → '))
      else if (!state.has(target) && imports.has(target)) walk(target)
    }
    stack.pop()
    state.set(file, 'black')
  }
  for (const file of files) if (!state.has(file)) walk(file)
  return found
}

const problems = [...upward, ...cycles().map(cycle => `import cycle: ${cycle}`)]
for (const line of problems) console.error(line)
process.exitCode = problems.length ? 1 : 0
