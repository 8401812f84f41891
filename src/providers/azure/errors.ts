import { jsonObject } from '../../json.ts'
import type { ErrorModel, ReadSaid, Said } from '../../io/service-error.ts'
import { textField } from '../../io/service-error.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import type { AzureConfig } from './config.ts'
import type { FederatedAssertion } from './federated.ts'
import { hintFor } from '../hints.ts'
import { AZURE_HINTS, IDENTITY_NOT_ASSIGNED, MANAGED_IDENTITY_HINTS, UNAVAILABLE_HINTS } from './hints.ts'

/** Where Azure reports outages, in the fix of a service that keeps failing. */
const AZURE_STATUS_PAGE = 'https://azure.status.microsoft'

/** Codes about the federated credential match: the error shows what the assertion claimed. */
const FEDERATION_CODES = new Set(
  ['70021', '700211', '700212', '700213', '7002137', '7002138'].map(code => `AADSTS${code}`),
)

/**
 * Every shape an Azure token service answers a failure in: Entra's OAuth JSON (`error`,
 * `error_description` with "Trace ID: … Correlation ID: … Timestamp: …" after it, separated by
 * spaces or `\r\n`, `error_codes`, `correlation_id`, and `claims` when Conditional Access blocked
 * the request), IMDS's and Azure Arc's `{error, error_description}`, and App Service's
 * `{statusCode, message, correlationId}` with the X-CORRELATION-ID header.
 */
export const readAzureAnswer: ReadSaid = (json, headers) => {
  const description = textField(json, 'error_description') ?? textField(json, 'message')
  const aadsts = /^\s*AADSTS(\d+)\b/.exec(description ?? '')?.[1] ?? firstErrorCode(json)
  const message = description
    ?.replace(/^\s*AADSTS\d+:\s*/, '')
    .split(/\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n)/)[0]
  const correlationId =
    textField(json, 'correlation_id') ??
    textField(json, 'correlationId') ??
    headers['x-correlation-id'] ??
    /Correlation ID: ([0-9a-f-]{36})/i.exec(description ?? '')?.[1]
  const policies = blockingPolicies(json)
  return {
    code: aadsts ? `AADSTS${aadsts}` : textField(json, 'error'),
    message: message || undefined,
    details: policies.length > 0 ? [`Conditional Access policies that blocked it: ${policies.join(', ')}`] : [],
    supportId: correlationId ? { label: 'Correlation ID', value: correlationId } : undefined,
  }
}

function firstErrorCode(json: Record<string, unknown> | undefined): string | undefined {
  const codes = json?.error_codes
  const first: unknown = Array.isArray(codes) ? codes[0] : undefined
  return typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)) ? String(first) : undefined
}

/** `claims` is a JSON string inside the JSON: `{"access_token":{"capolids":{"values":[policy ids]}}}`. */
function blockingPolicies(json: Record<string, unknown> | undefined): string[] {
  const claims = jsonObject(textField(json, 'claims') ?? '')
  const ids: unknown = (claims?.access_token as { capolids?: { values?: unknown } } | undefined)?.capolids?.values
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, 10) : []
}

/** How Entra's answers to an app's sign-in (`what`: "the client-secret token request") are told. */
export function entraErrors(
  what: string,
  config: AzureConfig,
  assertion: FederatedAssertion | undefined,
  fallbackFix: (status: number) => string = () => UNAVAILABLE_HINTS[config.authType],
): ErrorModel {
  return {
    what,
    statusPage: AZURE_STATUS_PAGE,
    read: readAzureAnswer,
    refusalFix: ({ code }, status) => {
      const fix = aadstsFix(code, config.authType) ?? fallbackFix(status)
      const emptySecret = FEDERATION_CODES.has(code ?? '') && config.authType === 'oidc' && config.auto
      return emptySecret ? `${fix} ${EMPTY_SECRET_TOO}` : fix
    },
    context: ({ code }) =>
      assertion?.lastToken && FEDERATION_CODES.has(code ?? '') ? [describeAssertion(assertion)] : [],
  }
}

/** How a managed identity endpoint's answers are told: its own message decides the fix. */
export const MANAGED_IDENTITY_ERRORS: ErrorModel = {
  what: 'the managed identity token request',
  statusPage: AZURE_STATUS_PAGE,
  read: readAzureAnswer,
  refusalFix: (said: Said, status) => {
    const text = `${said.code ?? ''} ${said.message ?? ''}`
    const known = MANAGED_IDENTITY_HINTS.find(([pattern]) => pattern.test(text))?.[1]
    if (known) return known
    return (
      aadstsFix(said.code, 'managed-identity') ??
      (status === 400 ? IDENTITY_NOT_ASSIGNED : UNAVAILABLE_HINTS['managed-identity'])
    )
  },
}

/** What a federation refusal adds when auth-type auto chose oidc: the secret may have arrived empty. */
const EMPTY_SECRET_TOO =
  "Or, if this step should use client-secret: auth-type auto chose oidc because client-secret arrived empty (a misspelled secret, or one not available to this run); check the secret's name, or set auth-type."

/** The fix for an AADSTS code (workload identity has its own for the federation codes); undefined for no code. */
function aadstsFix(code: string | undefined, authType: AzureConfig['authType']): string | undefined {
  const number = /^AADSTS(\d+)$/.exec(code ?? '')?.[1]
  if (!number) return undefined
  return (
    hintFor(AZURE_HINTS, code, authType) ?? `look up ${code} at https://login.microsoftonline.com/error?code=${number}.`
  )
}

/** The claims a federated credential must match, never the token. */
function describeAssertion(assertion: FederatedAssertion): string {
  const claims = jwtClaims(assertion.lastToken ?? '')
  const claim = (name: string) => stringClaim(claims, name) ?? '?'
  return `${assertion.label} had iss=${claim('iss')} sub=${claim('sub')} aud=${claim('aud')}`
}
