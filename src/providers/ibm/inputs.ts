import type { InputSpec } from '../../inputs/reader.ts'
import { METADATA_ADDRESS } from '../../addresses.ts'

/** IBM auth types, in the order `auth-type` lists them. */
export const IBM_AUTH_TYPES = ['api-key', 'trusted-profile', 'compute-resource', 'vpc-instance'] as const

/** One of IBM_AUTH_TYPES. */
export type IbmAuthType = (typeof IBM_AUTH_TYPES)[number]

/** action.yml's default iam-endpoint. */
export const DEFAULT_IAM_ENDPOINT = 'https://iam.cloud.ibm.com'

/** action.yml's default metadata-endpoint. */
export const DEFAULT_METADATA_ENDPOINT = `http://${METADATA_ADDRESS}`

/** IBM's inputs as action.yml declares them (the README's input table says the same). */
export const IBM_INPUTS: readonly InputSpec[] = [
  { name: 'api-key', env: 'IBMCLOUD_API_KEY', secret: true, authTypes: ['api-key', 'trusted-profile'] },
  {
    name: 'iam-endpoint',
    default: DEFAULT_IAM_ENDPOINT,
    authTypes: ['api-key', 'trusted-profile', 'compute-resource'],
  },
  { name: 'profile-id', authTypes: ['trusted-profile', 'compute-resource', 'vpc-instance'] },
  { name: 'profile-crn', authTypes: ['trusted-profile', 'vpc-instance'] },
  { name: 'profile-name', authTypes: ['trusted-profile', 'compute-resource', 'vpc-instance'] },
  { name: 'account-id', authTypes: ['trusted-profile'] },
  { name: 'cr-token-file', authTypes: ['compute-resource'] },
  { name: 'metadata-endpoint', default: DEFAULT_METADATA_ENDPOINT, authTypes: ['vpc-instance'] },
]
