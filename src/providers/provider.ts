import type { Transport } from '../http.ts'
import type { RetryPolicy } from '../retry.ts'

/** A token as every provider hands it to the publish step. */
export interface FetchedToken {
  accessToken: string
  expiresOn: Date
  /** Non-secret facts for the job summary and log, e.g. ['Account', 'a1b2...']. */
  details: Array<[label: string, value: string]>
}

/** What a provider may use. Everything that touches the outside world comes in here. */
export interface ProviderContext {
  transport: Transport
  retry: RetryPolicy
  /** Registers a secret the provider derives (first-leg token, OIDC token) the moment it has it. */
  mask(secret: string): void
  debug(message: string): void
  env: Record<string, string | undefined>
  readFile(path: string): Promise<string>
}

/** Summary rows in order, leaving out the facts a token did not carry. */
export function detailRows(rows: Array<[label: string, value: string | undefined]>): Array<[string, string]> {
  return rows.filter((row): row is [string, string] => Boolean(row[1]))
}
