import type { Inputs } from '../../inputs/reader.ts'
import { resolveAuthType } from './auth-type.ts'
import { DEFAULT_IAM_ENDPOINT, DEFAULT_METADATA_ENDPOINT } from './inputs.ts'
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
      return { authType, apiKey: readApiKey(inputs), iamEndpoint: readEndpoint(inputs) }
    case 'trusted-profile':
      return {
        authType,
        apiKey: readApiKey(inputs),
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

/** The API key: resolveAuthType made sure that the auth types that read it have one. */
function readApiKey(inputs: Inputs): string {
  return inputs.read('api-key', 'IBMCLOUD_API_KEY')
}
