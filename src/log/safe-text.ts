import { CREDENTIAL_NAME } from './credential-fields.ts'

/**
 * Text that comes from a server or another program (error bodies, messages, claims, the Azure
 * CLI's stderr) is hostile: it may echo a secret, and on a log line it could start a workflow
 * command (`::set-env::`, `::add-mask::`, `##[...]`) or hide itself with escape sequences.
 * `safeText` makes it one inert, bounded line with every known secret and anything token-shaped
 * redacted first, so that no secret straddles the cut.
 */
const MAX_LENGTH = 1000
/** Enough for any error worth reading; redaction never scans more than this. */
const MAX_SCANNED = 64 * 1024

/** Replaces every known secret in a text (see Secrets.redact). */
export type Redact = (text: string) => string

const ANSI_ESCAPE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g
// A JWT starts with the base64url of `{"`; bearer tokens in JSON sit under names like these.
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g
const JSON_FIELD = new RegExp(`("${CREDENTIAL_NAME}"\\s*:\\s*")(?:[^"\\\\]|\\\\.)+"`, 'gi')
const FORM_FIELD = new RegExp(`(\\b${CREDENTIAL_NAME}=)[^&\\s"]+`, 'gi')

/** Hostile text as one inert line of at most `maxLength` characters (see above). */
export function safeText(text: unknown, redact: Redact, maxLength = MAX_LENGTH): string {
  // Escape sequences go first: one inside a secret would otherwise keep it from being recognised.
  let value = redact(
    String(text ?? '')
      .slice(0, MAX_SCANNED)
      .replace(ANSI_ESCAPE, ''),
  )
    .replace(JSON_FIELD, '$1***"')
    .replace(FORM_FIELD, '$1***')
    .replace(JWT, '***')
  if (value.length > maxLength * 4) value = value.slice(0, maxLength * 4)
  value = value
    .replace(CONTROL_OR_BIDI, ' ')
    .replace(/:(?=:)/g, ': ')
    .replace(/##\[/g, '# #[')
    .replace(/ {2,}/g, ' ')
    .trim()
  return value.length > maxLength ? `${value.slice(0, maxLength)}… (cut)` : value
}
