import type { CodeHints } from '../hints.ts'
import type { IbmAuthType } from './inputs.ts'

/** One-line fixes for the BXNIM codes users meet most. */
const BXNIM_HINTS: Record<string, string> = {
  BXNIM0415E:
    'the API key does not exist in this account or was deleted: create a new one (IAM > API keys) and update the secret passed to api-key.',
  BXNIM0407E: 'the token is not valid: check that api-key holds the whole key, with no quotes or spaces.',
  BXNIM0408E: 'the refresh token has expired: fetch a new token with the API key.',
  BXNIM0398E:
    'this identity may not assume the trusted profile: add a trust relationship for it (IAM > Trusted profiles > Trust relationship), or check profile-id / profile-crn / profile-name.',
}

/** Where a code means something else for an auth type: compute-resource sends a CR token, not an API key. */
const COMPUTE_RESOURCE_HINTS: Record<string, string> = {
  BXNIM0407E:
    "the compute resource token is not valid (expired, or not a token this account trusts): point cr-token-file at the projected service account token the platform refreshes (not a copy), and check the trusted profile's compute resource trust.",
}

/** IBM Cloud IAM's codes and their fixes, and where compute-resource needs other ones. */
export const IBM_HINTS: CodeHints<IbmAuthType> = {
  byCode: BXNIM_HINTS,
  byAuthType: { 'compute-resource': COMPUTE_RESOURCE_HINTS },
}

/** Refusals without a code IAM's hints know. */
export const STATUS_HINTS: Record<number, string> = {
  400: 'check api-key and the profile inputs.',
  401: "the credentials were refused: check api-key, or the trusted profile's trust relationship.",
  403: "this identity may not do this: check the trusted profile's trust relationship and the account.",
  404: 'check iam-endpoint: the action posts to <iam-endpoint>/identity/token.',
}
