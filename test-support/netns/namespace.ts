/**
 * The link-local metadata address at its real place: run-in-namespace.ts, started here under
 * `unshare -rn` (a user and network namespace of its own, root mapped to the caller), puts
 * 169.254.169.254 on the namespace's loopback and runs the built action there, with a proxy set.
 * Nothing outside the namespace is touched, and nothing inside it can leave the machine.
 */
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The link-local address given to the namespace's loopback. */
export const LINK_LOCAL = '169.254.169.254'

/** One run inside the namespace: which metadata service, and what NO_PROXY says (unset if absent). */
interface Scenario {
  provider: 'azure' | 'ibm'
  noProxy?: string
}

/** The name of a scenario, the argument run-in-namespace.ts takes. */
export type ScenarioName = 'azure-imds' | 'azure-imds-no-proxy-elsewhere' | 'ibm-vpc' | 'ibm-vpc-no-proxy-elsewhere'

/** The runs metadata-direct.test.ts makes: each provider with NO_PROXY unset, then naming another host only. */
export const SCENARIOS: Record<ScenarioName, Scenario> = {
  'azure-imds': { provider: 'azure' },
  'azure-imds-no-proxy-elsewhere': { provider: 'azure', noProxy: 'example.com' },
  'ibm-vpc': { provider: 'ibm' },
  'ibm-vpc-no-proxy-elsewhere': { provider: 'ibm', noProxy: 'example.com' },
}

/** What run-in-namespace.ts prints, as one JSON line, after the action's run. */
export interface NamespaceReport {
  scenario: ScenarioName
  code: number | null
  /** Whether the step published a non-empty `token` output. */
  token: boolean
  /** The step's `::error` line, if it printed one. */
  error: string | null
  /** `METHOD target` of every request the forward proxy received (CONNECT host:port or an absolute URL). */
  proxy: string[]
  /** `METHOD path` of every request the metadata service emulator received. */
  emulator: string[]
  /** The action's stderr, for a failure's diagnosis. */
  stderr: string
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'run-in-namespace.ts')
/** `ip` lives in sbin, which a user's PATH may lack. */
const PATH = [process.env.PATH, '/usr/sbin', '/sbin', '/usr/bin', '/bin'].filter(Boolean).join(':')

/**
 * Why no namespace can be had here (no `unshare`, user namespaces disabled, no `ip`), or undefined
 * when `unshare -rn` can give 169.254.169.254 to a loopback of its own.
 */
export function namespaceUnavailable(): string | undefined {
  const probe = spawnSync('unshare', ['-rn', 'ip', 'addr', 'add', `${LINK_LOCAL}/32`, 'dev', 'lo'], {
    env: { PATH },
    encoding: 'utf8',
    timeout: 10_000,
  })
  if (probe.error) return `unshare -rn could not be started (${probe.error.message})`
  if (probe.status !== 0) {
    return `unshare -rn ip addr add failed (exit ${probe.status}): ${probe.stderr.trim() || probe.stdout.trim()}`
  }
  return undefined
}

/**
 * Runs one scenario in a namespace of its own with this Node (Node 24 under the npm scripts, which
 * runs the TypeScript script directly) and returns its report. The built bundle is the one
 * runAction picks: dist/index.js, or $GET_TOKEN_ENTRY; coverage goes where npm test asks.
 */
export function runScenario(scenario: ScenarioName, timeoutMs = 90_000): Promise<NamespaceReport> {
  const env: Record<string, string> = { PATH }
  for (const name of ['GET_TOKEN_ENTRY', 'GET_TOKEN_COVERAGE_DIR']) {
    const value = process.env[name]
    if (value) env[name] = value
  }
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-rn', process.execPath, SCRIPT, scenario], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      const line = stdout.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(line) as NamespaceReport)
      } catch {
        reject(new Error(`${scenario}: no report from the namespace (exit ${code})\n${stdout}\n${stderr}`))
      }
    })
  })
}
