import type { ActionRun } from './run-action.ts'

/**
 * Secrets may appear only on `::add-mask::` lines, and each must be masked before any other
 * line: the runner redacts only what it was told about, from then on.
 */
export function leaks(run: ActionRun, secrets: string[]): string[] {
  const found: string[] = []
  const lines = run.lines.map(asRunnerReads)
  for (const secret of secrets.filter(s => s.length >= 4)) {
    const label = `${secret.slice(0, 4)}…(${secret.length} chars)`
    const masked = lines.findIndex(line => line.startsWith('::add-mask::') && line.includes(secret))
    lines.forEach((line, index) => {
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
  return run.lines.map(asRunnerReads).indexOf(`::add-mask::${secret}`)
}

/** A workflow command's data as the runner unescapes it (@actions/core escapes %, CR and LF). */
export function asRunnerReads(line: string): string {
  if (!line.startsWith('::')) return line
  return line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** The `::error` lines of a run: a failed step prints exactly one. */
export function errorLines(run: ActionRun): string[] {
  return run.lines.filter(line => line.startsWith('::error'))
}

/** Lines that would be read as workflow commands, other than the ones the action means to send. */
export function strayCommands(run: ActionRun): string[] {
  return run.lines.filter(
    line => /^\s*(::|##\[)/.test(line) && !/^::(add-mask|error|warning|debug|notice)::/.test(line),
  )
}

/** A stack frame as Node prints it, also on one line (safeText turns newlines into spaces). */
export const STACK_FRAME = /\bat (?:async )?(?:[\w$.<>[\]]+ )?\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s)]*:\d+:\d+\)?/

/** Stack frames outside `::debug::` lines: printed only when debug logging is on, and only there. */
export function stackTraces(run: ActionRun): string[] {
  return [...run.lines.filter(line => !line.startsWith('::debug::')), ...run.stderr.split('\n')].filter(line =>
    STACK_FRAME.test(line),
  )
}
