import type { ClientSecretCredentialOptions, TokenCredential } from '@azure/identity'
import { format } from 'node:util'
import { safeText } from '../../safe-text.ts'
import { USER_AGENT_PREFIX } from '../../user-agent.ts'
import type { ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { deadlinePolicy, retryPolicy, type RedirectWatch } from './pipeline.ts'

/**
 * One @azure/identity credential per auth type. Its HTTP pipeline carries the action's retry
 * policy and deadline (pipeline.ts) instead of its own.
 */
export async function createCredential(
  config: AzureConfig,
  ctx: ProviderContext,
  oidcAssertion: () => Promise<string>,
  redirects: RedirectWatch,
): Promise<TokenCredential> {
  const [identity, { AzureLogger }] = await Promise.all([import('@azure/identity'), import('@azure/logger')])
  // The SDK's pipeline checks `typeof FormData` on every request. In Node that first touch loads
  // Node's whole built-in fetch implementation (about 13 ms, 7 % of an Azure run) although MSAL
  // only sends url-encoded strings. Nothing in this process uses the global, so it goes before the
  // first request; the pipeline then treats FormData as absent, as it does on runtimes without it.
  delete (globalThis as { FormData?: unknown }).FormData
  // The SDK logs (AZURE_LOG_LEVEL) to stderr, which the runner also scans for workflow commands:
  // route them through the action's debug log, one inert line each, secrets redacted.
  AzureLogger.log = (...args: unknown[]) => ctx.debug(safeText(format(...args), ctx.redact, 2000))
  const options: ClientSecretCredentialOptions = {
    authorityHost: config.authorityHost,
    disableInstanceDiscovery: config.disableInstanceDiscovery,
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: USER_AGENT_PREFIX },
    additionalPolicies: [
      { policy: deadlinePolicy(ctx.retry.deadline), position: 'perCall' },
      { policy: retryPolicy(ctx.retry), position: 'perCall' },
      { policy: redirects.policy(), position: 'perCall' },
    ],
  }
  // Managed identity ignores additionalPolicies: the SDK's own retries, bounded by max-attempts.
  const managedIdentityRetry = { maxRetries: config.maxAttempts - 1, retryDelayInMs: 500, maxRetryDelayInMs: 8000 }
  ctx.debug(`Azure: ${config.authType} credential, authority ${config.authorityHost}, scope ${config.scope}`)
  switch (config.authType) {
    case 'client-secret':
      return new identity.ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, options)
    case 'client-certificate':
      return new identity.ClientCertificateCredential(
        config.tenantId,
        config.clientId,
        { certificate: config.certificate, certificatePassword: config.certificatePassword || undefined },
        options,
      )
    case 'oidc':
      return new identity.ClientAssertionCredential(config.tenantId, config.clientId, oidcAssertion, options)
    case 'managed-identity':
      return config.clientId
        ? new identity.ManagedIdentityCredential({ clientId: config.clientId, retryOptions: managedIdentityRetry })
        : new identity.ManagedIdentityCredential({ retryOptions: managedIdentityRetry })
    case 'azure-cli':
      return new identity.AzureCliCredential({
        tenantId: config.tenantId || undefined,
        processTimeoutInMs: Math.max(1000, ctx.retry.deadline.remainingMs()),
      })
  }
}
