import { jwtClaims, stringClaim } from '../../jwt.ts'
import { presentRows, type TokenFacts } from '../../token.ts'
import type { AzureConfig } from './config.ts'
import { describeManagedIdentity } from './managed-identity.ts'

/** Who an Entra token is for (its claims, else the configuration), for the summary, log line and outputs. */
export function describeAzureToken(config: AzureConfig, accessToken: string): TokenFacts {
  const claims = jwtClaims(accessToken)
  const signIn = config.authType === 'managed-identity' || config.authType === 'azure-cli' ? undefined : config
  const clientId = stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? signIn?.clientId
  const objectId = stringClaim(claims, 'oid')
  const tenantId = stringClaim(claims, 'tid')
  return {
    subject: clientId,
    principalId: objectId,
    accountId: tenantId,
    rows: presentRows([
      ['Tenant', tenantId ?? (config.authType === 'managed-identity' ? undefined : config.tenantId)],
      ['App', clientId],
      ['Object id', objectId],
      [
        'Managed identity',
        config.authType === 'managed-identity' ? describeManagedIdentity(config.identity) : undefined,
      ],
      ['Audience', stringClaim(claims, 'aud')],
      ['Scope', config.scope],
      signIn?.customAuthority ? ['Authority', signIn.authorityHost] : ['Cloud', signIn?.cloud],
    ]),
  }
}
