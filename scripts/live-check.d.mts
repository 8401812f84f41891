// Types of live-check.mjs for the tests (the script stays plain JavaScript: the runner's node runs it).
export type Provider = 'azure' | 'ibm'

export interface Outputs {
  token?: string
  tokenType?: string
  expiresOn?: string
  expiresIn?: string
  principalId?: string
  accountId?: string
}

export interface Expectations {
  accountId?: string
  principalId?: string
  otherPrincipalThan?: string
}

export interface Probe {
  code: string
  fix: string
  secretInput: string
  inputs: () => Record<string, string>
}

export interface ProbeRun {
  code: number | null
  stdout: string
  stderr: string
}

export const B64TOKEN: RegExp
export const LIFETIME_RANGE_S: [number, number]
export const STEP_GAP_S: number
export const EXP_SKEW_S: number
export const CLAIMS: Record<Provider, { principal: string; account: string; ids?: RegExp }>
export const PROBES: Record<'entra-unknown-tenant' | 'iam-fake-api-key', Probe>

export function decodeJwt(token: string): { header: unknown; claims: Record<string, unknown> } | undefined
export function checkOutputs(
  provider: Provider,
  outputs: Outputs,
  options?: { now?: number; expect?: Expectations },
): string[]
export function errorMessages(stdout: string): string[]
export function checkProbe(probe: Probe, run: ProbeRun, secret: string): string[]
export function runProbe(
  name: keyof typeof PROBES,
  options?: { endpoint?: Record<string, string>; env?: Record<string, string> },
): Promise<{ run: ProbeRun; problems: string[] }>
