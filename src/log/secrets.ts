import { jwtSignature } from '../jwt.ts'

/** Secrets shorter than this are not redacted: they would hide ordinary words. */
const MIN_SECRET = 4

/**
 * Every secret the action reads or derives. Each is registered with the runner (`::add-mask::`)
 * the moment it is known; and since a server may echo a secret back in an error, in any of the
 * encodings it travelled in, text the action prints is also redacted here in those forms.
 */
export class Secrets {
  private readonly values = new Set<string>()
  private readonly register: (secret: string) => void
  private forms: string[] | undefined

  constructor(register: (secret: string) => void) {
    this.register = register
  }

  /**
   * A secret value; a multi-line one (a PEM key) also line by line, as the runner masks per line;
   * a JWT also its signature on its own (logs sometimes split tokens at dots).
   */
  add(value: string): void {
    if (!value || this.values.has(value)) return
    const lines = value.split(/\r?\n/).map(line => line.trim())
    const parts = [value, ...(lines.length > 1 ? lines.filter(l => l.length >= 8 && !l.startsWith('-----')) : [])]
    const signature = jwtSignature(value)
    if (signature && signature.length >= 8) parts.push(signature)
    for (const part of parts) {
      if (this.values.has(part)) continue
      this.values.add(part)
      this.forms = undefined
      // The runner masks base64, JSON and URI forms of a mask itself; the form encoding is ours to add.
      const forms = /[\r\n]/.test(part) ? [part] : [part, formEncoded(part), lowerHex(formEncoded(part))]
      for (const form of new Set(forms)) if (form === part || form.length >= 8) this.register(form)
    }
  }

  /** `text` with every secret replaced by `***`, also percent-, form-, JSON- or base64-encoded. */
  readonly redact = (text: string): string => {
    this.forms ??= allForms([...this.values].filter(v => v.length >= MIN_SECRET))
    let out = text
    for (const form of this.forms)
      if (form.length <= out.length && out.includes(form)) out = out.split(form).join('***')
    return out
  }
}

/** Every encoded form of every secret, longest first so that a longer match wins. */
function allForms(secrets: string[]): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) for (const form of encodings(secret)) if (form.length >= MIN_SECRET) forms.add(form)
  return [...forms].sort((a, b) => b.length - a.length)
}

/** The forms a secret takes on the wire and in the bodies that echo it. */
function encodings(secret: string): string[] {
  const uri = encodeURIComponent(secret)
  const form = formEncoded(secret)
  const forms = [
    secret,
    uri,
    lowerHex(uri),
    form,
    lowerHex(form),
    ...jsonForms(secret),
    ...base64Forms(Buffer.from(secret)),
  ]
  return [...new Set(forms)].filter(f => f !== '')
}

/**
 * JSON string escapes as common encoders write them: minimal (JavaScript), `<>&` as \u escapes
 * (Go), non-ASCII as \u escapes (Python, Java), `/` as `\/` (PHP); hex in either case.
 */
function jsonForms(secret: string): string[] {
  const minimal = JSON.stringify(secret).slice(1, -1)
  const unicode = (pattern: RegExp) => (text: string) =>
    text.replace(pattern, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  const html = unicode(/[<>&\u2028\u2029]/g)
  const ascii = unicode(/[^\x20-\x7e]/g)
  const escaped = [html(minimal), ascii(minimal), ascii(html(minimal))]
  const upper = escaped.map(text => text.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`))
  return [minimal, minimal.replace(/\//g, '\\/'), ...escaped, ...upper]
}

function lowerHex(percentEncoded: string): string {
  return percentEncoded.replace(/%[0-9A-F]{2}/g, escape => escape.toLowerCase())
}

/** As `application/x-www-form-urlencoded` writes a value: `+` for space, everything else percent-encoded. */
function formEncoded(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2)
}

/**
 * base64 and base64url of the secret alone, and the middle of its encoding where it sits
 * at any byte offset inside a longer encoded value (as in `Basic base64(id:secret)`).
 */
function base64Forms(bytes: Buffer): string[] {
  const whole = bytes.toString('base64')
  const forms = [whole, whole.replace(/=+$/, ''), toBase64Url(whole.replace(/=+$/, ''))]
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    // Only the characters that encode secret bytes alone: not those shared with a neighbour.
    const middle = encoded.slice(shift === 0 ? 0 : 4, 4 * Math.floor((shift + bytes.length) / 3))
    if (middle.length >= 8) forms.push(middle, toBase64Url(middle))
  }
  return forms
}

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_')
}
