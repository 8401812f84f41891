import { describe, expect, it } from '@jest/globals'
import { FileError } from '../../src/io/files.ts'
import { CR_TOKEN_PATHS, readComputeResourceToken } from '../../src/providers/ibm/cr-token.ts'

/** A fake file system: path → contents; anything else does not exist. */
function files(present: Record<string, string>) {
  const read: string[] = []
  const ctx = {
    readFile: async (path: string, input: string) => {
      read.push(path)
      if (!(path in present)) throw new FileError(input, path, 'missing', 'does not exist')
      return (present[path] ?? '').trim()
    },
    debug: () => {},
  }
  return { ctx, read }
}

describe('compute resource token', () => {
  it("searches IBM's standard paths in IBM's order: vault-token, sa-token, Code Engine", () => {
    expect(CR_TOKEN_PATHS).toEqual([
      '/var/run/secrets/tokens/vault-token',
      '/var/run/secrets/tokens/sa-token',
      '/var/run/secrets/codeengine.cloud.ibm.com/compute-resource-token/token',
    ])
  })

  it('takes the first standard path that exists and is not empty', async () => {
    const [, second, third] = CR_TOKEN_PATHS as [string, string, string]
    const { ctx, read } = files({ [second]: '\n', [third]: 'code-engine-token' })
    await expect(readComputeResourceToken(undefined, ctx)).resolves.toBe('code-engine-token')
    expect(read).toEqual(CR_TOKEN_PATHS)
  })

  it('stops at the first one found', async () => {
    const { ctx, read } = files({ [CR_TOKEN_PATHS[0] ?? '']: 'vault', [CR_TOKEN_PATHS[1] ?? '']: 'sa' })
    await expect(readComputeResourceToken(undefined, ctx)).resolves.toBe('vault')
    expect(read).toEqual([CR_TOKEN_PATHS[0]])
  })

  it('with cr-token-file reads only that file, and an empty one is an error', async () => {
    const { ctx, read } = files({ '/mine': '' })
    await expect(readComputeResourceToken('/mine', ctx)).rejects.toThrow('The file in cr-token-file (/mine) is empty.')
    expect(read).toEqual(['/mine'])
  })

  it('names every path searched when none exists', async () => {
    const { ctx } = files({})
    await expect(readComputeResourceToken(undefined, ctx, ['/a', '/b'])).rejects.toThrow(
      'No compute resource token found at /a, /b.',
    )
  })
})
