import type * as actionsCore from '@actions/core'
import type { Config } from './config.ts'
import { ActionError } from './errors.ts'
import type { FetchedToken } from './providers/provider.ts'
import { outputSavepoint } from './runner-files.ts'
import { safeText } from './safe-text.ts'
import type { Secrets } from './secrets.ts'
import { writeSummary } from './summary.ts'
import { checkToken } from './token-checks.ts'

export type PublishCore = Pick<typeof actionsCore, 'setOutput' | 'exportVariable' | 'info' | 'warning' | 'summary'>

export interface PublishContext {
  core: PublishCore
  secrets: Secrets
  env: Record<string, string | undefined>
  now: number
  /** Who issued the token, for messages: "IBM Cloud IAM". */
  service: string
}

/** Mask, check, then outputs, env var, one log line and the job summary. Shared by every provider. */
export async function publish(token: FetchedToken, config: Config, ctx: PublishContext): Promise<void> {
  const { core, secrets, now, service } = ctx
  secrets.addToken(token.accessToken)
  checkToken(token, service, now)

  const expiresOn = new Date(token.expiresOnMs).toISOString()
  const expiresIn = Math.floor((token.expiresOnMs - now) / 1000)
  const savepoint = outputSavepoint(ctx.env)
  try {
    core.setOutput('token', token.accessToken)
    core.setOutput('token-type', 'Bearer')
    core.setOutput('expires-on', expiresOn)
    core.setOutput('expires-in', String(expiresIn))
    if (config.exportEnv) core.exportVariable(config.envVar, token.accessToken)
  } catch (error) {
    savepoint.undo()
    throw new ActionError(
      `Could not hand the token to later steps: ${safeText(error instanceof Error ? error.message : error, secrets.redact, 200)}`,
      { fix: 'check that GITHUB_OUTPUT and GITHUB_ENV are writable files (the runner provides them).' },
    )
  }

  const who = token.subject ? ` for ${safeText(token.subject, secrets.redact, 200)}` : ''
  core.info(
    `Token from ${service} (${config.authType})${who}, expires ${expiresOn} (in ${Math.round(expiresIn / 60)} min)` +
      (config.exportEnv ? `; exported as $${config.envVar}.` : '.'),
  )
  if (config.summary) {
    try {
      await writeSummary(core.summary, { service, config, token, expiresOn, expiresIn }, secrets.redact)
    } catch (error) {
      core.warning(
        `Could not write the job summary: ${safeText(error instanceof Error ? error.message : error, secrets.redact, 200)}`,
      )
    }
  }
}
