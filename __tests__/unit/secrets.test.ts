import { describe, expect, it } from '@jest/globals'
import { Secrets } from '../../src/secrets.ts'

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
    new Secrets(s => registered.push(s)).addToken('aGVhZGVy.Y2xhaW1z.c2lnbmF0dXJlLXNlZ21lbnQ')
    expect(registered).toEqual(['aGVhZGVy.Y2xhaW1z.c2lnbmF0dXJlLXNlZ21lbnQ', 'c2lnbmF0dXJlLXNlZ21lbnQ'])
  })

  it('redacts every known secret from text a server sent back', () => {
    const secrets = new Secrets(() => {})
    secrets.add('api-key-123456')
    secrets.addToken('aaaa.bbbb.cccccccc')
    expect(secrets.redact('key api-key-123456 and sig cccccccc and token aaaa.bbbb.cccccccc')).toBe(
      'key *** and sig *** and token ***',
    )
  })
})
