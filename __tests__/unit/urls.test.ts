/** Endpoint URL rules (src/inputs/urls.ts): https, plain http only on loopback hosts, no credentials. */
import { describe, expect, it } from '@jest/globals'
import { endpointUrl, maskUrlCredentials, type PlainHttp } from '../../src/inputs/urls.ts'

const noMask = () => {}
const check = (raw: string, plainHttp: PlainHttp = 'loopback') => endpointUrl('iam-endpoint', raw, plainHttp, noMask)

describe('endpoint URLs', () => {
  it.each([
    ['a user and a password', 'https://ci-user:pa55@iam.example.com'],
    ['a user name alone', 'https://ci-user@iam.example.com'],
    ['a password alone', 'https://:pa55@iam.example.com'],
  ])('refuse %s as credentials', (_, raw) => {
    expect(() => check(raw)).toThrow("Input 'iam-endpoint' must not carry credentials (user:password@).")
  })

  // The loopback rule is about the host, not how its name starts: these resolve anywhere.
  it.each(['http://localhost.example.com', 'http://127.0.0.1.nip.io'])(
    'refuse %s: plain http to a host that is not loopback',
    raw => {
      for (const plainHttp of ['loopback', 'loopback-and-metadata'] as const) {
        expect(() => check(raw, plainHttp)).toThrow("Input 'iam-endpoint' must use https (got http).")
      }
    },
  )

  it.each(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://127.1.2.3', 'http://[::1]:8080'])(
    'accept %s: plain http on loopback',
    raw => {
      expect(check(raw)).toBe(raw)
    },
  )
})

describe('credentials in a URL are masked as given and decoded', () => {
  it.each([
    ['an endpoint', 'https://ci-user:p%40ss@iam.example.com'],
    ['a proxy variable without a scheme', 'ci-user:p%40ss@proxy.example.com:3128'],
  ])('%s with a percent-encoded password', (_, raw) => {
    const masked: string[] = []
    maskUrlCredentials(raw, secret => masked.push(secret))
    expect(masked).toEqual(expect.arrayContaining(['p%40ss', 'p@ss', 'ci-user:p%40ss', 'ci-user:p@ss']))
  })

  it('also when the URL is refused', () => {
    const masked: string[] = []
    expect(() =>
      endpointUrl('iam-endpoint', 'https://ci-user:p%40ss@iam.example.com', 'loopback', s => masked.push(s)),
    ).toThrow('must not carry credentials')
    expect(masked).toEqual(expect.arrayContaining(['p%40ss', 'p@ss']))
  })
})
