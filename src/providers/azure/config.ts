import { createPrivateKey } from 'node:crypto'
import { InputError } from '../../errors.ts'
import { readCommon, type CommonConfig, type Inputs } from '../../inputs.ts'

export const AZURE_AUTH_TYPES = [
  'client-secret',
  'client-certificate',
  'oidc',
  'managed-identity',
  'azure-cli',
] as const
export type AzureAuthType = (typeof AZURE_AUTH_TYPES)[number]

/** Authority host and GitHub OIDC audience per national cloud. */
export const CLOUDS = {
  AzurePublicCloud: { authorityHost: 'https://login.microsoftonline.com', oidcAudience: 'api://AzureADTokenExchange' },
  AzureUSGovernment: {
    authorityHost: 'https://login.microsoftonline.us',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
  },
  AzureChinaCloud: { authorityHost: 'https://login.chinacloudapi.cn', oidcAudience: 'api://AzureADTokenExchangeChina' },
} as const
export type CloudName = keyof typeof CLOUDS
// `az cloud list` names the public cloud AzureCloud; accept it so commands can be copied across.
const CLOUD_ALIASES: Record<string, CloudName> = { azurecloud: 'AzurePublicCloud' }

export interface AzureConfig extends CommonConfig {
  provider: 'azure'
  authType: AzureAuthType
  tenantId: string
  clientId: string
  clientSecret: string
  certificate: string
  certificatePassword: string
  /** `resource + "/.default"` (as `az account get-access-token --resource` does) or `scope` as given. */
  scope: string
  cloud: CloudName
  authorityHost: string
  /** True for a custom authority-host: MSAL must not ask login.microsoftonline.com about it. */
  disableInstanceDiscovery: boolean
  oidcAudience: string
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Two or more DNS labels: what a tenant's domain looks like, and nothing that would change a URL path. */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i

export function readAzureConfig(inputs: Inputs): AzureConfig {
  const authType = resolveAuthType(
    inputs,
    inputs.peekOrEnv('client-secret', 'AZURE_CLIENT_SECRET'),
    inputs.peekOrEnv('client-certificate'),
  )
  const clientSecret = authType === 'client-secret' ? inputs.orEnv('client-secret', 'AZURE_CLIENT_SECRET') : ''
  const certificate = authType === 'client-certificate' ? inputs.get('client-certificate') : ''
  const usesApp = authType === 'client-secret' || authType === 'client-certificate' || authType === 'oidc'

  const tenantId = authType === 'managed-identity' ? '' : inputs.orEnv('tenant-id', 'AZURE_TENANT_ID')
  if (usesApp && !tenantId) {
    throw new InputError(
      'tenant-id',
      `is required for auth-type ${authType}.`,
      'give the directory (tenant) id, e.g. tenant-id: ${{ vars.AZURE_TENANT_ID }}, or set AZURE_TENANT_ID.',
    )
  }
  if (tenantId && !GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
    throw new InputError(
      'tenant-id',
      'is neither a GUID nor a domain name.',
      'give the directory (tenant) id (a GUID) or a verified domain of the tenant, e.g. contoso.onmicrosoft.com.',
    )
  }
  const clientId = authType === 'azure-cli' ? '' : inputs.orEnv('client-id', 'AZURE_CLIENT_ID')
  if (usesApp && !clientId) {
    throw new InputError(
      'client-id',
      `is required for auth-type ${authType}.`,
      'give the application (client) id of the app registration, e.g. client-id: ${{ vars.AZURE_CLIENT_ID }}, or set AZURE_CLIENT_ID.',
    )
  }
  if (clientId && !GUID.test(clientId)) {
    throw new InputError(
      'client-id',
      'is not a GUID.',
      "give the application (client) id from the app registration's Overview page (a GUID), not its name or object id.",
    )
  }
  const certificatePassword = authType === 'client-certificate' ? inputs.get('client-certificate-password') : ''
  if (authType === 'client-certificate') checkCertificate(certificate, certificatePassword)

  const scope = readScope(inputs)
  const cloud = readCloud(inputs)
  const custom = authType === 'managed-identity' || authType === 'azure-cli' ? '' : inputs.get('authority-host')
  const authorityHost = custom ? inputs.url('authority-host', '', false) : CLOUDS[cloud].authorityHost
  const oidcAudience = authType === 'oidc' ? inputs.get('oidc-audience') || CLOUDS[cloud].oidcAudience : ''

  return {
    provider: 'azure',
    authType,
    tenantId,
    clientId,
    clientSecret,
    certificate,
    certificatePassword,
    scope,
    cloud,
    authorityHost,
    disableInstanceDiscovery: custom !== '',
    oidcAudience,
    ...readCommon(inputs),
  }
}

/** The PEM must hold a key this step can read and a certificate: found here rather than as a cryptic library error. */
function checkCertificate(pem: string, password: string): void {
  const bundleHint =
    'pass PEM text with the private key and the certificate, e.g. from a secret made with: cat key.pem cert.pem.'
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new InputError('client-certificate', 'holds no PEM private key.', bundleHint)
  }
  if (!/-----BEGIN CERTIFICATE-----/.test(pem)) {
    throw new InputError('client-certificate', 'holds no PEM certificate (-----BEGIN CERTIFICATE-----).', bundleHint)
  }
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)
  if (encrypted && !password) {
    throw new InputError(
      'client-certificate-password',
      'is required: the private key in client-certificate is encrypted.',
      "pass the key's password, e.g. client-certificate-password: ${{ secrets.AZURE_CLIENT_CERTIFICATE_PASSWORD }}, or store the key unencrypted.",
    )
  }
  try {
    createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined })
  } catch {
    throw encrypted
      ? new InputError(
          'client-certificate-password',
          'does not decrypt the private key in client-certificate.',
          'check the password secret; it must be the one the key was exported with.',
        )
      : new InputError(
          'client-certificate',
          'holds a private key that cannot be read.',
          `${bundleHint} Supported: PKCS#8 or PKCS#1 RSA keys.`,
        )
  }
}

function resolveAuthType(inputs: Inputs, clientSecret: string, certificate: string): AzureAuthType {
  const chosen = inputs.choice('auth-type', ['auto', ...AZURE_AUTH_TYPES], 'auto')
  const oidcAvailable = Boolean(
    inputs.env('ACTIONS_ID_TOKEN_REQUEST_URL') && inputs.env('ACTIONS_ID_TOKEN_REQUEST_TOKEN'),
  )
  if (chosen === 'oidc' && !oidcAvailable) {
    throw new InputError(
      'auth-type',
      'is oidc, but this job cannot request a GitHub OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).',
      'add `permissions: id-token: write` to the job (or workflow). Pull requests from forks never get OIDC tokens: use another auth-type there or skip the step.',
    )
  }
  if (chosen === 'client-secret' && !clientSecret) {
    throw new InputError(
      'client-secret',
      'is required for auth-type client-secret.',
      'pass the secret Value (not its ID): client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}.',
    )
  }
  if (chosen === 'client-certificate' && !certificate) {
    throw new InputError(
      'client-certificate',
      'is required for auth-type client-certificate.',
      'pass the PEM key and certificate from a secret: client-certificate: ${{ secrets.AZURE_CLIENT_CERTIFICATE }}.',
    )
  }
  if (chosen !== 'auto') return chosen
  if (clientSecret) return 'client-secret'
  if (certificate) return 'client-certificate'
  if (oidcAvailable) return 'oidc'
  throw new InputError(
    'auth-type',
    'is auto, but no Azure credential was given.',
    'give client-secret, or client-certificate, or use OIDC (no secret): add `permissions: id-token: write` to the job and register a federated credential for this repository on the app; or set auth-type to managed-identity (self-hosted runner on Azure) or azure-cli (after azure/login). OIDC is not available to pull requests from forks.',
  )
}

function readScope(inputs: Inputs): string {
  const resource = inputs.get('resource')
  const scope = inputs.get('scope')
  if (resource && scope) {
    throw new InputError(
      'scope',
      'cannot be used together with resource.',
      'give either resource (e.g. https://myfhir.azurehealthcareapis.com) or scope (e.g. https://myfhir.azurehealthcareapis.com/.default), not both.',
    )
  }
  if (!resource && !scope) {
    throw new InputError(
      'resource',
      'is required for provider azure (or give scope).',
      'give the resource the token is for, e.g. resource: https://myfhir.azurehealthcareapis.com.',
    )
  }
  if (/\/\.default$/i.test(resource)) {
    throw new InputError(
      'resource',
      `is '${resource.slice(0, 200)}', which is already a scope (it ends in /.default).`,
      `give it as scope: ${resource.slice(0, 200)}, or drop /.default from resource.`,
    )
  }
  const [name, value] = resource ? ['resource', resource] : ['scope', scope]
  if (/[\s\u0000-\u001f"'\\]/.test(value) || value.length > 1000) {
    throw new InputError(
      name,
      'contains white space, quotes or control characters.',
      `give one ${name}, e.g. https://myfhir.azurehealthcareapis.com${name === 'scope' ? '/.default' : ''}.`,
    )
  }
  return resource ? `${resource}/.default` : scope
}

function readCloud(inputs: Inputs): CloudName {
  const raw = inputs.get('cloud')
  const alias = CLOUD_ALIASES[raw.toLowerCase()]
  return alias ?? inputs.choice('cloud', Object.keys(CLOUDS) as CloudName[], 'AzurePublicCloud')
}
