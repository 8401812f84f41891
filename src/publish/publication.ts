import type { RunSettings } from '../inputs/settings.ts'
import type { TokenFacts } from '../token.ts'

/** What is published about a token, besides the token: who issued it, how, and where it goes. */
export interface Publication {
  /** The provider's label: 'IBM Cloud IAM'. */
  label: string
  authType: string
  /** The provider's facts, read from the token's claims. */
  facts: TokenFacts
  settings: Pick<RunSettings, 'envVar' | 'exportEnv' | 'summary'>
}
