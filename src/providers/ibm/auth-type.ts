import { InputError } from '../../errors.ts'
import { EMPTY_SECRET_NOTE, lookedAt } from '../../inputs/empty-secret.ts'
import type { Inputs } from '../../inputs/reader.ts'
import { chosenAuthType, type Need } from '../auth-type.ts'
import { IBM_AUTH_TYPES, type IbmAuthType } from './inputs.ts'

/** What the inputs and the runner's environment offer to sign in with. */
interface Given {
  apiKey: string
  /** profile-id, profile-crn or profile-name given. */
  profile: boolean
  profileCrn: string
}

/**
 * `auto`: profile-* with api-key → trusted-profile; api-key → api-key; profile-* alone →
 * compute-resource. vpc-instance only when asked for.
 */
export function resolveAuthType(inputs: Inputs): IbmAuthType {
  const given: Given = {
    apiKey: inputs.peek('api-key', 'IBMCLOUD_API_KEY'),
    profile: ['profile-id', 'profile-crn', 'profile-name'].some(name => inputs.peek(name) !== ''),
    profileCrn: inputs.peek('profile-crn'),
  }
  const chosen = chosenAuthType(inputs, IBM_AUTH_TYPES, given, NEEDS)
  if (chosen !== 'auto') return chosen
  if (given.profile && given.apiKey) return 'trusted-profile'
  if (given.apiKey) return 'api-key'
  if (!given.profile) {
    const looked = lookedAt(['api-key', 'profile-id', 'profile-crn', 'profile-name'], ['IBMCLOUD_API_KEY'])
    throw new InputError(
      'api-key',
      `is empty, and so are the other IBM credentials it looked at (${looked}): there is nothing to authenticate with. ${EMPTY_SECRET_NOTE}`,
      'give api-key (a secret, or the IBMCLOUD_API_KEY environment variable) for auth-type api-key; add profile-id, profile-crn or profile-name to assume a trusted profile; or give profile-id / profile-name alone on a compute resource (IKS, OpenShift, Code Engine).',
    )
  }
  if (given.profileCrn) {
    throw new InputError(
      'api-key',
      'is required with profile-crn: a trusted profile is assumed by CRN only with an API key (auth-type trusted-profile).',
      'add api-key (or IBMCLOUD_API_KEY), or on a compute resource give profile-id or profile-name instead.',
    )
  }
  return 'compute-resource'
}

/** An API key, for an auth type that signs in with one. */
function apiKeyNeeded(authType: IbmAuthType): Need<Given> {
  return {
    has: given => given.apiKey !== '',
    input: 'api-key',
    problem: `is required for auth-type ${authType}, and it is empty (the IBMCLOUD_API_KEY environment variable too). ${EMPTY_SECRET_NOTE}`,
    fix: 'pass the IAM API key from a secret: api-key: ${{ secrets.IBMCLOUD_API_KEY }} (or set the IBMCLOUD_API_KEY environment variable).',
  }
}

/** What an auth type asked for by name needs before any request, and the error without it. */
const NEEDS: Partial<Record<IbmAuthType, Need<Given>>> = {
  'api-key': apiKeyNeeded('api-key'),
  'trusted-profile': apiKeyNeeded('trusted-profile'),
}
