import { ActionError } from '../../errors.ts'
import { jsonObject } from '../../json.ts'
import { safeText } from '../../log/safe-text.ts'
import type { ProviderContext } from '../provider.ts'
import type { AppSignIn, AzureConfig } from './config.ts'
import { causes, networkHint } from './errors.ts'

/**
 * With a custom authority-host MSAL first reads the tenant's discovery document, and when that
 * fails it reports only "endpoints_resolution_error", dropping Entra's answer (AADSTS90002 for an
 * unknown tenant). One more GET of the document recovers that answer; anything else passes through.
 */
export async function explainDiscoveryFailure(
  error: unknown,
  config: AppSignIn & AzureConfig,
  ctx: ProviderContext,
): Promise<unknown> {
  const text = causes(error)
    .map(e => e.message ?? '')
    .join(' ')
  if (!/endpoints_resolution_error|openid_config_error/.test(text) || ctx.deadline.remainingMs() <= 0) return error
  const url = `${config.authorityHost}/${config.tenantId}/v2.0/.well-known/openid-configuration`
  let answer = ''
  let failure: string
  try {
    const response = await ctx.transport.send(
      { method: 'GET', url, headers: { Accept: 'application/json' } },
      Math.min(10_000, ctx.deadline.remainingMs()),
    )
    answer = response.body
    failure = `HTTP ${response.status}`
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code
    failure = [code, cause instanceof Error ? cause.message : String(cause)].filter(Boolean).join(' ')
  }
  const description = errorDescription(answer)
  if (description) return { message: description }
  return new ActionError(
    `Could not read the OpenID configuration of tenant ${config.tenantId} at ${url}${failure ? ` (${safeText(failure, ctx.redact, 200)})` : ''}.`,
    {
      fix:
        networkHint(failure, config) ??
        "check tenant-id and authority-host (give the authority's base URL, e.g. https://login.example.com, without the tenant).",
    },
  )
}

function errorDescription(body: string): string | undefined {
  const value = jsonObject(body)?.error_description
  return typeof value === 'string' && value !== '' ? value : undefined
}
