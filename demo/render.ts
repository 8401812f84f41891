import type { ActionRun } from '../test-support/run-action.ts'

/** The step log as GitHub shows it: masked values as ***, commands hidden or rendered. */
export function stepLog(run: ActionRun): string[] {
  const masks: string[] = []
  const shown: string[] = []
  for (const line of run.lines) {
    const mask = /^::add-mask::(.*)$/.exec(line)
    if (mask?.[1]) {
      masks.push(unescape(mask[1]))
      continue
    }
    const command = /^::(error|warning|notice|debug)(?: [^:]*)?::(.*)$/.exec(line)
    const text = command ? `${command[1]?.replace(/^./, c => c.toUpperCase())}: ${unescape(command[2] ?? '')}` : line
    if (command?.[1] === 'debug') continue
    shown.push(...redact(text, masks).split('\n'))
  }
  return shown
}

export function redact(text: string, masks: string[]): string {
  let out = text
  for (const secret of [...masks].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***')
  return out
}

/** The summary's HTML table as "label: value" lines. */
export function summaryText(html: string): string[] {
  return [...html.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map(
    ([, label, value]) => `${decode(label ?? '')}: ${decode((value ?? '').replace(/<\/?code>/g, ''))}`,
  )
}

function unescape(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

function decode(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&')
}
