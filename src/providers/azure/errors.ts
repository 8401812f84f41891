import { ActionError } from '../../errors.ts'
import type { Deadline } from '../../io/deadline.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'
import { authorityOf, type AzureConfig } from './config.ts'
import type { FederatedAssertion } from './federated.ts'

/** One-line fixes for the AADSTS codes CI users meet most. */
export const AADSTS_HINTS: Record<string, string> = {
  '7000215': "client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID.",
  '7000222':
    'the client secret has expired: create a new one (App registrations > Certificates & secrets) and update the secret.',
  '700016':
    'no app with this client-id in this tenant: check client-id, tenant-id and cloud (a US Government or China app is not in the public cloud).',
  '70021':
    'no federated credential on the app matches this GitHub OIDC token: add one whose issuer, subject and audience are exactly the values above.',
  '700211':
    "no federated credential matches the token's issuer: register the iss above as the credential's issuer (https://token.actions.githubusercontent.com on github.com; https://<host>/_services/token on GitHub Enterprise Server; https://token.actions.githubusercontent.com/<enterprise> for an enterprise with a custom issuer).",
  '700212':
    "no federated credential matches the token's audience: set the credential's audience to the aud above, or oidc-audience to the credential's.",
  '700213':
    "no federated credential matches the token's subject: add a federated credential for exactly the sub above (branch, tag, environment or pull_request).",
  '700024':
    "the client assertion is outside its time window: check the runner's clock; the GitHub OIDC token is fetched right before the token request and lives about 5 minutes.",
  '700027':
    'the certificate is not registered on the app: upload its public certificate (App registrations > Certificates & secrets), or check that client-certificate holds the matching key.',
  '90002': 'the tenant was not found: check tenant-id and cloud (or authority-host).',
  '90033':
    'Entra ID had a transient problem: re-run the job; raise max-attempts or timeout-seconds if it happens often.',
  '500011':
    'the resource principal was not found in the tenant: check resource / scope (e.g. https://<workspace>-<fhir>.fhir.azurehealthcareapis.com), and that the service exists in this tenant.',
  '1002012': 'the scope is not valid for an app token: it must end in /.default (or give resource instead of scope).',
}

/** Where a code means something else for an auth type: workload identity federates the cluster, not GitHub. */
const WORKLOAD_IDENTITY_HINTS: Record<string, string> = {
  '70021':
    "no federated credential on the app matches the runner pod's service account token: add one with the cluster's OIDC issuer (az aks show --query oidcIssuerProfile.issuerUrl), the subject system:serviceaccount:<namespace>:<service account> and the audience api://AzureADTokenExchange, exactly the values above.",
  '700211':
    "no federated credential matches the token's issuer: register the AKS cluster's OIDC issuer (the iss above; az aks show --query oidcIssuerProfile.issuerUrl) as the credential's issuer.",
  '700212':
    "no federated credential matches the token's audience: the credential's audience must be the aud above (api://AzureADTokenExchange for AKS workload identity).",
  '700213':
    "no federated credential matches the token's subject: register system:serviceaccount:<namespace>:<service account> of the runner pod, exactly the sub above.",
  '700024':
    "the federated token is outside its time window: the kubelet refreshes the projected token; check that federated-token-file points at the projected file itself (not a copy) and the node's clock.",
}

const FEDERATION_CODES = new Set(['70021', '700211', '700212', '700213'])

export interface ErrorLike {
  name?: string
  message?: string
  errorMessage?: string
  errorCode?: string
  errorNo?: string
  correlationId?: string
  status?: number
  statusCode?: number
  cause?: unknown
}

/** What timed out, for deadline messages. */
export function requestName(config: AzureConfig): string {
  if (config.authType === 'managed-identity') return 'The managed identity token request'
  if (config.authType === 'azure-cli') return 'The Azure CLI (az account get-access-token)'
  return `The Entra ID token request (${authorityOf(config)})`
}

/** Turns anything @azure/identity throws into one actionable message. */
export function azureError(
  error: unknown,
  config: AzureConfig,
  deadline: Deadline,
  assertion: FederatedAssertion | undefined,
  redact: Redact,
): ActionError {
  if (error instanceof ActionError) return error
  const chain = causes(error)
  const text = chain.map(e => `${e.errorMessage ?? ''} ${e.message ?? ''}`).join(' ')
  // MSAL turns an aborted request into network_error or endpoints_resolution_error: the clock tells.
  if (deadline.remainingMs() <= 0 || chain.some(e => e.name === 'AbortError' || e.name === 'TimeoutError')) {
    return deadline.exceeded(requestName(config))
  }
  const code = /AADSTS(\d+)/.exec(text)?.[1] ?? chain.map(e => e.errorNo).find(Boolean)
  if (code) {
    const lines = [`Entra ID refused the token request (${config.authType}): ${describe(text, code, redact)}`]
    const correlationId =
      chain.map(e => e.correlationId).find(Boolean) ?? /Correlation ID: ([0-9a-f-]{36})/i.exec(text)?.[1]
    if (correlationId) lines.push(`Correlation ID: ${safeText(correlationId, redact, 60)}`)
    if (FEDERATION_CODES.has(code) && assertion?.lastToken) lines.push(describeAssertion(assertion, redact))
    const hint =
      (config.authType === 'workload-identity' ? WORKLOAD_IDENTITY_HINTS[code] : undefined) ?? AADSTS_HINTS[code]
    return new ActionError(lines.join('\n'), {
      fix: hint ?? `look up AADSTS${code} at https://login.microsoftonline.com/error?code=${code}.`,
    })
  }
  // MSAL appends the raw response headers to unknown errors: noise for the user.
  const message = safeText((chain[0]?.message ?? String(error)).replace(/\s*Headers: \{[\s\S]*$/, ''), redact, 600)
  const unavailable = chain.some(e => e.name === 'CredentialUnavailableError')
  return new ActionError(`Could not get an Entra ID token (${config.authType}): ${message}`, {
    fix: unavailable ? UNAVAILABLE_HINTS[config.authType] : networkOrGeneric(text, config),
  })
}

const UNAVAILABLE_HINTS: Record<AzureConfig['authType'], string> = {
  'client-secret': 'check tenant-id, client-id and client-secret.',
  'client-certificate':
    'check that client-certificate holds the PEM private key and certificate, and client-certificate-password if the key is encrypted.',
  oidc: 'check that the job has `permissions: id-token: write` and that the app has a federated credential for this repository.',
  'workload-identity':
    "check federated-token-file (AZURE_FEDERATED_TOKEN_FILE), tenant-id and client-id, and that the app has a federated credential for the cluster's issuer and the runner's service account.",
  'managed-identity':
    'managed-identity works only on a self-hosted runner in Azure (VM, scale set, App Service, Container Apps) with an identity assigned; pick a user-assigned identity with client-id, identity-object-id or identity-resource-id.',
  'azure-cli': 'run azure/login (or `az login`) in an earlier step of this job, and check that `az` is on PATH.',
}

function networkOrGeneric(text: string, config: AzureConfig): string {
  const status = /Http status code: (408|429|5\d\d)\b/.exec(text)?.[1]
  if (status) {
    return `${authorityOf(config)} answered HTTP ${status} on every attempt: a server or proxy problem, not your credentials. Re-run, or raise max-attempts / timeout-seconds.`
  }
  if (/Response had no "expiresOn"|unknown_error|Http status code: 2\d\d/.test(text)) {
    return `${authorityOf(config)} answered, but not as Entra ID does: check authority-host and cloud, and any proxy between the runner and the authority.`
  }
  return networkHint(text, config) ?? UNAVAILABLE_HINTS[config.authType]
}

export function networkHint(text: string, config: AzureConfig): string | undefined {
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|socket hang up/i.test(text)) {
    return `check that ${authorityOf(config)} is reachable from the runner (proxy settings: HTTPS_PROXY, NO_PROXY), or the authority-host input.`
  }
  if (/certificate|self.signed|UNABLE_TO_VERIFY/i.test(text)) {
    return "the authority's TLS certificate is not trusted: for a private CA, give its certificate to the step through NODE_EXTRA_CA_CERTS."
  }
  return undefined
}

/** "AADSTS7000215: Invalid client secret provided. ..." without the trace and correlation noise. */
function describe(text: string, code: string, redact: Redact): string {
  const start = text.indexOf(`AADSTS${code}`)
  const from = start >= 0 ? text.slice(start) : text
  const description = from.split(/\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n)/)[0] ?? from
  return safeText(description || `AADSTS${code}`, redact, 500)
}

/** The claims a federated credential must match, never the token. */
function describeAssertion(assertion: FederatedAssertion, redact: Redact): string {
  const claims = jwtClaims(assertion.lastToken ?? '')
  const claim = (name: string) => safeText(stringClaim(claims, name) ?? '?', redact, 300)
  return `${assertion.label} had iss=${claim('iss')} sub=${claim('sub')} aud=${claim('aud')}`
}

export function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  let current: unknown = error
  while (current && typeof current === 'object' && chain.length < 5) {
    chain.push(current as ErrorLike)
    current = (current as ErrorLike).cause
  }
  if (chain.length === 0) chain.push({ message: String(error) })
  return chain
}
