import type * as actionsCore from '@actions/core'
import { ActionError } from '../errors.ts'
import { safeText } from '../log/safe-text.ts'
import type { Secrets } from '../log/secrets.ts'
import type { Token } from '../token.ts'
import type { Publication } from './publication.ts'
import { outputSavepoint } from './runner-files.ts'
import { writeSummary } from './summary.ts'
import { checkToken } from './token-checks.ts'

/** The parts of @actions/core publishing uses. */
export type PublishCore = Pick<typeof actionsCore, 'setOutput' | 'exportVariable' | 'info' | 'warning' | 'summary'>

/** The runner as publishing sees it. */
interface PublishContext {
  core: PublishCore
  secrets: Secrets
  env: Record<string, string | undefined>
  now: number
}

/** Mask, check, then outputs, env var, one log line and the job summary. Shared by every provider. */
export async function publish(token: Token, publication: Publication, ctx: PublishContext): Promise<void> {
  const { core, secrets, now } = ctx
  const { label, authType, facts, settings } = publication
  secrets.add(token.accessToken)
  checkToken(token, label, now, secrets.redact)

  const expiresOn = new Date(token.expiresOnMs).toISOString()
  const expiresIn = Math.floor((token.expiresOnMs - now) / 1000)
  const savepoint = outputSavepoint(ctx.env)
  try {
    core.setOutput('token', token.accessToken)
    core.setOutput('token-type', 'Bearer')
    core.setOutput('expires-on', expiresOn)
    core.setOutput('expires-in', String(expiresIn))
    core.setOutput('principal-id', identifier(facts.principalId))
    core.setOutput('account-id', identifier(facts.accountId))
    if (settings.exportEnv) core.exportVariable(settings.envVar, token.accessToken)
  } catch (error) {
    savepoint.undo()
    throw new ActionError(`Could not hand the token to later steps: ${reason(error, secrets)}`, {
      fix: 'check that GITHUB_OUTPUT and GITHUB_ENV are writable files (the runner provides them).',
    })
  }

  const who = facts.subject ? ` for ${safeText(facts.subject, secrets.redact, 200)}` : ''
  core.info(
    `Token from ${label} (${authType})${who}, expires ${expiresOn} (in ${Math.round(expiresIn / 60)} min)` +
      (settings.exportEnv ? `; exported as $${settings.envVar}.` : '.'),
  )
  if (!settings.summary) return
  try {
    await writeSummary(core.summary, { ...publication, expiresOn, expiresIn }, secrets.redact)
  } catch (error) {
    core.warning(`Could not write the job summary: ${reason(error, secrets)}`)
  }
}

/** An id from the token's (unverified) claims: printable, no white space, or empty. */
function identifier(value: string | undefined): string {
  return value && /^[\x21-\x7e]{1,256}$/.test(value) ? value : ''
}

function reason(error: unknown, secrets: Secrets): string {
  return safeText(error instanceof Error ? error.message : error, secrets.redact, 200)
}
