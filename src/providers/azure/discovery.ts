import { ActionError } from '../../errors.ts'
import { requestJson } from '../../io/http.ts'
import type { ProviderContext } from '../provider.ts'
import type { AppConfig } from './config.ts'
import { entraErrors } from './errors.ts'
import { entraUnreachable } from './hints.ts'

/** Where the token request goes: the known clouds' endpoint needs no request. */
export async function tokenEndpointOf(config: AppConfig, ctx: ProviderContext): Promise<string> {
  if (!config.customAuthority) return `${config.authorityHost}/${config.tenantId}/oauth2/v2.0/token`
  return discoverTokenEndpoint(config, ctx)
}

/**
 * With authority-host, the tenant's OpenID configuration names the token endpoint (Azure Stack
 * Hub, sovereign and test authorities). The endpoint must be on the authority's own origin: the
 * token request carries a credential, and a document that points elsewhere is not followed.
 */
async function discoverTokenEndpoint(config: AppConfig, ctx: ProviderContext): Promise<string> {
  const url = `${config.authorityHost}/${config.tenantId}/v2.0/.well-known/openid-configuration`
  const document = await requestJson(ctx, {
    service: 'Entra ID',
    endpointInput: 'authority-host',
    request: { method: 'GET', url, headers: { Accept: 'application/json' } },
    unreachableFix: entraUnreachable(url),
    errors: entraErrors(`the OpenID configuration at ${url}`, config, undefined, status =>
      status === 404
        ? "check tenant-id and authority-host (give the authority's base URL, e.g. https://login.example.com, without the tenant)."
        : 'check tenant-id, cloud and authority-host.',
    ),
  })
  const endpoint = document.token_endpoint
  const origin = new URL(config.authorityHost).origin
  if (typeof endpoint === 'string' && URL.canParse(endpoint) && new URL(endpoint).origin === origin) return endpoint
  throw new ActionError(
    `The OpenID configuration at ${url} names no token endpoint on ${origin}; get-token sends the credential only to the authority itself.`,
    {
      fix: "check authority-host: give the authority's base URL (e.g. https://login.example.com), whose tenant documents name its own token endpoint.",
    },
  )
}
