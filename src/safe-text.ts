/**
 * Text that comes from a server (error bodies, messages, claims) is hostile: on a log line
 * it could start a workflow command (`::set-env::`, `::add-mask::`, `##[...]`) or hide
 * itself with escape sequences. `safeText` makes it one inert, bounded line.
 */
const MAX_LENGTH = 1000

const ANSI_ESCAPE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g

let redact: (text: string) => string = text => text

/** Set once by the run's Secrets: server text is redacted before it is cut, so no secret straddles the cut. */
export function redactServerTextWith(redactor: (text: string) => string): void {
  redact = redactor
}

export function safeText(text: unknown, maxLength = MAX_LENGTH): string {
  let value = redact(String(text ?? ''))
  if (value.length > maxLength * 4) value = value.slice(0, maxLength * 4)
  value = value
    .replace(ANSI_ESCAPE, '')
    .replace(CONTROL_OR_BIDI, ' ')
    .replace(/:(?=:)/g, ': ')
    .replace(/##\[/g, '# #[')
    .replace(/ {2,}/g, ' ')
    .trim()
  return value.length > maxLength ? `${value.slice(0, maxLength)}… (cut)` : value
}
