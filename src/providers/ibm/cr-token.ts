import { ActionError } from '../../errors.ts'
import { FileError, emptyFile } from '../../io/files.ts'
import type { ProviderContext } from '../provider.ts'

/** Where IKS, OpenShift and Code Engine project a compute resource token, in IBM's order. */
export const CR_TOKEN_PATHS = [
  '/var/run/secrets/tokens/vault-token',
  '/var/run/secrets/tokens/sa-token',
  '/var/run/secrets/codeengine.cloud.ibm.com/compute-resource-token/token',
]

/** The given file, or the first of IBM's standard paths that exists (masked by the file reader). */
export async function readComputeResourceToken(
  file: string | undefined,
  ctx: Pick<ProviderContext, 'readFile' | 'debug'>,
  standardPaths: readonly string[] = CR_TOKEN_PATHS,
): Promise<string> {
  for (const path of file ? [file] : standardPaths) {
    let text: string
    try {
      text = await ctx.readFile(path, 'cr-token-file')
    } catch (error) {
      if (!file && error instanceof FileError && error.problem === 'missing') continue
      throw error
    }
    if (!text && !file) continue
    if (!text) throw emptyFile('cr-token-file', path)
    ctx.debug(`Using the compute resource token from ${path}`)
    return text
  }
  throw new ActionError(`No compute resource token found at ${standardPaths.join(', ')}.`, {
    fix: 'auth-type compute-resource runs on IBM compute (IKS, OpenShift, Code Engine) with a projected service account token: set cr-token-file to its path, or use api-key / trusted-profile on other runners.',
  })
}
