// npm run build: the ncc bundle in dist/ (what runners execute), built once with source maps.
// The maps go to coverage/dist-maps/ (not committed): `npm test` maps the end-to-end runs' V8
// coverage of dist/ back to src/ with them. dist/ itself is byte-for-byte the build without maps.
// ncc runs quiet (its summary would list the maps this script moves away); the summary printed
// at the end lists what dist/ holds.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')
const MAPS = join(ROOT, 'coverage', 'dist-maps')

rmSync(DIST, { recursive: true, force: true })
rmSync(MAPS, { recursive: true, force: true })
const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const args = [
  'build',
  'src/index.ts',
  '-o',
  'dist',
  '-m',
  '-s',
  '--no-source-map-register',
  '--license',
  'licenses.txt',
  '--quiet',
]
const started = performance.now()
const built = spawnSync(process.execPath, [ncc, ...args, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

completeLicenses(join(DIST, 'licenses.txt'))

mkdirSync(MAPS, { recursive: true })
for (const name of readdirSync(DIST)) {
  if (name.endsWith('.js.map')) renameSync(join(DIST, name), join(MAPS, name))
  if (!name.endsWith('.js')) continue
  const file = join(DIST, name)
  const code = readFileSync(file, 'utf8')
  writeFileSync(file, code.replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, ''))
}
printSummary()

/** What dist/ holds, largest last, as ncc would list it without the maps. */
function printSummary() {
  const files = readdirSync(DIST)
    .map(name => ({ name, kb: statSync(join(DIST, name)).size / 1024 }))
    .sort((a, b) => a.kb - b.kb)
  for (const { name, kb } of files) console.log(`${kb.toFixed(0).padStart(6)} kB  dist/${name}`)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`dist/ built in ${seconds} s; source maps in coverage/dist-maps/ (for npm test's coverage)`)
}

/**
 * ncc's license list leaves a package's text empty when the module it bundled sits under a nested
 * package.json (`dist/esm/package.json`, `{"type":"module"}`): fill it in from the package itself.
 */
function completeLicenses(file) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const out = []
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i])
    const name = lines[i]
    const emptyEntry = /^(@[\w.-]+\/)?[\w.-]+$/.test(name) && lines[i - 1] === '' && lines[i + 1] === ''
    const root = join(ROOT, 'node_modules', name)
    if (!emptyEntry || !existsSync(join(root, 'package.json'))) continue
    const { license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const text = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map(f => join(root, f)).find(f => existsSync(f))
    out.push(license ?? 'UNKNOWN', ...(text ? readFileSync(text, 'utf8').trimEnd().split('\n') : []))
  }
  writeFileSync(file, out.join('\n'))
}
