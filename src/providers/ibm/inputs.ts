import type { InputSpec } from '../../inputs/reader.ts'

export const IBM_AUTH_TYPES = ['api-key', 'trusted-profile', 'compute-resource'] as const
export type IbmAuthType = (typeof IBM_AUTH_TYPES)[number]

export const DEFAULT_IAM_ENDPOINT = 'https://iam.cloud.ibm.com'

/** IBM's inputs as action.yml declares them (the README's input table says the same). */
export const IBM_INPUTS: readonly InputSpec[] = [
  { name: 'api-key', env: 'IBMCLOUD_API_KEY', secret: true, authTypes: ['api-key', 'trusted-profile'] },
  { name: 'iam-endpoint', default: DEFAULT_IAM_ENDPOINT },
  { name: 'profile-id', authTypes: ['trusted-profile', 'compute-resource'] },
  { name: 'profile-crn', authTypes: ['trusted-profile'] },
  { name: 'profile-name', authTypes: ['trusted-profile', 'compute-resource'] },
  { name: 'account-id', authTypes: ['trusted-profile'] },
  { name: 'cr-token-file', authTypes: ['compute-resource'] },
]
