import type { AzureConfig } from '../src/providers/azure/config.ts'

/** A client-secret sign-in at the public cloud, for unit tests of what follows the configuration. */
export const SECRET_APP: Extract<AzureConfig, { authType: 'client-secret' }> = {
  authType: 'client-secret',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d',
  clientSecret: 's',
  scope: 'https://r/.default',
  cloud: 'AzurePublicCloud',
  authorityHost: 'https://login.microsoftonline.com',
  customAuthority: false,
}
