/**
 * scripts/layers.mjs (npm run lint) on made-up source trees: it must find an import that runs back
 * up a layer and an import cycle, and stay silent on a tree that has neither.
 */
import { afterEach, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runNode } from '../../test-support/process.ts'
import { ROOT } from '../../test-support/run-action.ts'

let tree: string | undefined
afterEach(async () => {
  if (tree) await rm(tree, { recursive: true, force: true })
})

/** A source tree of `files` (path → contents), and what the layer check says of it. */
async function check(files: Record<string, string>) {
  tree = await mkdtemp(join(tmpdir(), 'get-token-layers-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(tree, path)), { recursive: true })
    await writeFile(join(tree, path), text)
  }
  return runNode([join(ROOT, 'scripts', 'layers.mjs'), tree], { env: { PATH: process.env.PATH ?? '' }, cwd: ROOT })
}

test('silent on imports that only run down, types and dynamic imports included', async () => {
  const run = await check({
    'main.ts': "import { a } from './io/a.ts'\nconst b = await import('./io/b.ts')\n",
    'io/a.ts': "import type { L } from '../log/l.ts'\nexport const a = 1\n",
    'io/b.ts': "import { a } from './a.ts'\n",
    'log/l.ts': 'export type L = 1\n',
  })
  expect([run.code, run.stderr]).toEqual([0, ''])
})

test('an import that runs back up a layer, and a cycle within one, each named', async () => {
  const run = await check({
    'io/a.ts': "import type { B } from './b.ts'\n",
    'io/b.ts': "export { a } from './a.ts'\n",
    'log/l.ts': "import { a } from '../io/a.ts'\n",
  })
  expect(run.code).toBe(1)
  expect(run.stderr).toContain('src/log/l.ts imports src/io/a.ts, a layer above it')
  expect(run.stderr).toContain('import cycle: src/io/a.ts → src/io/b.ts → src/io/a.ts')
})
