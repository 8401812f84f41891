import { InputError } from '../../errors.ts'
import { EMPTY_SECRET_NOTE, lookedAt } from '../../inputs/empty-secret.ts'
import type { Inputs } from '../../inputs/reader.ts'
import { DEFAULT_IAM_ENDPOINT, DEFAULT_METADATA_ENDPOINT, IBM_AUTH_TYPES, type IbmAuthType } from './inputs.ts'
import {
  readComputeProfile,
  readProfile,
  readVpcProfile,
  type ComputeProfileRef,
  type ProfileRef,
  type VpcProfileRef,
} from './profile.ts'

/** IAM's base URL without a trailing slash; the action posts to `${iamEndpoint}/identity/token`. */
interface IamGrant {
  iamEndpoint: string
}

/** One configuration per auth type: each carries exactly what its grants need. */
export type IbmConfig =
  | (IamGrant & { authType: 'api-key'; apiKey: string })
  | (IamGrant & { authType: 'trusted-profile'; apiKey: string; profile: ProfileRef })
  /** `crTokenFile` undefined: the first of IBM's standard paths. */
  | (IamGrant & { authType: 'compute-resource'; profile: ComputeProfileRef; crTokenFile: string | undefined })
  /** The instance's metadata service issues the IAM token itself: no IAM endpoint. */
  | { authType: 'vpc-instance'; metadataEndpoint: string; profile: VpcProfileRef }

/** Reads and checks the IBM inputs before any request: one configuration per auth type. */
export function readIbmConfig(inputs: Inputs): IbmConfig {
  const authType = resolveAuthType(inputs)
  // Properties are read in the order written: the first problem is the one reported.
  switch (authType) {
    case 'api-key':
      return { authType, apiKey: readApiKey(inputs, authType), iamEndpoint: readEndpoint(inputs) }
    case 'trusted-profile':
      return {
        authType,
        apiKey: readApiKey(inputs, authType),
        iamEndpoint: readEndpoint(inputs),
        profile: readProfile(inputs),
      }
    case 'compute-resource':
      return {
        authType,
        iamEndpoint: readEndpoint(inputs),
        profile: readComputeProfile(inputs),
        crTokenFile: inputs.read('cr-token-file') || undefined,
      }
    case 'vpc-instance':
      return {
        authType,
        metadataEndpoint: inputs.url('metadata-endpoint', DEFAULT_METADATA_ENDPOINT, 'loopback-and-metadata'),
        profile: readVpcProfile(inputs),
      }
  }
}

/** An endpoint already ending in /identity/token is taken as meant, not doubled. */
function readEndpoint(inputs: Inputs): string {
  return inputs.url('iam-endpoint', DEFAULT_IAM_ENDPOINT, 'loopback').replace(/\/identity\/token$/, '')
}

/**
 * `auto`: profile-* with api-key → trusted-profile; api-key → api-key; profile-* alone →
 * compute-resource. vpc-instance only when asked for.
 */
function resolveAuthType(inputs: Inputs): IbmAuthType {
  const chosen = inputs.choice('auth-type', ['auto', ...IBM_AUTH_TYPES], 'auto')
  if (chosen !== 'auto') return chosen
  const keyGiven = inputs.peek('api-key', 'IBMCLOUD_API_KEY') !== ''
  const profileGiven = ['profile-id', 'profile-crn', 'profile-name'].some(name => inputs.peek(name) !== '')
  if (profileGiven && keyGiven) return 'trusted-profile'
  if (keyGiven) return 'api-key'
  if (!profileGiven) {
    const looked = lookedAt(['api-key', 'profile-id', 'profile-crn', 'profile-name'], ['IBMCLOUD_API_KEY'])
    throw new InputError(
      'api-key',
      `is empty, and so are the other IBM credentials it looked at (${looked}): there is nothing to authenticate with. ${EMPTY_SECRET_NOTE}`,
      'give api-key (a secret, or the IBMCLOUD_API_KEY environment variable) for auth-type api-key; add profile-id, profile-crn or profile-name to assume a trusted profile; or give profile-id / profile-name alone on a compute resource (IKS, OpenShift, Code Engine).',
    )
  }
  if (inputs.peek('profile-crn') !== '') {
    throw new InputError(
      'api-key',
      'is required with profile-crn: a trusted profile is assumed by CRN only with an API key (auth-type trusted-profile).',
      'add api-key (or IBMCLOUD_API_KEY), or on a compute resource give profile-id or profile-name instead.',
    )
  }
  return 'compute-resource'
}

function readApiKey(inputs: Inputs, authType: IbmAuthType): string {
  const apiKey = inputs.read('api-key', 'IBMCLOUD_API_KEY')
  if (apiKey) return apiKey
  throw new InputError(
    'api-key',
    `is required for auth-type ${authType}, and it is empty (the IBMCLOUD_API_KEY environment variable too). ${EMPTY_SECRET_NOTE}`,
    'pass the IAM API key from a secret: api-key: ${{ secrets.IBMCLOUD_API_KEY }} (or set the IBMCLOUD_API_KEY environment variable).',
  )
}
