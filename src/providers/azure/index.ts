import { defineProvider } from '../provider.ts'
import { readAzureConfig } from './config.ts'
import { describeAzureToken } from './facts.ts'
import { AZURE_AUTH_TYPES, AZURE_INPUTS } from './inputs.ts'

/** Azure Entra ID through @azure/identity, which is loaded only when a token is asked for. */
export const azure = defineProvider({
  name: 'azure',
  label: 'Azure Entra ID',
  authTypes: AZURE_AUTH_TYPES,
  inputs: AZURE_INPUTS,
  readConfig: readAzureConfig,
  // Its own chunk: the SDK is most of the bundle, and the IBM path never evaluates it.
  getToken: async (config, ctx) => (await import('./token.ts')).getAzureToken(config, ctx),
  describe: describeAzureToken,
})
