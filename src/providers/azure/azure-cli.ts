import { ActionError } from '../../errors.ts'
import { safeText } from '../../log/safe-text.ts'
import type { Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { UNAVAILABLE_HINTS } from './hints.ts'
import { loadAzureSdk } from './sdk.ts'

type CliConfig = Extract<AzureConfig, { authType: 'azure-cli' }>

/**
 * azure-cli: `az account get-access-token` through @azure/identity's AzureCliCredential, which
 * knows how to find and run az on every platform. No request of ours is involved: what the CLI
 * printed on stderr (in the SDK's error, treated as hostile text) is all there is to report.
 */
export async function getCliToken(config: CliConfig, ctx: ProviderContext): Promise<Token> {
  const { identity } = await loadAzureSdk(ctx)
  const processTimeoutInMs = Math.max(1000, ctx.deadline.remainingMs())
  const credential = new identity.AzureCliCredential({ tenantId: config.tenantId, processTimeoutInMs })
  try {
    const result = await ctx.deadline.race(
      credential.getToken(config.scope),
      'The Azure CLI (az account get-access-token)',
    )
    return { accessToken: result.token, expiresOnMs: result.expiresOnTimestamp, expirySource: 'expires_on' }
  } catch (error) {
    if (error instanceof ActionError) throw error
    const said = error instanceof Error ? error.message : String(error)
    throw new ActionError(`The Azure CLI could not give a token: ${safeText(said, ctx.redact, 600)}`, {
      fix: UNAVAILABLE_HINTS['azure-cli'],
    })
  }
}
