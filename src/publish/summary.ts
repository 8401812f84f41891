import type * as actionsCore from '@actions/core'
import type { Config } from '../config.ts'
import { safeText, type Redact } from '../log/safe-text.ts'

export interface SummaryFacts {
  config: Config
  /** The provider's facts about the token, in order. */
  rows: Array<[string, string]>
  expiresOn: string
  expiresIn: number
}

/** One table: who the token is for and until when. Never the token. */
export async function writeSummary(
  summary: typeof actionsCore.summary,
  facts: SummaryFacts,
  redact: Redact,
): Promise<void> {
  const { provider, credential, settings } = facts.config
  const rows: Array<[string, string]> = [
    ['Provider', provider.label],
    ['Auth type', credential.authType],
    ...facts.rows,
    ['Expires on', `${facts.expiresOn} (in ${formatDuration(facts.expiresIn)})`],
    ['Environment variable', settings.exportEnv ? settings.envVar : '(not exported)'],
  ]
  await summary
    .addHeading('get-token', 3)
    .addTable([
      [
        { data: 'Item', header: true },
        { data: 'Value', header: true },
      ],
      ...rows.map(([label, value]) => [escapeHtml(label), `<code>${escapeHtml(safeText(value, redact, 300))}</code>`]),
    ])
    .write()
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`]/g, char => `&#${char.charCodeAt(0)};`)
}
