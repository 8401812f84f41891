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

/**
 * Bounds for a run that a `timeout-seconds` deadline ends, loose enough for a busy machine (a
 * loaded 2-core runner takes seconds to start Node): the run must end within `endsWithinMs`; the
 * test kills it at `killAfterMs` (runAction's timeoutMs) and gives up at `testTimeoutMs`. A
 * deadline that stopped working leaves the process running until it is killed: no exit code.
 */
export const DEADLINE_BOUNDS = { endsWithinMs: 20_000, killAfterMs: 40_000, testTimeoutMs: 60_000 }

/**
 * A run that its deadline ended: it exited by itself (exit 1, not killed), not before
 * `timeoutSeconds` had passed, and long before it would have been killed.
 */
export function expectEndedByDeadline(run: ActionRun, timeoutSeconds: number): void {
  expect(run.code).toBe(1)
  expect(run.ms).toBeGreaterThanOrEqual(timeoutSeconds * 1000)
  expect(run.ms).toBeLessThan(DEADLINE_BOUNDS.endsWithinMs)
}

/**
 * `expires-in` as published: at most the `granted` seconds, and short of them by no more than the
 * run lasted (plus a second of rounding), however long a busy machine made it last.
 */
export function expectExpiresIn(run: ActionRun, granted: number): void {
  const expiresIn = Number(run.outputs['expires-in'])
  expect(expiresIn).toBeLessThanOrEqual(granted)
  expect(expiresIn).toBeGreaterThanOrEqual(granted - Math.ceil(run.ms / 1000) - 1)
}
