// npm run lint (after ESLint): no file in src/ imports from a layer above its own (the layers
// drawn at the top of docs/architecture.md). Prints each import that runs back up and exits 1;
// silent when the rule holds. Static and dynamic relative imports count, `import type` too.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'src')
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
const upward = files.flatMap(file =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map(match => resolve(dirname(file), match[1]))
    .filter(target => rank(target) < rank(file))
    .map(target => `src/${relative(SRC, file)} imports src/${relative(SRC, target)}, a layer above it`),
)
for (const line of upward) console.error(line.replace(/\\/g, '/'))
process.exitCode = upward.length ? 1 : 0
