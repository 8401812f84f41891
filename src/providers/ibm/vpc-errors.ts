import { ActionError } from '../../errors.ts'
import type { HttpStatusError } from '../../io/http.ts'
import { jsonObject } from '../../json.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'

/** Who answers, in messages: VPC virtual servers, bare metal servers and Power Virtual Server alike. */
export const METADATA_SERVICE = 'IBM Cloud instance metadata service'

/** Where the metadata service is, for fixes that point at metadata-endpoint. */
export const ENDPOINTS =
  'http://169.254.169.254 or https://api.metadata.cloud.ibm.com (secure access) on VPC virtual servers and bare metal servers, https://api.metadata.power-iaas.cloud.ibm.com on IBM Power Virtual Server'

/** One request to the metadata service, as messages name it. */
export interface VpcStep {
  /** What was asked for: "the instance identity token". */
  what: string
  method: string
  path: string
  version: string
}

const UNREADABLE_REQUEST = `the metadata service could not read the request: check that metadata-endpoint is the metadata service itself (${ENDPOINTS}).`

/**
 * Fixes by the codes the metadata service documents ("Metadata API error codes"). `invalid_request`,
 * `missing_field` and `unknown_field` are its codes for a request it could not parse.
 */
const CODE_FIXES: Record<string, string> = {
  missing_value:
    'something between the runner and the metadata service dropped part of the request (the target above; the action always sends the Metadata-Flavor: ibm header): point metadata-endpoint at the service itself, not at a proxy or gateway, and keep it out of the proxy (NO_PROXY).',
  invalid_value:
    'the metadata service refused a value of the request (the target above): check metadata-endpoint; a `version` it refuses means it does not run the VPC Identity API this action speaks.',
  invalid_request: UNREADABLE_REQUEST,
  missing_field: UNREADABLE_REQUEST,
  unknown_field: UNREADABLE_REQUEST,
  unauthenticated:
    "the instance identity token was refused (expired, or changed on the way): re-run; check the server's clock and that nothing between the runner and the metadata service rewrites the Authorization header.",
  unauthorized:
    "this server may not use the trusted profile: add it to the profile's trust relationship (IAM > Trusted profiles > the profile > Trust relationship > Compute resources), or name a profile that trusts it.",
  profile_not_linked:
    "the trusted profile is not linked to this server: link one in the server's settings (Trusted profile), or name one whose trust relationship includes this server with profile-id, profile-crn or profile-name (a name is looked up in the server's own account).",
  not_found: `check metadata-endpoint (${ENDPOINTS}) and that the trusted profile named by profile-id, profile-crn or profile-name exists.`,
  service_error: 'the metadata service had an internal error: re-run, or raise max-attempts.',
}

/** An answer without a code (a proxy, an old service): the code its status stands for. */
const STATUS_CODES: Record<number, string> = { 401: 'unauthenticated', 403: 'unauthorized', 404: 'not_found' }

interface VpcErrorItem {
  code?: unknown
  message?: unknown
  target?: { name?: unknown; type?: unknown; value?: unknown }
}

interface VpcErrorBody {
  errors?: VpcErrorItem[]
  trace?: unknown
}

/**
 * A 404 for a path, or a `version` the service refuses: the caller may try the older generation of
 * the API before giving up.
 */
export class PathNotServed extends ActionError {
  readonly tried: string

  constructor(message: string, fix: string, tried: string) {
    super(message, { fix })
    this.tried = tried
  }
}

/**
 * The metadata service's error model, `{"errors":[{code, message, more_info, target:{name, type,
 * value}}], "trace", "status_code"}`, as one message (code, message, target, trace) and a fix.
 */
export function vpcError(error: HttpStatusError, step: VpcStep, redact: Redact): ActionError {
  // Not JSON: reported by status alone.
  const body: VpcErrorBody = jsonObject(error.body) ?? {}
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined
  const text = (value: unknown, max: number) => (typeof value === 'string' ? safeText(value, redact, max) : undefined)
  const code = text(first?.code, 60)
  const message = text(first?.message, 500)
  const said = [code, message].filter(Boolean).join(': ') || safeText(error.body, redact, 300) || '(empty body)'
  const request = `${step.method} ${step.path}?version=${step.version}`
  const lines = [`${METADATA_SERVICE} refused ${step.what} (${request}; HTTP ${error.status}): ${said}`]
  const target = describeTarget(first?.target, redact)
  if (target) lines.push(`Target: ${target}`)
  const trace = text(body.trace, 100)
  if (trace) lines.push(`Trace: ${trace}`)
  const fixCode = (code && CODE_FIXES[code] ? code : undefined) ?? STATUS_CODES[error.status]
  const fix =
    (fixCode ? CODE_FIXES[fixCode] : undefined) ??
    (error.status >= 500 ? CODE_FIXES.service_error : 'check the vpc-instance inputs and metadata-endpoint.')
  const versionRefused = code === 'invalid_value' && first?.target?.name === 'version'
  if (error.status === 404 || versionRefused)
    return new PathNotServed(lines.join('\n'), fix as string, `${request} (HTTP ${error.status})`)
  return new ActionError(lines.join('\n'), { fix })
}

/** `header Metadata-Flavor`, `field expires_in = 7200`. */
function describeTarget(target: VpcErrorItem['target'], redact: Redact): string | undefined {
  if (!target || typeof target.name !== 'string') return undefined
  const type = typeof target.type === 'string' ? `${safeText(target.type, redact, 20)} ` : ''
  const value = typeof target.value === 'string' ? ` = ${safeText(target.value, redact, 100)}` : ''
  return `${type}${safeText(target.name, redact, 100)}${value}`
}
