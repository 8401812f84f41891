import { ActionError } from '../../errors.ts'
import { requestJson, type HttpRequest } from '../../io/http.ts'
import { epochSeconds, expiryOf, type ExpiryFields, type Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import { certificateAssertion, readClientCertificate } from './certificate.ts'
import type { AppConfig } from './config.ts'
import { tokenEndpointOf } from './discovery.ts'
import { entraErrors } from './errors.ts'
import { tokenFileAssertion, type FederatedAssertion } from './federated.ts'
import { gitHubAssertion } from './github-oidc.ts'
import { AUTO_CHOSE_OIDC, entraUnreachable } from './hints.ts'

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/**
 * An app's sign-in (client-secret, client-certificate, oidc, workload-identity): the client
 * credentials grant, one POST to the tenant's token endpoint (after its discovery document with
 * authority-host), through the action's own HTTP layer like every other request.
 */
export async function getAppToken(config: AppConfig, ctx: ProviderContext): Promise<Token> {
  if (config.authType === 'oidc' && config.auto) ctx.info(AUTO_CHOSE_OIDC)
  const assertion = federatedAssertion(config, ctx)
  // A token file that is missing, empty or too big fails here, before any request.
  let ready = assertion ? await assertion.get() : undefined
  const certificate =
    config.authType === 'client-certificate'
      ? readClientCertificate(config.certificate, config.certificatePassword ?? '')
      : undefined
  const tokenEndpoint = await tokenEndpointOf(config, ctx)
  ctx.debug(`Azure: ${config.authType} sign-in at ${tokenEndpoint}, scope ${config.scope}`)
  const credentialFields = async (): Promise<Record<string, string>> => {
    switch (config.authType) {
      case 'client-secret':
        return { client_secret: config.clientSecret }
      case 'client-certificate': {
        // A new assertion for every attempt: a fresh jti, nbf and exp.
        const signed = certificateAssertion(certificate!, config.clientId, tokenEndpoint, ctx.now())
        ctx.mask(signed)
        return { client_assertion_type: JWT_BEARER, client_assertion: signed }
      }
      case 'oidc':
      case 'workload-identity': {
        // The first attempt sends the token read above; every retry asks for it again (it may rotate).
        const token = ready ?? (await (assertion as FederatedAssertion).get())
        ready = undefined
        return { client_assertion_type: JWT_BEARER, client_assertion: token }
      }
    }
  }
  const request = async (): Promise<HttpRequest> => ({
    method: 'POST',
    url: tokenEndpoint,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      client_id: config.clientId,
      scope: config.scope,
      grant_type: 'client_credentials',
      ...(await credentialFields()),
    }).toString(),
  })
  const body = await requestJson(ctx, {
    service: 'Entra ID',
    endpointInput: 'authority-host (or cloud)',
    request,
    unreachableFix: entraUnreachable(tokenEndpoint),
    errors: entraErrors(`the ${config.authType} token request`, config, assertion),
  })
  const accessToken = body.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError('Entra ID answered 200 without an access_token.', {
      fix: 'check authority-host and cloud, and any proxy between the runner and the authority.',
    })
  }
  return { accessToken, ...expiryOf(body, ctx.now(), AZURE_EXPIRY) }
}

/** oidc and workload-identity sign in with a token someone else issued; the others need none. */
function federatedAssertion(config: AppConfig, ctx: ProviderContext): FederatedAssertion | undefined {
  if (config.authType === 'oidc') return gitHubAssertion(config.oidcAudience, ctx)
  if (config.authType === 'workload-identity') return tokenFileAssertion(config.tokenFile, ctx)
  return undefined
}

/**
 * Where Azure's token answers state the expiry: Entra a lifetime in seconds, managed identity
 * endpoints `expires_on` in epoch seconds (IMDS both). The earlier wins.
 */
export const AZURE_EXPIRY: ExpiryFields = {
  relative: 'expires_in',
  absolute: 'expires_on',
  parseAbsolute: value => epochSeconds(value) * 1000,
}
