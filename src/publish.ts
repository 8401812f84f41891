import type * as actionsCore from '@actions/core'
import type { Config } from './config.ts'
import { PROVIDER_NAMES } from './providers/index.ts'
import type { FetchedToken } from './providers/provider.ts'
import { safeText } from './safe-text.ts'
import type { Secrets } from './secrets.ts'
import { writeSummary } from './summary.ts'

export type PublishCore = Pick<typeof actionsCore, 'setOutput' | 'exportVariable' | 'info' | 'warning' | 'summary'> & {
  secrets: Secrets
}

/** Mask, then outputs, env var, job summary and one log line. Shared by every provider. */
export async function publish(token: FetchedToken, config: Config, core: PublishCore, now: number): Promise<void> {
  core.secrets.addToken(token.accessToken)

  const expiresOn = token.expiresOn.toISOString()
  const expiresIn = Math.max(0, Math.floor((token.expiresOn.getTime() - now) / 1000))
  core.setOutput('token', token.accessToken)
  core.setOutput('token-type', 'Bearer')
  core.setOutput('expires-on', expiresOn)
  core.setOutput('expires-in', String(expiresIn))
  if (config.exportEnv) core.exportVariable(config.envVar, token.accessToken)

  const provider = PROVIDER_NAMES[config.provider]
  const who = token.details.find(([label]) => label === 'Identity' || label === 'App')?.[1]
  core.info(
    `Token from ${provider} (${config.authType})${who ? ` for ${safeText(who, 200)}` : ''}, ` +
      `expires ${expiresOn} (in ${Math.round(expiresIn / 60)} min)` +
      (config.exportEnv ? `; exported as $${config.envVar}.` : '.'),
  )
  if (config.summary) {
    try {
      await writeSummary(core.summary, { provider, config, token, expiresOn, expiresIn })
    } catch (error) {
      core.warning(`Could not write the job summary: ${safeText(error instanceof Error ? error.message : error, 200)}`)
    }
  }
}
