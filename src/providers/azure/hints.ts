import type { CodeHints } from '../hints.ts'
import type { AzureConfig } from './config.ts'
import type { AzureAuthType } from './inputs.ts'

/** One-line fixes for the AADSTS codes CI users meet most. */
const AADSTS_HINTS: Record<string, string> = {
  AADSTS7000215: "client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID.",
  AADSTS7000222:
    'the client secret has expired: create a new one (App registrations > Certificates & secrets) and update the secret.',
  AADSTS700016:
    'no app with this client-id in this tenant: check client-id, tenant-id and cloud (a US Government or China app is not in the public cloud).',
  AADSTS70021:
    'no federated credential on the app matches this GitHub OIDC token: add one whose issuer, subject and audience are exactly the values above.',
  AADSTS700211:
    "no federated credential matches the token's issuer: register the iss above as the credential's issuer (https://token.actions.githubusercontent.com on github.com; https://<host>/_services/token on GitHub Enterprise Server; https://token.actions.githubusercontent.com/<enterprise> for an enterprise with a custom issuer).",
  AADSTS700212:
    "no federated credential matches the token's audience: set the credential's audience to the aud above, or oidc-audience to the credential's.",
  AADSTS700213:
    "no federated credential matches the token's subject: add a federated credential for exactly the sub above (branch, tag, environment or pull_request).",
  AADSTS7002137:
    "no federated credential matches the token's subject; Entra ID's message names the subject the credential should have: set the federated credential's subject to exactly that (the token's sub is shown above).",
  AADSTS7002138:
    "the federated credential's subject differs from the token's sub only in letter case (Entra ID compares subjects case-sensitively): register exactly the sub above, with its capitals (owner, repository and environment names as GitHub writes them).",
  AADSTS700024:
    "the client assertion is outside its time window: check the runner's clock; the GitHub OIDC token is fetched right before the token request and lives about 5 minutes.",
  AADSTS700027:
    'the certificate is not registered on the app: upload its public certificate (App registrations > Certificates & secrets), or check that client-certificate holds the matching key.',
  AADSTS90002: 'the tenant was not found: check tenant-id and cloud (or authority-host).',
  AADSTS90033:
    'Entra ID had a transient problem: re-run the job; raise max-attempts or timeout-seconds if it happens often.',
  AADSTS500011:
    'the resource principal was not found in the tenant: check resource / scope (e.g. https://<workspace>-<fhir>.fhir.azurehealthcareapis.com), and that the service exists in this tenant.',
  AADSTS1002012:
    'the scope is not valid for an app token: it must end in /.default (give resource, e.g. https://myworkspace-myfhir.fhir.azurehealthcareapis.com, or scope ending in /.default).',
  AADSTS53003:
    "a Conditional Access policy blocks tokens for this identity (the policy ids above; GitHub-hosted runners are in no named location): re-running does not help. An admin must exclude this app or service principal from the policy, or allow the runner's addresses (a self-hosted runner with fixed addresses, or managed-identity on Azure).",
  AADSTS7000112:
    'the app (or its service principal) is disabled in this tenant: an admin must enable it (Enterprise applications > the app > Properties > Enabled for users to sign in), or use another app.',
  AADSTS700025:
    'the app registration is set to allow public client flows, so Entra ID refuses any client secret or assertion: set "Allow public client flows" to No (App registrations > the app > Authentication), or register a confidential app for CI.',
  AADSTS50059:
    "Entra ID could not tell which tenant to sign in to: give the directory (tenant) id or a verified domain in tenant-id, not 'common' or 'organizations'.",
}

/** Where a code means something else for an auth type: workload identity federates the cluster, not GitHub. */
const WORKLOAD_IDENTITY_HINTS: Record<string, string> = {
  AADSTS70021:
    "no federated credential on the app matches the runner pod's service account token: add one with the cluster's OIDC issuer (az aks show --query oidcIssuerProfile.issuerUrl), the subject system:serviceaccount:<namespace>:<service account> and the audience api://AzureADTokenExchange, exactly the values above.",
  AADSTS700211:
    "no federated credential matches the token's issuer: register the AKS cluster's OIDC issuer (the iss above; az aks show --query oidcIssuerProfile.issuerUrl) as the credential's issuer.",
  AADSTS700212:
    "no federated credential matches the token's audience: the credential's audience must be the aud above (api://AzureADTokenExchange for AKS workload identity).",
  AADSTS700213:
    "no federated credential matches the token's subject: register system:serviceaccount:<namespace>:<service account> of the runner pod, exactly the sub above.",
  AADSTS7002138:
    "the federated credential's subject differs from the token's sub only in letter case (Entra ID compares subjects case-sensitively): register exactly the sub above; Kubernetes namespace and service account names are lower case.",
  AADSTS700024:
    "the federated token is outside its time window: the kubelet refreshes the projected token; check that federated-token-file points at the projected file itself (not a copy) and the node's clock.",
}

/** Entra ID's codes and their fixes, and where workload identity needs other ones. */
export const AZURE_HINTS: CodeHints<AzureAuthType> = {
  byCode: AADSTS_HINTS,
  byAuthType: { 'workload-identity': WORKLOAD_IDENTITY_HINTS },
}

/** What to check when the credential could not be used at all, per auth type. */
export const UNAVAILABLE_HINTS: Record<AzureConfig['authType'], string> = {
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

/** The fix when the identity asked for is not on the machine (or it has no system-assigned one). */
export const IDENTITY_NOT_ASSIGNED =
  'no managed identity with this id is assigned to the machine (without an id: it has no system-assigned identity): check client-id, identity-object-id or identity-resource-id against its identities (az vm identity show, az webapp identity show), or assign the identity; a new assignment can take a few minutes to arrive.'

/**
 * IMDS refuses with invalid_request and App Service with a bare message (or an empty body): the
 * message is all that tells the cases apart.
 */
export const MANAGED_IDENTITY_HINTS: Array<[RegExp, string]> = [
  [
    /Multiple user assigned identities exist/i,
    'the machine has several user-assigned identities and none was chosen: name one with client-id, identity-object-id or identity-resource-id (az vm identity show lists them).',
  ],
  [
    /Identity not found|Unable to load the proper Managed Identity|No User Assigned or Delegated Managed Identity found/i,
    IDENTITY_NOT_ASSIGNED,
  ],
]

/** The fix when Entra ID cannot be reached at all: where its address comes from, never the credentials. */
export function entraUnreachable(url: string): string {
  return `check that ${new URL(url).host} is reachable from the runner: the proxy settings (HTTPS_PROXY, NO_PROXY) and the cloud and authority-host inputs; it is not a problem with the credentials.`
}

/** The fix when the managed identity endpoint cannot be reached at all. */
export const MANAGED_IDENTITY_UNREACHABLE =
  'managed-identity works only on a self-hosted runner in Azure: IDENTITY_ENDPOINT names the endpoint on App Service and Container Apps; on a VM the metadata service 169.254.169.254 answers only inside Azure (get-token reaches it without a proxy). It is not a problem with the credentials.'

/**
 * auth-type auto chose oidc because client-secret (and AZURE_CLIENT_SECRET) and client-certificate
 * were empty. A misspelled or unavailable secret arrives empty, so a step meant to use a secret
 * signs in with OIDC instead, and Entra's refusal then sends the user after federated credentials.
 */
export const AUTO_CHOSE_OIDC =
  'auth-type auto chose oidc: client-secret (and AZURE_CLIENT_SECRET) and client-certificate are empty, and this job may request a GitHub OIDC token. If this step should use a client secret, its reference arrived empty: a secret that does not exist (check its name) or is not available to this run arrives empty. Set auth-type: oidc to say that OIDC is meant.'
