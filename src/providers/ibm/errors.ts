import { ActionError } from '../../errors.ts'
import type { HttpStatusError } from '../../io/http.ts'
import { jsonObject } from '../../json.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'
import type { IbmAuthType } from './inputs.ts'

/** One-line fixes for the BXNIM codes users meet most. */
export const BXNIM_HINTS: Record<string, string> = {
  BXNIM0415E:
    'the API key does not exist in this account or was deleted: create a new one (IAM > API keys) and update the secret passed to api-key.',
  BXNIM0407E: 'the token is not valid: check that api-key holds the whole key, with no quotes or spaces.',
  BXNIM0408E: 'the refresh token has expired: fetch a new token with the API key.',
  BXNIM0398E:
    'this identity may not assume the trusted profile: add a trust relationship for it (IAM > Trusted profiles > Trust relationship), or check profile-id / profile-crn / profile-name.',
}

/** Where a code means something else for an auth type: compute-resource sends a CR token, not an API key. */
const AUTH_TYPE_HINTS: Partial<Record<IbmAuthType, Record<string, string>>> = {
  'compute-resource': {
    BXNIM0407E:
      "the compute resource token is not valid (expired, or not a token this account trusts): point cr-token-file at the projected service account token the platform refreshes (not a copy), and check the trusted profile's compute resource trust.",
  },
}

const STATUS_HINTS: Record<number, string> = {
  400: 'check api-key and the profile inputs.',
  401: "the credentials were refused: check api-key, or the trusted profile's trust relationship.",
  403: "this identity may not do this: check the trusted profile's trust relationship and the account.",
  404: 'check iam-endpoint: the action posts to <iam-endpoint>/identity/token.',
  429: 'IBM Cloud IAM is rate-limiting this account: retry later, or raise max-attempts / timeout-seconds.',
}

interface IamErrorBody {
  errorCode?: unknown
  errorMessage?: unknown
  /** Some codes say more here: BXNIM0398E names the trusted-profile condition that failed. */
  errorDetails?: unknown
  context?: { requestId?: unknown }
}

/** Turns an IAM error answer into one actionable message: code, message, request id, fix. */
export function iamError(error: HttpStatusError, step: string, authType: IbmAuthType, redact: Redact): ActionError {
  // Not JSON: reported below by status alone.
  const body: IamErrorBody = jsonObject(error.body) ?? {}
  const code = typeof body.errorCode === 'string' ? safeText(body.errorCode, redact, 40) : undefined
  const message = typeof body.errorMessage === 'string' ? safeText(body.errorMessage, redact, 500) : undefined
  const details = typeof body.errorDetails === 'string' ? safeText(body.errorDetails, redact, 500) : undefined
  // IAM sends the id its support asks for as the Transaction-Id header, equal to context.requestId.
  const transactionId = error.headers['transaction-id'] ?? body.context?.requestId
  const requestId = typeof transactionId === 'string' ? safeText(transactionId, redact, 100) : undefined
  const said =
    code || message
      ? `${code ?? ''}${code && message ? ' ' : ''}${message ?? ''}`
      : safeText(error.body, redact, 300) || '(empty body)'
  const lines = [`IBM Cloud IAM refused ${step} (HTTP ${error.status}): ${said}`]
  if (details) lines.push(`Details: ${details}`)
  if (requestId) lines.push(`Transaction-Id (for IBM support): ${requestId}`)
  const fix =
    (code ? (AUTH_TYPE_HINTS[authType]?.[code] ?? BXNIM_HINTS[code]) : undefined) ??
    STATUS_HINTS[error.status] ??
    (error.status >= 500
      ? 'IBM Cloud IAM had a server error: retry later (see status.cloud.ibm.com), or raise max-attempts.'
      : 'check the IBM inputs.')
  return new ActionError(lines.join('\n'), { fix })
}
