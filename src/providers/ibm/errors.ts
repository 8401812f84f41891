import type { ErrorModel, ReadSaid } from '../../io/service-error.ts'
import { textField } from '../../io/service-error.ts'
import { hintFor } from '../hints.ts'
import { IBM_HINTS, STATUS_HINTS } from './hints.ts'
import type { IbmAuthType } from './inputs.ts'

/** Where IBM Cloud reports outages, in the fix of a service that keeps failing. */
export const IBM_STATUS_PAGE = 'https://cloud.ibm.com/status'

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
      hintFor(IBM_HINTS, code, authType) ?? STATUS_HINTS[status] ?? 'check the IBM inputs.',
  }
}
