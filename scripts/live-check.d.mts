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

/** What the maintainer configured (the EXPECT_* variables); a provider ignores what it has no claim for. */
export interface Expectations {
  /** The tenant (Entra `tid`) or account (IBM `account.bss`). */
  accountId?: string
  /** Entra: the app's client id, held to `appid` / `azp`. */
  clientId?: string
  /** Entra: the resource asked for, held to `aud` (with or without a trailing slash). */
  resource?: string
  /** IBM: how `iam_id` starts (`iam-ServiceId-`, `IBMid-`, `iam-Profile-`). */
  iamIdPrefix?: string
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

export interface ApiProbe {
  service: string
  path: string
  audiences?: string[]
}

export interface ApiResult {
  problems: string[]
  lines: string[]
  skipped?: string
}

export const B64TOKEN: RegExp
export const LIFETIME_RANGE_S: [number, number]
export const STEP_GAP_S: number
export const EXP_SKEW_S: number
export const CLAIMS: Record<
  Provider,
  { principal: string; account: string; ids?: RegExp; clients?: string[]; audience?: string }
>
export const EXPECTATIONS: Record<keyof Expectations, string>
export const REQUIRED_EXPECTATIONS: Record<Provider, (keyof Expectations)[]>
export const PROBES: Record<'entra-unknown-tenant' | 'iam-fake-api-key', Probe>
export const API_PROBES: Record<Provider, ApiProbe>
export const WITHHELD: string
export const OUTPUT_NAMES: Record<keyof Outputs, string>

export function parseOutputs(text: string | undefined): Outputs | undefined
export function decodeJwt(token: string): { header: unknown; claims: Record<string, unknown> } | undefined
export function auditOutputs(
  provider: Provider,
  outputs: Outputs,
  options?: { now?: number; expect?: Expectations },
): { problems: string[]; verdicts: string[] }
export function checkOutputs(
  provider: Provider,
  outputs: Outputs,
  options?: { now?: number; expect?: Expectations },
): string[]
export function cleanText(text: unknown, secrets?: string[], maxLength?: number): string
export function endpointProblem(endpoint: string | undefined): string | undefined
export function probeApi(
  provider: Provider,
  token: string | undefined,
  options?: { endpoint?: string; resource?: string; timeoutMs?: number },
): Promise<ApiResult>
export function errorMessages(stdout: string): string[]
export function checkProbe(probe: Probe, run: ProbeRun, secret: string): string[]
export function runProbe(
  name: keyof typeof PROBES,
  options?: { endpoint?: Record<string, string>; env?: Record<string, string> },
): Promise<{ run: ProbeRun; problems: string[] }>
