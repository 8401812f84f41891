import type { TokenCredential } from '@azure/identity'
import { fetchGitHubOidcToken } from '../../github-oidc.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import type { FetchedToken, ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { createCredential } from './credential.ts'
import { azureError } from './errors.ts'

export async function getAzureToken(config: AzureConfig, ctx: ProviderContext): Promise<FetchedToken> {
  let lastOidcToken: string | undefined
  const oidcAssertion = async (): Promise<string> => {
    // Fetched on every call: GitHub's tokens live about five minutes.
    lastOidcToken = await fetchGitHubOidcToken(config.oidcAudience, ctx)
    return lastOidcToken
  }
  let credential: TokenCredential
  let result
  try {
    credential = await createCredential(config, ctx, oidcAssertion)
    result = await credential.getToken(config.scope, { abortSignal: AbortSignal.timeout(Math.max(1, ctx.retry.deadline.remainingMs())) })
  } catch (error) {
    throw azureError(error, config, ctx.retry.deadline, lastOidcToken)
  }
  if (!result?.token) throw azureError(new Error('no token returned'), config, ctx.retry.deadline, lastOidcToken)
  return { accessToken: result.token, expiresOn: new Date(result.expiresOnTimestamp), details: identity(result.token, config) }
}

function identity(accessToken: string, config: AzureConfig): Array<[string, string]> {
  const claims = jwtClaims(accessToken)
  const details: Array<[string, string]> = []
  const add = (label: string, value: string | undefined) => {
    if (value) details.push([label, value])
  }
  add('Tenant', stringClaim(claims, 'tid') ?? (config.tenantId || undefined))
  add('App', stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? (config.clientId || undefined))
  add('Object id', stringClaim(claims, 'oid'))
  add('Audience', stringClaim(claims, 'aud'))
  add('Scope', config.scope)
  if (config.disableInstanceDiscovery) add('Authority', config.authorityHost)
  else if (config.authType !== 'managed-identity' && config.authType !== 'azure-cli') add('Cloud', config.cloud)
  return details
}
