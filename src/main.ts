import * as actionsCore from '@actions/core'
import { readConfig, type Config } from './config.ts'
import { failureMessage } from './errors.ts'
import { Deadline, type Clock } from './io/deadline.ts'
import { fileReader, type ReadFile } from './io/files.ts'
import { createTransport, type Transport } from './io/http.ts'
import { realSleep, type RetryPolicy } from './io/retry.ts'
import { redactingLog, type Log } from './log/log.ts'
import { safeText } from './log/safe-text.ts'
import { Secrets } from './log/secrets.ts'
import type { ProviderContext } from './providers/provider.ts'
import { publish } from './publish/publish.ts'
import { checkRunnerFiles } from './publish/runner-files.ts'

/** The parts of @actions/core a run uses: tests pass their own. */
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
  /** Credential files, read within the deadline and masked; the default caps them at 64 KiB. */
  readFile: (deadline: Deadline, mask: (secret: string) => void) => ReadFile
}

function defaultDeps(): RunDeps {
  return {
    core: actionsCore,
    env: process.env,
    transport: createTransport(),
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    readFile: fileReader,
  }
}

/** inputs → credential → token → publish. Failures end as one `::error::` line and exit code 1. */
export async function run(deps: RunDeps = defaultDeps()): Promise<void> {
  const secrets = new Secrets(secret => deps.core.setSecret(secret))
  const log = redactingLog(deps.core, secrets)
  try {
    const config = readConfig({
      getInput: name => deps.core.getInput(name),
      env: deps.env,
      mask: secret => secrets.add(secret),
      warning: message => log.warning(message),
    })
    checkRunnerFiles(deps.env, config.settings.exportEnv)
    const token = await config.credential.getToken(providerContext(config, deps, secrets, log))
    const { provider, credential, settings } = config
    const publication = {
      label: provider.label,
      authType: credential.authType,
      facts: credential.describe(token.accessToken),
      settings,
    }
    await publish(token, publication, { core: { ...deps.core, ...log }, secrets, env: deps.env, now: deps.now() })
  } catch (error) {
    if (deps.core.isDebug() && error instanceof Error && error.stack) {
      log.debug(safeText(error.stack, secrets.redact, 4000))
    }
    deps.core.setFailed(secrets.redact(failureMessage(error)))
  } finally {
    deps.transport.dispose()
  }
}

/** The outside world as a provider sees it: one retry policy and one deadline for everything. */
function providerContext(config: Config, deps: RunDeps, secrets: Secrets, log: Log): ProviderContext {
  const { maxAttempts, timeoutSeconds } = config.settings
  const deadline = new Deadline(timeoutSeconds, deps.now)
  const retry: RetryPolicy = {
    maxAttempts,
    deadline,
    sleep: deps.sleep,
    random: deps.random,
    now: deps.now,
    onRetry: (reason, delayMs, next) =>
      log.info(`Retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${next} of ${maxAttempts}): ${reason}`),
  }
  const mask = (secret: string) => secrets.add(secret)
  return {
    transport: deps.transport,
    retry,
    deadline,
    mask,
    redact: secrets.redact,
    debug: message => log.debug(message),
    info: message => log.info(message),
    env: deps.env,
    readFile: deps.readFile(deadline, mask),
    now: deps.now,
  }
}
