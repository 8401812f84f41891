import { jsonObject } from './json.ts'

/** Reads a JWT's claims without verifying it: only for non-secret facts shown to the user. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  return jsonObject(Buffer.from(parts[1], 'base64url').toString('utf8'))
}

/** The signature segment of a JWT, masked on its own because logs sometimes split tokens. */
export function jwtSignature(token: string): string | undefined {
  const parts = token.split('.')
  return parts.length === 3 && parts[2] ? parts[2] : undefined
}

/** A claim as a string (numbers too), by dotted path such as 'account.bss'; undefined when absent. */
export function stringClaim(claims: Record<string, unknown> | undefined, path: string): string | undefined {
  let value: unknown = claims
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value.join(' ') || undefined
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}
