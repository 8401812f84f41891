/**
 * An error the user can act on. It is reported as one `::error::` line:
 * what went wrong, then how to fix it. No stack trace unless debug logging is on.
 */
export class ActionError extends Error {
  readonly fix: string | undefined

  constructor(message: string, options: { fix?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ActionError'
    this.fix = options.fix
  }
}

/** A problem with one input, found before any request is sent. */
export class InputError extends ActionError {
  readonly input: string

  constructor(input: string, problem: string, fix?: string) {
    super(`Input '${input}' ${problem}`, { fix })
    this.name = 'InputError'
    this.input = input
  }
}

/** The text of the single `::error::` line for any failure. */
export function failureMessage(error: unknown): string {
  if (error instanceof ActionError) {
    return error.fix ? `${error.message}\nFix: ${error.fix}` : error.message
  }
  const detail = error instanceof Error ? error.message : String(error)
  return `get-token failed unexpectedly: ${detail}\nFix: re-run with debug logging (ACTIONS_STEP_DEBUG) and report the issue with that log.`
}
