/**
 * interface.md for provider azure: every auth type against loopback emulators of Entra ID,
 * GitHub OIDC, App Service managed identity and the Azure CLI, and every input refused before any
 * request. Nothing leaves 127.0.0.1: Entra runs always get `authority-host` (the emulator),
 * managed-identity runs always get IDENTITY_ENDPOINT.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, test } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { expectExpiresIn, expectOneError, expectToken } from '../../test-support/assertions.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  EXPIRED_SECRET,
  TENANT_ID,
  defaultApp,
  expectedSubjectFault,
  fixture,
  startEntraId,
  transientError,
  type EntraEmulator,
  type ErrorStyle,
} from '../../test-support/emulators/entra-id.ts'
import {
  DEFAULT_SUBJECT,
  GITHUB_ISSUER,
  startGitHubOidc,
  type GitHubOidcEmulator,
} from '../../test-support/emulators/github-oidc.ts'
import { serviceAccountIssuer } from '../../test-support/emulators/kubernetes.ts'
import {
  OTHER_USER_ASSIGNED,
  SYSTEM_PRINCIPAL_ID,
  USER_ASSIGNED,
  USER_ASSIGNED_CLIENT_ID,
  startImds,
  startManagedIdentity,
  type ImdsEmulator,
  type ManagedIdentityEmulator,
} from '../../test-support/emulators/managed-identity.ts'
import { unsignedJwt } from '../../test-support/emulators/server.ts'
import { leaks, maskLine } from '../../test-support/leaks.ts'
import { ROOT, runAction, type ActionRun } from '../../test-support/run-action.ts'
import { RESOURCE, azureStep } from '../../test-support/steps.ts'

const NO_FEDERATION_APP = '11111111-2222-4333-8444-555555555555'
const OTHER_ISSUER_APP = '22222222-3333-4444-8555-666666666666'
const UNKNOWN_APP = '99999999-8888-4777-8666-555555555555'
const FAKE_AZ = join(ROOT, 'test-support', 'fake-az')
const KEY = fixture('client-key.pem')
const ENCRYPTED_KEY = fixture('client-key-encrypted.pem')
const CERT = fixture('client-cert.pem')
const KEY_PASSWORD = 'correct-horse-battery'

let entra: EntraEmulator
let github: GitHubOidcEmulator
let msi: ManagedIdentityEmulator
/** A VM with two user-assigned identities and no system-assigned one. */
let imds: ImdsEmulator
let tmp: string
/** The AKS cluster of the workload identity tests: its issuer is trusted by the default app for one service account. */
const aks = serviceAccountIssuer()
const RUNNER_SERVICE_ACCOUNT = { namespace: 'arc-runners', serviceAccount: 'arc-runner' }
/** Registered on the app with capitals that Kubernetes never writes: a case-only mismatch. */
const DEPLOYER_SERVICE_ACCOUNT = { namespace: 'arc-runners', serviceAccount: 'arc-deployer' }

beforeAll(async () => {
  github = await startGitHubOidc()
  const app = defaultApp()
  app.federatedCredentials?.push({
    issuer: aks.issuer,
    subject: `system:serviceaccount:${RUNNER_SERVICE_ACCOUNT.namespace}:${RUNNER_SERVICE_ACCOUNT.serviceAccount}`,
    audience: 'api://AzureADTokenExchange',
  })
  app.federatedCredentials?.push({
    issuer: aks.issuer,
    subject: `system:serviceaccount:${DEPLOYER_SERVICE_ACCOUNT.namespace}:Arc-Deployer`,
    audience: 'api://AzureADTokenExchange',
  })
  entra = await startEntraId({
    oidcPublicKey: github.publicKey,
    federatedIssuers: [{ issuer: aks.issuer, publicKey: aks.publicKey }],
    apps: [
      app,
      { clientId: NO_FEDERATION_APP, federatedCredentials: [] },
      {
        clientId: OTHER_ISSUER_APP,
        federatedCredentials: [
          { issuer: 'https://gitlab.example.com', subject: DEFAULT_SUBJECT, audience: 'api://AzureADTokenExchange' },
        ],
      },
    ],
    resources: [RESOURCE, 'https://x/'],
  })
  msi = await startManagedIdentity()
  imds = await startImds({ systemAssigned: false, userAssigned: [USER_ASSIGNED, OTHER_USER_ASSIGNED] })
  tmp = await mkdtemp(join(tmpdir(), 'get-token-azure-'))
})

afterAll(async () => {
  await Promise.all([entra?.close(), github?.close(), msi?.close(), imds?.close()])
  await rm(tmp, { recursive: true, force: true })
})

beforeEach(() => {
  for (const emulator of [entra, github, msi, imds]) emulator.requests.length = 0
  entra.clearTokenFaults()
  entra.errorStyle = {}
  msi.options.expiresOnFormat = undefined
  github.options.subject = undefined
  github.options.clockSkewSeconds = undefined
})

/** An Entra run: the emulator as authority, its certificate trusted, the given inputs on top. */
const azure = azureStep(() => entra)

/** Every secret a run could carry: inputs, derived tokens, PEM key lines. */
function allSecrets(extra: string[] = []): string[] {
  const pemLines = [KEY, ENCRYPTED_KEY].flatMap(pem =>
    pem.split('\n').filter(line => line.length >= 8 && !line.startsWith('-----')),
  )
  return [
    CLIENT_SECRET,
    EXPIRED_SECRET,
    KEY_PASSWORD,
    ...pemLines,
    ...entra.issued,
    ...github.issued,
    ...msi.issued,
    ...imds.issued,
    github.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    ...extra,
  ]
}

/** A published JWT, masked, and no secret of this suite anywhere. */
function expectSuccess(run: ActionRun): string {
  const token = expectToken(run, allSecrets())
  expect(token.split('.')).toHaveLength(3)
  return token
}

/** Exit 1, one `::error::` line naming the code and a fix, no stack trace, nothing leaked. */
function expectFailure(run: ActionRun, code: string | RegExp): string {
  const error = expectOneError(run, allSecrets())
  expect(error).toMatch(typeof code === 'string' ? new RegExp(`\\b${code}\\b`) : code)
  expect(error).toMatch(/\nFix: \S/)
  return error
}

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

const discoveryPath = `/${TENANT_ID}/v2.0/.well-known/openid-configuration`
const tokenPath = `/${TENANT_ID}/oauth2/v2.0/token`

describe('client-secret', () => {
  test('gets a token: outputs, env var, summary, 2 requests (discovery + token), masked first', async () => {
    const started = Date.now()
    const run = await azure({ 'auth-type': 'client-secret', 'client-secret': CLIENT_SECRET })
    const ended = Date.now()
    const token = expectSuccess(run)

    expect(entra.requests.map(r => `${r.method} ${r.path}`)).toEqual([`GET ${discoveryPath}`, `POST ${tokenPath}`])
    const form = entra.tokenRequests()[0]?.form
    expect(form?.get('grant_type')).toBe('client_credentials')
    expect(form?.get('client_id')).toBe(CLIENT_ID)
    expect(form?.get('client_secret')).toBe(CLIENT_SECRET)
    expect(form?.get('scope')).toBe(`${RESOURCE}/.default`)

    expect(entra.issued).toEqual([token])
    expect(claims(token)).toMatchObject({ aud: RESOURCE, tid: TENANT_ID, appid: CLIENT_ID })
    expect(run.outputs['token-type']).toBe('Bearer')
    expect(run.outputs['principal-id']).toBe(claims(token).oid)
    expect(run.outputs['account-id']).toBe(TENANT_ID)
    const expiresOn = Date.parse(run.outputs['expires-on'] ?? '')
    expect(run.outputs['expires-on']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    // 3599 s from when the token was issued, during the run (the claims count whole seconds).
    expect(expiresOn).toBeGreaterThanOrEqual(started + 3599_000 - 1000)
    expect(expiresOn).toBeLessThanOrEqual(ended + 3599_000)
    expectExpiresIn(run, 3599)
    expect(run.exported.ACCESS_TOKEN).toBe(token)

    expect(run.summary).toContain(TENANT_ID)
    expect(run.summary).toContain(CLIENT_ID)
    expect(run.summary).toContain(RESOURCE)
    expect(run.summary).not.toContain(token.split('.')[2])
    expect(run.lines.indexOf(`::add-mask::${CLIENT_SECRET}`)).toBe(0)
  })

  test('honours env-var, export-env and summary', async () => {
    const named = await azure({ 'client-secret': CLIENT_SECRET, 'env-var': 'FHIR_TOKEN' })
    const token = expectSuccess(named)
    expect(named.exported).toEqual({ FHIR_TOKEN: token })

    const quiet = await azure({ 'client-secret': CLIENT_SECRET, 'export-env': 'false', summary: 'false' })
    expectSuccess(quiet)
    expect(quiet.exported).toEqual({})
    expect(quiet.summary).toBe('')
  })

  test('reads AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET when the inputs are empty', async () => {
    const run = await azure(
      { 'tenant-id': '', 'client-id': '', 'client-secret': '' },
      {
        AZURE_TENANT_ID: TENANT_ID,
        AZURE_CLIENT_ID: CLIENT_ID,
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
      },
    )
    expectSuccess(run)
    expect(run.lines).toContain(`::add-mask::${CLIENT_SECRET}`)
    expect(entra.tokenRequests()[0]?.form.get('client_secret')).toBe(CLIENT_SECRET)
  })

  test('leaks nothing with RUNNER_DEBUG=1', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET }, { RUNNER_DEBUG: '1' })
    expectSuccess(run)
    expect(run.lines.some(line => line.startsWith('::debug::'))).toBe(true)
  })
})

describe('masking in one place: the HTTP layer masks what the provider never names', () => {
  test('a credential field Entra starts sending tomorrow is masked before anything reads it', async () => {
    const secrets = ['rt-0123456789abcdef', 'sso-0123456789abcdef']
    const extraFields = { refresh_token: secrets[0], session: { sso_token: secrets[1] } }
    const novel = await startEntraId({ resources: [RESOURCE], extraFields })
    try {
      const run = await azureStep(() => novel)({ 'client-secret': CLIENT_SECRET }, { RUNNER_DEBUG: '1' })
      expect(run.code).toBe(0)
      for (const secret of secrets) {
        expect(maskLine(run, secret)).toBeGreaterThanOrEqual(0)
        expect(leaks(run, [secret])).toEqual([])
      }
    } finally {
      await novel.close()
    }
  })
})

describe('client-certificate', () => {
  const cases: Array<[string, string, string]> = [
    ['key then certificate', `${KEY}${CERT}`, ''],
    ['certificate then key', `${CERT}${KEY}`, ''],
    ['encrypted key then certificate', `${ENCRYPTED_KEY}${CERT}`, KEY_PASSWORD],
    ['certificate then encrypted key', `${CERT}${ENCRYPTED_KEY}`, KEY_PASSWORD],
  ]
  test.each(cases)('%s: a signed assertion the emulator verifies', async (_name, pem, password) => {
    const run = await azure({
      'auth-type': 'client-certificate',
      'client-certificate': pem,
      'client-certificate-password': password,
    })
    expectSuccess(run)
    expect(entra.requests).toHaveLength(2)
    const form = entra.tokenRequests()[0]?.form
    expect(form?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(form?.has('client_secret')).toBe(false)
    const [header] = (form?.get('client_assertion') ?? '').split('.')
    const parsed = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
    expect(parsed.alg).toBe('PS256')
    expect(parsed['x5t#S256']).toEqual(expect.any(String))
    const assertion = claims(form?.get('client_assertion') ?? '')
    expect(assertion).toMatchObject({ aud: entra.tokenEndpoint, iss: CLIENT_ID, sub: CLIENT_ID })
    expect(run.leftovers).toEqual([]) // the PEM never touches the disk
  })

  test.each([
    [
      'an encrypted key with a wrong password',
      { 'client-certificate': `${ENCRYPTED_KEY}${CERT}`, 'client-certificate-password': 'wrong-password-123' },
      /Input 'client-certificate-password' does not decrypt/,
    ],
    [
      'an encrypted key without a password',
      { 'client-certificate': `${CERT}${ENCRYPTED_KEY}` },
      /Input 'client-certificate-password' is required/,
    ],
    [
      'a key without its certificate',
      { 'client-certificate': KEY },
      /Input 'client-certificate' holds no PEM certificate/,
    ],
    [
      'a certificate without its key',
      { 'client-certificate': CERT },
      /Input 'client-certificate' holds no PEM private key/,
    ],
  ])('%s: an input error before any request', async (_name, inputs, message) => {
    const run = await azure({ 'auth-type': 'client-certificate', ...inputs })
    expectFailure(run, message)
    expect(entra.requests).toHaveLength(0)
  })

  test('leaks no key line with RUNNER_DEBUG=1', async () => {
    const run = await azure(
      { 'client-certificate': `${CERT}${ENCRYPTED_KEY}`, 'client-certificate-password': KEY_PASSWORD },
      { RUNNER_DEBUG: '1' },
    )
    expectSuccess(run)
  })
})

describe('oidc', () => {
  test('exchanges one GitHub OIDC token (audience api://AzureADTokenExchange) for an Entra token', async () => {
    const run = await azure({ 'auth-type': 'oidc' }, github.env)
    const token = expectSuccess(run)
    expect(github.requests).toHaveLength(1)
    expect(github.requests[0]?.query.get('audience')).toBe('api://AzureADTokenExchange')
    expect(github.requests[0]?.query.get('api-version')).toBe('2.0')
    expect(entra.requests.map(r => r.method)).toEqual(['GET', 'POST'])
    const form = entra.tokenRequests()[0]?.form
    expect(form?.get('client_assertion')).toBe(github.issued[0])
    expect(form?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(run.lines).toContain(`::add-mask::${github.issued[0]}`)
    expect(claims(token)).toMatchObject({ appid: CLIENT_ID, aud: RESOURCE })
    expect([run.outputs['principal-id'], run.outputs['account-id']]).toEqual([claims(token).oid, TENANT_ID])
  })

  test('cloud AzureUSGovernment asks GitHub for api://AzureADTokenExchangeUSGov (and the app has no such credential)', async () => {
    const run = await azure({ 'auth-type': 'oidc', cloud: 'AzureUSGovernment' }, github.env)
    expect(github.requests[0]?.query.get('audience')).toBe('api://AzureADTokenExchangeUSGov')
    expectFailure(run, 'AADSTS700212')
  })

  test('oidc-audience overrides the cloud default', async () => {
    const run = await azure(
      { 'auth-type': 'oidc', cloud: 'AzureUSGovernment', 'oidc-audience': 'api://AzureADTokenExchange' },
      github.env,
    )
    expectSuccess(run)
    expect(github.requests[0]?.query.get('audience')).toBe('api://AzureADTokenExchange')
  })

  test('leaks nothing with RUNNER_DEBUG=1', async () => {
    const run = await azure({ 'auth-type': 'oidc' }, { ...github.env, RUNNER_DEBUG: '1' })
    expectSuccess(run)
  })

  test('GitHub refuses the request token (401): exit 1, not retried, the permissions hint', async () => {
    const run = await azure(
      { 'auth-type': 'oidc' },
      { ...github.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-request-token' },
    )
    const error = expectFailure(run, /HTTP 401/)
    expect(error).toContain('GitHub refused the OIDC token request')
    expect(error).toContain('pull request from a fork') // GitHub's own fix, not the generic Entra one
    expect(github.requests).toHaveLength(1)
    expect(entra.tokenRequests()).toHaveLength(0)
  })

  test('auth-type oidc without the request variables: the permissions hint, no request', async () => {
    const run = await azure({ 'auth-type': 'oidc' })
    const error = expectFailure(run, /OIDC/)
    expect(error).toContain('permissions: id-token: write')
    expect(entra.requests).toHaveLength(0)
  })
})

/** GitHub's immutable subject format (owner and repository ids), as Entra would name it in AADSTS7002137. */
const EXPECTED_SUBJECT = 'repo:octo-org@1234/octo-repo@5678:ref:refs/heads/main'

describe('federation errors name the code, print iss/sub/aud of the GitHub token, never the token', () => {
  const federation: Array<[string, string, () => void, Record<string, string>]> = [
    ['no federated credential at all', 'AADSTS70021', () => undefined, { 'client-id': NO_FEDERATION_APP }],
    ['issuer', 'AADSTS700211', () => undefined, { 'client-id': OTHER_ISSUER_APP }],
    [
      'subject',
      'AADSTS700213',
      () => {
        github.options.subject = 'repo:octo-org/octo-repo:pull_request'
      },
      {},
    ],
    ['audience', 'AADSTS700212', () => undefined, { 'oidc-audience': 'api://SomethingElse' }],
    [
      'subject in other letter case',
      'AADSTS7002138',
      () => {
        github.options.subject = DEFAULT_SUBJECT.replace('octo-org/octo-repo', 'Octo-Org/Octo-Repo')
      },
      {},
    ],
    [
      'subject, Entra naming the one it expects (HTTP 401)',
      'AADSTS7002137',
      () => entra.failToken(expectedSubjectFault(EXPECTED_SUBJECT)),
      {},
    ],
  ]
  test.each(federation)('%s → %s', async (_name, code, arrange, inputs) => {
    arrange()
    const run = await azure({ 'auth-type': 'oidc', ...inputs }, github.env)
    const error = expectFailure(run, code)
    const sent = github.issued.at(-1) ?? ''
    const { iss, sub, aud } = claims(sent) as { iss: string; sub: string; aud: string }
    expect(error).toContain(`iss=${iss}`)
    expect(error).toContain(`sub=${sub}`)
    expect(error).toContain(`aud=${aud}`)
    expect(iss).toBe(GITHUB_ISSUER)
    const signature = sent.split('.')[2] ?? sent
    expect(run.lines.filter(line => line.includes(signature) && !line.startsWith('::add-mask::'))).toEqual([])
    expect(entra.tokenRequests()).toHaveLength(1)
  })

  test('AADSTS7002138 says that the subject differs only in letter case, and shows it', async () => {
    const sub = DEFAULT_SUBJECT.replace('octo-org', 'Octo-Org')
    github.options.subject = sub
    const run = await azure({ 'auth-type': 'oidc' }, github.env)
    const error = expectFailure(run, 'AADSTS7002138')
    expect(error).toContain(`sub=${sub} `)
    expect(error).toMatch(/\nFix: the federated credential's subject differs from the token's sub only in letter case/)
  })

  test('AADSTS7002137 shows the subject Entra expects next to the one the token has', async () => {
    entra.failToken(expectedSubjectFault(EXPECTED_SUBJECT))
    const run = await azure({ 'auth-type': 'oidc' }, github.env)
    const error = expectFailure(run, 'AADSTS7002137')
    expect(error).toContain(`Please make sure the federated identity credential Subject is '${EXPECTED_SUBJECT}'.`)
    expect(error).toContain(`sub=${DEFAULT_SUBJECT} `)
    expect(error).toMatch(/\nFix: .*set the federated credential's subject to exactly that/)
  })

  test('an expired GitHub token → AADSTS700024 (one POST, no retry)', async () => {
    github.options.clockSkewSeconds = -3600
    const run = await azure({ 'auth-type': 'oidc' }, github.env)
    expectFailure(run, 'AADSTS700024')
    expect(entra.tokenRequests()).toHaveLength(1)
  })
})

describe('AADSTS errors: exit 1, one ::error:: line with the code and a fix, one POST', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['AADSTS7000215', { 'client-secret': 'not-the-secret-value-123' }, /Value/],
    ['AADSTS7000222', { 'client-secret': EXPIRED_SECRET }, /expired/],
    ['AADSTS700016', { 'client-secret': CLIENT_SECRET, 'client-id': UNKNOWN_APP }, /client-id/],
    [
      'AADSTS700027',
      { 'client-certificate': `${fixture('other-key.pem')}${fixture('other-cert.pem')}` },
      /certificate/,
    ],
    [
      'AADSTS500011',
      { 'client-secret': CLIENT_SECRET, resource: 'https://unknown.azurehealthcareapis.com' },
      /resource/,
    ],
    [
      'AADSTS1002012',
      { 'client-secret': CLIENT_SECRET, resource: '', scope: `${RESOURCE}/user_impersonation` },
      /\/\.default/,
    ],
  ]
  test.each(cases)('%s', async (code, inputs, hint) => {
    const run = await azure(inputs)
    const error = expectFailure(run, code)
    expect(error.slice(error.indexOf('\nFix:'))).toMatch(hint)
    expect(entra.tokenRequests()).toHaveLength(1)
  })

  test('AADSTS90002: unknown tenant (the discovery document is refused)', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'tenant-id': 'contoso.onmicrosoft.com' })
    const error = expectFailure(run, 'AADSTS90002')
    expect(error).toMatch(/tenant-id/)
    expect(entra.tokenRequests()).toHaveLength(0)
  })
})

describe('Entra ID as it really answers: every form of error body gives the same clean error', () => {
  const forms: Array<[string, ErrorStyle]> = [
    ['one line, parts separated by spaces', { separator: ' ' }],
    ['parts separated by \\r\\n', { separator: '\r\n' }],
    ['slashes escaped as \\/', { escapedSlashes: true }],
    ['pretty-printed', { pretty: true }],
    ['pretty-printed, \\r\\n and \\/ together', { pretty: true, separator: '\r\n', escapedSlashes: true }],
  ]
  /** The description without the trace, correlation and timestamp parts (the emulator's 7000222 text, with its links). */
  const description = `AADSTS7000222: The provided client secret keys for app '${CLIENT_ID}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`

  test.each(forms)('%s: the code, the message alone, the correlation id and the fix', async (_, style) => {
    entra.errorStyle = style
    const run = await azure({ 'client-secret': EXPIRED_SECRET })
    const error = expectFailure(run, 'AADSTS7000222')
    const [message, correlation, fix, ...rest] = error.split('\n')
    expect(message).toBe(`Entra ID refused the client-secret token request (HTTP 401): ${description}`)
    expect(correlation).toMatch(/^Correlation ID: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(fix).toMatch(/^Fix: the client secret has expired: create a new one/)
    expect(rest).toEqual([])
    expect(error).not.toMatch(/Trace ID|Timestamp|\\\/|\r/)
  })

  test.each(forms)('%s: AADSTS90002 from the discovery document reads the same', async (_, style) => {
    entra.errorStyle = style
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'tenant-id': 'contoso.onmicrosoft.com' })
    const error = expectFailure(run, 'AADSTS90002')
    expect(error.split('\n')[0]).toBe(
      `Entra ID refused the OpenID configuration at ${entra.url}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration (HTTP 400): AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    )
    expect(error).not.toMatch(/Trace ID|Timestamp|\\\/|\r/)
  })

  test('AADSTS90033 as 503 temporarily_unavailable (\\r\\n form) is retried like any 503, then succeeds', async () => {
    entra.errorStyle = { separator: '\r\n' }
    entra.failToken(transientError(), transientError())
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'max-attempts': '3' })
    expectSuccess(run)
    expect(entra.tokenRequests()).toHaveLength(3)
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toEqual([
      expect.stringMatching(/\(attempt 2 of 3\): HTTP 503$/),
      expect.stringMatching(/\(attempt 3 of 3\): HTTP 503$/),
    ])
  })

  test('AADSTS90033 on every attempt: one error with the code, the message, the attempts and the failing fix', async () => {
    entra.errorStyle = { separator: '\r\n', pretty: true }
    entra.failToken(transientError(), transientError())
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'max-attempts': '2' })
    const error = expectFailure(run, 'AADSTS90033')
    expect(error.split('\n')[0]).toBe(
      'Entra ID failed the client-secret token request (HTTP 503 after 2 attempts): AADSTS90033: A transient error has occurred. Please try again.',
    )
    expect(error).toMatch(/\nCorrelation ID: [0-9a-f-]{36}\n/)
    expect(error).toMatch(
      /\nFix: Entra ID is failing \(HTTP 503\); nothing in the step's inputs causes this\. Re-run the job later and check https:\/\/azure\.status\.microsoft; if it happens often, raise max-attempts or timeout-seconds\.$/,
    )
    expect(entra.tokenRequests()).toHaveLength(2)
  })
})

describe('authority-host', () => {
  test('a wrong path (discovery answers 404 HTML): one error naming the document and authority-host', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'authority-host': `${entra.url}/wrong` })
    const error = expectFailure(run, /OpenID configuration/)
    expect(error).toContain(`${entra.url}/wrong/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    expect(error).toMatch(/Fix: .*authority-host/)
    expect(entra.tokenRequests()).toHaveLength(0)
  })

  test('plain http is refused before any request', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'authority-host': entra.url.replace('https:', 'http:') })
    expectFailure(run, /Input 'authority-host' must use https/)
    expect(entra.requests).toHaveLength(0)
  })

  test('an untrusted TLS certificate (no NODE_EXTRA_CA_CERTS): one error that names NODE_EXTRA_CA_CERTS', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET }, { NODE_EXTRA_CA_CERTS: '' })
    expectFailure(run, /NODE_EXTRA_CA_CERTS/)
    expect(entra.tokenRequests()).toHaveLength(0)
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toEqual([]) // a retry cannot fix TLS
  })
})

describe('resource and scope', () => {
  test.each([
    [{ resource: 'https://x/' }, 'https://x//.default'],
    [{ resource: '', scope: `${RESOURCE}/.default` }, `${RESOURCE}/.default`],
  ])('%j sends scope %s', async (inputs, scope) => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, ...inputs })
    expectSuccess(run)
    expect(entra.tokenRequests()[0]?.form.get('scope')).toBe(scope)
  })

  test('resource and scope together: an input error before any request', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, scope: `${RESOURCE}/.default` })
    const error = expectFailure(run, /Input 'scope'/)
    expect(error).toMatch(/resource/)
    expect(entra.requests).toHaveLength(0)
  })

  test('neither resource nor scope: an input error before any request', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, resource: '' })
    expectFailure(run, /Input 'resource'/)
    expect(entra.requests).toHaveLength(0)
  })
})

describe('auth-type auto', () => {
  test('client-secret given → client-secret', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'client-certificate': `${KEY}${CERT}` }, github.env)
    expectSuccess(run)
    expect(run.stdout).toContain('(client-secret)')
    expect(entra.tokenRequests()[0]?.form.has('client_secret')).toBe(true)
    expect(github.requests).toHaveLength(0)
  })

  test('client-certificate given → client-certificate', async () => {
    const run = await azure({ 'client-certificate': `${KEY}${CERT}` }, github.env)
    expectSuccess(run)
    expect(run.stdout).toContain('(client-certificate)')
    expect(github.requests).toHaveLength(0)
  })

  test('OIDC request variables present → oidc', async () => {
    const run = await azure({}, github.env)
    expectSuccess(run)
    expect(run.stdout).toContain('(oidc)')
    expect(github.requests).toHaveLength(1)
  })

  test('nothing → a clear error that mentions permissions: id-token: write', async () => {
    const run = await azure({})
    const error = expectFailure(run, /auth-type/)
    expect(error).toContain('permissions: id-token: write')
    expect(entra.requests).toHaveLength(0)
  })

  test('a misspelled secret (the runner passes it empty): names what was looked at and why it can be empty', async () => {
    const run = await azure({ 'client-secret': '' })
    const error = expectFailure(run, /no Azure credential was given/)
    expect(error).toContain(
      'the inputs client-secret, client-certificate and federated-token-file and the environment variables AZURE_CLIENT_SECRET, AZURE_FEDERATED_TOKEN_FILE and ACTIONS_ID_TOKEN_REQUEST_URL are all empty',
    )
    expect(error).toContain(
      'A secret reference such as ${{ secrets.NAME }} arrives empty when the secret does not exist',
    )
    expect(entra.requests).toHaveLength(0)
  })
})

describe('workload-identity (the AKS cluster issuer, its token in a file)', () => {
  /** A fresh token file, as the kubelet projects it: the token and a trailing newline. */
  async function tokenFile(token = aks.token(RUNNER_SERVICE_ACCOUNT)): Promise<string> {
    const file = join(tmp, `token-${Math.random().toString(36).slice(2)}`)
    await writeFile(file, `${token}\n`)
    return file
  }
  /** What the AKS webhook sets in the runner pod; no client-id, tenant-id or auth-type inputs. */
  const pod = (file: string) => ({
    AZURE_FEDERATED_TOKEN_FILE: file,
    AZURE_TENANT_ID: TENANT_ID,
    AZURE_CLIENT_ID: CLIENT_ID,
  })
  const workload = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
    azure({ 'tenant-id': '', 'client-id': '', ...inputs }, env)

  test('auto picks it from the pod environment: the file token, trimmed, is the client assertion', async () => {
    const token = aks.token(RUNNER_SERVICE_ACCOUNT)
    const run = await workload(pod(await tokenFile(token)), {})
    const accessToken = expectSuccess(run)
    expect(run.stdout).toContain('(workload-identity)')
    const form = entra.tokenRequests()[0]?.form
    expect(form?.get('client_assertion')).toBe(token)
    expect(form?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(form?.get('client_id')).toBe(CLIENT_ID)
    expect(run.lines).toContain(`::add-mask::${token}`)
    expect(leaks(run, [token, token.split('.')[2] ?? ''])).toEqual([])
    expect(run.outputs['principal-id']).toBe(claims(accessToken).oid)
    expect(run.outputs['account-id']).toBe(TENANT_ID)
  })

  test('oidc wins over workload-identity in auto; federated-token-file as an input works too', async () => {
    const file = await tokenFile()
    const both = await workload({ ...pod(file), ...github.env })
    expectSuccess(both)
    expect(both.stdout).toContain('(oidc)')
    const input = await azure({ 'auth-type': 'workload-identity', 'federated-token-file': file })
    expectSuccess(input)
    expect(input.stdout).toContain('(workload-identity)')
  })

  test('the file is read afresh for every request, retries included', async () => {
    const first = aks.token(RUNNER_SERVICE_ACCOUNT)
    const rotated = aks.token(RUNNER_SERVICE_ACCOUNT)
    const file = await tokenFile(first)
    // The kubelet rotates the token while the first attempt fails.
    entra.failToken(async () => {
      await writeFile(file, rotated)
      return { status: 503, json: { error: 'temporarily_unavailable' } }
    })
    const run = await workload(pod(file))
    expectSuccess(run)
    expect(entra.tokenRequests().map(r => r.form.get('client_assertion'))).toEqual([first, rotated])
    expect(leaks(run, [first, rotated])).toEqual([])
  })

  test.each([
    ['issuer', 'AADSTS700211', () => serviceAccountIssuer().token(RUNNER_SERVICE_ACCOUNT), /cluster's OIDC issuer/],
    [
      'subject',
      'AADSTS700213',
      () => aks.token({ namespace: 'arc-runners', serviceAccount: 'default' }),
      /system:serviceaccount:<namespace>:<service account>/,
    ],
    [
      'subject in other letter case',
      'AADSTS7002138',
      () => aks.token(DEPLOYER_SERVICE_ACCOUNT),
      /only in letter case .*Kubernetes namespace and service account names are lower case/,
    ],
  ])(
    "another %s → %s with the file token's iss/sub/aud and a cluster hint, never the token",
    async (_, code, make, hint) => {
      const token = make()
      const run = await workload({ ...pod(await tokenFile(token)), RUNNER_DEBUG: '1' })
      const error = expectFailure(run, code)
      const { iss, sub } = claims(token) as { iss: string; sub: string }
      expect(error).toContain(
        `The federated token (federated-token-file) had iss=${iss} sub=${sub} aud=api://AzureADTokenExchange`,
      )
      expect(error.slice(error.indexOf('\nFix:'))).toMatch(hint)
      expect(leaks(run, [token, token.split('.')[2] ?? ''])).toEqual([])
    },
  )

  test.each([
    ['missing', async () => join(tmp, 'no-such-token'), 'does not exist'],
    ['empty', async () => tokenFile('  '), 'is empty'],
    ['too big', async () => tokenFile('x'.repeat(65 * 1024)), 'is larger than 64 KiB'],
  ])('a %s token file names the input, before any request', async (_, make, problem) => {
    const file = await make()
    const run = await workload(pod(file))
    expect(expectFailure(run, /federated-token-file/)).toContain(
      `The file in federated-token-file (${file}) ${problem}`,
    )
    expect(entra.requests).toHaveLength(0)
  })

  test('auth-type workload-identity without a file: an input error naming federated-token-file', async () => {
    const run = await azure({ 'auth-type': 'workload-identity' })
    expectFailure(run, /Input 'federated-token-file' is required/)
    expect(entra.requests).toHaveLength(0)
  })
})

describe('managed-identity (App Service endpoint on loopback)', () => {
  const managed = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({
      inputs: { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE, ...inputs },
      env: { ...msi.env, ...env },
    })

  test('system-assigned: one GET with resource, api-version and X-IDENTITY-HEADER', async () => {
    const run = await managed({})
    const token = expectSuccess(run)
    expect(msi.requests).toHaveLength(1)
    const request = msi.requests[0]
    expect(request?.method).toBe('GET')
    expect(request?.query.get('resource')).toBe(RESOURCE)
    expect(request?.query.get('api-version')).toBe('2019-08-01')
    expect(request?.query.has('client_id')).toBe(false)
    expect(request?.headers['x-identity-header']).toBe(msi.env.IDENTITY_HEADER)
    expect(msi.issued).toEqual([token])
    expect(run.exported.ACCESS_TOKEN).toBe(token)
    expect(run.outputs['principal-id']).toBe(SYSTEM_PRINCIPAL_ID)
    expect(run.outputs['account-id']).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47')
    expect(Number(run.outputs['expires-in'])).toBeGreaterThan(86_000)
    expect(leaks(run, [msi.env.IDENTITY_HEADER])).toEqual([])
  })

  test('user-assigned: client_id in the query', async () => {
    const run = await managed({ 'client-id': USER_ASSIGNED_CLIENT_ID })
    expectSuccess(run)
    expect(msi.requests).toHaveLength(1)
    expect(msi.requests[0]?.query.get('client_id')).toBe(USER_ASSIGNED_CLIENT_ID)
    expect(run.outputs['principal-id']).toBe(USER_ASSIGNED.objectId)
  })

  test.each([
    ['identity-object-id', USER_ASSIGNED.objectId, 'object_id'],
    ['identity-resource-id', USER_ASSIGNED.resourceId, 'mi_res_id'],
  ])('user-assigned by %s: %s in the query, and no AZURE_CLIENT_ID next to it', async (input, value, parameter) => {
    const run = await managed({ [input]: value }, { AZURE_CLIENT_ID: USER_ASSIGNED_CLIENT_ID })
    expectSuccess(run)
    expect(msi.requests).toHaveLength(1)
    const query = msi.requests[0]?.query
    expect(query?.get(parameter)).toBe(value)
    expect([...(query?.keys() ?? [])].sort()).toEqual(['api-version', parameter, 'resource'].sort())
    expect(run.outputs['principal-id']).toBe(USER_ASSIGNED.objectId)
    expect(run.summary).toContain(value)
  })

  test('AZURE_CLIENT_ID alone still picks the user-assigned identity, and an info line says so', async () => {
    const run = await managed({}, { AZURE_CLIENT_ID: USER_ASSIGNED_CLIENT_ID })
    expectSuccess(run)
    expect(msi.requests[0]?.query.get('client_id')).toBe(USER_ASSIGNED_CLIENT_ID)
    expect(run.lines).toContain(
      `Using the user-assigned managed identity ${USER_ASSIGNED_CLIENT_ID} that the runner's AZURE_CLIENT_ID names; give client-id, identity-object-id or identity-resource-id to choose another (or client-id empty and AZURE_CLIENT_ID unset for the system-assigned one).`,
    )
  })

  test('client-id given as an input: no such info line', async () => {
    const run = await managed({ 'client-id': USER_ASSIGNED_CLIENT_ID }, { AZURE_CLIENT_ID: USER_ASSIGNED_CLIENT_ID })
    expectSuccess(run)
    expect(run.lines.some(line => line.includes("runner's AZURE_CLIENT_ID"))).toBe(false)
  })

  test.each([
    [{ 'client-id': USER_ASSIGNED_CLIENT_ID, 'identity-object-id': USER_ASSIGNED.objectId }, 'identity-object-id'],
    [
      { 'identity-object-id': USER_ASSIGNED.objectId, 'identity-resource-id': USER_ASSIGNED.resourceId },
      'identity-resource-id',
    ],
  ])('two selectors (%j): an input error naming %s, before any request', async (inputs, input) => {
    const run = await managed(inputs)
    expect(expectFailure(run, new RegExp(`Input '${input}' cannot be used together with`))).toMatch(/at most one of/)
    expect(msi.requests).toHaveLength(0)
  })

  test('503 twice, then 200 with max-attempts 3 → exactly 3 GETs', async () => {
    msi.fail(
      { status: 503, body: '{"statusCode":503,"message":"Service unavailable"}' },
      { status: 503, body: '{"statusCode":503,"message":"Service unavailable"}' },
    )
    const run = await managed({ 'max-attempts': '3' })
    expectSuccess(run)
    expect(msi.requests).toHaveLength(3)
  })

  test('an identity the resource does not have: exit 1, one error line with a fix', async () => {
    const run = await managed({ 'client-id': UNKNOWN_APP })
    const error = expectFailure(run, /managed/i)
    expect(error).toMatch(/No User Assigned|identity/)
  })
})

describe('managed-identity, answers that need a fix', () => {
  const managed = (inputs: Record<string, string>, env: Record<string, string>) =>
    runAction({
      inputs: { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE, ...inputs },
      env,
    })

  test('IMDS, several user-assigned identities and none chosen: the fix names the three inputs', async () => {
    const run = await managed({}, imds.env)
    const error = expectFailure(run, /Multiple user assigned identities exist/)
    expect(error.split('\n')[0]).toBe(
      'Azure IMDS refused the managed identity token request (HTTP 400): invalid_request: Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request',
    )
    expect(error).toMatch(
      /\nFix: the machine has several user-assigned identities and none was chosen: .*client-id, identity-object-id or identity-resource-id/,
    )
    expect(imds.requests).toHaveLength(1)
    const request = imds.requests[0]
    expect(request?.headers.metadata).toBe('true')
    expect([...(request?.query.keys() ?? [])].sort()).toEqual(['api-version', 'resource'])
    expect(request?.query.get('api-version')).toBe('2018-02-01')
  })

  test.each([
    ['client-id', OTHER_USER_ASSIGNED.clientId, 'client_id'],
    ['identity-resource-id', OTHER_USER_ASSIGNED.resourceId, 'msi_res_id'],
  ])('IMDS, one of them chosen by %s: a token for it (%s as %s)', async (input, value, parameter) => {
    const run = await managed({ [input]: value }, imds.env)
    expectSuccess(run)
    expect(imds.requests[0]?.query.get(parameter)).toBe(value)
    expect(run.outputs['principal-id']).toBe(OTHER_USER_ASSIGNED.objectId)
  })

  test('IMDS, an identity the VM does not have: Identity not found, and a fix about the assigned identities', async () => {
    const run = await managed({ 'client-id': UNKNOWN_APP }, imds.env)
    const error = expectFailure(run, /Identity not found/)
    expect(error.split('\n')[0]).toBe(
      'Azure IMDS refused the managed identity token request (HTTP 400): invalid_request: Identity not found',
    )
    expect(error).toMatch(/\nFix: no managed identity with this id is assigned to the machine/)
  })

  test.each([
    ['ahead of', 600],
    ['behind', -600],
  ])("IMDS with its clock %s the runner's: expires-in never exceeds the expires_in granted", async (_, skew) => {
    imds.options.expiresOnSkewSeconds = skew
    try {
      const run = await managed({ 'client-id': OTHER_USER_ASSIGNED.clientId }, imds.env)
      expectSuccess(run)
      const expiresIn = Number(run.outputs['expires-in'])
      const { iat, exp } = claims(imds.issued.at(-1) ?? '') as { iat: number; exp: number }
      const granted = exp - iat // the expires_in of the answer
      if (skew > 0) {
        expectExpiresIn(run, granted)
      } else {
        expect(expiresIn).toBeLessThanOrEqual(granted + skew)
        expect(Date.parse(run.outputs['expires-on'] ?? '')).toBe((exp + skew) * 1000)
      }
    } finally {
      imds.options.expiresOnSkewSeconds = undefined
    }
  })

  test("App Service's date-string expires_on: an error naming the field, no token published", async () => {
    msi.options.expiresOnFormat = 'date-string'
    const run = await managed({}, msi.env)
    const error = expectFailure(run, /expires_on "\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d [AP]M \+00:00"/)
    expect(error).toMatch(/an expiry get-token cannot read; the token was not published\./)
    expect(error).toMatch(/\nFix: get-token reads expires_on as seconds since 1970/)
    expect(error).not.toMatch(/already expired|clock/)
    expect(run.outputs).toEqual({})
    expect(run.exported).toEqual({})
    expect(msi.requests).toHaveLength(1)
  })
})

describe('azure-cli (fake az on PATH)', () => {
  const cli = async (env: Record<string, string> = {}, inputs: Record<string, string> = {}) => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-az-log-'))
    const log = join(dir, 'calls')
    const run = await runAction({
      inputs: { provider: 'azure', 'auth-type': 'azure-cli', resource: RESOURCE, ...inputs },
      env: { PATH: `${FAKE_AZ}${delimiter}${process.env.PATH ?? ''}`, FAKE_AZ_LOG: log, ...env },
    })
    const calls = await readFile(log, 'utf8').catch(() => '')
    await rm(dir, { recursive: true, force: true })
    return { run, calls: calls.split('\n').filter(Boolean) }
  }

  test('runs az account get-access-token --output json --resource R [--tenant T]', async () => {
    const { run, calls } = await cli({ AZURE_TENANT_ID: TENANT_ID })
    const token = expectSuccess(run)
    expect(calls).toEqual([`account get-access-token --output json --resource ${RESOURCE} --tenant ${TENANT_ID}`])
    expect(claims(token)).toMatchObject({ aud: RESOURCE, tid: TENANT_ID })
    expect(run.exported.ACCESS_TOKEN).toBe(token)
    expect(Number(run.outputs['expires-in'])).toBeGreaterThan(3500)
    expect(leaks(run, [token])).toEqual([])
    expect([run.outputs['principal-id'], run.outputs['account-id']]).toEqual([claims(token).oid, TENANT_ID])
  })

  test('a token that is not a JWT: published, with empty principal-id and account-id', async () => {
    const { run } = await cli({ FAKE_AZ_TOKEN: 'opaque-access-token-0123456789' })
    expect(expectToken(run)).toBe('opaque-access-token-0123456789')
    expect([run.outputs['principal-id'], run.outputs['account-id']]).toEqual(['', ''])
  })

  test('without a tenant: no --tenant', async () => {
    const { run, calls } = await cli()
    expectSuccess(run)
    expect(calls).toEqual([`account get-access-token --output json --resource ${RESOURCE}`])
  })

  test('not logged in: exit 1, one error line that says to log in', async () => {
    const { run } = await cli({ FAKE_AZ_LOGGED_OUT: '1' })
    const error = expectFailure(run, /az login/)
    expect(error).toMatch(/azure\/login|az login/)
  })
})

describe('tenant-id is a GUID or a domain name', () => {
  it.each(['..', '.', 'a/b', 'contoso?x=1', 'contoso#x', 'con%2e', 'contoso'])(
    '%j is refused before any request',
    async tenant => {
      const run = await azure({ 'client-secret': CLIENT_SECRET, 'tenant-id': tenant })
      const error = expectOneError(run, [CLIENT_SECRET])
      expect(error).toContain("Input 'tenant-id' is neither a GUID nor a domain name")
      expect(entra.requests).toHaveLength(0)
    },
  )

  it('a domain name is accepted (and reaches Entra in the path)', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'tenant-id': 'contoso.onmicrosoft.com' })
    expectOneError(run, [CLIENT_SECRET]) // the emulator knows only its GUID: AADSTS90002
    expect(entra.requests[0]?.path).toBe('/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration')
  })
})

describe('a scope typed into resource', () => {
  it('is refused before any request, pointing at scope', async () => {
    const run = await azure({ 'client-secret': CLIENT_SECRET, resource: `${RESOURCE}/.default` })
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toContain("Input 'resource'")
    expect(error).toMatch(/Fix: give it as scope: https:\/\/x\.azurehealthcareapis\.com\/\.default/)
    expect(entra.requests).toHaveLength(0)
  })
})

describe('text from the Azure CLI is treated like server text', () => {
  it('a token on az stderr is redacted from the error', async () => {
    const token = unsignedJwt({ aud: RESOURCE, tid: TENANT_ID })
    const run = await runAction({
      inputs: { provider: 'azure', 'auth-type': 'azure-cli', resource: RESOURCE },
      env: {
        PATH: `${join(ROOT, 'test-support', 'fake-az')}${delimiter}${process.env.PATH ?? ''}`,
        FAKE_AZ_FAIL_WITH_TOKEN: '1',
        FAKE_AZ_TOKEN: token,
      },
    })
    const error = expectOneError(run, [token, token.split('.')[2] ?? ''])
    expect(error).toContain('"accessToken": "***"')
  })
})
