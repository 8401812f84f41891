import { InputError } from '../../errors.ts'
import type { Inputs } from '../../inputs/reader.ts'

/** A trusted profile, as the assume grant names it. */
export type ProfileRef =
  { kind: 'id'; id: string } | { kind: 'crn'; crn: string } | { kind: 'name'; name: string; accountId: string }

/** A trusted profile, as the compute resource grant names it: no CRN, no account. */
export type ComputeProfileRef = { kind: 'id'; id: string } | { kind: 'name'; name: string; accountId?: undefined }

/**
 * A trusted profile, as the instance metadata service names it: by id, CRN or name (in the
 * instance's own account), or the one linked to the instance.
 */
export type VpcProfileRef =
  | { kind: 'id'; id: string }
  | { kind: 'crn'; crn: string }
  | { kind: 'name'; name: string; accountId?: undefined }
  | { kind: 'linked' }

/** profile-id, profile-crn or profile-name with account-id: exactly one. */
export function readProfile(inputs: Inputs): ProfileRef {
  const id = inputs.read('profile-id')
  const crn = inputs.read('profile-crn')
  const name = inputs.read('profile-name')
  const accountId = inputs.read('account-id')
  exactlyOne({ 'profile-id': id, 'profile-crn': crn, 'profile-name': name }, 'trusted-profile', CHOICES)
  if (id) return { kind: 'id', id: checkId('profile-id', id) }
  if (crn) return { kind: 'crn', crn: checkCrn(crn) }
  if (!accountId) {
    throw new InputError(
      'account-id',
      'is required with profile-name.',
      'give the account id that owns the trusted profile, or use profile-id instead.',
    )
  }
  return { kind: 'name', name: checkId('profile-name', name), accountId: checkId('account-id', accountId) }
}

/** profile-id or profile-name: exactly one. */
export function readComputeProfile(inputs: Inputs): ComputeProfileRef {
  const id = inputs.read('profile-id')
  const name = inputs.read('profile-name')
  exactlyOne({ 'profile-id': id, 'profile-name': name }, 'compute-resource', 'profile-id or profile-name')
  return id ? { kind: 'id', id: checkId('profile-id', id) } : { kind: 'name', name: checkId('profile-name', name) }
}

/** profile-id, profile-crn or profile-name, at most one; none: the profile linked to the instance. */
export function readVpcProfile(inputs: Inputs): VpcProfileRef {
  const id = inputs.read('profile-id')
  const crn = inputs.read('profile-crn')
  const name = inputs.read('profile-name')
  atMostOne({ 'profile-id': id, 'profile-crn': crn, 'profile-name': name }, VPC_CHOICES)
  if (id) return { kind: 'id', id: checkId('profile-id', id) }
  if (crn) return { kind: 'crn', crn: checkCrn(crn) }
  if (name) return { kind: 'name', name: checkId('profile-name', name) }
  return { kind: 'linked' }
}

/** How messages and the summary name a profile: 'profile-id Profile-…'. */
export function describeProfile(profile: ProfileRef | ComputeProfileRef | VpcProfileRef): string {
  if (profile.kind === 'linked') return 'the profile linked to the instance'
  if (profile.kind === 'id') return `profile-id ${profile.id}`
  if (profile.kind === 'crn') return `profile-crn ${profile.crn}`
  return `profile-name ${profile.name}${profile.accountId ? ` in account ${profile.accountId}` : ''}`
}

const CHOICES = 'profile-id, profile-crn or profile-name (with account-id)'
const VPC_CHOICES =
  "at most one of profile-id, profile-crn and profile-name (none: the profile linked to the instance; a name is looked up in the instance's account)"

function exactlyOne(values: Record<string, string>, authType: string, choices: string): void {
  const given = Object.keys(values).filter(name => values[name])
  if (given.length === 0) {
    throw new InputError('profile-id', `is required for auth-type ${authType}.`, `give exactly one of ${choices}.`)
  }
  atMostOne(values, `exactly one of ${choices}`)
}

function atMostOne(values: Record<string, string>, choices: string): void {
  const given = Object.keys(values).filter(name => values[name])
  if (given.length > 1) {
    throw new InputError(String(given[1]), `cannot be used together with ${given[0]}.`, `give ${choices}.`)
  }
}

function checkCrn(crn: string): string {
  if (/^crn:v1:[^\s]+$/.test(crn)) return crn
  throw new InputError(
    'profile-crn',
    'is not a CRN.',
    'copy the trusted profile CRN from the IAM console (crn:v1:bluemix:public:iam-identity::a/...).',
  )
}

/** Longer than any trusted profile id or name IAM issues: the wrong value pasted. */
const MAX_ID_LENGTH = 256

function checkId(input: string, value: string): string {
  if (value.length > MAX_ID_LENGTH) {
    throw new InputError(
      input,
      `is ${value.length} characters long; IBM Cloud ids and names are at most ${MAX_ID_LENGTH}.`,
      `check what the expression in ${input} gives (not a token or a file's contents), or copy ${input} again from the IAM console.`,
    )
  }
  if (/[\s\u0000-\u001f]/.test(value)) {
    throw new InputError(
      input,
      'contains white space or control characters.',
      `copy ${input} again from the IAM console.`,
    )
  }
  return value
}
