import { Inputs, PROVIDER_INPUTS, SECRET_INPUTS, type InputSource } from './inputs.ts'
import { readAzureConfig, type AzureConfig } from './providers/azure/config.ts'
import { readIbmConfig, type IbmConfig } from './providers/ibm/config.ts'

export type Config = AzureConfig | IbmConfig

/** Reads and validates every input before any request is sent. */
export function readConfig(source: InputSource): Config {
  // Mask every secret input first, also those of the other provider: even a misplaced secret stays hidden.
  for (const [input, env] of SECRET_INPUTS) {
    source.mask(source.getInput(input).trim())
    if (env) source.mask((source.env[env] ?? '').trim())
  }
  const inputs = new Inputs(source)
  const provider = inputs.choice('provider', ['azure', 'ibm'])
  const config = provider === 'azure' ? readAzureConfig(inputs) : readIbmConfig(inputs)
  inputs.warnUnused(PROVIDER_INPUTS, `provider ${provider} and auth-type ${config.authType}`)
  return config
}
