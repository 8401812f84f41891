/** A token as a provider hands it to the publish step: checked there, not trusted. */
export interface Token {
  accessToken: string
  /** Expiry in epoch milliseconds, as the server stated it. */
  expiresOnMs: number
  /** The answer's field the expiry came from, named in errors: "expiration", "expires_in". */
  expirySource: string
  /** That field's value as sent, when it could not be read: server text, shown only through safeText. */
  expiryText?: string
  /** The fix for an expiry that cannot be read, where the provider knows a better one than the default. */
  expiryFix?: string
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

/** No service grants tokens for longer: an expiry further ahead is a unit mistake or a hostile answer. */
export const MAX_LIFETIME_MS = 31 * 24 * 60 * 60 * 1000

/** Where an answer states its expiry: a lifetime in seconds, an absolute time, or both. */
export interface ExpiryFields {
  /** A lifetime in seconds from now, on no clock at all: e.g. 'expires_in'. */
  relative: string
  /** An absolute time on the server's clock: e.g. 'expiration'. */
  absolute: string
  /** The absolute field's value in epoch milliseconds, NaN when it cannot be read. */
  parseAbsolute(value: unknown): number
}

/**
 * The expiry a token may be published with. The absolute time is on the server's clock: where the
 * answer carries both, the earlier wins, so `expires-in` never exceeds the lifetime granted. A
 * field present but unreadable is named (NaN makes the publish checks refuse the token).
 */
export function expiryOf(
  body: Record<string, unknown>,
  now: number,
  fields: ExpiryFields,
): Pick<Token, 'expiresOnMs' | 'expirySource' | 'expiryText'> {
  type Candidate = Pick<Token, 'expiresOnMs' | 'expirySource' | 'expiryText'>
  const candidates: Candidate[] = []
  const read = (field: string, ms: number): Candidate => ({
    expiresOnMs: ms,
    expirySource: field,
    ...(Number.isFinite(ms) ? {} : { expiryText: textOf(body[field]) }),
  })
  if (body[fields.relative] !== undefined) {
    candidates.push(read(fields.relative, now + epochSeconds(body[fields.relative]) * 1000))
  }
  if (body[fields.absolute] !== undefined) {
    candidates.push(read(fields.absolute, fields.parseAbsolute(body[fields.absolute])))
  }
  if (candidates.length === 0) return { expiresOnMs: NaN, expirySource: `${fields.relative} or ${fields.absolute}` }
  // An unreadable or absurd field is returned as it is, for the publish checks to refuse by name.
  const suspect = candidates.find(c => !Number.isFinite(c.expiresOnMs) || c.expiresOnMs - now > MAX_LIFETIME_MS)
  return suspect ?? candidates.reduce((a, b) => (b.expiresOnMs < a.expiresOnMs ? b : a))
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
}

/** Seconds as a JSON number or a string of digits (some services quote them); NaN otherwise. */
export function epochSeconds(value: unknown): number {
  if (typeof value === 'number') return value
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
}
