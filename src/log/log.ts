import type * as actionsCore from '@actions/core'
import type { Secrets } from './secrets.ts'

/** The logging part of @actions/core that the action prints through. */
export type Log = Pick<typeof actionsCore, 'info' | 'warning' | 'debug'>

/**
 * Every line the action prints passes through here: no known secret, in any of its encodings,
 * reaches the log, whatever composed the message.
 */
export function redactingLog(core: Log, secrets: Secrets): Log {
  return {
    info: message => core.info(secrets.redact(message)),
    warning: message => core.warning(secrets.redact(String(message))),
    debug: message => core.debug(secrets.redact(message)),
  }
}
