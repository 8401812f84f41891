import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatDuration, writeSummary } from '../../src/publish/summary.ts'
import type { Publication } from '../../src/publish/publication.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'get-token-summary-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const publication = (rows: Array<[string, string]>): Publication => ({
  label: 'IBM Cloud IAM',
  authType: 'trusted-profile',
  facts: { rows },
  settings: { envVar: 'KP_TOKEN', exportEnv: true, summary: true },
})

describe('job summary', () => {
  it('is one table of who and until when, with server text escaped, through core.summary', async () => {
    const file = join(dir, 'summary.md')
    await writeFile(file, '')
    process.env.GITHUB_STEP_SUMMARY = file
    core.summary.emptyBuffer()
    await writeSummary(
      core.summary,
      {
        ...publication([
          ['Identity', 'iam-<script>alert(1)</script>|x'],
          ['Account', 'acct'],
          ['Echo', 'a secret value echoed'],
        ]),
        expiresOn: '2026-11-24T13:00:00.000Z',
        expiresIn: 3599,
      },
      text => text.replace('secret value', '***'),
    )
    const markdown = await readFile(file, 'utf8')
    expect(markdown).toMatchSnapshot()
    expect(markdown).not.toContain('<script>')
    expect(markdown).not.toContain('secret value')
    expect(markdown.match(/<table>/g)).toHaveLength(1)
  })

  it('says time left in words', () => {
    expect(formatDuration(42)).toBe('42 s')
    expect(formatDuration(3599)).toBe('60 min')
    expect(formatDuration(5 * 3600 + 60 * 7)).toBe('5 h 7 min')
  })
})
