import { InputError } from '../errors.ts'
import type { Inputs } from '../inputs/reader.ts'

/** What an auth type asked for by name needs before any request (`given`: what was offered), and the error without it. */
export interface Need<G> {
  has(given: G): boolean
  input: string
  problem: string
  fix: string
}

/**
 * The `auth-type` input: `auto`, or one of `authTypes`, which is held to what it needs before any
 * request. Each provider's auth-type.ts resolves `auto` from the same `given`.
 */
export function chosenAuthType<A extends string, G>(
  inputs: Inputs,
  authTypes: readonly A[],
  given: G,
  needs: Partial<Record<A, Need<G>>>,
): A | 'auto' {
  const chosen = inputs.choice<A | 'auto'>('auth-type', ['auto', ...authTypes], 'auto')
  if (chosen === 'auto') return chosen
  const need = needs[chosen]
  if (need && !need.has(given)) throw new InputError(need.input, need.problem, need.fix)
  return chosen
}

/** Whether auth-type is auto (or empty), so that the type was chosen from what is given. */
export function chosenByAuto(inputs: Inputs): boolean {
  return /^(auto)?$/i.test(inputs.peek('auth-type'))
}
