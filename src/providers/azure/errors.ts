import { ActionError } from '../../errors.ts'
import type { Deadline } from '../../io/deadline.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import { TLS_ERRORS } from '../../io/http.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'
import { authorityOf, type AzureConfig } from './config.ts'
import type { FederatedAssertion } from './federated.ts'
import {
  AADSTS_HINTS,
  ENDPOINT_INPUTS,
  MANAGED_IDENTITY_HINTS,
  UNAVAILABLE_HINTS,
  WORKLOAD_IDENTITY_HINTS,
} from './hints.ts'
import type { NetworkFailure } from './wire-watch.ts'

/** Codes about the federated credential match: the error shows what the assertion claimed. */
const FEDERATION_CODES = new Set(['70021', '700211', '700212', '700213', '7002137', '7002138'])

/** What the SDK and MSAL put on the errors they throw, as far as messages need it. */
interface ErrorLike {
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
  failure?: NetworkFailure,
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
  // MSAL reports a request that got no answer without its cause; the watch kept it.
  if (failure) return unreachable(failure, config, redact)
  if (config.authType === 'managed-identity') {
    const refused = managedIdentityRefusal(chain, text, redact)
    if (refused) return refused
  }
  // MSAL appends the raw response headers to unknown errors: noise for the user.
  const message = safeText((chain[0]?.message ?? String(error)).replace(/\s*Headers: \{[\s\S]*$/, ''), redact, 600)
  const unavailable = chain.some(e => e.name === 'CredentialUnavailableError')
  return new ActionError(`Could not get an Entra ID token (${config.authType}): ${message}`, {
    fix: unavailable ? UNAVAILABLE_HINTS[config.authType] : networkOrGeneric(text, config),
  })
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

/** The fix for a request that got no answer (refused, reset, TLS), by what the text says; undefined otherwise. */
export function networkHint(text: string, config: AzureConfig): string | undefined {
  if (/ERR_TLS_CERT_ALTNAME_INVALID/.test(text)) {
    return `the certificate that answered is not one for ${hostOf(config)}: a proxy or firewall that inspects TLS answers in its place. Let the runner through it (NO_PROXY), or give its CA certificate to the step through NODE_EXTRA_CA_CERTS; check ${ENDPOINT_INPUTS[config.authType]}.`
  }
  if (/certificate|self.signed|UNABLE_TO_VERIFY|CERT_|ERR_TLS/i.test(text)) {
    return 'the TLS certificate is not trusted: for a private CA or a proxy that inspects TLS, give its CA certificate to the step through NODE_EXTRA_CA_CERTS.'
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|network_error/.test(
      text,
    )
  ) {
    const proxy =
      config.authType === 'managed-identity' ? 'NO_PROXY must name it if HTTP_PROXY is set' : 'HTTPS_PROXY, NO_PROXY'
    return `check that ${hostOf(config)} is reachable from the runner: the proxy settings (${proxy}) and ${ENDPOINT_INPUTS[config.authType]}; it is not a problem with the credentials.`
  }
  return undefined
}

function hostOf(config: AzureConfig): string {
  if (config.authType === 'managed-identity') return 'the managed identity endpoint'
  return new URL(authorityOf(config)).host
}

/** A request that never got an answer: the host, Node's error code, and where to look. */
function unreachable(failure: NetworkFailure, config: AzureConfig, redact: Redact): ActionError {
  const service = config.authType === 'managed-identity' ? 'the managed identity endpoint' : 'Entra ID'
  const code = safeText(failure.code || 'network error', redact, 60)
  const detail =
    failure.message && failure.message !== failure.code ? ` (${safeText(failure.message, redact, 200)})` : ''
  const what = TLS_ERRORS.test(failure.code)
    ? `The TLS certificate of ${service} (${failure.host}) was refused: ${code}${detail}.`
    : `Could not reach ${service} at ${failure.host} (${config.authType}): ${code}${detail}.`
  return new ActionError(what, { fix: networkHint(`${failure.code} ${failure.message}`, config) })
}

/** The endpoint's `error` and description (MSAL writes it after "Description:"), and the fix for it. */
function managedIdentityRefusal(chain: ErrorLike[], text: string, redact: Redact): ActionError | undefined {
  const [pattern, fix] = MANAGED_IDENTITY_HINTS.find(([known]) => known.test(text)) ?? []
  if (!pattern || !fix) return undefined
  const description = /Description: ([\s\S]*?) - Correlation ID:/.exec(text)?.[1] ?? pattern.exec(text)?.[0] ?? ''
  const code = chain.map(e => e.errorCode).find(Boolean)
  const said = safeText(`${code ? `${code}: ` : ''}${description}`, redact, 300)
  return new ActionError(`The managed identity endpoint refused the token request: ${said}`, { fix })
}

/** "AADSTS7000215: Invalid client secret provided. ..." without the trace and correlation noise. */
function describe(text: string, code: string, redact: Redact): string {
  const start = text.indexOf(`AADSTS${code}`)
  const from = start >= 0 ? text.slice(start) : text
  const description = from.split(/\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n)/)[0] ?? from
  return safeText(description || `AADSTS${code}`, redact, 800)
}

/** The claims a federated credential must match, never the token. */
function describeAssertion(assertion: FederatedAssertion, redact: Redact): string {
  const claims = jwtClaims(assertion.lastToken ?? '')
  const claim = (name: string) => safeText(stringClaim(claims, name) ?? '?', redact, 300)
  return `${assertion.label} had iss=${claim('iss')} sub=${claim('sub')} aud=${claim('aud')}`
}

/** The error and its causes, outermost first, at most five. */
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
