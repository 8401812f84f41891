/**
 * interface.md, "Edges": every error is told from the answer the action received, the same way
 * for every service. Each shape the real services send when they fail (docs/protocols.md, "When
 * the services fail") is played by an emulator, end to end on the bundle: one `::error::` with the
 * service, the status, the service's code and message, its support id, no library wording, no
 * markup, and a fix of the status's class (a refusal names an input; a 408, 429 or 5xx that
 * outlasted the retries says the service is failing or throttling).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { expectOneError, expectToken } from '../../test-support/assertions.ts'
import {
  CLIENT_SECRET,
  conditionalAccessBlocked,
  defaultApp,
  gatewayTimeoutEmpty,
  startEntraId,
  throttledPlainText,
  type EntraEmulator,
} from '../../test-support/emulators/entra-id.ts'
import {
  API_KEY,
  iamGatewayPage,
  startDefaultIbmIam,
  type IbmIamEmulator,
} from '../../test-support/emulators/ibm-iam.ts'
import {
  appServiceNotLoaded,
  appServiceServerError,
  imdsRestarting,
  imdsThrottled,
  imdsUpdating,
} from '../../test-support/emulators/managed-identity-faults.ts'
import {
  startImds,
  startManagedIdentity,
  type ImdsEmulator,
  type ManagedIdentityEmulator,
} from '../../test-support/emulators/managed-identity.ts'
import { runAction, type ActionRun } from '../../test-support/run-action.ts'
import { RESOURCE, azureStep, ibmStep } from '../../test-support/steps.ts'

const DISABLED_APP = '5d4c3b2a-1908-4766-8554-433221100fed'
const PUBLIC_APP = '6e5d4c3b-2a19-4877-9665-544332211fed'
const BLOCKED_APP = '7f6e5d4c-3b2a-4988-a776-655443322fed'
const POLICIES = ['1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b']
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

let entra: EntraEmulator
let msi: ManagedIdentityEmulator
let imds: ImdsEmulator
let iam: IbmIamEmulator

beforeAll(async () => {
  entra = await startEntraId({
    resources: [RESOURCE],
    apps: [
      defaultApp(),
      { clientId: DISABLED_APP, secrets: [CLIENT_SECRET], disabled: true, displayName: 'fhir-ci' },
      { clientId: PUBLIC_APP, secrets: [CLIENT_SECRET], publicClient: true },
      { clientId: BLOCKED_APP, secrets: [CLIENT_SECRET], blockedByConditionalAccess: POLICIES },
    ],
  })
  msi = await startManagedIdentity()
  imds = await startImds()
  iam = await startDefaultIbmIam()
})
afterAll(async () => {
  await Promise.all([entra.close(), msi.close(), imds.close(), iam.close()])
})
beforeEach(() => {
  for (const emulator of [entra, msi, imds, iam]) emulator.reset()
  entra.clearTokenFaults()
})

const azure = azureStep(() => entra, { 'client-secret': CLIENT_SECRET })
const managed = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
  runAction({ inputs: { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE, ...inputs }, env })
const ibm = ibmStep(() => iam, { 'api-key': API_KEY })

/** What only a library's message templates say: MSAL's, @azure/identity's, http-client's. */
const LIBRARY_WORDS =
  /Not Available|Error\(s\)|Description:|Http status code|ManagedIdentityCredential|AuthenticationError|CredentialUnavailable|A client error occured|network_error|unknown_error|Failed request/

interface Expected {
  /** The first line, exactly. */
  first: string
  /** The support id line, when the service sends one. */
  support?: RegExp
  /** The fix line, by its start. */
  fix: RegExp
}

/** One clean error of the one model; returns it for more checks. */
function expectTold(run: ActionRun, expected: Expected): string {
  const error = expectOneError(run, [CLIENT_SECRET, API_KEY])
  const lines = error.split('\n')
  expect(lines[0]).toBe(expected.first)
  if (expected.support) expect(lines).toContainEqual(expect.stringMatching(expected.support))
  expect(lines.at(-1)).toMatch(expected.fix)
  expect(error).not.toMatch(LIBRARY_WORDS)
  expect(error).not.toMatch(/<\/?[a-z!][^>]*>/i)
  return error
}

/** The fix of a service that kept failing or throttling: never a credential or set-up fix. */
const failing = (service: string, status: number, state = 'failing') =>
  new RegExp(
    `^Fix: ${service} is ${state} \\(HTTP ${status}\\); nothing in the step's inputs causes this\\..* Re-run the job later and check https://\\S+; if it happens often, raise max-attempts or timeout-seconds\\.$`,
  )

describe('Entra ID', () => {
  test('a plain-text 429 with Retry-After: waited for, then succeeds', async () => {
    entra.failToken(throttledPlainText(1))
    const run = await azure()
    expectToken(run, [CLIENT_SECRET])
    expect(run.lines).toContain('Retrying in 1.0 s (attempt 2 of 3): HTTP 429')
  })

  test('a plain-text 429 on every attempt: the service throttling, its own words, the wait it asked for', async () => {
    entra.failToken(throttledPlainText(1), throttledPlainText(1))
    const error = expectTold(await azure({ 'max-attempts': '2' }), {
      first: 'Entra ID failed the client-secret token request (HTTP 429 after 2 attempts): Too Many Requests',
      fix: failing('Entra ID', 429, 'throttling requests'),
    })
    expect(error).toContain('It asked to wait 1 s (Retry-After).')
    expect(entra.tokenRequests()).toHaveLength(2)
  })

  test('an empty 504 on every attempt: "(empty body)", the service failing', async () => {
    entra.failToken(gatewayTimeoutEmpty(), gatewayTimeoutEmpty())
    expectTold(await azure({ 'max-attempts': '2' }), {
      first: 'Entra ID failed the client-secret token request (HTTP 504 after 2 attempts): (empty body)',
      fix: failing('Entra ID', 504),
    })
  })

  test('AADSTS53003 with claims: the blocking policies, the correlation id, an admin fix, no retry', async () => {
    const error = expectTold(await azure({ 'client-id': BLOCKED_APP }), {
      first:
        'Entra ID refused the client-secret token request (HTTP 400): AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
      support: new RegExp(`^Correlation ID: ${GUID}$`),
      fix: /^Fix: a Conditional Access policy blocks tokens for this identity .*re-running does not help\. An admin must/,
    })
    expect(error.split('\n')[1]).toBe(`Conditional Access policies that blocked it: ${POLICIES.join(', ')}`)
    expect(entra.tokenRequests()).toHaveLength(1)
  })

  test('a 53003 that comes in the shape of the factory alone (no app option) reads the same', async () => {
    entra.failToken(conditionalAccessBlocked([POLICIES[0] ?? '']))
    const error = expectOneError(await azure(), [CLIENT_SECRET])
    expect(error).toContain(`\nConditional Access policies that blocked it: ${POLICIES[0]}\n`)
  })

  test.each([
    [
      'AADSTS7000112 (the app is disabled)',
      DISABLED_APP,
      `Entra ID refused the client-secret token request (HTTP 400): AADSTS7000112: Application '${DISABLED_APP}'(fhir-ci) is disabled.`,
      /^Fix: the app \(or its service principal\) is disabled in this tenant: an admin must enable it/,
    ],
    [
      'AADSTS700025 (the app allows public client flows)',
      PUBLIC_APP,
      "Entra ID refused the client-secret token request (HTTP 401): AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      /^Fix: the app registration is set to allow public client flows/,
    ],
  ])('%s: the code, the message, the correlation id and its fix', async (_, clientId, first, fix) => {
    expectTold(await azure({ 'client-id': clientId }), { first, support: new RegExp(`^Correlation ID: ${GUID}$`), fix })
    expect(entra.tokenRequests()).toHaveLength(1)
  })

  test.each(['common', 'organizations'])(
    'tenant-id %s is refused before any request (Entra would answer AADSTS50059)',
    async tenant => {
      const error = expectOneError(await azure({ 'tenant-id': tenant }), [CLIENT_SECRET])
      expect(error).toMatch(new RegExp(`^Input 'tenant-id' is '${tenant}', which names no tenant`))
      expect(error).toContain('AADSTS50059')
      expect(entra.requests).toHaveLength(0)
    },
  )
})

describe("App Service's identity endpoint (Kestrel)", () => {
  const notAssigned = /^Fix: no managed identity with this id is assigned to the machine/

  test('400 "Unable to load the proper Managed Identity.": the identity selectors fix, its correlation id', async () => {
    msi.fail(appServiceNotLoaded())
    expectTold(await managed(msi.env, { 'client-id': '3f2e1d0c-9b8a-4765-a432-10fedcba9876' }), {
      first:
        "App Service's identity endpoint refused the managed identity token request (HTTP 400): Unable to load the proper Managed Identity.",
      support: new RegExp(`^Correlation ID: ${GUID}$`),
      fix: notAssigned,
    })
    expect(msi.requests).toHaveLength(1)
  })

  test('the same 400 with an empty body: the correlation id from X-CORRELATION-ID, the same fix', async () => {
    msi.fail(appServiceNotLoaded({ emptyBody: true }))
    expectTold(await managed(msi.env), {
      first: "App Service's identity endpoint refused the managed identity token request (HTTP 400): (empty body)",
      support: new RegExp(`^Correlation ID: ${GUID}$`),
      fix: notAssigned,
    })
  })

  test('500 on every attempt: its message (its own spelling), the correlation id, the service failing', async () => {
    msi.fail(appServiceServerError(), appServiceServerError(), appServiceServerError())
    expectTold(await managed(msi.env), {
      first:
        "App Service's identity endpoint failed the managed identity token request (HTTP 500 after 3 attempts): An unexpected error occured while fetching the AAD Token.",
      support: new RegExp(`^Correlation ID: ${GUID}$`),
      fix: failing("App Service's identity endpoint", 500),
    })
    expect(msi.requests).toHaveLength(3)
  })
})

describe('Azure IMDS', () => {
  test.each([
    ['429 without Retry-After', imdsThrottled(), 'HTTP 429'],
    ['410 (being updated)', imdsUpdating(410), 'HTTP 410'],
    ['404 (being updated)', imdsUpdating(404), 'HTTP 404'],
  ])('%s is retried with back-off, then succeeds', async (_, fault, reason) => {
    imds.fail(fault)
    const run = await managed(imds.env)
    expectToken(run, imds.issued)
    expect(imds.requests).toHaveLength(2)
    const [retried] = run.lines.filter(line => line.startsWith('Retrying in'))
    expect(retried).toMatch(new RegExp(`^Retrying in 0\\.\\d s \\(attempt 2 of 3\\): ${reason}$`))
  })

  test('429 on every attempt: the service throttling', async () => {
    imds.fail(imdsThrottled(), imdsThrottled())
    expectTold(await managed(imds.env, { 'max-attempts': '2' }), {
      first:
        'Azure IMDS failed the managed identity token request (HTTP 429 after 2 attempts): invalid_request: Temporarily throttled, too many requests',
      fix: failing('Azure IMDS', 429, 'throttling requests'),
    })
  })

  test('a plain-text 500 from whatever answers during a restart: one clean line, the service failing', async () => {
    imds.fail(imdsRestarting(), imdsRestarting())
    expectTold(await managed(imds.env, { 'max-attempts': '2' }), {
      first: 'Azure IMDS failed the managed identity token request (HTTP 500 after 2 attempts): Internal Server Error',
      fix: failing('Azure IMDS', 500),
    })
  })
})

describe('IBM Cloud IAM', () => {
  test("a gateway's 502 HTML page on every attempt: its title, never markup, the service failing", async () => {
    iam.fail(iamGatewayPage(502), iamGatewayPage(502))
    expectTold(await ibm({ 'max-attempts': '2' }), {
      first: 'IBM Cloud IAM failed the API key (HTTP 502 after 2 attempts): 502 Bad Gateway',
      fix: failing('IBM Cloud IAM', 502),
    })
    expect(iam.requests).toHaveLength(2)
  })
})
