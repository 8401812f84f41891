/**
 * The Entra ID emulator's answer to a client credentials request: the grant, the app, the scope
 * and the credential, then the resource, checked in the order and with the codes that
 * docs/protocols.md ("Entra ID") gives with their sources; an access token if all pass.
 */
import { checkCredential, type CredentialContext } from './entra-credentials.ts'
import { accessTokenFor } from './entra-documents.ts'
import {
  applicationDisabled,
  conditionalAccessBlocked,
  entraError as error,
  publicClientCredential,
} from './entra-errors.ts'
import type { EntraApp } from './entra-id.ts'
import type { Reply } from './server.ts'

/** The tenant a token request is checked against, and where the tokens it issues are recorded. */
export interface TokenIssuer {
  tenant: string
  apps: EntraApp[]
  /** Resource identifiers (application ID URIs) that exist in the tenant. */
  resources: string[]
  lifetimeSeconds: number
  /** Fields added to every token answer. */
  extraFields?: Record<string, unknown>
  /** Every access token issued: each answer adds its token. */
  issued: string[]
}

/** The answer to a POST to the token endpoint: a token, or the refusal Entra would send first. */
export function answerClientCredentials(form: URLSearchParams, issuer: TokenIssuer, context: CredentialContext): Reply {
  const { tenant, apps, resources } = issuer
  if (form.get('grant_type') !== 'client_credentials') {
    const grant = form.get('grant_type')
    return error(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`)
  }
  const clientId = form.get('client_id') ?? ''
  const app = apps.find(a => a.clientId === clientId)
  if (!app) {
    return error(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    )
  }
  if (app.disabled) return applicationDisabled(app.clientId, app.displayName ?? 'get-token-ci')
  const scope = form.get('scope') ?? ''
  const scopes = scope.split(' ').filter(s => s !== '' && !['openid', 'profile', 'offline_access'].includes(s))
  if (scopes.length !== 1 || !scopes[0]?.endsWith('/.default')) {
    return error(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    )
  }
  if (app.publicClient && (form.has('client_secret') || form.has('client_assertion'))) return publicClientCredential()
  const credential = checkCredential(app, form, context)
  if (!credential.ok) return credential.reply
  const resource = scopes[0].slice(0, -'/.default'.length)
  if (!resources.some(r => r.replace(/\/+$/, '') === resource.replace(/\/+$/, ''))) {
    return error(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    )
  }
  if (app.blockedByConditionalAccess?.length) return conditionalAccessBlocked(app.blockedByConditionalAccess)
  return token(app, resource, issuer)
}

/** A token answer for `resource`, with `expires_in` and `ext_expires_in` as Entra sends them. */
function token(app: EntraApp, resource: string, issuer: TokenIssuer): Reply {
  const lifetime = issuer.lifetimeSeconds
  const accessToken = accessTokenFor(app, issuer.tenant, resource, lifetime)
  issuer.issued.push(accessToken)
  const answer = { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken }
  return { status: 200, json: { ...answer, ...issuer.extraFields } }
}
