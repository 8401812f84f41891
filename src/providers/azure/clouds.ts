import type { Inputs } from '../../inputs/reader.ts'
import { DEFAULT_CLOUD } from './inputs.ts'

/** Authority host and GitHub OIDC audience per national cloud. */
export const CLOUDS = {
  AzurePublicCloud: { authorityHost: 'https://login.microsoftonline.com', oidcAudience: 'api://AzureADTokenExchange' },
  AzureUSGovernment: {
    authorityHost: 'https://login.microsoftonline.us',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
  },
  AzureChinaCloud: { authorityHost: 'https://login.chinacloudapi.cn', oidcAudience: 'api://AzureADTokenExchangeChina' },
} as const

/** One of the clouds `cloud` names. */
export type CloudName = keyof typeof CLOUDS

// `az cloud list` names the public cloud AzureCloud; accept it so commands can be copied across.
const CLOUD_ALIASES: Record<string, CloudName> = { azurecloud: 'AzurePublicCloud' }

/** The `cloud` input (az's `AzureCloud` accepted), AzurePublicCloud by default. */
export function readCloud(inputs: Inputs): CloudName {
  const alias = CLOUD_ALIASES[inputs.read('cloud').toLowerCase()]
  return alias ?? inputs.choice('cloud', Object.keys(CLOUDS) as CloudName[], DEFAULT_CLOUD)
}
