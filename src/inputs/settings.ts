import { checkEnvVarName } from './env-var-name.ts'
import type { Inputs } from './reader.ts'

/** The inputs every provider shares, as action.yml declares them (the providers declare their own). */
export const COMMON_INPUTS = [
  'provider',
  'auth-type',
  'env-var',
  'export-env',
  'summary',
  'timeout-seconds',
  'max-attempts',
] as const

/** What every provider shares: where the token goes and how hard to try. */
export interface RunSettings {
  envVar: string
  exportEnv: boolean
  summary: boolean
  timeoutSeconds: number
  maxAttempts: number
}

/** The shared inputs (env-var, export-env, summary, timeout-seconds, max-attempts), checked. */
export function readSettings(inputs: Inputs): RunSettings {
  const exportEnv = inputs.boolean('export-env', true)
  return {
    envVar: checkEnvVarName(inputs.read('env-var') || 'ACCESS_TOKEN'),
    exportEnv,
    summary: inputs.boolean('summary', true),
    timeoutSeconds: inputs.integer('timeout-seconds', 60, 1, 3600),
    maxAttempts: inputs.integer('max-attempts', 3, 1, 10),
  }
}
