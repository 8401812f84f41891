import type { AccessToken } from '@azure/identity'
import type { Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { createCredential } from './credential.ts'
import { explainDiscoveryFailure } from './discovery.ts'
import { azureError, requestName } from './errors.ts'
import type { FederatedAssertion } from './federated.ts'
import { RedirectWatch } from './pipeline.ts'

/** Loaded on demand (its own chunk, with @azure/identity): the IBM path never evaluates it. */
export async function getAzureToken(config: AzureConfig, ctx: ProviderContext): Promise<Token> {
  const redirects = new RedirectWatch()
  let assertion: FederatedAssertion | undefined
  let result: AccessToken | null
  try {
    const created = await createCredential(config, ctx, redirects)
    assertion = created.assertion
    const request = created.credential.getToken(config.scope, {
      abortSignal: AbortSignal.timeout(Math.max(1, ctx.retry.deadline.remainingMs())),
    })
    result = await ctx.retry.deadline.race(request, requestName(config))
  } catch (error) {
    throw await explain(error, config, ctx, redirects, assertion)
  }
  if (!result?.token) {
    throw azureError(new Error('no token returned'), config, ctx.retry.deadline, assertion, ctx.redact)
  }
  ctx.mask(result.token)
  return {
    accessToken: result.token,
    expiresOnMs: result.expiresOnTimestamp,
    expirySource: EXPIRY_FIELDS[config.authType],
  }
}

/** What the user needs to read: GitHub's own refusal, a redirect, Entra's AADSTS code, ... */
async function explain(
  error: unknown,
  config: AzureConfig,
  ctx: ProviderContext,
  redirects: RedirectWatch,
  assertion: FederatedAssertion | undefined,
): Promise<unknown> {
  if (assertion?.failure) return assertion.failure
  const redirect = redirects.error(ctx.redact)
  if (redirect) return redirect
  const explained = 'authorityHost' in config ? await explainDiscoveryFailure(error, config, ctx) : error
  return azureError(explained, config, ctx.retry.deadline, assertion, ctx.redact)
}

/** Where @azure/identity reads the expiry from, per auth type: named when it is not sane. */
const EXPIRY_FIELDS: Record<AzureConfig['authType'], string> = {
  'client-secret': 'expires_in',
  'client-certificate': 'expires_in',
  oidc: 'expires_in',
  'workload-identity': 'expires_in',
  'managed-identity': 'expires_on',
  'azure-cli': 'expires_on',
}
