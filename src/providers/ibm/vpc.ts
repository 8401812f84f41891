import { ActionError } from '../../errors.ts'
import { requestJson, type HttpStatusError } from '../../io/http.ts'
import { jsonObject } from '../../json.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'
import type { Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { IbmConfig } from './config.ts'
import { describeProfile } from './profile.ts'

type VpcConfig = Extract<IbmConfig, { authType: 'vpc-instance' }>

/** The metadata service's API version: the paths below are this version's. */
const VERSION = '2022-03-01'
/** The instance identity token only has to outlive the second request. */
const INSTANCE_TOKEN_SECONDS = 300
const SERVICE = 'IBM Cloud VPC metadata service'

/**
 * A self-hosted runner on an IBM Cloud VPC virtual server: the instance identity token from the
 * metadata service, then an IAM token for a trusted profile (or the one linked to the instance).
 */
export async function getVpcToken(config: VpcConfig, ctx: ProviderContext): Promise<Token> {
  const identity = await vpcCall(config, ctx, 'the instance identity token', {
    method: 'PUT',
    path: '/instance_identity/v1/token',
    body: JSON.stringify({ expires_in: INSTANCE_TOKEN_SECONDS }),
  })
  const instanceToken = stringField(identity, 'access_token', 'the instance identity token')
  ctx.mask(instanceToken)
  const profile = config.profile
  const trustedProfile =
    profile.kind === 'id' ? { id: profile.id } : profile.kind === 'crn' ? { crn: profile.crn } : undefined
  const iam = await vpcCall(config, ctx, `an IAM token for ${describeProfile(profile)}`, {
    method: 'POST',
    path: '/instance_identity/v1/iam_token',
    body: trustedProfile ? JSON.stringify({ trusted_profile: trustedProfile }) : undefined,
    bearer: instanceToken,
  })
  const accessToken = stringField(iam, 'access_token', 'the IAM token')
  ctx.mask(accessToken)
  return { accessToken, ...expiry(iam, ctx.now()) }
}

interface VpcRequest {
  method: 'PUT' | 'POST'
  path: string
  body: string | undefined
  bearer?: string
}

function vpcCall(config: VpcConfig, ctx: ProviderContext, step: string, request: VpcRequest) {
  return requestJson({
    service: SERVICE,
    endpointInput: 'metadata-endpoint',
    transport: ctx.transport,
    retry: ctx.retry,
    redact: ctx.redact,
    request: {
      method: request.method,
      url: `${config.metadataEndpoint}${request.path}?version=${VERSION}`,
      headers: {
        'Metadata-Flavor': 'ibm',
        Accept: 'application/json',
        ...(request.body ? { 'Content-Type': 'application/json' } : {}),
        ...(request.bearer ? { Authorization: `Bearer ${request.bearer}` } : {}),
      },
      body: request.body,
    },
    unreachableFix: UNREACHABLE,
    refused: error => vpcError(error, step, ctx.redact),
  })
}

const UNREACHABLE =
  "auth-type vpc-instance runs on an IBM Cloud VPC virtual server whose metadata service is enabled (it is off by default: turn it on in the instance's settings); with secure access (https), set metadata-endpoint to https://api.metadata.cloud.ibm.com."

function stringField(body: Record<string, unknown>, field: string, what: string): string {
  const value = body[field]
  if (typeof value === 'string' && value !== '') return value
  throw new ActionError(`${SERVICE} answered without ${what} (no ${field}).`, {
    fix: 'check that metadata-endpoint is the VPC metadata service (http://169.254.169.254 or https://api.metadata.cloud.ibm.com).',
  })
}

/** `expires_at` (RFC 3339) is authoritative; `expires_in` is the fallback. Checked before publishing. */
function expiry(body: Record<string, unknown>, now: number): Pick<Token, 'expiresOnMs' | 'expirySource'> {
  if (body.expires_at !== undefined) {
    const at = typeof body.expires_at === 'string' ? Date.parse(body.expires_at) : NaN
    return { expiresOnMs: at, expirySource: 'expires_at' }
  }
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : NaN
  return { expiresOnMs: now + seconds * 1000, expirySource: 'expires_in' }
}

/** Fixes for what the metadata service says, by its error code, then by status. */
const CODE_HINTS: Record<string, string> = {
  missing_metadata_flavor:
    'the request lacked the Metadata-Flavor: ibm header: check that metadata-endpoint is the VPC metadata service, not a proxy that drops headers.',
  invalid_version: 'the metadata service does not accept API version 2022-03-01: check metadata-endpoint.',
  token_expired: 'the instance identity token expired between the two requests: re-run; check the instance clock.',
  trusted_profile_not_linked:
    'the trusted profile is not linked to this instance: add the instance to the profile (IAM > Trusted profiles > the profile > Trust relationship > Compute resources > VPC), or give the linked profile (leave profile-id and profile-crn empty).',
}
const STATUS_HINTS: Record<number, string> = {
  400: 'check profile-id / profile-crn and metadata-endpoint.',
  401: 'the instance identity token was refused: re-run; if it persists, the metadata service of this instance is misconfigured.',
  403: "this instance may not use the trusted profile: check the profile's trust relationship for this VPC instance.",
  404: 'check metadata-endpoint: the metadata service is at http://169.254.169.254 (or https://api.metadata.cloud.ibm.com), and the instance may have no linked profile.',
}

interface VpcErrorBody {
  errors?: Array<{ code?: unknown; message?: unknown; more_info?: unknown }>
  trace?: unknown
}

/** VPC's error model (`{"errors":[{code,message,more_info}],"trace"}`) as one message and a fix. */
export function vpcError(error: HttpStatusError, step: string, redact: Redact): ActionError {
  // Not JSON: reported by status alone.
  const body: VpcErrorBody = jsonObject(error.body) ?? {}
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined
  const code = typeof first?.code === 'string' ? safeText(first.code, redact, 60) : undefined
  const message = typeof first?.message === 'string' ? safeText(first.message, redact, 500) : undefined
  const said = [code, message].filter(Boolean).join(' ') || safeText(error.body, redact, 300) || '(empty body)'
  const lines = [`${SERVICE} refused ${step} (HTTP ${error.status}): ${said}`]
  if (typeof body.trace === 'string') lines.push(`Trace: ${safeText(body.trace, redact, 100)}`)
  const fix =
    (code ? CODE_HINTS[code] : undefined) ??
    STATUS_HINTS[error.status] ??
    (error.status >= 500
      ? 'the metadata service had a server error: re-run, or raise max-attempts.'
      : 'check the vpc-instance inputs.')
  return new ActionError(lines.join('\n'), { fix })
}
