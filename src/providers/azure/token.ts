import type { AccessToken } from '@azure/identity'
import { ActionError } from '../../errors.ts'
import type { Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import { appSignIn, type AzureConfig } from './config.ts'
import { createCredential } from './credential.ts'
import { explainDiscoveryFailure } from './discovery.ts'
import { azureError, requestName } from './errors.ts'
import type { FederatedAssertion } from './federated.ts'
import { dropGlobalFormData } from './sdk-tweaks.ts'
import { WireWatch } from './wire-watch.ts'

/** Loaded on demand (its own chunk, with @azure/identity): the IBM path never evaluates it. */
export async function getAzureToken(config: AzureConfig, ctx: ProviderContext): Promise<Token> {
  dropGlobalFormData()
  const watch = new WireWatch(ctx.mask, ctx.now)
  let assertion: FederatedAssertion | undefined
  let result: AccessToken | null
  try {
    const created = await createCredential(config, ctx, watch)
    assertion = created.assertion
    const request = created.credential.getToken(config.scope, {
      abortSignal: AbortSignal.timeout(Math.max(1, ctx.deadline.remainingMs())),
    })
    result = await ctx.deadline.race(request, requestName(config))
  } catch (error) {
    throw await explain(error, config, ctx, watch, assertion)
  }
  if (!result?.token) {
    throw azureError(new Error('no token returned'), config, ctx.deadline, assertion, ctx.redact)
  }
  const unreadable = watch.unreadableExpiry(EXPIRY_FIELDS[config.authType], ctx.redact)
  if (unreadable) throw expiryError(unreadable, config)
  // An absolute expires_on is on the endpoint's clock: never publish more than expires_in granted.
  const granted = watch.grantedUntil()
  const capped = granted !== undefined && granted < result.expiresOnTimestamp
  return {
    accessToken: result.token,
    expiresOnMs: capped ? granted : result.expiresOnTimestamp,
    expirySource: capped ? 'expires_in' : EXPIRY_FIELDS[config.authType],
  }
}

/** What the user needs to read: GitHub's own refusal, a redirect, Entra's AADSTS code, ... */
async function explain(
  error: unknown,
  config: AzureConfig,
  ctx: ProviderContext,
  watch: WireWatch,
  assertion: FederatedAssertion | undefined,
): Promise<unknown> {
  if (assertion?.failure) return assertion.failure
  const redirect = watch.redirectError(ctx.redact)
  if (redirect) return redirect
  const signIn = appSignIn(config)
  const explained = signIn ? await explainDiscoveryFailure(error, signIn, ctx) : error
  return azureError(explained, config, ctx.deadline, assertion, ctx.redact, watch.failure)
}

/**
 * MSAL reads an expiry it cannot parse as 0, so the token would look expired the moment it was
 * issued (and "check the runner's clock" would be the wrong advice): name the field instead.
 */
function expiryError(unreadable: string, config: AzureConfig): ActionError {
  const managed = config.authType === 'managed-identity'
  return new ActionError(
    `${managed ? 'The managed identity endpoint' : 'Entra ID'} answered with a token but ${unreadable}, an expiry get-token cannot read; the token was not published.`,
    {
      fix: managed
        ? "get-token reads expires_on as seconds since 1970, as App Service's api-version 2019-08-01 and IMDS write it (App Service's retired 2017-09-01 API wrote a date): check that IDENTITY_ENDPOINT is the platform's own endpoint, not a local stand-in or proxy that answers in the old format."
        : 'Entra ID writes expires_in as seconds: check authority-host and cloud, and any proxy between the runner and the authority.',
    },
  )
}

/** Where @azure/identity reads the expiry from, per auth type: named when it is not sane. */
const EXPIRY_FIELDS: Record<AzureConfig['authType'], 'expires_in' | 'expires_on'> = {
  'client-secret': 'expires_in',
  'client-certificate': 'expires_in',
  oidc: 'expires_in',
  'workload-identity': 'expires_in',
  'managed-identity': 'expires_on',
  'azure-cli': 'expires_on',
}
