import { Inputs, type InputSource } from './inputs/reader.ts'
import { COMMON_INPUTS, readSettings, type RunSettings } from './inputs/settings.ts'
import { refuseMistypedInputs } from './inputs/unknown.ts'
import { maskUrlCredentials } from './inputs/urls.ts'
import { PROVIDERS } from './providers/index.ts'
import type { Credential, Provider } from './providers/provider.ts'

/** The run as the inputs describe it: which provider, its credential, and the shared settings. */
export interface Config {
  provider: Provider
  credential: Credential
  settings: RunSettings
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']

/** Reads and validates every input before any request is sent. */
export function readConfig(source: InputSource): Config {
  const specs = PROVIDERS.flatMap(provider => provider.inputs)
  // Every secret input first, also the other provider's: even a misplaced secret stays hidden.
  for (const spec of specs.filter(spec => spec.secret)) {
    source.mask(source.getInput(spec.name).trim())
    if (spec.env) source.mask((source.env[spec.env] ?? '').trim())
  }
  // A proxy password: the SDKs print the proxy URL in their debug logs.
  for (const name of PROXY_VARIABLES) maskUrlCredentials(source.env[name] ?? '', secret => source.mask(secret))
  refuseMistypedInputs(source, [...COMMON_INPUTS, ...specs.map(spec => spec.name)])
  const inputs = new Inputs(source)
  const provider = inputs.option('provider', PROVIDERS)
  const credential = provider.credential(inputs)
  const settings = readSettings(inputs)
  inputs.warnUnused(specs, `provider ${provider.name} and auth-type ${credential.authType}`)
  return { provider, credential, settings }
}
