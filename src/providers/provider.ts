import type { ReadFile } from '../files.ts'
import type { Transport } from '../http.ts'
import type { RetryPolicy } from '../retry.ts'
import type { Redact } from '../safe-text.ts'

/** A token as every provider hands it to the publish step. */
export interface FetchedToken {
  accessToken: string
  /** Expiry in epoch milliseconds, as the server stated it (checked before publishing, not trusted). */
  expiresOnMs: number
  /** The answer's field the expiry came from, named in errors: "expiration", "expires_in". */
  expirySource: string
  /** Non-secret facts for the job summary and log, e.g. ['Account', 'a1b2...']. */
  details: Array<[label: string, value: string]>
  /** Who the token is for, for the log line. */
  subject?: string
}

/** What a provider may use. Everything that touches the outside world comes in here. */
export interface ProviderContext {
  transport: Transport
  retry: RetryPolicy
  /** Registers a secret the provider derives (first-leg token, OIDC token) the moment it has it. */
  mask(secret: string): void
  /** Removes every known secret from text, in any of its encodings (applied by safeText). */
  redact: Redact
  debug(message: string): void
  env: Record<string, string | undefined>
  readFile: ReadFile
  now: () => number
}

/** Summary rows in order, leaving out the facts a token did not carry. */
export function detailRows(rows: Array<[label: string, value: string | undefined]>): Array<[string, string]> {
  return rows.filter((row): row is [string, string] => Boolean(row[1]))
}
