import type { TokenCredential } from '@azure/identity'
import { fetchGitHubOidcToken } from '../../github-oidc.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import { detailRows, type FetchedToken, type ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { createCredential } from './credential.ts'
import { azureError, explainDiscoveryFailure, requestName } from './errors.ts'
import { RedirectWatch } from './pipeline.ts'

export async function getAzureToken(config: AzureConfig, ctx: ProviderContext): Promise<FetchedToken> {
  let lastOidcToken: string | undefined
  let oidcFailure: unknown
  const oidcAssertion = async (): Promise<string> => {
    // msal-node asks twice per token request (once for the request, once for its client
    // configuration): one GitHub token serves both, and a new one is fetched when it nears expiry.
    if (!lastOidcToken || expiresWithin(lastOidcToken, OIDC_MIN_LIFE_SECONDS, ctx.now())) {
      try {
        lastOidcToken = await fetchGitHubOidcToken(config.oidcAudience, ctx)
      } catch (error) {
        oidcFailure = error // @azure/identity wraps it; GitHub's own message and fix are what the user needs
        throw error
      }
    }
    return lastOidcToken
  }
  const redirects = new RedirectWatch()
  let credential: TokenCredential
  let result
  try {
    credential = await createCredential(config, ctx, oidcAssertion, redirects)
    const request = credential.getToken(config.scope, {
      abortSignal: AbortSignal.timeout(Math.max(1, ctx.retry.deadline.remainingMs())),
    })
    result = await ctx.retry.deadline.race(request, requestName(config))
  } catch (error) {
    if (oidcFailure) throw oidcFailure
    const redirect = redirects.error(ctx.redact)
    if (redirect) throw redirect
    throw azureError(
      await explainDiscoveryFailure(error, config, ctx),
      config,
      ctx.retry.deadline,
      lastOidcToken,
      ctx.redact,
    )
  }
  if (!result?.token) {
    throw azureError(new Error('no token returned'), config, ctx.retry.deadline, lastOidcToken, ctx.redact)
  }
  ctx.mask(result.token)
  const claims = jwtClaims(result.token)
  return {
    accessToken: result.token,
    expiresOnMs: result.expiresOnTimestamp,
    expirySource: EXPIRY_FIELDS[config.authType],
    details: identity(claims, config),
    subject: stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? (config.clientId || undefined),
  }
}

/** Where @azure/identity reads the expiry from, per auth type: named when it is not sane. */
const EXPIRY_FIELDS: Record<AzureConfig['authType'], string> = {
  'client-secret': 'expires_in',
  'client-certificate': 'expires_in',
  oidc: 'expires_in',
  'managed-identity': 'expires_on',
  'azure-cli': 'expires_on',
}

const OIDC_MIN_LIFE_SECONDS = 60

function expiresWithin(token: string, seconds: number, now: number): boolean {
  const exp = Number(stringClaim(jwtClaims(token), 'exp'))
  return !Number.isFinite(exp) || exp * 1000 - now < seconds * 1000
}

function identity(claims: Record<string, unknown> | undefined, config: AzureConfig): Array<[string, string]> {
  const appSignIn = config.authType !== 'managed-identity' && config.authType !== 'azure-cli'
  return detailRows([
    ['Tenant', stringClaim(claims, 'tid') ?? (config.tenantId || undefined)],
    ['App', stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? (config.clientId || undefined)],
    ['Object id', stringClaim(claims, 'oid')],
    ['Audience', stringClaim(claims, 'aud')],
    ['Scope', config.scope],
    config.disableInstanceDiscovery
      ? ['Authority', config.authorityHost]
      : ['Cloud', appSignIn ? config.cloud : undefined],
  ])
}
