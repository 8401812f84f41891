import type { HttpClient } from '@azure/core-rest-pipeline'
import type { ManagedIdentityCredentialClientIdOptions, TokenCredential } from '@azure/identity'
import { ActionError, InputError } from '../../errors.ts'
import { exchange } from '../../io/http.ts'
import { serviceError } from '../../io/service-error.ts'
import { safeText } from '../../log/safe-text.ts'
import type { Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import { CLOUDS } from './clouds.ts'
import type { AzureConfig } from './config.ts'
import { getAppToken } from './entra.ts'
import { MANAGED_IDENTITY_ERRORS } from './errors.ts'
import { MANAGED_IDENTITY_UNREACHABLE, UNAVAILABLE_HINTS } from './hints.ts'
import { endpointOf, requestOf, tokenOf, type Answered } from './managed-identity-answers.ts'
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
 * challenge file, Service Fabric, Cloud Shell, Machine Learning) and sends the requests; they go
 * through the action's HTTP layer (its `httpClient` option), under the one retry rule and
 * deadline, never through a proxy to the metadata address. The answers are read here: the token
 * and its expiry from the last answer, or the error from it; the SDK's exception only when no
 * answer came.
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
  const podToken = ctx.env.AZURE_FEDERATED_TOKEN_FILE
  if (podToken && ctx.env.AZURE_TENANT_ID && identity.kind !== 'system') {
    return workloadIdentityPod(config, identity, ctx, podToken, ctx.env.AZURE_TENANT_ID)
  }
  const { credential, createHttpHeaders } = sdk ?? (await realSdk(ctx))
  let last: Answered | undefined
  let failure: unknown
  const httpClient: HttpClient = {
    sendRequest: async request => {
      last = undefined
      failure = undefined
      const endpoint = endpointOf(request, ctx.env)
      try {
        const answer = await exchange(ctx, {
          service: endpoint.service,
          endpointInput: 'IDENTITY_ENDPOINT',
          request: requestOf(request),
          alsoTransient: endpoint.alsoTransient,
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
  if (!last) throw noAnswer(sdkError, ctx, UNAVAILABLE_HINTS['managed-identity'])
  const { status, headers } = last.response
  // Azure Arc's first answer is a challenge the SDK answers by reading a file: no second request
  // means it could not, and its exception is all that says why.
  if (status === 401 && headers['www-authenticate']) throw noAnswer(sdkError, ctx, ARC_CHALLENGE_FIX)
  if (status < 200 || status > 299) throw serviceError(last, MANAGED_IDENTITY_ERRORS, ctx.redact)
  return tokenOf(last)
}

const ARC_CHALLENGE_FIX =
  "on an Azure Arc-enabled server the runner's user must be able to read the agent's token files (root, or a member of the himds group on Linux; an administrator on Windows)."

async function realSdk(ctx: ProviderContext): Promise<ManagedIdentitySdk> {
  const { identity, createHttpHeaders } = await loadAzureSdk(ctx)
  return { credential: options => new identity.ManagedIdentityCredential(options), createHttpHeaders }
}

/**
 * A runner pod with AKS workload identity (AZURE_FEDERATED_TOKEN_FILE and AZURE_TENANT_ID): its
 * managed identity is the app the pod's federated token signs in as, which @azure/identity
 * would exchange on its own, outside the action's HTTP layer. The action makes the exchange itself,
 * as auth-type workload-identity does.
 */
function workloadIdentityPod(
  config: ManagedConfig,
  identity: Exclude<ManagedIdentity, { kind: 'system' }>,
  ctx: ProviderContext,
  tokenFile: string,
  tenantId: string,
): Promise<Token> {
  if (identity.kind !== 'client-id') {
    const input = identity.kind === 'object-id' ? 'identity-object-id' : 'identity-resource-id'
    throw new InputError(
      input,
      'cannot pick the identity on a runner pod with AKS workload identity (AZURE_FEDERATED_TOKEN_FILE is set): the pod signs in as the app its service account names.',
      'use auth-type workload-identity (client-id: the app of the pod’s service account), or run where a managed identity is assigned.',
    )
  }
  ctx.info(
    `The runner pod has AKS workload identity (AZURE_FEDERATED_TOKEN_FILE): the token for ${identity.clientId} comes from Entra ID in exchange for the pod's federated token, as with auth-type workload-identity.`,
  )
  const { scope, cloud } = config
  const { authorityHost } = CLOUDS[cloud]
  return getAppToken(
    {
      authType: 'workload-identity',
      tenantId,
      clientId: identity.clientId,
      tokenFile,
      scope,
      cloud,
      authorityHost,
      customAuthority: false,
    },
    ctx,
  )
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

/** No answer came (the SDK refused before sending, or after a challenge): its exception, as hostile text. */
function noAnswer(error: unknown, ctx: ProviderContext, fix: string): ActionError {
  const said = error instanceof Error ? error.message : String(error ?? 'no answer')
  return new ActionError(`Could not get a managed identity token: ${safeText(said, ctx.redact, 400)}`, { fix })
}
