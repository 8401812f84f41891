import type { Config } from '../config.ts'
import { getIbmToken } from './ibm/index.ts'
import type { FetchedToken, ProviderContext } from './provider.ts'

export const PROVIDER_NAMES = { azure: 'Azure Entra ID', ibm: 'IBM Cloud IAM' } as const

/** Picks the provider. A new provider gets its folder under providers/ and a line here. */
export async function fetchToken(config: Config, ctx: ProviderContext): Promise<FetchedToken> {
  if (config.provider === 'ibm') return getIbmToken(config, ctx)
  // Loaded on demand: @azure/identity is most of the bundle, and the IBM path never needs it.
  const { getAzureToken } = await import('./azure/index.ts')
  return getAzureToken(config, ctx)
}
