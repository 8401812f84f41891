import { InputError } from '../../errors.ts'
import type { Inputs } from '../../inputs/reader.ts'
import { safeText } from '../../log/safe-text.ts'
import { readClientCertificate } from './certificate.ts'
import { CLOUDS, readCloud, type CloudName } from './clouds.ts'
import { chosenByAuto } from '../auth-type.ts'
import { resolveAuthType } from './auth-type.ts'
import { GUID, type AppAuthType, type AzureAuthType } from './inputs.ts'
import { readManagedIdentity, type ManagedIdentity } from './managed-identity.ts'

/** What every auth type asks for: a token for this scope. */
interface Target {
  /** `resource + "/.default"` (as `az account get-access-token --resource` does) or `scope` as given. */
  scope: string
  cloud: CloudName
}

/** Signing in as an app registration: where, and as whom. */
interface AppSignIn extends Target {
  tenantId: string
  clientId: string
  /** The cloud's authority host, or authority-host. */
  authorityHost: string
  /** True for authority-host: the token endpoint comes from the tenant's discovery document. */
  customAuthority: boolean
}

/** One configuration per auth type: each carries exactly what its credential needs. */
export type AzureConfig =
  | (AppSignIn & { authType: 'client-secret'; clientSecret: string })
  | (AppSignIn & { authType: 'client-certificate'; certificate: string; certificatePassword: string | undefined })
  /** `auto`: auth-type auto chose it, because client-secret and client-certificate were empty. */
  | (AppSignIn & { authType: 'oidc'; oidcAudience: string; auto: boolean })
  /** `tokenFile`: the Kubernetes service account token, read for every request (it rotates). */
  | (AppSignIn & { authType: 'workload-identity'; tokenFile: string })
  | (Target & { authType: 'managed-identity'; identity: ManagedIdentity })
  | (Target & { authType: 'azure-cli'; tenantId: string | undefined })

/** The configuration of an auth type that signs in as an app registration. */
export type AppConfig = Exclude<AzureConfig, { authType: 'managed-identity' | 'azure-cli' }>

/** Two or more DNS labels: what a tenant's domain looks like, and nothing that would change a URL path. */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i

/** Reads and checks the Azure inputs before any request: one configuration per auth type. */
export function readAzureConfig(inputs: Inputs): AzureConfig {
  const authType = resolveAuthType(inputs)
  switch (authType) {
    case 'managed-identity':
      return { authType, identity: readManagedIdentity(inputs), ...readTarget(inputs) }
    case 'azure-cli':
      return { authType, tenantId: readTenantId(inputs, authType) || undefined, ...readTarget(inputs) }
    default:
      return readAppConfig(inputs, authType)
  }
}

function readAppConfig(inputs: Inputs, authType: AppAuthType): AzureConfig {
  const tenantId = readTenantId(inputs, authType)
  const clientId = readClientId(inputs, authType)
  const credential = readAppCredential(inputs, authType)
  const target = readTarget(inputs)
  const custom = inputs.read('authority-host')
  const app = {
    tenantId,
    clientId,
    ...target,
    authorityHost: custom ? inputs.url('authority-host', '', 'never') : CLOUDS[target.cloud].authorityHost,
    customAuthority: custom !== '',
  }
  if (credential.authType !== 'oidc') return { ...app, ...credential }
  const oidcAudience = inputs.read('oidc-audience') || CLOUDS[target.cloud].oidcAudience
  return { ...app, authType: 'oidc', oidcAudience, auto: chosenByAuto(inputs) }
}

type AppCredential =
  | { authType: 'client-secret'; clientSecret: string }
  | { authType: 'client-certificate'; certificate: string; certificatePassword: string | undefined }
  | { authType: 'workload-identity'; tokenFile: string }
  | { authType: 'oidc' }

function readAppCredential(inputs: Inputs, authType: AppAuthType): AppCredential {
  switch (authType) {
    case 'client-secret':
      return { authType, clientSecret: inputs.read('client-secret', 'AZURE_CLIENT_SECRET') }
    case 'client-certificate': {
      const certificate = inputs.read('client-certificate')
      const password = inputs.read('client-certificate-password')
      readClientCertificate(certificate, password)
      return { authType, certificate, certificatePassword: password || undefined }
    }
    case 'workload-identity':
      return { authType, tokenFile: inputs.read('federated-token-file', 'AZURE_FEDERATED_TOKEN_FILE') }
    case 'oidc':
      return { authType }
  }
}

function readTenantId(inputs: Inputs, authType: AzureAuthType): string {
  const tenantId = inputs.read('tenant-id', 'AZURE_TENANT_ID')
  if (!tenantId && authType !== 'azure-cli') {
    throw new InputError(
      'tenant-id',
      `is required for auth-type ${authType}.`,
      'give the directory (tenant) id, e.g. tenant-id: ${{ vars.AZURE_TENANT_ID }}, or set AZURE_TENANT_ID.',
    )
  }
  if (/^(common|organizations|consumers)$/i.test(tenantId)) {
    throw new InputError(
      'tenant-id',
      `is '${tenantId}', which names no tenant: an app signs in to its own tenant (Entra ID would answer AADSTS50059).`,
      'give the directory (tenant) id (a GUID) or a verified domain of the tenant, e.g. contoso.onmicrosoft.com.',
    )
  }
  if (tenantId && !GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
    throw new InputError(
      'tenant-id',
      'is neither a GUID nor a domain name.',
      'give the directory (tenant) id (a GUID) or a verified domain of the tenant, e.g. contoso.onmicrosoft.com.',
    )
  }
  return tenantId
}

function readClientId(inputs: Inputs, authType: AppAuthType): string {
  const clientId = inputs.read('client-id', 'AZURE_CLIENT_ID')
  if (!clientId) {
    throw new InputError(
      'client-id',
      `is required for auth-type ${authType}.`,
      'give the application (client) id of the app registration, e.g. client-id: ${{ vars.AZURE_CLIENT_ID }}, or set AZURE_CLIENT_ID.',
    )
  }
  if (!GUID.test(clientId)) {
    throw new InputError(
      'client-id',
      'is not a GUID.',
      "give the application (client) id from the app registration's Overview page (a GUID), not its name or object id.",
    )
  }
  return clientId
}

function readTarget(inputs: Inputs): Target {
  return { scope: readScope(inputs), cloud: readCloud(inputs) }
}

const FHIR = 'https://myworkspace-myfhir.fhir.azurehealthcareapis.com'

/** An input's value in a message: one inert, bounded line (a value may hold anything). */
const shown = (value: string) => safeText(value, text => text, 200)
/** Longer than any resource URI or scope: the wrong value pasted (a token, a whole file). */
const MAX_SCOPE_LENGTH = 1000

function readScope(inputs: Inputs): string {
  const resource = inputs.read('resource')
  const scope = inputs.read('scope')
  const resourceIsScope = /\/\.default$/i.test(resource)
  if (resource && scope) {
    // Both problems at once: a resource that is a scope is the usual reason for giving both.
    throw new InputError(
      'scope',
      `cannot be used together with resource${resourceIsScope ? `, and resource ('${shown(resource)}') is itself a scope (it ends in /.default)` : ''}.`,
      resourceIsScope
        ? `keep one of them as scope (${shown(scope)} or ${shown(resource)}) and remove resource.`
        : `give either resource (e.g. ${FHIR}) or scope (e.g. ${FHIR}/.default), not both.`,
    )
  }
  if (!resource && !scope) {
    throw new InputError(
      'resource',
      'is required for provider azure (or give scope).',
      `give the resource the token is for, e.g. resource: ${FHIR}.`,
    )
  }
  if (resourceIsScope) {
    throw new InputError(
      'resource',
      `is '${shown(resource)}', which is already a scope (it ends in /.default).`,
      `give it as scope: ${shown(resource)}, or drop /.default from resource.`,
    )
  }
  const [name, value] = resource ? ['resource', resource] : ['scope', scope]
  const example = `give one ${name}, e.g. ${FHIR}${name === 'scope' ? '/.default' : ''}.`
  if (value.length > MAX_SCOPE_LENGTH) {
    throw new InputError(
      name,
      `is ${value.length} characters long; a ${name} is a URI of at most ${MAX_SCOPE_LENGTH}.`,
      `check what the expression in ${name} gives (not a token or a file's contents): ${example}`,
    )
  }
  if (/[\s\u0000-\u001f"'\\]/.test(value)) {
    throw new InputError(name, 'contains white space, quotes or control characters.', example)
  }
  return resource ? `${resource}/.default` : scope
}
