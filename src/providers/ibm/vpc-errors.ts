import { ServiceError, textField, type ErrorModel, type ReadSaid } from '../../io/service-error.ts'
import { IBM_STATUS_PAGE } from './errors.ts'

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
    'something between the runner and the metadata service dropped part of the request (the target above; the action always sends the Metadata-Flavor: ibm header): point metadata-endpoint at the service itself, not at a proxy or gateway.',
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
}

/** An answer without a code (a gateway, an old service): the code its status stands for. */
const STATUS_CODES: Record<number, string> = { 401: 'unauthenticated', 403: 'unauthorized', 404: 'not_found' }

interface VpcErrorItem {
  code?: unknown
  message?: unknown
  target?: { name?: unknown; type?: unknown; value?: unknown }
}

/**
 * The metadata service's error model, `{"errors":[{code, message, more_info, target:{name, type,
 * value}}], "trace", "status_code"}`: the first error's code and message, its target, the trace
 * (also sent as the X-Request-Id header).
 */
const readVpcAnswer: ReadSaid = (json, headers) => {
  const first = firstError(json)
  const trace = textField(json, 'trace') ?? headers['x-request-id']
  const target = describeTarget(first?.target)
  return {
    code: typeof first?.code === 'string' ? first.code : undefined,
    message: typeof first?.message === 'string' ? first.message : undefined,
    details: target ? [`Target: ${target}`] : [],
    supportId: trace ? { label: 'Trace', value: trace } : undefined,
  }
}

/** How the metadata service's answers to one request are told. */
export function vpcErrors(step: VpcStep): ErrorModel {
  return {
    what: `${step.what} (${requestOf(step)})`,
    statusPage: IBM_STATUS_PAGE,
    read: readVpcAnswer,
    refusalFix: ({ code }, status) => {
      const known = (code && Object.hasOwn(CODE_FIXES, code) ? code : undefined) ?? STATUS_CODES[status]
      return (known ? CODE_FIXES[known] : undefined) ?? 'check the vpc-instance inputs and metadata-endpoint.'
    },
  }
}

/** `PUT /identity/v1/token?version=2025-08-26`. */
export function requestOf(step: VpcStep): string {
  return `${step.method} ${step.path}?version=${step.version}`
}

/**
 * A path the service does not serve (404), or a `version` it refuses: the caller may try the older
 * generation of the API before giving up.
 */
export function pathNotServed(error: unknown): error is ServiceError {
  if (!(error instanceof ServiceError)) return false
  const first = firstError(error.json)
  const target = first?.target && typeof first.target === 'object' ? first.target : undefined
  const versionRefused =
    error.said.code === 'invalid_version_range' || (error.said.code === 'invalid_value' && target?.name === 'version')
  return error.status === 404 || versionRefused
}

function firstError(json: Record<string, unknown> | undefined): VpcErrorItem | undefined {
  const errors = json?.errors
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined
  return first && typeof first === 'object' ? (first as VpcErrorItem) : undefined
}

/** `header Metadata-Flavor`, `field expires_in = 7200`. */
function describeTarget(target: VpcErrorItem['target']): string | undefined {
  if (!target || typeof target !== 'object' || typeof target.name !== 'string') return undefined
  const type = typeof target.type === 'string' ? `${target.type} ` : ''
  const value = typeof target.value === 'string' ? ` = ${target.value}` : ''
  return `${type}${target.name}${value}`
}
