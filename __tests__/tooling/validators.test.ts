/**
 * These test the test tooling, not the action: the checks that `npm run validate` and
 * metadata.test.ts rely on would also fail a broken file, so their passing means something.
 */
import { describe, expect, it } from '@jest/globals'
import { validateAction } from '@action-validator/core'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../test-support/run-action.ts'

describe('the metadata schema validator', () => {
  it('fails a broken copy of action.yml', () => {
    const broken = readFileSync(join(ROOT, 'action.yml'), 'utf8')
      .replace("main: 'dist/index.js'", "mian: 'dist/index.js'")
      .replace("'node24'", "'node20'")
    expect(validateAction(broken).errors.length).toBeGreaterThan(0)
  })
})

describe('actionlint (npm run validate)', () => {
  it('fails a broken workflow', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'get-token-actionlint-'))
    try {
      await writeFile(
        join(dir, 'broken.yml'),
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n      - uses: actions/checkout@v7\n        with:\n          foo: ${{ steps.nope.outputs.x }}\n',
      )
      const bin = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js')
      const result = spawnSync(process.execPath, [bin, join(dir, '*.yml').replace(/\\/g, '/')], { encoding: 'utf8' })
      expect(result.status).not.toBe(0)
      expect(`${result.stdout}${result.stderr}`).toMatch(/pull_request\.title|steps\.nope/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
