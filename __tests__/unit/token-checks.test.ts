import { describe, expect, it } from '@jest/globals'
import { checkToken } from '../../src/publish/token-checks.ts'

const NOW = Date.parse('2026-11-24T12:00:00Z')
const DAY_MS = 24 * 60 * 60 * 1000
const tokenExpiringIn = (ms: number) => ({
  accessToken: 'eyJh.eyJi.c2ln',
  expiresOnMs: NOW + ms,
  expirySource: 'expires_in',
})

describe('the expiry cap: at most 31 days ahead', () => {
  it.each([
    ['30 days', 30 * DAY_MS],
    ['exactly 31 days', 31 * DAY_MS],
  ])('%s ahead is accepted', (_, ms) => {
    expect(() => checkToken(tokenExpiringIn(ms), 'IBM Cloud IAM', NOW, text => text)).not.toThrow()
  })

  it.each([
    ['31 days and a minute', 31 * DAY_MS + 60_000],
    ['32 days', 32 * DAY_MS],
  ])('%s ahead is refused, naming the field', (_, ms) => {
    expect(() => checkToken(tokenExpiringIn(ms), 'IBM Cloud IAM', NOW, text => text)).toThrow(
      /IBM Cloud IAM answered with an expiry \(expires_in\) more than 31 days ahead/,
    )
  })
})

describe('an expiry that cannot be read is named, with the value as sent, made inert', () => {
  it.each([
    [{ expirySource: 'expires_in', expiryText: 'soon' }, 'but expires_in "soon", an expiry get-token cannot read'],
    [{ expirySource: 'expires_in or expires_on' }, 'but no expires_in or expires_on, an expiry get-token cannot read'],
    [{ expirySource: 'expiration', expiryText: '::add-mask::x' }, 'but expiration ": :add-mask: :x"'],
  ])('%j', (fields, message) => {
    const token = { accessToken: 'eyJh.eyJi.c2ln', expiresOnMs: NaN, ...fields }
    expect(() => checkToken(token, 'Entra ID', NOW, text => text)).toThrow(message)
  })
})
