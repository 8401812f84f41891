import type { HttpClient } from '@azure/core-rest-pipeline'
import type { ClientSecretCredentialOptions, TokenCredential } from '@azure/identity'
import { USER_AGENT } from '../../io/http.ts'
import type { ProviderContext } from '../provider.ts'
import { authorityOf, type AppSignIn, type AzureConfig } from './config.ts'
import { tokenFileAssertion, type FederatedAssertion } from './federated.ts'
import { gitHubAssertion } from './github-oidc.ts'
import { describeManagedIdentity, type ManagedIdentity } from './managed-identity.ts'
import { deadlinePolicy, freshAssertionPolicy, retryPolicy } from './pipeline.ts'
import { routeSdkLogs } from './sdk-tweaks.ts'
import type { WireWatch } from './wire-watch.ts'

/** An @azure/identity credential, and for oidc and workload-identity the assertion it calls back. */
interface Created {
  credential: TokenCredential
  assertion?: FederatedAssertion
}

/**
 * One @azure/identity credential per auth type. The app sign-ins' HTTP pipeline carries the
 * action's retry policy and deadline (pipeline.ts) instead of the SDK's own; every credential
 * that sends requests sends them through the watch.
 */
export async function createCredential(config: AzureConfig, ctx: ProviderContext, watch: WireWatch): Promise<Created> {
  const [identity, { AzureLogger }, { createDefaultHttpClient }] = await Promise.all([
    import('@azure/identity'),
    import('@azure/logger'),
    import('@azure/core-rest-pipeline'),
  ])
  routeSdkLogs(AzureLogger, ctx.debug, ctx.redact)
  const httpClient = watch.httpClient(createDefaultHttpClient())
  ctx.debug(`Azure: ${config.authType} credential, authority ${authorityOf(config)}, scope ${config.scope}`)
  switch (config.authType) {
    case 'client-secret': {
      const { tenantId, clientId, clientSecret } = config
      const options = appOptions(config, ctx, watch, httpClient)
      return { credential: new identity.ClientSecretCredential(tenantId, clientId, clientSecret, options) }
    }
    case 'client-certificate': {
      const { tenantId, clientId, certificate, certificatePassword } = config
      const pem = { certificate, certificatePassword }
      const options = appOptions(config, ctx, watch, httpClient)
      return { credential: new identity.ClientCertificateCredential(tenantId, clientId, pem, options) }
    }
    case 'oidc':
    case 'workload-identity': {
      const assertion =
        config.authType === 'oidc'
          ? gitHubAssertion(config.oidcAudience, ctx)
          : tokenFileAssertion(config.tokenFile, ctx)
      // A token file that is missing, empty or too big fails here, before any request.
      if (config.authType === 'workload-identity') await assertion.get()
      const options = appOptions(config, ctx, watch, httpClient, assertion)
      const credential = new identity.ClientAssertionCredential(
        config.tenantId,
        config.clientId,
        assertion.get,
        options,
      )
      return { credential, assertion }
    }
    case 'managed-identity': {
      ctx.debug(`Azure: managed identity ${describeManagedIdentity(config.identity)}`)
      if (config.identity.kind === 'client-id' && config.identity.fromEnvironment) {
        ctx.info(
          `Using the user-assigned managed identity ${config.identity.clientId} that the runner's AZURE_CLIENT_ID names; give client-id, identity-object-id or identity-resource-id to choose another (or client-id empty and AZURE_CLIENT_ID unset for the system-assigned one).`,
        )
      }
      const options = { ...selector(config.identity), retryOptions: managedIdentityRetries(ctx), httpClient }
      return { credential: new identity.ManagedIdentityCredential(options) }
    }
    case 'azure-cli': {
      const processTimeoutInMs = Math.max(1000, ctx.deadline.remainingMs())
      return { credential: new identity.AzureCliCredential({ tenantId: config.tenantId, processTimeoutInMs }) }
    }
  }
}

/**
 * The authority, and the action's policies in place of the SDK's retries. A federated assertion
 * is fetched again for every attempt (a projected token may rotate in between).
 */
function appOptions(
  config: AppSignIn,
  ctx: ProviderContext,
  watch: WireWatch,
  httpClient: HttpClient,
  assertion?: FederatedAssertion,
): ClientSecretCredentialOptions {
  return {
    authorityHost: config.authorityHost,
    httpClient,
    disableInstanceDiscovery: config.customAuthority,
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: USER_AGENT },
    additionalPolicies: [
      { policy: deadlinePolicy(ctx.deadline), position: 'perCall' },
      { policy: retryPolicy(ctx.retry), position: 'perCall' },
      { policy: watch.redirectPolicy(), position: 'perCall' },
      ...(assertion ? [{ policy: freshAssertionPolicy(assertion), position: 'perRetry' as const }] : []),
    ],
  }
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

/** Managed identity ignores additionalPolicies: the SDK's own retries, bounded by max-attempts. */
function managedIdentityRetries(ctx: ProviderContext) {
  return { maxRetries: ctx.retry.maxAttempts - 1, retryDelayInMs: 500, maxRetryDelayInMs: 8000 }
}
