// Server text made safe for a public log, by the live check's own rules: it shares no code with
// src/ (see live-check.mjs), so this is a small cleaner of its own. It is stricter than the
// action's safeText in one way: ids are withheld too, because the live check's logs are public.

/** Enough of an answer to read its error; nothing past it is looked at. */
const MAX_SCANNED = 64 * 1024
const ANSI_ESCAPE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g
/** A JWT starts with the base64url of `{"`. */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g
/** `Bearer <token>`, but not a challenge's `Bearer name="value"` parameters. */
const BEARER = /\b(bearer\s+)(?![A-Za-z_][\w-]*=")[A-Za-z0-9\-._~+/]+=*/gi
/** API keys, opaque tokens, encoded claims: one long run of base64url characters. */
const LONG_RUN = /[A-Za-z0-9_-]{40,}/g
/** A credential field of a JSON answer, whatever its value looks like. */
const JSON_FIELD =
  /("(?:access_token|refresh_token|id_token|token|apikey|api_key|client_secret|password)"\s*:\s*")(?:[^"\\]|\\.)*"/gi
/** Tenant, app and object ids (GUIDs) and IBM account ids (32 hex digits). */
const ID = /\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})\b/gi

/** What replaces an answer that carries one of the secrets in a disguised form. */
export const WITHHELD = '[withheld: the answer contains the token]'

/**
 * Hostile text (an answer body, a header, an error message) as one inert line of at most
 * `maxLength` characters: escape sequences and control characters gone, no `::` or `##[` that
 * could start a workflow command, every secret and anything token-shaped replaced by `***`, and
 * ids replaced by `<id>`. A secret hidden by control characters or spaces withholds the whole text.
 */
export function cleanText(text, secrets = [], maxLength = 400) {
  let value = String(text ?? '')
    .slice(0, MAX_SCANNED)
    .replace(ANSI_ESCAPE, '')
  const known = secrets.filter(secret => typeof secret === 'string' && secret.length >= 8)
  for (const secret of known)
    for (const form of new Set([secret, secret.replaceAll('/', '\\/'), encodeURIComponent(secret)]))
      value = value.replaceAll(form, '***')
  const squeezed = value.replace(CONTROL_OR_BIDI, '').replace(/\s+/g, '')
  if (known.some(secret => squeezed.includes(secret))) return WITHHELD
  value = value
    .replace(JSON_FIELD, '$1***"')
    .replace(JWT, '***')
    .replace(BEARER, '$1***')
    .replace(LONG_RUN, '***')
    .replace(ID, '<id>')
  if (value.length > maxLength * 4) value = value.slice(0, maxLength * 4)
  value = value
    .replace(CONTROL_OR_BIDI, ' ')
    .replace(/:(?=:)/g, ': ')
    .replace(/##\[/g, '# #[')
    .replace(/ {2,}/g, ' ')
    .trim()
  return value.length > maxLength ? `${value.slice(0, maxLength)}… (cut)` : value
}
