/**
 * The credential file reader masks what it hands on: the trimmed token that goes into the request,
 * not the file's raw text. The runner masks exact strings; a mask of " token \n" would not hide
 * "token" printed alone, nor its JWT signature (logs sometimes split tokens at dots).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Deadline } from '../../src/io/deadline.ts'
import { fileReader } from '../../src/io/files.ts'
import { Secrets } from '../../src/log/secrets.ts'

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLW9mLXRoZS1maWxl'
const SIGNATURE = TOKEN.split('.')[2] ?? ''
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'get-token-files-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('fileReader masks the value it returns', () => {
  it.each([
    ['surrounding spaces', `  ${TOKEN}  `],
    ['a tab and a space', `\t${TOKEN} `],
    ['a trailing newline', `${TOKEN}\n`],
  ])('a token file with %s: the token itself and its signature alone are masked', async (name, text) => {
    const path = join(dir, name.replace(/\W+/g, '-'))
    await writeFile(path, text)
    const registered: string[] = []
    const secrets = new Secrets(secret => void registered.push(secret))
    const read = fileReader(new Deadline(5, Date.now), secret => secrets.add(secret))
    await expect(read(path, 'federated-token-file')).resolves.toBe(TOKEN)
    expect(registered).toContain(TOKEN)
    expect(registered).toContain(SIGNATURE)
    expect(secrets.redact(`sent ${TOKEN}, signature ${SIGNATURE}`)).toBe('sent ***, signature ***')
  })
})
