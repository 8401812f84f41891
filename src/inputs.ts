import { InputError } from './errors.ts'

/** What every provider shares: where the token goes and how hard to try. */
export interface CommonConfig {
  envVar: string
  exportEnv: boolean
  summary: boolean
  timeoutSeconds: number
  maxAttempts: number
}

export interface InputSource {
  /** `core.getInput`: the `INPUT_<NAME>` variable, hyphens kept. */
  getInput(name: string): string
  env: Record<string, string | undefined>
  /** Registers a secret (empty: ignored; multi-line: also per line) before anything can print it. */
  mask(secret: string): void
  warning(message: string): void
}

/**
 * Reads inputs the way action.yml documents them: trimmed, empty means "not given",
 * some fall back to an environment variable. Secret inputs are masked earlier, in readConfig.
 */
export class Inputs {
  private readonly read = new Set<string>()
  private readonly source: InputSource

  constructor(source: InputSource) {
    this.source = source
  }

  /** The input's value, or '' when not given. */
  get(name: string): string {
    this.read.add(name)
    return this.source.getInput(name).trim()
  }

  given(name: string): boolean {
    return this.source.getInput(name).trim() !== ''
  }

  /** The input, else the environment variable named in interface.md. */
  orEnv(name: string, envName: string): string {
    return this.get(name) || (this.source.env[envName] ?? '').trim()
  }

  /** `orEnv` without marking the input used: for choosing the auth type from what is given. */
  peekOrEnv(name: string, envName?: string): string {
    return this.source.getInput(name).trim() || (envName ? (this.source.env[envName] ?? '').trim() : '')
  }

  env(name: string): string | undefined {
    return this.source.env[name]
  }

  /** One of `allowed`, case-insensitive; `fallback` when empty. */
  choice<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const raw = this.get(name)
    if (raw === '' && fallback !== undefined) return fallback
    const match = allowed.find(option => option.toLowerCase() === raw.toLowerCase())
    if (match) return match
    throw new InputError(
      name,
      raw === '' ? 'is required.' : `is '${raw.slice(0, 60)}', which is not supported.`,
      `set ${name} to one of: ${allowed.join(', ')}.`,
    )
  }

  /** An endpoint URL input (see endpointUrl), or `fallback` when empty. */
  url(name: string, fallback: string, allowLoopbackHttp: boolean): string {
    return endpointUrl(name, this.get(name) || fallback, allowLoopbackHttp, secret => this.source.mask(secret))
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.get(name)
    if (raw === '') return fallback
    if (/^true$/i.test(raw)) return true
    if (/^false$/i.test(raw)) return false
    throw new InputError(name, `is '${raw.slice(0, 60)}', not a boolean.`, `set ${name} to true or false.`)
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.get(name)
    if (raw === '') return fallback
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InputError(name, `is '${raw.slice(0, 60)}'.`, `set ${name} to a whole number from ${min} to ${max}.`)
    }
    return value
  }

  /**
   * Warns about inputs the user set that the chosen provider and auth type do not use:
   * a typo or a copy-paste left-over should not pass silently, nor fail a working step.
   */
  warnUnused(candidates: readonly string[], context: string): void {
    for (const name of candidates) {
      const value = this.source.getInput(name).trim()
      // The runner passes action.yml defaults like given inputs; those are not the user's doing.
      if (!this.read.has(name) && value !== '' && value !== ACTION_DEFAULTS[name]) {
        this.source.warning(`Input '${name}' is not used with ${context}; it is ignored.`)
      }
    }
  }
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// Names whose value changes how later steps, shells, loaders or tools run.
const RESERVED_ENV = new Set([
  'PATH',
  'HOME',
  'SHELL',
  'ENV',
  'BASH_ENV',
  'BASHOPTS',
  'SHELLOPTS',
  'IFS',
  'PS4',
  'PROMPT_COMMAND',
  'CDPATH',
  'TMPDIR',
  'CI',
  'NODE_OPTIONS',
  'NODE_PATH',
  'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PYTHONHOME',
  'PERL5OPT',
  'PERL5LIB',
  'RUBYOPT',
  'RUBYLIB',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'REQUESTS_CA_BUNDLE',
  'DOTNET_STARTUP_HOOKS',
  'GCONV_PATH',
  'ZDOTDIR',
  'MAVEN_OPTS',
  'GRADLE_OPTS',
  'PYTHONWARNINGS',
  'GEM_PATH',
  'GEM_HOME',
])
const RESERVED_ENV_PREFIXES = [
  'GITHUB_',
  'RUNNER_',
  'ACTIONS_',
  'INPUT_',
  'STATE_',
  'LD_',
  'DYLD_',
  'GIT_',
  'NPM_CONFIG_',
  'CORECLR_',
  'COR_',
]

export function readCommon(inputs: Inputs): CommonConfig {
  const exportEnv = inputs.boolean('export-env', true)
  const envVar = inputs.get('env-var') || 'ACCESS_TOKEN'
  if (!ENV_NAME.test(envVar)) {
    throw new InputError(
      'env-var',
      `is '${envVar.slice(0, 60)}', which is not a valid environment variable name.`,
      'use letters, digits and underscores, not starting with a digit, e.g. FHIR_TOKEN.',
    )
  }
  const upper = envVar.toUpperCase()
  if (RESERVED_ENV.has(upper) || RESERVED_ENV_PREFIXES.some(prefix => upper.startsWith(prefix))) {
    throw new InputError(
      'env-var',
      `is '${envVar}', a name that changes how later steps run.`,
      `choose a name of your own, e.g. ACCESS_TOKEN (refused: PATH, NODE_OPTIONS, BASH_ENV, proxy and CA variables, ${RESERVED_ENV_PREFIXES.map(p => `${p}*`).join(', ')}).`,
    )
  }
  return {
    envVar,
    exportEnv,
    summary: inputs.boolean('summary', true),
    timeoutSeconds: inputs.integer('timeout-seconds', 60, 1, 3600),
    maxAttempts: inputs.integer('max-attempts', 3, 1, 10),
  }
}

/**
 * An endpoint URL: https, or plain http only for loopback hosts (emulators, local proxies).
 * Returned without a trailing slash.
 */
export function endpointUrl(name: string, raw: string, allowLoopbackHttp: boolean, mask: (s: string) => void): string {
  // A URL may carry a password: it is never echoed, and masked in case anything else prints it.
  const credentials = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(raw)?.[1]
  if (credentials) {
    mask(decodeSafely(credentials))
    mask(decodeSafely(credentials.slice(credentials.indexOf(':') + 1)))
  }
  const shown = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@').slice(0, 100)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError(
      name,
      `is '${shown}', which is not a URL.`,
      `give a full URL such as https://host.example.com.`,
    )
  }
  if (url.username || url.password) {
    throw new InputError(name, 'must not carry credentials (user:password@).', 'give only scheme, host, port and path.')
  }
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(url.hostname)
  if (url.protocol !== 'https:' && !(allowLoopbackHttp && url.protocol === 'http:' && loopback)) {
    throw new InputError(
      name,
      `must use https (got ${url.protocol.replace(':', '')}).`,
      allowLoopbackHttp
        ? 'use an https:// URL; plain http is accepted only for localhost, 127.0.0.0/8 and [::1].'
        : 'use an https:// URL.',
    )
  }
  if (url.search || url.hash) {
    throw new InputError(name, 'must not carry a query or a fragment.', 'give only scheme, host, port and path.')
  }
  return url.href.replace(/\/+$/, '')
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Defaults that action.yml declares for provider-specific inputs (the code applies them too). */
export const ACTION_DEFAULTS: Readonly<Record<string, string>> = {
  cloud: 'AzurePublicCloud',
  'iam-endpoint': 'https://iam.cloud.ibm.com',
}

/** Every provider-specific input, for the "not used" warnings. */
export const PROVIDER_INPUTS: readonly string[] = [
  'tenant-id',
  'client-id',
  'client-secret',
  'client-certificate',
  'client-certificate-password',
  'resource',
  'scope',
  'cloud',
  'authority-host',
  'oidc-audience',
  'api-key',
  'iam-endpoint',
  'profile-id',
  'profile-crn',
  'profile-name',
  'account-id',
  'cr-token-file',
]

/** Secret inputs and their env fallbacks, masked before anything else happens. */
export const SECRET_INPUTS: ReadonlyArray<readonly [input: string, env?: string]> = [
  ['api-key', 'IBMCLOUD_API_KEY'],
  ['client-secret', 'AZURE_CLIENT_SECRET'],
  ['client-certificate'],
  ['client-certificate-password'],
]
