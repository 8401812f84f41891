import type * as actionsCore from '@actions/core'
import { safeText, type Redact } from '../log/safe-text.ts'
import type { Publication } from './publication.ts'

/** What the summary shows: the publication and the expiry as published. */
interface SummaryFacts extends Publication {
  expiresOn: string
  expiresIn: number
}

/** One table: who the token is for and until when. Never the token. */
export async function writeSummary(
  summary: typeof actionsCore.summary,
  facts: SummaryFacts,
  redact: Redact,
): Promise<void> {
  const { settings } = facts
  const rows: Array<[string, string]> = [
    ['Provider', facts.label],
    ['Auth type', facts.authType],
    ...facts.facts.rows,
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

/** '42 s', '60 min', '5 h 7 min'. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`]/g, char => `&#${char.charCodeAt(0)};`)
}
