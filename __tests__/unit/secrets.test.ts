import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Secrets } from '../../src/log/secrets.ts'

describe('Secrets', () => {
  it('registers each secret once, a PEM key also line by line', () => {
    const registered: string[] = []
    const secrets = new Secrets(s => registered.push(s))
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nshort\n-----END PRIVATE KEY-----'
    secrets.add(pem)
    secrets.add(pem)
    secrets.add('')
    expect(registered).toEqual([pem, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'])
  })

  it('masks a JWT and its signature segment', () => {
    const registered: string[] = []
    new Secrets(s => registered.push(s)).add('aGVhZGVy.Y2xhaW1z.c2lnbmF0dXJlLXNlZ21lbnQ')
    expect(registered).toEqual(['aGVhZGVy.Y2xhaW1z.c2lnbmF0dXJlLXNlZ21lbnQ', 'c2lnbmF0dXJlLXNlZ21lbnQ'])
  })

  it('also masks the form encoding of a secret, which the runner does not derive itself', () => {
    const registered: string[] = []
    new Secrets(s => registered.push(s)).add('a b+c/d~e')
    expect(registered).toEqual(['a b+c/d~e', 'a+b%2Bc%2Fd%7Ee', 'a+b%2bc%2fd%7ee'])
  })

  it('redacts every known secret from text a server sent back', () => {
    const secrets = new Secrets(() => {})
    secrets.add('api-key-123456')
    secrets.add('aaaa.bbbb.cccccccc')
    expect(secrets.redact('key api-key-123456 and sig cccccccc and token aaaa.bbbb.cccccccc')).toBe(
      'key *** and sig *** and token ***',
    )
  })

  it('redacts every occurrence of a secret, not only the first (a body that echoes it again and again)', () => {
    const secrets = new Secrets(() => {})
    const secret = 'api key/123456'
    secrets.add(secret)
    expect(secrets.redact(`${secret}, again ${secret} and ${secret}`)).toBe('***, again *** and ***')
    const uri = encodeURIComponent(secret)
    expect(secrets.redact(`{"a":"${uri}x","b":"${uri}"}`)).toBe('{"a":"***x","b":"***"}')
  })

  // Encoders that escape more than JSON requires: PHP's json_encode writes `/` as `\/` unless
  // JSON_UNESCAPED_SLASHES is given (php.net, json_encode); Jackson with ESCAPE_NON_ASCII and .NET's
  // System.Text.Json write non-ASCII characters as `\uXXXX` with upper-case hex digits.
  it.each([
    ["PHP's json_encode: every / as \\/", 'path/to/the/s3cret', 'path\\/to\\/the\\/s3cret'],
    ['Java and .NET: non-ASCII as upper-case \\u escapes', 'pässwört-Σ-42', 'p\\u00E4ssw\\u00F6rt-\\u03A3-42'],
  ])('redacts a secret echoed as %s', (_, secret, echoed) => {
    const secrets = new Secrets(() => {})
    secrets.add(secret)
    expect(secrets.redact(`{"error":"bad key ${echoed}"}`)).toBe('{"error":"bad key ***"}')
  })

  it.each([
    ['percent-encoded', (s: string) => encodeURIComponent(s)],
    [
      'percent-encoded, lower-case hex',
      (s: string) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, h => h.toLowerCase()),
    ],
    ['form-encoded', (s: string) => new URLSearchParams({ k: s }).toString().slice(2)],
    ['JSON-escaped', (s: string) => JSON.stringify(s).slice(1, -1)],
    ['JSON-escaped as Go writes it', (s: string) => JSON.stringify(s).slice(1, -1).replace(/&/g, '\\u0026')],
    [
      'JSON-escaped as Python writes it',
      (s: string) =>
        JSON.stringify(s)
          .slice(1, -1)
          .replace(/[^\x20-\x7e]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ],
    ['base64', (s: string) => Buffer.from(s).toString('base64')],
    ['base64url', (s: string) => Buffer.from(s).toString('base64url')],
  ])('redacts a secret echoed %s', (_, encode) => {
    const secret = 'Ab+/=%&"\\~ é-Σ'
    const secrets = new Secrets(() => {})
    secrets.add(secret)
    expect(secrets.redact(`echo: <${encode(secret)}>`)).toBe('echo: <***>')
  })

  it('redacts the middle of a secret base64-encoded inside a longer value (Basic id:secret)', () => {
    const secret = 'client-secret-value-42'
    const secrets = new Secrets(() => {})
    secrets.add(secret)
    for (const id of ['a', 'ab', 'abc']) {
      const basic = Buffer.from(`${id}:${secret}`).toString('base64')
      const redacted = secrets.redact(`Authorization: Basic ${basic}`)
      expect(redacted).toContain('***')
      // Left: the id's own characters and those it shares with the secret (up to 4 at each end).
      const left = redacted.replace('Authorization: Basic ', '').replace('***', '')
      expect(left.length).toBeLessThanOrEqual(4 * Math.ceil((id.length + 1) / 3) + 8)
    }
  })

  it('property: a random secret is gone from text in every encoding it was echoed in', () => {
    const alphabet = fc.constantFrom(...'abcXYZ019+/=%&"\\~ é☃Σ-_.'.split(''))
    const encoders = [
      (s: string) => s,
      (s: string) => encodeURIComponent(s),
      (s: string) => new URLSearchParams({ k: s }).toString().slice(2),
      (s: string) => JSON.stringify(s).slice(1, -1),
      (s: string) => Buffer.from(s).toString('base64'),
      (s: string) => Buffer.from(s).toString('base64url'),
    ]
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, minLength: 8, maxLength: 40 }),
        fc.nat(encoders.length - 1),
        (secret, i) => {
          const encoded = encoders[i]?.(secret) ?? secret
          const secrets = new Secrets(() => {})
          secrets.add(secret)
          const redacted = secrets.redact(`error: "${encoded}" (400)`)
          return !redacted.includes(encoded) && !redacted.includes(secret)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
