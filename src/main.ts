import * as actionsCore from '@actions/core'
import { readFile } from 'node:fs/promises'
import { readConfig } from './config.ts'
import { Deadline, type Clock } from './deadline.ts'
import { failureMessage } from './errors.ts'
import { createTransport, type Transport } from './http.ts'
import { fetchToken } from './providers/index.ts'
import { publish } from './publish.ts'
import { realSleep, type RetryPolicy } from './retry.ts'
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
  readFile: (path: string) => Promise<string>
}

export function defaultDeps(): RunDeps {
  return {
    core: actionsCore,
    env: process.env,
    transport: createTransport(USER_AGENT_PREFIX),
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    readFile: path => readFile(path, 'utf8'),
  }
}

/** inputs → credential → token → publish. Failures end as one `::error::` line and exit code 1. */
export async function run(deps: RunDeps = defaultDeps()): Promise<void> {
  const { core } = deps
  const secrets = new Secrets(secret => core.setSecret(secret))
  try {
    const config = readConfig({
      getInput: name => core.getInput(name),
      env: deps.env,
      mask: secret => secrets.add(secret),
      warning: message => core.warning(message),
    })
    const retry: RetryPolicy = {
      maxAttempts: config.maxAttempts,
      deadline: new Deadline(config.timeoutSeconds, deps.now),
      sleep: deps.sleep,
      random: deps.random,
      onRetry: (reason, delayMs, next) =>
        core.info(`Retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${next} of ${config.maxAttempts}): ${reason}`),
    }
    const token = await fetchToken(config, {
      transport: deps.transport,
      retry,
      mask: secret => secrets.addToken(secret),
      debug: message => core.debug(secrets.redact(message)),
      env: deps.env,
      readFile: deps.readFile,
    })
    await publish(token, config, { ...core, secrets }, deps.now())
  } catch (error) {
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(secrets.redact(safeText(error.stack, 4000)))
    core.setFailed(secrets.redact(failureMessage(error)))
  } finally {
    deps.transport.dispose()
  }
}
