import { describe, expect, it } from '@jest/globals'
import { safeText } from '../../src/log/safe-text.ts'

const none = (text: string) => text

describe('safeText', () => {
  it('cannot start a workflow command', () => {
    const hostile = 'oops\n::set-env name=PATH::/tmp\r\n::add-mask::x\n##[set-output name=a]b'
    const safe = safeText(hostile, none)
    expect(safe).not.toMatch(/[\r\n]/)
    expect(safe).not.toContain('::')
    expect(safe).not.toContain('##[')
  })

  it('removes ANSI escapes and control characters', () => {
    expect(safeText('\u001b[31mred\u001b[0m\u0007 text\u202e', none)).toBe('red text')
  })

  // Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what the
  // log shows (Trojan Source, CVE-2021-42574); line and paragraph separators and the BOM too.
  it.each(['202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069', '2028', '2029', 'FEFF'])(
    'neutralises U+%s wherever it occurs',
    hex => {
      const char = String.fromCodePoint(parseInt(hex, 16))
      expect(safeText(`${char}admin${char} ok ${char}x`, none)).toBe('admin ok x')
    },
  )

  it('replaces every token-shaped value and every workflow command, not only the first', () => {
    const jwt = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'
    const text = `${jwt} ${jwt} client_secret=a&api_key=b {"access_token":"c","id_token":"d"} ::x:: ##[a ##[b \u001b[1mA\u001b[0m`
    expect(safeText(text, none)).toBe(
      '*** *** client_secret=***&api_key=*** {"access_token":"***","id_token":"***"} : :x: : # #[a # #[b A',
    )
  })

  it('cuts long text', () => {
    const safe = safeText('x'.repeat(1_000_000), none)
    expect(safe.length).toBeLessThan(1100)
    expect(safe.endsWith('(cut)')).toBe(true)
  })

  it('redacts a secret before cutting, so none of it straddles the cut', () => {
    const secret = 'S3cr3t-V4lue-0123456789'
    const safe = safeText(`${'x'.repeat(990)}${secret} and more`, text => text.split(secret).join('***'))
    for (let i = 0; i + 5 <= secret.length; i++) expect(safe).not.toContain(secret.slice(i, i + 5))
  })

  it('removes escape sequences before it redacts: one inside a secret does not hide it', () => {
    const secret = 'the-api-key-value'
    expect(safeText('key: the-api-\u001b[0mkey-value', text => text.split(secret).join('***'))).toBe('key: ***')
  })

  it('redacts anything token-shaped: JWTs, and token or secret fields in JSON and forms', () => {
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3gifQ.c2lnbmF0dXJl'
    const stderr = `ERROR: {"accessToken": "opaque-token-value", "refresh_token":"r\\"t", "tokenType": "Bearer"} ${jwt} apikey=K3y&x=1`
    const safe = safeText(stderr, none)
    expect(safe).toBe('ERROR: {"accessToken": "***", "refresh_token":"***", "tokenType": "Bearer"} *** apikey=***&x=1')
  })
})
