import { jwtClaims, stringClaim } from '../../jwt.ts'
import { presentRows, type TokenFacts } from '../../token.ts'
import type { AzureConfig } from './config.ts'

/** Who an Entra token is for (its claims, else the configuration), for the summary and the log line. */
export function describeAzureToken(config: AzureConfig, accessToken: string): TokenFacts {
  const claims = jwtClaims(accessToken)
  const app = 'clientId' in config ? config.clientId : undefined
  const clientId = stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? (app || undefined)
  const signIn = 'authorityHost' in config ? config : undefined
  return {
    subject: clientId,
    rows: presentRows([
      ['Tenant', stringClaim(claims, 'tid') ?? ('tenantId' in config ? config.tenantId : undefined)],
      ['App', clientId],
      ['Object id', stringClaim(claims, 'oid')],
      ['Audience', stringClaim(claims, 'aud')],
      ['Scope', config.scope],
      signIn?.customAuthority ? ['Authority', signIn.authorityHost] : ['Cloud', signIn?.cloud],
    ]),
  }
}
