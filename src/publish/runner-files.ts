import { closeSync, constants, openSync, statSync, truncateSync } from 'node:fs'
import { ActionError } from '../errors.ts'

/**
 * The runner's files that carry the token to later steps. Without them @actions/core falls back
 * to the deprecated `::set-output` / `::set-env` commands, which would print the token into the
 * log; so they are checked before any request, and the step fails naming the variable instead.
 */
export function checkRunnerFiles(env: Record<string, string | undefined>, exportEnv: boolean): void {
  checkFile(env, 'GITHUB_OUTPUT', 'the step outputs')
  if (exportEnv) checkFile(env, 'GITHUB_ENV', 'the environment variable (or set export-env: false)')
}

function checkFile(env: Record<string, string | undefined>, name: string, carries: string): void {
  const path = env[name]
  const fix = `run the action as a step of a GitHub Actions job (the runner sets ${name} to a writable file that carries ${carries}); when running it locally, point ${name} at a writable file.`
  if (!path) throw new ActionError(`${name} is not set, so the token cannot be handed to later steps.`, { fix })
  let problem: string | undefined
  try {
    if (statSync(path).isDirectory()) problem = 'is a directory'
    // Opened as the write will be, but without blocking: a FIFO that nobody reads fails (ENXIO)
    // here instead of hanging the step; nothing is created or truncated.
    else closeSync(openSync(path, constants.O_WRONLY | constants.O_APPEND | (constants.O_NONBLOCK ?? 0)))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    problem =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ENXIO'
          ? 'is a FIFO that nobody reads'
          : `is not writable (${code ?? 'unknown error'})`
  }
  if (problem)
    throw new ActionError(`${name} (${path}) ${problem}, so the token cannot be handed to later steps.`, { fix })
}

/**
 * Remembers the size of GITHUB_OUTPUT; `undo()` cuts the file back to it, so that a publish that
 * fails halfway leaves no token output behind (a `continue-on-error` step would pass it on).
 */
export function outputSavepoint(env: Record<string, string | undefined>): { undo(): void } {
  const path = env.GITHUB_OUTPUT
  let size: number | undefined
  try {
    const info = path ? statSync(path) : undefined
    if (info?.isFile()) size = info.size
  } catch {
    size = undefined
  }
  return {
    undo() {
      if (path && size !== undefined) truncateSync(path, size)
    },
  }
}
