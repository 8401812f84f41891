import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Secrets } from '../../src/log/secrets.ts'
import type { Publication } from '../../src/publish/publication.ts'
import { publish, type PublishCore } from '../../src/publish/publish.ts'

const NOW = Date.parse('2026-11-24T12:00:00Z')
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJpYW1faWQiOiJ4In0.c2lnbmF0dXJlLXNlZ21lbnQ'
const token = { accessToken: TOKEN, expiresOnMs: NOW + 3_600_000, expirySource: 'expiration' }
const publication: Publication = {
  label: 'IBM Cloud IAM',
  authType: 'api-key',
  facts: { rows: [] },
  settings: { envVar: 'ACCESS_TOKEN', exportEnv: true, summary: false },
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'get-token-publish-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** A core that writes outputs to `outputFile` as @actions/core does; `exportVariable` may fail. */
function fileCore(calls: string[], outputFile: string, exportFails: boolean): PublishCore {
  return {
    setOutput: (name: string, value: unknown) => {
      calls.push(`output ${name}`)
      appendFileSync(outputFile, `${name}=${String(value)}\n`)
    },
    exportVariable: (name: string) => {
      calls.push(`env ${name}`)
      if (exportFails) throw new Error('ENOSPC: no space left on device, write')
    },
    info: (message: string) => void calls.push(`info ${message}`),
    warning: (message: string | Error) => void calls.push(`warning ${String(message)}`),
  } as unknown as PublishCore
}

describe('publish', () => {
  it('masks the token (and its JWT signature) itself, before any output, whatever the provider did', async () => {
    const calls: string[] = []
    const output = join(dir, 'output-mask')
    writeFileSync(output, '')
    const secrets = new Secrets(secret => calls.push(`mask ${secret}`))
    await publish(token, publication, { core: fileCore(calls, output, false), secrets, env: {}, now: NOW })
    expect(calls.slice(0, 3)).toEqual([`mask ${TOKEN}`, 'mask c2lnbmF0dXJlLXNlZ21lbnQ', 'output token'])
  })

  it('cuts GITHUB_OUTPUT back when publishing fails halfway: no token output is left behind', async () => {
    const calls: string[] = []
    const output = join(dir, 'output-rollback')
    writeFileSync(output, 'earlier=1\n')
    const secrets = new Secrets(() => {})
    const core = fileCore(calls, output, true)
    await expect(
      publish(token, publication, { core, secrets, env: { GITHUB_OUTPUT: output }, now: NOW }),
    ).rejects.toThrow('Could not hand the token to later steps: ENOSPC')
    expect(calls).toContain('output token') // the outputs were written before the env var failed...
    expect(readFileSync(output, 'utf8')).toBe('earlier=1\n') // ...and cut away again
  })

  // principal-id and account-id come from unverified claims: a later step may paste them into a
  // command line or a header, so only a printable id without white space, at most 256 characters.
  it.each([
    ['an ordinary id → published', 'IBMid-270003KX5T', true],
    ['printable punctuation → published', 'acct|<b>x</b>', true],
    ['exactly 256 characters → published', 'a'.repeat(256), true],
    ['257 characters → empty', 'a'.repeat(257), false],
    ['a space → empty', 'IBMid-1 x', false],
    ['a newline → empty', 'IBMid-1\n::warning::x', false],
    ['a tab → empty', 'IBMid-1\tx', false],
    ['a non-ASCII letter → empty', 'IBMid-é', false],
    ['no value → empty', undefined, false],
  ])('principal-id and account-id from a claim with %s', async (_, claim, kept) => {
    const outputs: Record<string, string> = {}
    const core = {
      setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)),
      exportVariable: () => {},
      info: () => {},
      warning: () => {},
    } as unknown as PublishCore
    const withClaims: Publication = { ...publication, facts: { rows: [], principalId: claim, accountId: claim } }
    await publish(token, withClaims, { core, secrets: new Secrets(() => {}), env: {}, now: NOW })
    const published = kept ? claim : ''
    expect([outputs['principal-id'], outputs['account-id']]).toEqual([published, published])
  })
})
