import { expect } from '@jest/globals'
import { asRunnerReads, errorLines, leaks, maskLine, stackTraces, strayCommands } from './leaks.ts'
import type { ActionRun } from './run-action.ts'

/**
 * A failed step as interface.md promises it: exit 1, exactly one `::error::` line, no stack trace,
 * no stray workflow command, no token output, none of `secrets` anywhere. Returns the error as the
 * runner shows it (command escapes undone).
 */
export function expectOneError(run: ActionRun, secrets: string[] = []): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run)
  expect(errors).toHaveLength(1)
  expect(stackTraces(run)).toEqual([])
  expect(strayCommands(run)).toEqual([])
  expect(run.stderr).not.toMatch(/Error:|Unhandled|Warning/i)
  expect(run.outputs.token).toBeUndefined()
  expect(leaks(run, secrets)).toEqual([])
  return asRunnerReads(errors[0] ?? '').replace(/^::error::/, '')
}

/** A step that published a token: exit 0, no error, the token masked and on no other log line. */
export function expectToken(run: ActionRun, secrets: string[] = []): string {
  expect(errorLines(run)).toEqual([])
  expect(run.code).toBe(0)
  const token = run.outputs.token ?? ''
  expect(token).not.toBe('')
  expect(maskLine(run, token)).toBeGreaterThanOrEqual(0)
  // The token goes to the runner's files only: never onto a log line but its mask.
  expect(run.lines.filter(line => line.includes(token) && !line.startsWith('::add-mask::'))).toEqual([])
  expect(leaks(run, [token, ...secrets])).toEqual([])
  return token
}
