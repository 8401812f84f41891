import { InputError } from '../../errors.ts'
import type { Inputs } from '../../inputs/reader.ts'
import { safeText } from '../../log/safe-text.ts'
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
  const given = inputs.read('cloud')
  const alias = CLOUD_ALIASES[given.toLowerCase()]
  if (alias) return alias
  const known = Object.keys(CLOUDS) as CloudName[]
  if (given && !known.some(name => name.toLowerCase() === given.toLowerCase())) {
    throw new InputError(
      'cloud',
      `is '${safeText(given, text => text, 60)}', not one of ${known.join(', ')} (or AzureCloud, as az names the public cloud).`,
      "give one of those; for Azure Stack Hub or another authority, an app sign-in takes the authority's URL in authority-host instead (cloud then sets only the default oidc-audience).",
    )
  }
  return inputs.choice('cloud', known, DEFAULT_CLOUD)
}
