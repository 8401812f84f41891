import type { ErrorModel, ReadSaid } from '../../io/service-error.ts'
import { textField } from '../../io/service-error.ts'
import type { IbmAuthType } from './inputs.ts'

/** Where IBM Cloud reports outages, in the fix of a service that keeps failing. */
export const IBM_STATUS_PAGE = 'https://cloud.ibm.com/status'

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

/** Refusals without a code IAM's hints know. */
const STATUS_HINTS: Record<number, string> = {
  400: 'check api-key and the profile inputs.',
  401: "the credentials were refused: check api-key, or the trusted profile's trust relationship.",
  403: "this identity may not do this: check the trusted profile's trust relationship and the account.",
  404: 'check iam-endpoint: the action posts to <iam-endpoint>/identity/token.',
}

/**
 * IAM's error shape, `{errorCode, errorMessage, errorDetails, context: {requestId}}` (some codes say
 * more in errorDetails: BXNIM0398E names the trusted-profile condition that failed); the id IBM
 * support asks for comes as the Transaction-Id header, equal to context.requestId.
 */
const readIamAnswer: ReadSaid = (json, headers) => {
  const context = json?.context
  const requestId =
    headers['transaction-id'] ??
    (context && typeof context === 'object' ? textField(context as Record<string, unknown>, 'requestId') : undefined)
  const details = textField(json, 'errorDetails')
  return {
    code: textField(json, 'errorCode'),
    message: textField(json, 'errorMessage'),
    details: details ? [`Details: ${details}`] : [],
    supportId: requestId ? { label: 'Transaction-Id (for IBM support)', value: requestId } : undefined,
  }
}

/** How IAM's answers to one grant (`step`: "the API key") are told, with the fixes for this auth type. */
export function iamErrors(step: string, authType: IbmAuthType): ErrorModel {
  return {
    what: step,
    statusPage: IBM_STATUS_PAGE,
    read: readIamAnswer,
    refusalFix: ({ code }, status) =>
      (code ? (AUTH_TYPE_HINTS[authType]?.[code] ?? BXNIM_HINTS[code]) : undefined) ??
      STATUS_HINTS[status] ??
      'check the IBM inputs.',
  }
}
