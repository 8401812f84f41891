import { InputError } from '../errors.ts'
import { safeText } from '../log/safe-text.ts'
import type { InputSource } from './reader.ts'

/**
 * A `with:` key that action.yml does not declare (`tenantid:`, `envvar:`) still reaches the action:
 * the runner warns "Unexpected input(s) …" and passes it as an INPUT_ variable anyway
 * (actions/runner: ActionRunner.cs only warns, Handler.cs passes every input), and @github/local-action
 * passes whatever its .env file holds. A key near a declared input is a typo: its value would be
 * ignored and the input it was meant for read as empty, so the step stops before any request,
 * naming both. A key near none (azure/login's `creds:` left over, a wrapper's own inputs) is
 * ignored with a warning, as inputs of another provider are.
 */
export function refuseMistypedInputs(source: Pick<InputSource, 'env' | 'warning'>, declared: readonly string[]): void {
  const known = new Set(declared.map(variableOf))
  const unknown = Object.keys(source.env)
    .filter(key => /^INPUT_/i.test(key) && !known.has(key.toUpperCase()))
    .map(key => safeText(key.slice('INPUT_'.length).toLowerCase(), text => text, 60))
    .sort()
  const typos = unknown.flatMap(name => {
    const meant = closestOf(name, declared)
    return meant ? [{ name, meant }] : []
  })
  for (const name of unknown.filter(name => !typos.some(typo => typo.name === name))) {
    source.warning(`Input '${name}' is not an input of get-token; it is ignored.`)
  }
  const [first, ...more] = typos
  if (!first) return
  const others = more.length ? ` (nor ${more.map(typo => `'${typo.name}'`).join(', ')})` : ''
  throw new InputError(
    first.name,
    `is not an input of get-token${others}: the runner passes a mistyped \`with:\` key on (its "Unexpected input(s)" warning names it), and get-token would ignore its value.`,
    `did you mean ${typos.map(typo => `'${typo.meant}' for '${typo.name}'`).join(', ')}? Use the input names action.yml declares (README, Inputs).`,
  )
}

/** How @actions/core's getInput finds an input in the environment. */
function variableOf(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** The declared input nearest to `name` (hyphens and underscores aside), if any is near enough to be meant. */
function closestOf(name: string, declared: readonly string[]): string | undefined {
  const bare = (text: string) => text.toLowerCase().replace(/[-_ ]/g, '')
  let best: [string, number] | undefined
  for (const candidate of declared) {
    const distance = editDistance(bare(name), bare(candidate))
    if (!best || distance < best[1]) best = [candidate, distance]
  }
  return best && best[1] <= Math.max(1, Math.floor(bare(name).length / 4)) ? best[0] : undefined
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      }
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}
