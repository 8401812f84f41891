import * as actionsCore from '@actions/core'
import { readConfig } from './config.ts'
import { Deadline, type Clock } from './deadline.ts'
import { failureMessage } from './errors.ts'
import { fileReader, type ReadFile } from './files.ts'
import { createTransport, type Transport } from './http.ts'
import { PROVIDER_NAMES, fetchToken } from './providers/index.ts'
import { publish } from './publish.ts'
import { realSleep, type RetryPolicy } from './retry.ts'
import { checkRunnerFiles } from './runner-files.ts'
import { safeText } from './safe-text.ts'
import { Secrets } from './secrets.ts'
import { USER_AGENT_PREFIX } from './user-agent.ts'

export type Core = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'setSecret'
  | 'setOutput'
  | 'exportVariable'
  | 'setFailed'
  | 'info'
  | 'warning'
  | 'debug'
  | 'isDebug'
  | 'summary'
>

/** Everything `run` touches outside itself, so tests can pass their own. */
export interface RunDeps {
  core: Core
  env: Record<string, string | undefined>
  transport: Transport
  now: Clock
  sleep: (ms: number) => Promise<void>
  random: () => number
  /** Credential files, read within the deadline; the default caps them at 64 KiB. */
  readFile: (deadline: Deadline) => ReadFile
}

export function defaultDeps(): RunDeps {
  return {
    core: actionsCore,
    env: process.env,
    transport: createTransport(USER_AGENT_PREFIX),
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    readFile: fileReader,
  }
}

/** inputs → credential → token → publish. Failures end as one `::error::` line and exit code 1. */
export async function run(deps: RunDeps = defaultDeps()): Promise<void> {
  const secrets = new Secrets(secret => deps.core.setSecret(secret))
  // Every line the action prints passes through here: no secret, in any encoding, reaches the log.
  const core: Core = {
    ...deps.core,
    info: message => deps.core.info(secrets.redact(message)),
    warning: message => deps.core.warning(secrets.redact(String(message))),
    debug: message => deps.core.debug(secrets.redact(message)),
  }
  try {
    const config = readConfig({
      getInput: name => core.getInput(name),
      env: deps.env,
      mask: secret => secrets.add(secret),
      warning: message => core.warning(message),
    })
    checkRunnerFiles(deps.env, config.exportEnv)
    const deadline = new Deadline(config.timeoutSeconds, deps.now)
    const retry: RetryPolicy = {
      maxAttempts: config.maxAttempts,
      deadline,
      sleep: deps.sleep,
      random: deps.random,
      now: deps.now,
      onRetry: (reason, delayMs, next) =>
        core.info(`Retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${next} of ${config.maxAttempts}): ${reason}`),
    }
    const token = await fetchToken(config, {
      transport: deps.transport,
      retry,
      mask: secret => secrets.addToken(secret),
      redact: secrets.redact,
      debug: message => core.debug(message),
      env: deps.env,
      readFile: deps.readFile(deadline),
      now: deps.now,
    })
    const service = PROVIDER_NAMES[config.provider]
    await publish(token, config, { core, secrets, env: deps.env, now: deps.now(), service })
  } catch (error) {
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(safeText(error.stack, secrets.redact, 4000))
    deps.core.setFailed(secrets.redact(failureMessage(error)))
  } finally {
    deps.transport.dispose()
  }
}
