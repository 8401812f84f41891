/** A token as a provider hands it to the publish step: checked there, not trusted. */
export interface Token {
  accessToken: string
  /** Expiry in epoch milliseconds, as the server stated it. */
  expiresOnMs: number
  /** The answer's field the expiry came from, named in errors: "expiration", "expires_in". */
  expirySource: string
}

/** What the log line, the job summary and the identity outputs say about a token. Never secret. */
export interface TokenFacts {
  /** Summary rows in order, e.g. ['Account', 'a1b2...']. */
  rows: Array<[label: string, value: string]>
  /** Who the token is for, for the log line. */
  subject?: string
  /** The `principal-id` output: the principal's id in the provider (azure `oid`, ibm `iam_id`). */
  principalId?: string
  /** The `account-id` output: where that principal lives (azure `tid`, ibm `account.bss`). */
  accountId?: string
}

/** Summary rows in order, leaving out the facts a token did not carry. */
export function presentRows(rows: Array<[label: string, value: string | undefined]>): Array<[string, string]> {
  return rows.filter((row): row is [string, string] => Boolean(row[1]))
}
