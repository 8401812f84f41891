import type { InputSpec, Inputs } from '../inputs/reader.ts'
import type { ReadFile } from '../io/files.ts'
import type { Deadline } from '../io/deadline.ts'
import type { RequestContext } from '../io/http.ts'
import type { Token, TokenFacts } from '../token.ts'

/**
 * A token issuer. One folder under providers/ exports one of these, and the registry
 * (providers/index.ts) lists it: nothing else in src/ names a provider.
 */
export interface Provider {
  /** The `provider` input's value, e.g. 'azure'. */
  name: string
  /** For messages and the summary, e.g. 'Azure Entra ID'. */
  label: string
  /** Every auth type, in the order `auth-type` lists them. */
  authTypes: readonly string[]
  /** Every input of this provider: which auth types read it, which are secret, env fallbacks, defaults. */
  inputs: readonly InputSpec[]
  /** Reads and checks the inputs, before any request: the credential of the chosen auth type. */
  credential(inputs: Inputs): Credential
}

/** What a provider folder defines: its configuration per auth type, and what it does with one. */
interface ProviderParts<C extends { authType: string }> {
  name: string
  label: string
  authTypes: readonly C['authType'][]
  inputs: readonly InputSpec[]
  /** Reads and checks the inputs, before any request: a discriminated union on `authType`. */
  readConfig(inputs: Inputs): C
  getToken(config: C, ctx: ProviderContext): Promise<Token>
  /** What the summary and the log line show about a token. */
  describe(config: C, accessToken: string): TokenFacts
}

/** The record a provider folder exports: its parts, with each configuration bound to its token getter. */
export function defineProvider<C extends { authType: string }>(parts: ProviderParts<C>): Provider {
  const { name, label, authTypes, inputs } = parts
  return {
    name,
    label,
    authTypes,
    inputs,
    credential(read) {
      const config = parts.readConfig(read)
      return {
        authType: config.authType,
        getToken: ctx => parts.getToken(config, ctx),
        describe: accessToken => parts.describe(config, accessToken),
      }
    },
  }
}

/** One auth type's configuration, ready to get a token. */
export interface Credential {
  authType: string
  getToken(ctx: ProviderContext): Promise<Token>
  /** What the summary and log show about the token: from its claims and the configuration. */
  describe(accessToken: string): TokenFacts
}

/**
 * What a provider may use: what every request needs (transport, retry policy, masking), and the
 * rest of the outside world. Everything that touches the outside world comes in here.
 */
export interface ProviderContext extends RequestContext {
  /** The `timeout-seconds` budget for everything a provider does (the retry policy shares it). */
  deadline: Deadline
  debug(message: string): void
  /** A line of the step's log, for what a user should know about how the token was had. */
  info(message: string): void
  env: Record<string, string | undefined>
  readFile: ReadFile
  now: () => number
}
