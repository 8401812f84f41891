import { jwtSignature } from './jwt.ts'
import { redactServerTextWith } from './safe-text.ts'

/**
 * Every secret the action reads or derives. Each is registered with the runner (`::add-mask::`)
 * the moment it is known; and since a server may echo a secret back in an error, text the action
 * prints is also redacted here, so it is safe even before the runner's masking applies.
 */
export class Secrets {
  private readonly values = new Set<string>()
  private readonly register: (secret: string) => void

  constructor(register: (secret: string) => void) {
    this.register = register
    redactServerTextWith(text => this.redact(text))
  }

  /** A secret value; a multi-line one (a PEM key) also line by line, as the runner masks per line. */
  add(value: string): void {
    if (!value || this.values.has(value)) return
    this.values.add(value)
    this.register(value)
    const lines = value.split(/\r?\n/).map(line => line.trim())
    if (lines.length < 2) return
    for (const line of lines) {
      if (line.length >= 8 && !line.startsWith('-----') && !this.values.has(line)) {
        this.values.add(line)
        this.register(line)
      }
    }
  }

  /** A token, and for a JWT its signature segment on its own (logs sometimes split tokens at dots). */
  addToken(token: string): void {
    this.add(token)
    const signature = jwtSignature(token)
    if (signature) this.add(signature)
  }

  redact(text: string): string {
    let out = text
    const longestFirst = [...this.values].filter(v => v.length >= 4).sort((a, b) => b.length - a.length)
    for (const secret of longestFirst) out = out.split(secret).join('***')
    return out
  }
}
