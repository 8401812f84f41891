// The outputs of a real run of the action: the token's shape and expiry, then its identity
// (identity.mjs) against the claims and against what the maintainer configured.
import { identityChecks, missingExpectations } from './identity.mjs'

/** RFC 6750 `b64token`: what may follow `Bearer ` in an Authorization header. */
export const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/

/** Entra ID and IBM Cloud IAM issue tokens for an hour or so; outside this, something changed. */
export const LIFETIME_RANGE_S = [300, 24 * 3600]
/** Seconds allowed between the action's step and the check step that reads its outputs. */
export const STEP_GAP_S = 120
/** Seconds allowed between the token's `exp` claim and `expires-on`, either way: network time and clock skew. */
export const EXP_SKEW_S = 120

/** The action's outputs (action.yml) the checks read, by their names in Outputs. */
export const OUTPUT_NAMES = {
  token: 'token',
  tokenType: 'token-type',
  expiresOn: 'expires-on',
  expiresIn: 'expires-in',
  principalId: 'principal-id',
  accountId: 'account-id',
}

/**
 * A step's outputs from `${{ toJSON(steps.<id>.outputs) }}` (the workflow's OUTPUTS variable),
 * or undefined when the text is not such an object.
 */
export function parseOutputs(text) {
  try {
    const json = JSON.parse(text ?? '')
    if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined
    const value = name => (typeof json[name] === 'string' ? json[name] : undefined)
    return Object.fromEntries(Object.entries(OUTPUT_NAMES).map(([key, name]) => [key, value(name)]))
  } catch {
    return undefined
  }
}

/** The header and claims of a JWT, or undefined when the token is not one. Never verified: facts only. */
export function decodeJwt(token) {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some(part => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined
  try {
    const [header, claims] = parts.slice(0, 2).map(part => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')))
    return header && claims && typeof claims === 'object' ? { header, claims } : undefined
  } catch {
    return undefined
  }
}

/**
 * Everything checked about the outputs of a real run: `problems` (empty when nothing is wrong)
 * and `verdicts`, one line per identity comparison that says only whether it matched, never the
 * ids compared (the live check's logs are public).
 */
export function auditOutputs(provider, outputs, { now = Date.now(), expect = {} } = {}) {
  const problems = []
  const { token = '', tokenType, expiresOn, expiresIn } = outputs
  if (!B64TOKEN.test(token)) problems.push('token is not an RFC 6750 b64token (empty, or spaces or other characters)')
  const jwt = decodeJwt(token)
  if (!jwt) problems.push('token is not a three-part JWT with a JSON header and claims')
  if (tokenType !== 'Bearer') problems.push(`token-type is '${tokenType}', not 'Bearer'`)
  problems.push(...expiryProblems(expiresOn, expiresIn, jwt?.claims, now))
  problems.push(...missingExpectations(provider, expect))
  const checks = identityChecks(provider, outputs, jwt?.claims, expect)
  problems.push(...checks.filter(check => !check.ok).map(check => check.problem))
  const verdicts = checks.filter(check => check.name).map(check => `${check.name}: ${check.ok ? 'matches' : 'differs'}`)
  return { problems, verdicts }
}

/** What is wrong with the outputs of a real run (empty when nothing is): auditOutputs' problems. */
export function checkOutputs(provider, outputs, options) {
  return auditOutputs(provider, outputs, options).problems
}

/**
 * expires-on against expires-in and against the token's `exp` claim. The claim is held to
 * expires-on both ways: an `exp` earlier than expires-on means the action promises a token that
 * is dead before then; a later one, that it throws away good time (or read another clock).
 */
function expiryProblems(expiresOn = '', expiresIn = '', claims, now) {
  const at = ISO_UTC.test(expiresOn) ? Date.parse(expiresOn) : NaN
  if (!Number.isFinite(at)) return [`expires-on '${expiresOn}' is not an ISO 8601 UTC time`]
  if (!/^\d+$/.test(expiresIn)) return [`expires-in '${expiresIn}' is not a whole number of seconds`]
  const problems = []
  const seconds = Number(expiresIn)
  const [min, max] = LIFETIME_RANGE_S
  if (seconds < min || seconds > max) problems.push(`expires-in ${seconds} s is outside ${min}..${max} s`)
  // expires-in was counted when the action's step ran, a little before now.
  const left = (at - now) / 1000
  if (left > seconds + 1 || left < seconds - STEP_GAP_S)
    problems.push(`expires-in ${seconds} s disagrees with expires-on ${expiresOn} (${Math.round(left)} s from now)`)
  if (!claims) return problems
  const exp = typeof claims.exp === 'number' ? claims.exp : NaN
  if (!Number.isFinite(exp)) return [...problems, "the token has no numeric 'exp' claim"]
  const drift = exp - at / 1000
  if (drift < -EXP_SKEW_S || drift > EXP_SKEW_S) {
    const which = drift < 0 ? 'earlier' : 'later'
    problems.push(
      `the token's exp claim (${new Date(exp * 1000).toISOString()}) is ${Math.round(Math.abs(drift))} s ${which} ` +
        `than expires-on ${expiresOn} (allowed: ${EXP_SKEW_S} s either way)`,
    )
  }
  return problems
}
