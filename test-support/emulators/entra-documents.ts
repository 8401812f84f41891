/**
 * What the Entra ID emulator sends when things go well: the v2.0 discovery document and the
 * access token, shaped as docs/protocols.md ("Entra ID") describes them.
 */
import type { EntraApp } from './entra-id.ts'
import { nowSeconds, randomUUID, unsignedJwt } from './server.ts'

/** Tenants that name no tenant: discovery answers for them, client credentials are refused (AADSTS50059). */
export const MULTI_TENANT = ['common', 'organizations']

/** An app-only access token for `resource`, with the claims Entra puts in one. */
export function accessTokenFor(app: EntraApp, tenant: string, resource: string, lifetime: number): string {
  const iat = nowSeconds()
  const principal = app.objectId ?? 'a9b8c7d6-e5f4-4321-8765-43210fedcba9'
  return unsignedJwt({
    aud: resource,
    iss: `https://sts.windows.net/${tenant}/`,
    iat,
    nbf: iat,
    exp: iat + lifetime,
    aio: 'E2ZgYEmulator',
    appid: app.clientId,
    appidacr: '1',
    idp: `https://sts.windows.net/${tenant}/`,
    idtyp: 'app',
    oid: principal,
    rh: '0.emulator.',
    sub: principal,
    tid: tenant,
    uti: randomUUID().replace(/-/g, ''),
    ver: '1.0',
  })
}

/**
 * The v2.0 discovery document of `pathTenant`. For `common` and `organizations` the issuer keeps
 * the `{tenantid}` placeholder, as the real documents do.
 */
export function discoveryDocument(base: string, pathTenant: string): Record<string, unknown> {
  const issuerTenant = MULTI_TENANT.includes(pathTenant) ? '{tenantid}' : pathTenant
  const at = `${base}/${pathTenant}`
  return {
    token_endpoint: `${at}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${at}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${at}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${at}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${at}/oauth2/v2.0/logout`,
    claims_supported: [
      ...['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host'],
      ...['aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver'],
      ...['at_hash', 'c_hash', 'email'],
    ],
    kerberos_endpoint: `${at}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  }
}
