import type { HttpClient, PipelineRequest } from '@azure/core-rest-pipeline'
import type { ManagedIdentityCredentialClientIdOptions, TokenCredential } from '@azure/identity'
import { ActionError } from '../../errors.ts'
import { exchange, type HttpRequest } from '../../io/http.ts'
import { serviceError, type LastAnswer } from '../../io/service-error.ts'
import { jsonObject } from '../../json.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'
import { epochSeconds, expiryOf, type ExpiryFields, type Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { managedIdentityErrors } from './errors.ts'
import { MANAGED_IDENTITY_UNREACHABLE, UNAVAILABLE_HINTS } from './hints.ts'
import { describeManagedIdentity, type ManagedIdentity } from './managed-identity.ts'
import { loadAzureSdk, type AzureSdk } from './sdk.ts'

type ManagedConfig = Extract<AzureConfig, { authType: 'managed-identity' }>

/** What the credential is made with: the identity, no retries of the SDK's, and our HTTP client. */
type CredentialOptions = ManagedIdentityCredentialClientIdOptions & {
  objectId?: string
  resourceId?: string
  retryOptions: { maxRetries: 0 }
  httpClient: HttpClient
}

/** The SDK as the managed identity path uses it; tests pass credentials that throw what they like. */
export interface ManagedIdentitySdk {
  credential(options: CredentialOptions): TokenCredential
  createHttpHeaders: AzureSdk['createHttpHeaders']
}

/**
 * managed-identity: @azure/identity knows the platforms' endpoints (IMDS, App Service, Azure Arc's
 * challenge file, Service Fabric, Cloud Shell) and sends the requests; they go through the
 * action's HTTP layer (its `httpClient` option), under the one retry rule and deadline, never
 * through a proxy to the metadata address. The answers are read here: the token and its expiry
 * from the last answer, or the error from it; the SDK's exception only when no answer came.
 */
export async function getManagedIdentityToken(
  config: ManagedConfig,
  ctx: ProviderContext,
  sdk?: ManagedIdentitySdk,
): Promise<Token> {
  const { identity } = config
  ctx.debug(`Azure: managed identity ${describeManagedIdentity(identity)}, scope ${config.scope}`)
  if (identity.kind === 'client-id' && identity.fromEnvironment) {
    ctx.info(
      `Using the user-assigned managed identity ${identity.clientId} that the runner's AZURE_CLIENT_ID names; give client-id, identity-object-id or identity-resource-id to choose another (or client-id empty and AZURE_CLIENT_ID unset for the system-assigned one).`,
    )
  }
  const { credential, createHttpHeaders } = sdk ?? (await realSdk(ctx))
  const source = sourceOf(ctx.env)
  let last: (LastAnswer & { at: number }) | undefined
  let failure: unknown
  const httpClient: HttpClient = {
    sendRequest: async request => {
      last = undefined
      failure = undefined
      try {
        const answer = await exchange(ctx, {
          service: source.service,
          endpointInput: source.endpointInput,
          request: requestOf(request),
          alsoTransient: source.alsoTransient,
          unreachableFix: MANAGED_IDENTITY_UNREACHABLE,
        })
        last = { ...answer, at: ctx.now() }
        const { status, headers, body } = answer.response
        const defined = Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)
        return { request, status, headers: createHttpHeaders(Object.fromEntries(defined)), bodyAsText: body }
      } catch (error) {
        failure = error
        throw error
      }
    },
  }
  let sdkError: unknown
  try {
    const options = { ...selector(identity), retryOptions: { maxRetries: 0 as const }, httpClient }
    await ctx.deadline.race(credential(options).getToken(config.scope), 'The managed identity token request')
  } catch (error) {
    if (error instanceof ActionError) throw error
    sdkError = error
  }
  if (failure) throw failure
  if (!last) throw noAnswer(sdkError, ctx)
  const { status } = last.response
  if (status < 200 || status > 299) throw serviceError(last, managedIdentityErrors(), ctx.redact)
  return tokenOf(last, source.service, ctx.redact)
}

async function realSdk(ctx: ProviderContext): Promise<ManagedIdentitySdk> {
  const { identity, createHttpHeaders } = await loadAzureSdk(ctx)
  return { credential: options => new identity.ManagedIdentityCredential(options), createHttpHeaders }
}

/** Only the selector the user gave: the AZURE_CLIENT_ID fallback is never sent next to another. */
function selector(identity: ManagedIdentity): { clientId?: string; objectId?: string; resourceId?: string } {
  switch (identity.kind) {
    case 'system':
      return {}
    case 'client-id':
      return { clientId: identity.clientId }
    case 'object-id':
      return { objectId: identity.objectId }
    case 'resource-id':
      return { resourceId: identity.resourceId }
  }
}

/**
 * Which platform answers, as msal-node tells it from the environment the platform sets; IMDS
 * documents 404 and 410 while its metadata service is being updated: both are retried.
 */
function sourceOf(env: Record<string, string | undefined>) {
  const endpointInput = 'IDENTITY_ENDPOINT'
  if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) {
    const service = env.IDENTITY_SERVER_THUMBPRINT ? 'Service Fabric' : 'App Service'
    return { service: `${service}'s identity endpoint`, endpointInput, alsoTransient: [] }
  }
  if (env.IDENTITY_ENDPOINT && env.IMDS_ENDPOINT) {
    return { service: "Azure Arc's identity endpoint", endpointInput, alsoTransient: [] }
  }
  if (env.MSI_ENDPOINT) return { service: "Cloud Shell's identity endpoint", endpointInput, alsoTransient: [] }
  return { service: 'Azure IMDS', endpointInput: 'the runner (an Azure VM)', alsoTransient: [404, 410] }
}

function requestOf(request: PipelineRequest): HttpRequest {
  const method = request.method === 'POST' || request.method === 'PUT' ? request.method : 'GET'
  const body = typeof request.body === 'string' ? request.body : undefined
  return { method, url: request.url, headers: request.headers.toJSON(), body }
}

/** Where managed identity endpoints state the expiry: IMDS both, App Service `expires_on` alone. */
const EXPIRY: ExpiryFields = {
  relative: 'expires_in',
  absolute: 'expires_on',
  parseAbsolute: value => epochSeconds(value) * 1000,
}

function tokenOf(last: LastAnswer & { at: number }, service: string, redact: Redact): Token {
  const json = jsonObject(last.response.body) ?? {}
  const accessToken = json.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError(`${service} answered ${last.response.status} without an access_token.`, {
      fix: UNAVAILABLE_HINTS['managed-identity'],
    })
  }
  const expiry = expiryOf(json, last.at, EXPIRY)
  // App Service's retired 2017-09-01 API wrote a date: its own fix, not the generic one.
  if (expiry.expirySource === 'expires_on' && expiry.expiryText !== undefined) {
    throw new ActionError(
      `${service} answered with a token but expires_on ${JSON.stringify(safeText(expiry.expiryText, redact, 80))}, an expiry get-token cannot read; the token was not published.`,
      {
        fix: "get-token reads expires_on as seconds since 1970, as App Service's api-version 2019-08-01 and IMDS write it (App Service's retired 2017-09-01 API wrote a date): check that IDENTITY_ENDPOINT is the platform's own endpoint, not a local stand-in or proxy that answers in the old format.",
      },
    )
  }
  return { accessToken, ...expiry }
}

/** No answer came (the SDK refused before sending): its exception is all there is, as hostile text. */
function noAnswer(error: unknown, ctx: ProviderContext): ActionError {
  const said = error instanceof Error ? error.message : String(error ?? 'no answer')
  return new ActionError(`Could not get a managed identity token: ${safeText(said, ctx.redact, 400)}`, {
    fix: UNAVAILABLE_HINTS['managed-identity'],
  })
}
