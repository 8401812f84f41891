/**
 * The live check's error probes and output checks (scripts/live-check.mjs) on what the built bundle
 * really prints against emulators that answer as the services document: the weekly run against
 * the real services must fail only when a service changed, never because this repository changed
 * its error format or outputs and the live check did not follow.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readAzureConfig } from '../../src/providers/azure/config.ts'
import { AZURE_HINTS } from '../../src/providers/azure/hints.ts'
import { readIbmConfig } from '../../src/providers/ibm/config.ts'
import { IBM_HINTS } from '../../src/providers/ibm/hints.ts'
import { CLIENT_SECRET, startEntraId, type EntraEmulator } from '../../test-support/emulators/entra-id.ts'
import { API_KEY, startDefaultIbmIam, type IbmIamEmulator } from '../../test-support/emulators/ibm-iam.ts'
import { inputsOf } from '../../test-support/inputs.ts'
import type { ActionRun } from '../../test-support/run-action.ts'
import { TRUST_TEST_CA, azureStep, ibmStep } from '../../test-support/steps.ts'
import { PROBES, checkOutputs, runProbe, type Outputs } from '../../scripts/live-check.mjs'

describe('the probes', () => {
  let entra: EntraEmulator
  let iam: IbmIamEmulator
  beforeAll(async () => {
    ;[entra, iam] = await Promise.all([startEntraId(), startDefaultIbmIam()])
  })
  afterAll(async () => {
    await Promise.all([entra.close(), iam.close()])
  })

  it('entra-unknown-tenant: the bundle prints AADSTS90002 and the fix the probe looks for', async () => {
    const { run, problems } = await runProbe('entra-unknown-tenant', {
      endpoint: { 'authority-host': entra.url },
      env: TRUST_TEST_CA,
    })
    expect([run.code, problems]).toEqual([1, []])
    // Refused for the tenant, before any token request: the fake client is never looked at.
    expect(entra.requests.length).toBeGreaterThan(0)
    for (const { path } of entra.requests) expect(path).toMatch(/^\/get-token-live-check\.invalid\//)
    expect(entra.tokenRequests()).toEqual([])
  })

  it('iam-fake-api-key: the bundle prints BXNIM0415E and the fix the probe looks for', async () => {
    const { run, problems } = await runProbe('iam-fake-api-key', { endpoint: { 'iam-endpoint': iam.url } })
    expect([run.code, problems]).toEqual([1, []])
    const [request] = iam.requests
    expect(request?.form.get('apikey')).toMatch(/^[\w-]{44}$/) // the shape of a real IBM Cloud API key
  })

  it('look for phrases of the fixes the action keeps for those codes', () => {
    expect(AZURE_HINTS.byCode.AADSTS90002).toContain(PROBES['entra-unknown-tenant'].fix)
    expect(IBM_HINTS.byCode.BXNIM0415E).toContain(PROBES['iam-fake-api-key'].fix)
  })

  it('pass the action’s input checks, so that the request reaches the service', () => {
    expect(() => readAzureConfig(inputsOf(PROBES['entra-unknown-tenant'].inputs()))).not.toThrow()
    expect(() => readIbmConfig(inputsOf(PROBES['iam-fake-api-key'].inputs()))).not.toThrow()
  })

  it('use a new fake secret for every run', () => {
    for (const probe of Object.values(PROBES))
      expect(probe.inputs()[probe.secretInput]).not.toBe(probe.inputs()[probe.secretInput])
  })

  const outputsOf = (run: ActionRun): Outputs => ({
    token: run.outputs.token,
    tokenType: run.outputs['token-type'],
    expiresOn: run.outputs['expires-on'],
    expiresIn: run.outputs['expires-in'],
    principalId: run.outputs['principal-id'],
    accountId: run.outputs['account-id'],
  })

  it("accept the bundle's outputs for an emulated Entra and IAM token", async () => {
    const azure = await azureStep(() => entra)({ 'client-secret': CLIENT_SECRET })
    expect(checkOutputs('azure', outputsOf(azure), { expect: { accountId: entra.tenant } })).toEqual([])
    const ibm = await ibmStep(() => iam)({ 'api-key': API_KEY })
    expect(checkOutputs('ibm', outputsOf(ibm))).toEqual([])
  })
})
