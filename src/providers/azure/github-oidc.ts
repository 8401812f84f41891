import { ActionError } from '../../errors.ts'
import { requestJson } from '../../io/http.ts'
import { textField, type ErrorModel } from '../../io/service-error.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import type { ProviderContext } from '../provider.ts'
import { FederatedAssertion } from './federated.ts'

/**
 * A GitHub OIDC token for `audience`, the protocol of `core.getIDToken`, but under the
 * action's own retry policy and deadline (getIDToken retries on its own, up to 10 times).
 * Masked by the HTTP layer before it is returned.
 */
async function fetchGitHubOidcToken(audience: string, ctx: ProviderContext): Promise<string> {
  const url = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL
  const bearer = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !bearer) {
    throw new ActionError('This job cannot request a GitHub OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).', {
      fix: 'add `permissions: id-token: write` to the job. Pull requests from forks never get OIDC tokens.',
    })
  }
  const body = await requestJson(ctx, {
    service: 'GitHub',
    endpointInput: 'the ACTIONS_ID_TOKEN_REQUEST_URL variable',
    secretFields: ['value'],
    request: {
      method: 'GET',
      url: `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`,
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
    },
    errors: GITHUB_ERRORS,
  })
  const token = body.value
  if (typeof token !== 'string' || token === '') {
    throw new ActionError("GitHub's OIDC token endpoint answered without a token (no `value`).", {
      fix: 'retry the job; if it persists, check githubstatus.com.',
    })
  }
  return token
}

/** GitHub's answers, JSON with a `message` as far as it says anything (the fix is always the same). */
const GITHUB_ERRORS: ErrorModel = {
  what: 'the OIDC token request',
  statusPage: 'https://www.githubstatus.com',
  read: json => ({ message: textField(json, 'message') }),
  refusalFix: () =>
    'check that the job has `permissions: id-token: write` and that the run is not a pull request from a fork.',
}

/**
 * The client assertion of the oidc auth type: one GitHub token serves every attempt, and a new
 * one is fetched when it nears expiry.
 */
export function gitHubAssertion(audience: string, ctx: ProviderContext): FederatedAssertion {
  return new FederatedAssertion('The GitHub OIDC token', async last =>
    last && !expiresWithin(last, MIN_LIFE_SECONDS, ctx.now()) ? last : fetchGitHubOidcToken(audience, ctx),
  )
}

const MIN_LIFE_SECONDS = 60

function expiresWithin(token: string, seconds: number, now: number): boolean {
  const exp = Number(stringClaim(jwtClaims(token), 'exp'))
  return !Number.isFinite(exp) || exp * 1000 - now < seconds * 1000
}
