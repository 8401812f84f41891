/**
 * Issue 21: the link-local metadata services (Azure IMDS, the IBM VPC metadata service) are reached
 * directly, never through a proxy, whatever HTTP_PROXY / HTTPS_PROXY / NO_PROXY say. Each run
 * happens in a network namespace of its own (`unshare -rn`) where 169.254.169.254 is on loopback,
 * so the action talks to the metadata address it uses on a real runner, with no endpoint override:
 * every proxy variable names a recording forward proxy (which refuses hosts it does not serve).
 * Runs the built dist/index.js as the runner does (test-support/netns).
 */
import { describe, expect, it } from '@jest/globals'
import { SCENARIOS, namespaceUnavailable, runScenario, type ScenarioName } from '../../test-support/netns/namespace.ts'

// Probed when the file loads, so that Jest can skip (not pass) the suite: only where `unshare -rn`
// or `ip` is missing or user namespaces are off (the reason is in the suite's name).
const unavailable = namespaceUnavailable()
const inNamespace = unavailable ? describe.skip : describe
const suffix = unavailable ? ` (skipped: ${unavailable})` : ''

/** The metadata service's requests for each provider, as its emulator records them. */
const EXPECTED: Record<'azure' | 'ibm', (emulator: string[]) => void> = {
  azure: emulator => {
    expect(emulator.length).toBeGreaterThanOrEqual(1)
    for (const request of emulator) expect(request).toMatch(/^GET \/metadata\/identity\/oauth2\/token\/?$/)
  },
  ibm: emulator => expect(emulator).toEqual(['PUT /identity/v1/token', 'POST /identity/v1/iam_tokens']),
}

const DESCRIPTIONS: Record<ScenarioName, string> = {
  'azure-imds': 'Azure managed-identity: IMDS at 169.254.169.254, NO_PROXY unset',
  'azure-imds-no-proxy-elsewhere': 'Azure managed-identity: IMDS at 169.254.169.254, NO_PROXY names another host only',
  'ibm-vpc': 'IBM vpc-instance: the metadata service at http://169.254.169.254, NO_PROXY unset',
  'ibm-vpc-no-proxy-elsewhere':
    'IBM vpc-instance: the metadata service at http://169.254.169.254, NO_PROXY names another host only',
}

inNamespace(`the metadata address is reached directly, with every proxy variable set${suffix}`, () => {
  it.each(Object.entries(DESCRIPTIONS) as Array<[ScenarioName, string]>)(
    '%s: %s',
    async scenario => {
      const report = await runScenario(scenario)
      // On failure Jest prints the whole report: the ::error:: line, what the proxy was asked for.
      expect(report).toMatchObject({ scenario, code: 0, token: true, error: null, proxy: [] })
      EXPECTED[SCENARIOS[scenario].provider](report.emulator)
    },
    120_000,
  )
})
