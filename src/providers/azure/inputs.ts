import type { InputSpec } from '../../inputs/reader.ts'

/** Azure auth types, in the order `auth-type` lists them. */
export const AZURE_AUTH_TYPES = [
  'client-secret',
  'client-certificate',
  'oidc',
  'workload-identity',
  'managed-identity',
  'azure-cli',
] as const

/** One of AZURE_AUTH_TYPES. */
export type AzureAuthType = (typeof AZURE_AUTH_TYPES)[number]

/** The auth types that sign in as an app registration (tenant, client id, authority). */
const APP_AUTH_TYPES = ['client-secret', 'client-certificate', 'oidc', 'workload-identity'] as const

/** One of APP_AUTH_TYPES. */
export type AppAuthType = (typeof APP_AUTH_TYPES)[number]

/** action.yml's default cloud. */
export const DEFAULT_CLOUD = 'AzurePublicCloud'

/** Tenant, client, object ids. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Azure's inputs as action.yml declares them (the README's input table says the same). */
export const AZURE_INPUTS: readonly InputSpec[] = [
  { name: 'tenant-id', env: 'AZURE_TENANT_ID', authTypes: [...APP_AUTH_TYPES, 'azure-cli'] },
  { name: 'client-id', env: 'AZURE_CLIENT_ID', authTypes: [...APP_AUTH_TYPES, 'managed-identity'] },
  { name: 'identity-object-id', authTypes: ['managed-identity'] },
  { name: 'identity-resource-id', authTypes: ['managed-identity'] },
  { name: 'federated-token-file', env: 'AZURE_FEDERATED_TOKEN_FILE', authTypes: ['workload-identity'] },
  { name: 'client-secret', env: 'AZURE_CLIENT_SECRET', secret: true, authTypes: ['client-secret'] },
  { name: 'client-certificate', secret: true, authTypes: ['client-certificate'] },
  { name: 'client-certificate-password', secret: true, authTypes: ['client-certificate'] },
  { name: 'resource' },
  { name: 'scope' },
  { name: 'cloud', default: DEFAULT_CLOUD },
  { name: 'authority-host', authTypes: APP_AUTH_TYPES },
  { name: 'oidc-audience', authTypes: ['oidc'] },
]
