/**
 * What costs a newcomer time (issue: a newcomer's first hour), on the bundle: an empty secret that
 * auth-type auto turns into OIDC, a mistyped input name, two problems reported as one, and a value
 * that is too long, each named for what it is.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { expectOneError, expectToken } from '../../test-support/assertions.ts'
import { CLIENT_SECRET, startEntraId, type EntraEmulator } from '../../test-support/emulators/entra-id.ts'
import { startGitHubOidc, type GitHubOidcEmulator } from '../../test-support/emulators/github-oidc.ts'
import { API_KEY, startDefaultIbmIam, type IbmIamEmulator } from '../../test-support/emulators/ibm-iam.ts'
import { RESOURCE, azureStep, ibmStep } from '../../test-support/steps.ts'

const NOT_FEDERATED_APP = '11111111-2222-4333-8444-555555555555'

let entra: EntraEmulator
let github: GitHubOidcEmulator
let iam: IbmIamEmulator

beforeAll(async () => {
  github = await startGitHubOidc()
  entra = await startEntraId({
    oidcPublicKey: github.publicKey,
    resources: [RESOURCE],
    apps: [{ clientId: NOT_FEDERATED_APP, secrets: [CLIENT_SECRET], federatedCredentials: [] }],
  })
  iam = await startDefaultIbmIam()
})
afterAll(async () => {
  await Promise.all([entra.close(), github.close(), iam.close()])
})
beforeEach(() => {
  for (const emulator of [entra, github, iam]) emulator.reset()
})

const azure = azureStep(() => entra)
const ibm = ibmStep(() => iam, { 'api-key': API_KEY })

describe('an empty secret that auth-type auto turns into OIDC', () => {
  test('a visible line says that auto chose oidc because client-secret is empty', async () => {
    // A job with id-token: write whose `client-secret: ${{ secrets.MISSPELLED }}` arrived empty.
    const run = await azure({ 'client-id': NOT_FEDERATED_APP, 'client-secret': '' }, github.env)
    const error = expectOneError(run, [CLIENT_SECRET])
    const line = run.lines.find(l => l.startsWith('auth-type auto chose oidc'))
    expect(line).toMatch(/client-secret \(and AZURE_CLIENT_SECRET\) and client-certificate are empty/)
    expect(line).toMatch(/If this step should use a client secret, its reference arrived empty/)
    expect(error).toMatch(/AADSTS70021/)
    expect(error).toMatch(
      /\nFix: no federated credential on the app matches .* Or, if this step should use client-secret: auth-type auto chose oidc because client-secret arrived empty/,
    )
  })

  test('auth-type oidc given: no such line, and the fix is about federated credentials only', async () => {
    const run = await azure({ 'client-id': NOT_FEDERATED_APP, 'auth-type': 'oidc' }, github.env)
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(run.lines.some(l => l.startsWith('auth-type auto chose oidc'))).toBe(false)
    expect(error).toMatch(/AADSTS70021/)
    expect(error).not.toMatch(/arrived empty/)
  })
})

describe('a mistyped input name', () => {
  test.each([
    ['tenantid', 'tenant-id', azure],
    ['envvar', 'env-var', ibm],
    ['client_secret', 'client-secret', azure],
    ['timeout-second', 'timeout-seconds', ibm],
  ])("'%s:' stops before any request, naming it and the closest input (%s)", async (typed, meant, step) => {
    const run = await step({ [typed]: 'value-0123456789' })
    const error = expectOneError(run, ['value-0123456789'])
    expect(error).toMatch(new RegExp(`^Input '${typed}' is not an input of get-token: the runner passes`))
    expect(error).toContain(`\nFix: did you mean '${meant}' for '${typed}'?`)
    expect(entra.requests).toHaveLength(0)
    expect(iam.requests).toHaveLength(0)
  })

  test('several typos are named together; a key near no input is ignored with a warning, as azure/login leftovers', async () => {
    const run = await ibm({ tenantid: 'x', envvar: 'X', creds: '{"clientId":"…"}' })
    const error = expectOneError(run)
    expect(error).toMatch(/^Input 'envvar' is not an input of get-token \(nor 'tenantid'\)/)
    expect(error).toContain("\nFix: did you mean 'env-var' for 'envvar', 'tenant-id' for 'tenantid'?")
    expect(run.lines).toContain("::warning::Input 'creds' is not an input of get-token; it is ignored.")
  })

  test('a key near no input alone: a warning, and the token', async () => {
    const run = await ibm({ 'subscription-id': '0f1e2d3c-4b5a-4968-8776-655443322110' })
    expectToken(run, [API_KEY])
    expect(run.lines).toContain("::warning::Input 'subscription-id' is not an input of get-token; it is ignored.")
  })
})

describe('two problems, reported at once', () => {
  test('resource ending in /.default together with scope: both in one error', async () => {
    const run = await azure({
      'client-secret': CLIENT_SECRET,
      resource: `${RESOURCE}/.default`,
      scope: `${RESOURCE}/.default`,
    })
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toMatch(
      /^Input 'scope' cannot be used together with resource, and resource \('https:\/\/x\.azurehealthcareapis\.com\/\.default'\) is itself a scope/,
    )
    expect(error).toContain('remove resource')
    expect(entra.requests).toHaveLength(0)
  })

  test.each(['AzureStack', 'AzureStackHub', 'Contoso'])('cloud %s points at authority-host', async cloud => {
    const error = expectOneError(await azure({ 'client-secret': CLIENT_SECRET, cloud }), [CLIENT_SECRET])
    expect(error).toMatch(
      new RegExp(
        `^Input 'cloud' is '${cloud}', not one of AzurePublicCloud, AzureUSGovernment, AzureChinaCloud \\(or AzureCloud`,
      ),
    )
    expect(error).toMatch(
      /\nFix: give one of those; for Azure Stack Hub or another authority, an app sign-in takes the authority's URL in authority-host/,
    )
  })
})

describe('a value that is too long is called too long', () => {
  test.each(['resource', 'scope'])('%s of 2,000 characters', async input => {
    const value = `https://x.azurehealthcareapis.com/${'a'.repeat(1966)}${input === 'scope' ? '/.default' : ''}`
    const run = await azure({ 'client-secret': CLIENT_SECRET, resource: '', [input]: value })
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toMatch(
      new RegExp(`^Input '${input}' is ${value.length} characters long; a ${input} is a URI of at most 1000\\.`),
    )
    expect(error).not.toMatch(/white space/)
  })

  test('an IBM profile id of 300 characters', async () => {
    const error = expectOneError(await ibm({ 'profile-id': `Profile-${'a'.repeat(292)}` }), [API_KEY])
    expect(error).toMatch(/^Input 'profile-id' is 300 characters long; IBM Cloud ids and names are at most 256\./)
  })
})

test('a correct step still gets its token (nothing above blocks it)', async () => {
  expectToken(await ibm(), [API_KEY])
})
