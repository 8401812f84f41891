/**
 * The live check's error probes, output checks and API reads (scripts/live-check.mjs) on what the
 * built bundle really prints and gets, against emulators that answer as the services document:
 * the weekly run against the real services must fail only when a service changed, never because
 * this repository changed its error format or outputs and the live check did not follow.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { readAzureConfig } from '../../src/providers/azure/config.ts'
import { AZURE_HINTS } from '../../src/providers/azure/hints.ts'
import { readIbmConfig } from '../../src/providers/ibm/config.ts'
import { IBM_HINTS } from '../../src/providers/ibm/hints.ts'
import { armChallenge, startArm, type ArmEmulator } from '../../test-support/emulators/azure-resource-manager.ts'
import { CLIENT_ID, CLIENT_SECRET, startEntraId, type EntraEmulator } from '../../test-support/emulators/entra-id.ts'
import { API_KEY, IDENTITY, startDefaultIbmIam, type IbmIamEmulator } from '../../test-support/emulators/ibm-iam.ts'
import { startResourceController } from '../../test-support/emulators/ibm-resource-controller.ts'
import { randomUUID, unsignedJwt, type Emulator } from '../../test-support/emulators/server.ts'
import { inputsOf } from '../../test-support/inputs.ts'
import { runNode } from '../../test-support/process.ts'
import { ROOT, type ActionRun } from '../../test-support/run-action.ts'
import { TRUST_TEST_CA, azureStep, ibmStep } from '../../test-support/steps.ts'
import { PROBES, WITHHELD, checkOutputs, probeApi, runProbe, type Outputs } from '../../scripts/live-check.mjs'

const SCRIPT = join(ROOT, 'scripts', 'live-check.mjs')

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

  it("accept the bundle's outputs for an emulated Entra and IAM token, held to the configuration", async () => {
    const resource = 'https://management.azure.com'
    const azure = await azureStep(() => entra)({ 'client-secret': CLIENT_SECRET, resource })
    const expectAzure = { accountId: entra.tenant, clientId: CLIENT_ID, resource }
    expect(checkOutputs('azure', outputsOf(azure), { expect: expectAzure })).toEqual([])
    const elsewhere = { ...expectAzure, resource: 'https://graph.microsoft.com' }
    expect(checkOutputs('azure', outputsOf(azure), { expect: elsewhere })).toEqual([
      expect.stringMatching(/aud claim 'https:\/\/management.azure.com' is not the configured resource/),
    ])
    const ibm = await ibmStep(() => iam)({ 'api-key': API_KEY })
    const expectIbm = { iamIdPrefix: 'IBMid-', accountId: IDENTITY.account } // the emulator's key is a user's
    expect(checkOutputs('ibm', outputsOf(ibm), { expect: expectIbm })).toEqual([])
  })
})

describe('the API read', () => {
  const token = unsignedJwt({ aud: 'https://management.azure.com', oid: randomUUID() })
  const forbidden = unsignedJwt({ aud: 'https://management.azure.com', oid: randomUUID() })
  const objectId = randomUUID()
  let arm: ArmEmulator
  let controller: Emulator
  beforeAll(async () => {
    ;[arm, controller] = await Promise.all([
      startArm({ accepted: { [token]: [randomUUID()] }, forbidden: { [forbidden]: objectId } }),
      startResourceController({ accepted: [token], forbidden: [forbidden] }),
    ])
  })
  afterAll(async () => {
    await Promise.all([arm.close(), controller.close()])
  })

  const endpoint = { azure: () => arm.url, ibm: () => controller.url }

  it('makes one GET with the token: Resource Manager’s subscription list, the resource controller’s instances', async () => {
    arm.reset()
    controller.reset()
    await probeApi('azure', token, { endpoint: arm.url, resource: 'https://management.azure.com/' })
    await probeApi('ibm', token, { endpoint: `${controller.url}/` })
    const [armRequest] = arm.requests
    expect(arm.requests.length).toBe(1)
    expect([armRequest?.method, armRequest?.path, armRequest?.query.toString()]).toEqual([
      'GET',
      '/subscriptions',
      'api-version=2022-12-01',
    ])
    const [rcRequest] = controller.requests
    expect(controller.requests.length).toBe(1)
    expect([rcRequest?.method, rcRequest?.path, rcRequest?.query.toString()]).toEqual([
      'GET',
      '/v2/resource_instances',
      'limit=1',
    ])
    for (const request of [armRequest, rcRequest]) expect(request?.headers.authorization).toBe(`Bearer ${token}`)
  })

  it.each(['azure', 'ibm'] as const)('%s: 200 passes (the token is accepted)', async provider => {
    const result = await probeApi(provider, token, { endpoint: endpoint[provider]() })
    expect(result).toEqual({ problems: [], lines: [expect.stringMatching(/accepted the token: HTTP 200$/)] })
  })

  it.each([
    ['azure', 'Azure Resource Manager accepted the token and refused the read: HTTP 403 AuthorizationFailed'],
    ['ibm', 'IBM Cloud resource controller accepted the token and refused the read: HTTP 403 RC-IamErrorResponse'],
  ] as const)('%s: 403 passes (accepted, no permission), printing the code and not the ids', async (provider, line) => {
    const result = await probeApi(provider, forbidden, { endpoint: endpoint[provider]() })
    expect(result).toEqual({ problems: [], lines: [expect.stringContaining(line)] })
    expect(JSON.stringify(result)).not.toContain(objectId)
  })

  it.each([
    [
      'azure',
      'Azure Resource Manager rejected the token (HTTP 401): {"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}; ' +
        `WWW-Authenticate: ${armChallenge('The access token is invalid.')}`,
    ],
    [
      'ibm',
      /^IBM Cloud resource controller rejected the token \(HTTP 401\): \{"error_code":"RC-IamErrorResponse","message":"Token is expired","status_code":401,"transaction_id":"bss-[0-9a-f]{16}"\}$/,
    ],
  ] as const)('%s: 401 fails, showing the service’s answer and never the token', async (provider, problem) => {
    const rejected = unsignedJwt({ aud: 'https://management.azure.com', exp: 1 })
    const result = await probeApi(provider, rejected, { endpoint: endpoint[provider]() })
    expect(result).toEqual({
      problems: [typeof problem === 'string' ? problem : expect.stringMatching(problem)],
      lines: [],
    })
    expect(JSON.stringify(result)).not.toContain(rejected)
  })

  it('cleans a hostile 401: one inert line, the token withheld', async () => {
    const hostile = `{"error":{"message":"bad token ${token}\n::add-mask::x\n::error::fake \u001b[31mred"}}`
    arm.fail({
      status: 401,
      body: hostile,
      headers: { 'WWW-Authenticate': `Bearer error="invalid_token", token="${token}"` },
    })
    const [problem = ''] = (await probeApi('azure', token, { endpoint: arm.url })).problems
    expect(problem).toBe(
      'Azure Resource Manager rejected the token (HTTP 401): {"error":{"message":"bad token *** : :add-mask: :x : :error: :fake red"}}; ' +
        'WWW-Authenticate: Bearer error="invalid_token", token="***"',
    )
    controller.fail({ status: 401, body: `echo ${token.slice(0, 30)}\u0000${token.slice(30)}` })
    expect((await probeApi('ibm', token, { endpoint: controller.url })).problems).toEqual([
      `IBM Cloud resource controller rejected the token (HTTP 401): ${WITHHELD}`,
    ])
  })

  it('fails on any other answer, and on no answer', async () => {
    arm.fail({ status: 302, headers: { Location: 'https://elsewhere.invalid/' } })
    expect((await probeApi('azure', token, { endpoint: arm.url })).problems).toEqual([
      expect.stringMatching(/^Azure Resource Manager answered HTTP 302, neither 200 or 403 \(token accepted\) nor 401/),
    ])
    controller.fail({ drop: true })
    expect((await probeApi('ibm', token, { endpoint: controller.url })).problems).toEqual([
      expect.stringMatching(/^IBM Cloud resource controller did not answer the read: /),
    ])
  })

  it('sends the token to https (or loopback) only, and reads with an ARM token only', async () => {
    arm.reset()
    for (const unsafe of ['http://example.invalid', 'https://user:pw@example.invalid', 'not a url', undefined])
      expect((await probeApi('azure', token, { endpoint: unsafe })).problems).toEqual([
        expect.stringMatching(/API_ENDPOINT/),
      ])
    const graph = await probeApi('azure', token, { endpoint: arm.url, resource: 'https://graph.microsoft.com' })
    expect(graph).toEqual({ problems: [], lines: [], skipped: expect.stringContaining('not Azure Resource Manager') })
    expect(arm.requests).toEqual([])
  })

  it('from the command line: exit 0 on 200, exit 1 with the cleaned answer on 401, the token never printed', async () => {
    const env = (token: string) => ({
      PATH: process.env.PATH ?? '',
      OUTPUTS: JSON.stringify({ token }),
      API_ENDPOINT: controller.url,
    })
    const ok = await runNode([SCRIPT, 'api', 'ibm'], { env: env(token) })
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('Live check (ibm api): ok')])
    const rejected = unsignedJwt({ iam_id: 'iam-ServiceId-x', exp: 1 })
    const bad = await runNode([SCRIPT, 'api', 'ibm'], { env: env(rejected) })
    expect(bad.code).toBe(1)
    expect(bad.stdout.split('\n').filter(line => line.startsWith('::error'))).toEqual([
      expect.stringMatching(
        /^::error title=Live check \(ibm api\)::IBM Cloud resource controller rejected the token \(HTTP 401\): .*Token is expired/,
      ),
    ])
    for (const run of [ok, bad]) expect(run.stdout + run.stderr).not.toContain('eyJ')
    const skipped = await runNode([SCRIPT, 'api', 'azure'], {
      env: { ...env(token), API_ENDPOINT: arm.url, EXPECT_RESOURCE: 'https://graph.microsoft.com' },
    })
    expect([skipped.code, skipped.stdout]).toEqual([
      0,
      expect.stringContaining('::notice title=Live check (azure api)::the read is skipped: the token is for'),
    ])
  })
})

describe('a token step as the workflow checks it (the bundle, then `live-check.mjs token`)', () => {
  const resource = 'https://management.azure.com'
  const accepted: Record<string, string[]> = {}
  let entra: EntraEmulator
  let arm: ArmEmulator
  beforeAll(async () => {
    ;[entra, arm] = await Promise.all([startEntraId(), startArm({ accepted })])
  })
  afterAll(async () => {
    await Promise.all([entra.close(), arm.close()])
  })

  /** The workflow's env: OUTPUTS as toJSON(steps.<id>.outputs), the configuration, the read's endpoint. */
  const tokenEnv = (run: ActionRun, configured: Record<string, string>) => ({
    PATH: process.env.PATH ?? '',
    OUTPUTS: JSON.stringify(run.outputs, null, 2),
    API_ENDPOINT: arm.url,
    EXPECT_RESOURCE: resource,
    ...configured,
  })

  it('passes a token of the configured app that Resource Manager accepts, printing no id and no token', async () => {
    const run = await azureStep(() => entra)({ 'client-secret': CLIENT_SECRET, resource })
    const token = run.outputs.token ?? ''
    accepted[token] = [randomUUID()]
    const env = tokenEnv(run, { EXPECT_ACCOUNT_ID: entra.tenant, EXPECT_CLIENT_ID: CLIENT_ID })
    const check = await runNode([SCRIPT, 'token', 'azure'], { env })
    expect([check.code, check.stderr]).toEqual([0, ''])
    expect(check.stdout.match(/: matches$/gm)?.length).toBe(5)
    expect(check.stdout).toContain('  | Azure Resource Manager accepted the token: HTTP 200')
    for (const hidden of [token, entra.tenant, CLIENT_ID, run.outputs['principal-id'] ?? '']) {
      expect(hidden).not.toBe('')
      expect(check.stdout).not.toContain(hidden)
    }
  })

  it('fails a token of another app, and one Resource Manager rejects, with one ::error:: each', async () => {
    const run = await azureStep(() => entra)({ 'client-secret': CLIENT_SECRET, resource })
    const env = tokenEnv(run, { EXPECT_ACCOUNT_ID: entra.tenant, EXPECT_CLIENT_ID: randomUUID() })
    const check = await runNode([SCRIPT, 'token', 'azure'], { env })
    expect(check.code).toBe(1)
    expect(check.stdout.split('\n').filter(line => line.startsWith('::error'))).toEqual([
      expect.stringContaining(
        "::error title=Live check (azure token)::the token's appid claim is not the configured client id",
      ),
      expect.stringContaining(
        'Azure Resource Manager rejected the token (HTTP 401): {"error":{"code":"InvalidAuthenticationToken"',
      ),
    ])
    expect(check.stdout).not.toContain(run.outputs.token ?? '')
  })
})
