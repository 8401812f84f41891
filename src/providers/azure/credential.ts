import type { ClientSecretCredentialOptions, TokenCredential } from '@azure/identity'
import { USER_AGENT } from '../../io/http.ts'
import type { ProviderContext } from '../provider.ts'
import { authorityOf, type AppSignIn, type AzureConfig } from './config.ts'
import { GitHubAssertion } from './github-oidc.ts'
import { deadlinePolicy, retryPolicy, type RedirectWatch } from './pipeline.ts'
import { routeSdkLogs } from './sdk-tweaks.ts'

/** An @azure/identity credential, and for oidc the GitHub assertion it calls back. */
export interface Created {
  credential: TokenCredential
  assertion?: GitHubAssertion
}

/**
 * One @azure/identity credential per auth type. The app sign-ins' HTTP pipeline carries the
 * action's retry policy and deadline (pipeline.ts) instead of the SDK's own.
 */
export async function createCredential(
  config: AzureConfig,
  ctx: ProviderContext,
  redirects: RedirectWatch,
): Promise<Created> {
  const [identity, { AzureLogger }] = await Promise.all([import('@azure/identity'), import('@azure/logger')])
  routeSdkLogs(AzureLogger, ctx.debug, ctx.redact)
  ctx.debug(`Azure: ${config.authType} credential, authority ${authorityOf(config)}, scope ${config.scope}`)
  switch (config.authType) {
    case 'client-secret': {
      const { tenantId, clientId, clientSecret } = config
      const options = appOptions(config, ctx, redirects)
      return { credential: new identity.ClientSecretCredential(tenantId, clientId, clientSecret, options) }
    }
    case 'client-certificate': {
      const { tenantId, clientId, certificate, certificatePassword } = config
      const pem = { certificate, certificatePassword }
      const options = appOptions(config, ctx, redirects)
      return { credential: new identity.ClientCertificateCredential(tenantId, clientId, pem, options) }
    }
    case 'oidc': {
      const assertion = new GitHubAssertion(config.oidcAudience, ctx)
      const options = appOptions(config, ctx, redirects)
      const credential = new identity.ClientAssertionCredential(
        config.tenantId,
        config.clientId,
        assertion.get,
        options,
      )
      return { credential, assertion }
    }
    case 'managed-identity': {
      // Managed identity ignores additionalPolicies: the SDK's own retries, bounded by max-attempts.
      const retryOptions = { maxRetries: ctx.retry.maxAttempts - 1, retryDelayInMs: 500, maxRetryDelayInMs: 8000 }
      const { clientId } = config
      return {
        credential: clientId
          ? new identity.ManagedIdentityCredential({ clientId, retryOptions })
          : new identity.ManagedIdentityCredential({ retryOptions }),
      }
    }
    case 'azure-cli': {
      const processTimeoutInMs = Math.max(1000, ctx.retry.deadline.remainingMs())
      return { credential: new identity.AzureCliCredential({ tenantId: config.tenantId, processTimeoutInMs }) }
    }
  }
}

/** The authority, and the action's policies in place of the SDK's retries. */
function appOptions(config: AppSignIn, ctx: ProviderContext, redirects: RedirectWatch): ClientSecretCredentialOptions {
  return {
    authorityHost: config.authorityHost,
    disableInstanceDiscovery: config.customAuthority,
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: USER_AGENT },
    additionalPolicies: [
      { policy: deadlinePolicy(ctx.retry.deadline), position: 'perCall' },
      { policy: retryPolicy(ctx.retry), position: 'perCall' },
      { policy: redirects.policy(), position: 'perCall' },
    ],
  }
}
