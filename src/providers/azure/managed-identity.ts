import { InputError } from '../../errors.ts'
import type { Inputs } from '../../inputs/reader.ts'
import { GUID } from './inputs.ts'

/** Which managed identity: the resource's own (system-assigned), or a user-assigned one by one of its ids. */
export type ManagedIdentity =
  | { kind: 'system' }
  /** `fromEnvironment`: the runner's AZURE_CLIENT_ID picked it, not the client-id input. */
  | { kind: 'client-id'; clientId: string; fromEnvironment: boolean }
  | { kind: 'object-id'; objectId: string }
  | { kind: 'resource-id'; resourceId: string }

const RESOURCE_ID =
  /^\/subscriptions\/[^/\s]+\/resourcegroups\/[^/\s]+\/providers\/microsoft\.managedidentity\/userassignedidentities\/[^/\s]+$/i

/**
 * At most one of client-id, identity-object-id and identity-resource-id, given as inputs. The
 * AZURE_CLIENT_ID environment variable is only a fallback: it never counts as a second selector,
 * and it is not sent next to an object or resource id.
 */
export function readManagedIdentity(inputs: Inputs): ManagedIdentity {
  const given = {
    'client-id': inputs.read('client-id'),
    'identity-object-id': inputs.read('identity-object-id'),
    'identity-resource-id': inputs.read('identity-resource-id'),
  }
  const named = Object.keys(given).filter(name => given[name as keyof typeof given])
  if (named.length > 1) {
    throw new InputError(
      String(named[1]),
      `cannot be used together with ${named[0]}: they pick the managed identity in different ways.`,
      'give at most one of client-id, identity-object-id and identity-resource-id (none: the system-assigned identity).',
    )
  }
  if (given['identity-object-id']) return { kind: 'object-id', objectId: checkObjectId(given['identity-object-id']) }
  if (given['identity-resource-id'])
    return { kind: 'resource-id', resourceId: checkResourceId(given['identity-resource-id']) }
  const clientId = given['client-id'] || inputs.peek('client-id', 'AZURE_CLIENT_ID')
  if (!clientId) return { kind: 'system' }
  if (!GUID.test(clientId)) {
    throw new InputError(
      'client-id',
      'is not a GUID.',
      "give the user-assigned identity's client id (a GUID), or pick it with identity-object-id or identity-resource-id.",
    )
  }
  return { kind: 'client-id', clientId, fromEnvironment: !given['client-id'] }
}

function checkObjectId(objectId: string): string {
  if (GUID.test(objectId)) return objectId
  throw new InputError(
    'identity-object-id',
    'is not a GUID.',
    "give the identity's object (principal) id, e.g. from: az identity show --query principalId.",
  )
}

function checkResourceId(resourceId: string): string {
  if (RESOURCE_ID.test(resourceId)) return resourceId
  throw new InputError(
    'identity-resource-id',
    'is not the ARM resource id of a user-assigned identity.',
    'give /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, e.g. from: az identity show --query id.',
  )
}

/** The summary's words for it. */
export function describeManagedIdentity(identity: ManagedIdentity): string {
  switch (identity.kind) {
    case 'system':
      return 'system-assigned'
    case 'client-id':
      return `client id ${identity.clientId}`
    case 'object-id':
      return `object id ${identity.objectId}`
    case 'resource-id':
      return identity.resourceId
  }
}
