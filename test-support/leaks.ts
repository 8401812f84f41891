import type { ActionRun } from './run-action.ts'

/**
 * Secrets may appear only on `::add-mask::` lines, and each must be masked before any other
 * line: the runner redacts only what it was told about, from then on.
 */
export function leaks(run: ActionRun, secrets: string[]): string[] {
  const found: string[] = []
  for (const secret of secrets.filter(s => s.length >= 4)) {
    const label = `${secret.slice(0, 4)}…(${secret.length} chars)`
    const masked = run.lines.findIndex(line => line.startsWith('::add-mask::') && line.includes(secret))
    run.lines.forEach((line, index) => {
      if (!line.includes(secret) || line.startsWith('::add-mask::')) return
      found.push(`stdout line ${index}${masked < 0 || masked > index ? ' (before its ::add-mask::)' : ''}: ${label}`)
    })
    if (run.stderr.includes(secret)) found.push(`stderr: ${label}`)
    if (run.summary.includes(secret)) found.push(`summary: ${label}`)
  }
  return found
}

/** Index of the line that masks `secret` (-1 if none). */
export function maskLine(run: ActionRun, secret: string): number {
  return run.lines.indexOf(`::add-mask::${secret}`)
}

export function errorLines(run: ActionRun): string[] {
  return run.lines.filter(line => line.startsWith('::error'))
}

/** Lines that would be read as workflow commands, other than the ones the action means to send. */
export function strayCommands(run: ActionRun): string[] {
  return run.lines.filter(
    line => /^\s*(::|##\[)/.test(line) && !/^::(add-mask|error|warning|debug|notice)::/.test(line),
  )
}
