/**
 * The runner sets every declared input, empty when not given: a secret reference that is misspelled
 * or not available to this run looks exactly like an input nobody gave. Errors about an empty
 * credential say so.
 */
export const EMPTY_SECRET_NOTE =
  'A secret reference such as ${{ secrets.NAME }} arrives empty when the secret does not exist (check its name, and that it is defined for this repository, environment or organization) or is not available to this run (pull requests from forks, Dependabot runs).'

/** "the inputs a, b and c and the environment variable X": what an empty-credential error looked at. */
export function lookedAt(inputs: readonly string[], envVars: readonly string[]): string {
  const names = (kind: string, list: readonly string[]) =>
    list.length === 0 ? [] : [`the ${kind}${list.length > 1 ? 's' : ''} ${joined(list)}`]
  return joined([...names('input', inputs), ...names('environment variable', envVars)])
}

function joined(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`
}
