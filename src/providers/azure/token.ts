import type { Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { AzureConfig } from './config.ts'
import { getAppToken } from './entra.ts'

/**
 * Loaded on demand, so the IBM path never evaluates it. App sign-ins speak to Entra ID directly;
 * managed-identity and azure-cli load @azure/identity (its own chunk), which knows their platforms.
 */
export async function getAzureToken(config: AzureConfig, ctx: ProviderContext): Promise<Token> {
  switch (config.authType) {
    case 'managed-identity':
      return (await import('./managed-identity-token.ts')).getManagedIdentityToken(config, ctx)
    case 'azure-cli':
      return (await import('./azure-cli.ts')).getCliToken(config, ctx)
    default:
      return getAppToken(config, ctx)
  }
}
