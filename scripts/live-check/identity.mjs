// Who a token is for, checked two ways: the action's identity outputs against the token's own
// claims, and the claims against what the maintainer configured (the EXPECT_* variables the
// workflow passes in), not against anything the action itself read. Each check says only whether
// two values match: tenant, app, object and account ids never reach the (public) log.
import { cleanText } from './clean.mjs'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Where each provider's token says who it is for and where that principal lives
 * (docs/interface.md, Outputs), the form of those ids where the provider fixes one, and the
 * claims the configuration is held to: Entra's client (`appid` in v1 tokens, `azp` in v2) and
 * audience; IBM's `iam_id`, whose prefix names the kind of identity.
 */
export const CLAIMS = {
  azure: { principal: 'oid', account: 'tid', ids: GUID, clients: ['appid', 'azp'], audience: 'aud' },
  ibm: { principal: 'iam_id', account: 'account.bss' },
}

/** The environment variable of each expectation (`node scripts/live-check.mjs outputs …`). */
export const EXPECTATIONS = {
  accountId: 'EXPECT_ACCOUNT_ID',
  clientId: 'EXPECT_CLIENT_ID',
  resource: 'EXPECT_RESOURCE',
  iamIdPrefix: 'EXPECT_IAM_ID_PREFIX',
  principalId: 'EXPECT_PRINCIPAL_ID',
  otherPrincipalThan: 'EXPECT_OTHER_PRINCIPAL_THAN',
}

/** The expectations without which a provider's token is not checked against the configuration. */
export const REQUIRED_EXPECTATIONS = { azure: ['accountId', 'clientId', 'resource'], ibm: ['iamIdPrefix'] }

/** A problem for each required expectation the workflow did not pass in. */
export function missingExpectations(provider, expect) {
  return REQUIRED_EXPECTATIONS[provider]
    .filter(key => !expect[key])
    .map(key => `${EXPECTATIONS[key]} is not set: the token's claims cannot be held to the configuration`)
}

/** A claim as a string (nested paths like `account.bss`), or undefined when absent or not a scalar. */
export function claim(claims, path) {
  const value = path
    .split('.')
    .reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), claims)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

const same = (a, b) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase()

/**
 * The identity checks of one run's outputs, each `{ name, ok, problem }`: `name` is printed with
 * "matches" or "differs", `problem` (when not ok) says what differs without the values. Checks
 * without a name are preconditions (an output is empty, or not of its provider's form).
 */
export function identityChecks(provider, outputs, claims, expect = {}) {
  const paths = CLAIMS[provider]
  const checks = []
  const check = (name, ok, problem) => checks.push({ name, ok, problem })
  for (const [output, path, value] of [
    ['principal-id', paths.principal, outputs.principalId],
    ['account-id', paths.account, outputs.accountId],
  ]) {
    if (!value) check(undefined, false, `${output} is empty`)
    else if (paths.ids && !paths.ids.test(value)) check(undefined, false, `${output} is not an id of the expected form`)
    if (claims)
      check(
        `${output} vs the token's ${path} claim`,
        claim(claims, path) === value,
        `${output} does not match the token's ${path} claim`,
      )
  }
  if (expect.accountId) {
    const actual = claims ? claim(claims, paths.account) : outputs.accountId
    const what = provider === 'azure' ? 'tenant' : 'account'
    check(
      `the token's ${paths.account} claim vs the configured ${what}`,
      same(actual, expect.accountId),
      `the token's ${paths.account} claim is not the configured ${what} (${EXPECTATIONS.accountId})`,
    )
  }
  if (expect.principalId)
    check(
      'principal-id vs the expected principal',
      same(outputs.principalId, expect.principalId),
      `principal-id is not the expected principal (${EXPECTATIONS.principalId})`,
    )
  if (expect.otherPrincipalThan)
    check(
      'principal-id vs the principal it must differ from',
      !same(outputs.principalId, expect.otherPrincipalThan),
      `principal-id should differ from ${EXPECTATIONS.otherPrincipalThan}, and is the same`,
    )
  if (claims && provider === 'azure') checks.push(...entraChecks(paths, claims, expect))
  if (claims && provider === 'ibm' && expect.iamIdPrefix) checks.push(iamIdCheck(paths, claims, expect.iamIdPrefix))
  return checks
}

/**
 * Entra: `appid` and/or `azp` is the configured client, and `aud` the configured resource. A
 * token for `https://management.azure.com/` may carry either that or `https://management.azure.com`
 * (the audiences ARM lists in its InvalidAuthenticationTokenAudience answer), so exactly those two
 * forms of the configured resource are accepted, and nothing else.
 */
function entraChecks(paths, claims, expect) {
  const checks = []
  if (expect.clientId) {
    const present = paths.clients.filter(name => claim(claims, name) !== undefined)
    if (!present.length)
      checks.push({
        ok: false,
        problem: `the token has no ${paths.clients.join(' or ')} claim to hold to the client id`,
      })
    for (const name of present)
      checks.push({
        name: `the token's ${name} claim vs the configured client id`,
        ok: same(claim(claims, name), expect.clientId),
        problem: `the token's ${name} claim is not the configured client id (${EXPECTATIONS.clientId})`,
      })
  }
  if (expect.resource) {
    const bare = expect.resource.replace(/\/$/, '')
    const aud = claim(claims, paths.audience)
    const shown =
      aud === undefined ? 'is missing' : /^https:\/\//.test(aud) ? `'${cleanText(aud, [], 200)}'` : '(not a URL)'
    checks.push({
      name: `the token's ${paths.audience} claim vs the configured resource`,
      ok: aud === bare || aud === `${bare}/`,
      problem: `the token's ${paths.audience} claim ${shown} is not the configured resource '${expect.resource}' (with or without a trailing slash)`,
    })
  }
  return checks
}

/**
 * IBM: the `iam_id` prefix names the kind of identity the token is for: `iam-ServiceId-` for a
 * service ID's API key, `IBMid-` for a user's, `iam-Profile-` for a trusted profile. The workflow
 * passes the prefix it expects; a mismatch names the prefix found (a kind, not an id).
 */
function iamIdCheck(paths, claims, prefix) {
  const iamId = claim(claims, paths.principal) ?? ''
  const kind = /^(iam-[A-Za-z]+-|IBMid-)/.exec(iamId)?.[1]
  return {
    name: `the token's ${paths.principal} claim vs the prefix '${prefix}'`,
    ok: iamId.startsWith(prefix),
    problem: `the token's ${paths.principal} claim does not start with '${prefix}'${kind ? ` (it starts with '${kind}')` : ''}`,
  }
}
