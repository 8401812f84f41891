import { readConfig, type Config } from '../src/config.ts'
import { Inputs, type InputSource } from '../src/inputs/reader.ts'
import { Secrets } from '../src/log/secrets.ts'

/** An input source over plain records, recording what was masked and warned, as the runner would. */
function inputSource(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): InputSource & { masked: string[]; warnings: string[] } {
  const masked: string[] = []
  const warnings: string[] = []
  const secrets = new Secrets(secret => masked.push(secret))
  return {
    getInput: name => inputs[name] ?? '',
    env,
    mask: secret => secrets.add(secret),
    warning: message => void warnings.push(message),
    masked,
    warnings,
  }
}

/** The generic reader over plain records, for a provider's own config reader. */
export function inputsOf(inputs: Record<string, string>, env: Record<string, string> = {}): Inputs {
  return new Inputs(inputSource(inputs, env))
}

/** What readConfig made of the inputs: the configuration or the error it threw, and what it masked and warned. */
interface ConfigRead {
  config?: Config
  error?: unknown
  masked: string[]
  warnings: string[]
}

/** readConfig as the action runs it: the configuration or the error, and what was masked and warned. */
export function readInputs(inputs: Record<string, string>, env: Record<string, string> = {}): ConfigRead {
  const source = inputSource(inputs, env)
  try {
    return { config: readConfig(source), masked: source.masked, warnings: source.warnings }
  } catch (error) {
    return { error, masked: source.masked, warnings: source.warnings }
  }
}
