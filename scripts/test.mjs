// npm test: build dist/, run every test (unit tests in Jest, end-to-end tests on the bundle in
// child processes), then print one line coverage figure for src/ that counts both: Jest measures
// the unit tests; the children write V8 coverage (NODE_V8_COVERAGE), mapped back to src/ through
// the build's source maps. Arguments are passed to Jest.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { combinedCoverage } from './coverage.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const V8_DIR = join(ROOT, 'coverage', 'v8')
const UNIT_DIR = join(ROOT, 'coverage', 'unit')

const node = (args, env = {}) =>
  spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

const built = node([join(ROOT, 'scripts', 'build.mjs')])
if (built !== 0) process.exit(built)

rmSync(V8_DIR, { recursive: true, force: true })
const jest = [
  '--experimental-vm-modules',
  '--disable-warning=ExperimentalWarning',
  join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--coverage',
  '--coverageReporters=json',
  `--coverageDirectory=${UNIT_DIR}`,
  ...process.argv.slice(2),
]
const status = node(jest, { GET_TOKEN_COVERAGE_DIR: V8_DIR })
try {
  console.log(await combinedCoverage({ root: ROOT, unit: join(UNIT_DIR, 'coverage-final.json'), v8: V8_DIR }))
} catch (error) {
  console.log(`Coverage: not measured (${error instanceof Error ? error.message : error}).`)
} finally {
  rmSync(V8_DIR, { recursive: true, force: true })
}
process.exit(status)
