import { InputError } from '../../errors.ts'
import { readCommon, type CommonConfig, type Inputs } from '../../inputs.ts'

export const IBM_AUTH_TYPES = ['api-key', 'trusted-profile', 'compute-resource'] as const
export type IbmAuthType = (typeof IBM_AUTH_TYPES)[number]

export type ProfileRef =
  | { kind: 'id'; id: string }
  | { kind: 'crn'; crn: string }
  | { kind: 'name'; name: string; accountId: string | undefined }

export interface IbmConfig extends CommonConfig {
  provider: 'ibm'
  authType: IbmAuthType
  /** Base URL without a trailing slash; the action posts to `${iamEndpoint}/identity/token`. */
  iamEndpoint: string
  apiKey: string
  profile: ProfileRef | undefined
  /** `compute-resource`: the given file, or undefined to search IBM's standard paths. */
  crTokenFile: string | undefined
}

export function readIbmConfig(inputs: Inputs): IbmConfig {
  const keyGiven = inputs.peekOrEnv('api-key', 'IBMCLOUD_API_KEY') !== ''
  const profileGiven = ['profile-id', 'profile-crn', 'profile-name'].some(name => inputs.given(name))
  const authType = inputs.choice('auth-type', ['auto', ...IBM_AUTH_TYPES], 'auto')
  const resolved: IbmAuthType =
    authType !== 'auto'
      ? authType
      : profileGiven
        ? keyGiven
          ? 'trusted-profile'
          : 'compute-resource'
        : keyGiven
          ? 'api-key'
          : noCredential()
  if (authType === 'auto' && resolved === 'compute-resource' && inputs.given('profile-crn')) {
    throw new InputError(
      'api-key',
      'is required with profile-crn: a trusted profile is assumed by CRN only with an API key (auth-type trusted-profile).',
      'add api-key (or IBMCLOUD_API_KEY), or on a compute resource give profile-id or profile-name instead.',
    )
  }
  const apiKey = resolved === 'compute-resource' ? '' : inputs.orEnv('api-key', 'IBMCLOUD_API_KEY')

  if (resolved !== 'compute-resource' && !apiKey) {
    throw new InputError(
      'api-key',
      `is required for auth-type ${resolved}.`,
      'pass the IAM API key from a secret: api-key: ${{ secrets.IBMCLOUD_API_KEY }} (or set the IBMCLOUD_API_KEY environment variable).',
    )
  }
  const iamEndpoint = inputs.url('iam-endpoint', 'https://iam.cloud.ibm.com', true).replace(/\/identity\/token$/, '')
  const profile = resolved === 'api-key' ? undefined : readProfile(inputs, resolved)
  const crTokenFile = resolved === 'compute-resource' ? inputs.get('cr-token-file') || undefined : undefined

  return { provider: 'ibm', authType: resolved, iamEndpoint, apiKey, profile, crTokenFile, ...readCommon(inputs) }
}

function noCredential(): never {
  throw new InputError(
    'api-key',
    'is empty and no trusted profile is given, so there is nothing to authenticate with.',
    'give api-key (a secret, or the IBMCLOUD_API_KEY environment variable) for auth-type api-key; add profile-id, profile-crn or profile-name to assume a trusted profile; or give profile-id / profile-name alone on a compute resource (IKS, OpenShift, Code Engine).',
  )
}

function readProfile(inputs: Inputs, authType: 'trusted-profile' | 'compute-resource'): ProfileRef {
  const id = inputs.get('profile-id')
  const crn = authType === 'trusted-profile' ? inputs.get('profile-crn') : ''
  const name = inputs.get('profile-name')
  const accountId = authType === 'trusted-profile' ? inputs.get('account-id') : ''
  const given = [id && 'profile-id', crn && 'profile-crn', name && 'profile-name'].filter(Boolean)
  const choices =
    authType === 'trusted-profile'
      ? 'profile-id, profile-crn or profile-name (with account-id)'
      : 'profile-id or profile-name'
  if (given.length === 0) {
    throw new InputError('profile-id', `is required for auth-type ${authType}.`, `give exactly one of ${choices}.`)
  }
  if (given.length > 1) {
    throw new InputError(
      String(given[1]),
      `cannot be used together with ${given[0]}.`,
      `give exactly one of ${choices}.`,
    )
  }
  if (id) return { kind: 'id', id: checkId('profile-id', id) }
  if (crn) {
    if (!/^crn:v1:[^\s]+$/.test(crn)) {
      throw new InputError(
        'profile-crn',
        'is not a CRN.',
        'copy the trusted profile CRN from the IAM console (crn:v1:bluemix:public:iam-identity::a/...).',
      )
    }
    return { kind: 'crn', crn }
  }
  if (authType === 'trusted-profile' && !accountId) {
    throw new InputError(
      'account-id',
      'is required with profile-name.',
      'give the account id that owns the trusted profile, or use profile-id instead.',
    )
  }
  return {
    kind: 'name',
    name: checkId('profile-name', name),
    accountId: accountId ? checkId('account-id', accountId) : undefined,
  }
}

function checkId(input: string, value: string): string {
  if (/[\s\u0000-\u001f]/.test(value) || value.length > 256) {
    throw new InputError(
      input,
      'contains white space or control characters.',
      `copy ${input} again from the IAM console.`,
    )
  }
  return value
}
