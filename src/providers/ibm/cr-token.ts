import { ActionError } from '../../errors.ts'
import type { ProviderContext } from '../provider.ts'

/** Where IKS, OpenShift and Code Engine project a compute resource token, in IBM's order. */
export const CR_TOKEN_PATHS = [
  '/var/run/secrets/tokens/vault-token',
  '/var/run/secrets/tokens/sa-token',
  '/var/run/secrets/codeengine.cloud.ibm.com/compute-resource-token/token',
]

export async function readComputeResourceToken(file: string | undefined, ctx: ProviderContext): Promise<string> {
  const candidates = file ? [file] : CR_TOKEN_PATHS
  for (const path of candidates) {
    let text: string
    try {
      text = (await ctx.readFile(path)).trim()
    } catch {
      continue
    }
    if (text) {
      ctx.mask(text)
      ctx.debug(`Using the compute resource token from ${path}`)
      return text
    }
  }
  throw new ActionError(
    file
      ? `The compute resource token file '${file}' (cr-token-file) cannot be read or is empty.`
      : `No compute resource token found at ${CR_TOKEN_PATHS.join(', ')}.`,
    {
      fix: 'auth-type compute-resource runs on IBM compute (IKS, OpenShift, Code Engine) with a projected service account token: set cr-token-file to its path, or use api-key / trusted-profile on other runners.',
    },
  )
}
