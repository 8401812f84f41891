import { InputError } from '../errors.ts'
import { endpointUrl, type PlainHttp } from './urls.ts'

/** Where inputs come from: the runner's `INPUT_*` variables and environment, through @actions/core. */
export interface InputSource {
  /** `core.getInput`: the `INPUT_<NAME>` variable, hyphens kept. */
  getInput(name: string): string
  env: Record<string, string | undefined>
  /** Registers a secret (empty: ignored) before anything can print it. */
  mask(secret: string): void
  warning(message: string): void
}

/** What action.yml and interface.md say about one provider-specific input. */
export interface InputSpec {
  name: string
  /** Read when the input is empty, e.g. AZURE_TENANT_ID. */
  env?: string
  /** Masked before anything else happens, whichever provider is chosen. */
  secret?: boolean
  /** The default action.yml declares (and the code applies when the input is empty). */
  default?: string
  /** The auth types that read it; all of the provider's when absent. */
  authTypes?: readonly string[]
}

/**
 * Reads inputs the way action.yml documents them: trimmed, empty means "not given", some fall
 * back to an environment variable. `read` marks an input used; `peek` looks without marking, for
 * choosing an auth type from what is given. Secret inputs are masked earlier, in readConfig.
 */
export class Inputs {
  private readonly used = new Set<string>()
  private readonly source: InputSource

  constructor(source: InputSource) {
    this.source = source
  }

  /** The input, else the environment variable `env`, else ''. Marks the input used. */
  read(name: string, env?: string): string {
    this.used.add(name)
    return this.peek(name, env)
  }

  /** `read` without marking the input used. */
  peek(name: string, env?: string): string {
    return this.source.getInput(name).trim() || (env ? (this.source.env[env] ?? '').trim() : '')
  }

  /** The inputs read so far. */
  get usedInputs(): ReadonlySet<string> {
    return this.used
  }

  /** A variable of the runner's environment (not an input). */
  env(name: string): string | undefined {
    return this.source.env[name]
  }

  /** Registers a secret found in an input that is not itself secret (a URL's password). */
  mask(secret: string): void {
    this.source.mask(secret)
  }

  /** One of `allowed`, case-insensitive; `fallback` when empty. */
  choice<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    return this.match(name, allowed, option => option, fallback)
  }

  /** The option whose `name` the input gives, case-insensitive: a provider from the registry. */
  option<T extends { name: string }>(name: string, options: readonly T[]): T {
    return this.match(name, options, option => option.name)
  }

  private match<T>(name: string, options: readonly T[], key: (option: T) => string, fallback?: T): T {
    const raw = this.read(name)
    if (raw === '' && fallback !== undefined) return fallback
    const found = options.find(option => key(option).toLowerCase() === raw.toLowerCase())
    if (found !== undefined) return found
    throw new InputError(
      name,
      raw === '' ? 'is required.' : `is '${raw.slice(0, 60)}', which is not supported.`,
      `set ${name} to one of: ${options.map(key).join(', ')}.`,
    )
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.read(name)
    if (raw === '') return fallback
    if (/^true$/i.test(raw)) return true
    if (/^false$/i.test(raw)) return false
    throw new InputError(name, `is '${raw.slice(0, 60)}', not a boolean.`, `set ${name} to true or false.`)
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.read(name)
    if (raw === '') return fallback
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InputError(name, `is '${raw.slice(0, 60)}'.`, `set ${name} to a whole number from ${min} to ${max}.`)
    }
    return value
  }

  /** An endpoint URL input (see endpointUrl), or `fallback` when empty. */
  url(name: string, fallback: string, plainHttp: PlainHttp): string {
    return endpointUrl(name, this.read(name) || fallback, plainHttp, secret => this.mask(secret))
  }

  /**
   * Warns about inputs the user set that the chosen provider and auth type do not use:
   * a typo or a copy-paste left-over should not pass silently, nor fail a working step.
   */
  warnUnused(candidates: readonly InputSpec[], context: string): void {
    for (const { name, default: fallback } of candidates) {
      const value = this.source.getInput(name).trim()
      // The runner passes action.yml defaults like given inputs; those are not the user's doing.
      if (!this.used.has(name) && value !== '' && value !== fallback) {
        this.source.warning(`Input '${name}' is not used with ${context}; it is ignored.`)
      }
    }
  }
}
