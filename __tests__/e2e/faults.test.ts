/**
 * Hostile or broken servers and networks (interface.md "Behaviour" and "Edges"): retries and
 * deadlines, TLS, redirects, proxies, echoed secrets, broken tokens, hostile text. Runs the built
 * dist/index.js against loopback emulators; every failure is one clear error that leaks nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, test } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  DEADLINE_BOUNDS,
  expectEndedByDeadline,
  expectExpiresIn,
  expectOneError,
  expectToken,
} from '../../test-support/assertions.ts'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  entraErrorBody,
  startEntraId,
  transientError,
  type EntraEmulator,
} from '../../test-support/emulators/entra-id.ts'
import { startManagedIdentity } from '../../test-support/emulators/managed-identity.ts'
import { iamErrorBody, startIbmIam, type IbmIamEmulator } from '../../test-support/emulators/ibm-iam.ts'
import { startServer, unsignedJwt, type Emulator } from '../../test-support/emulators/server.ts'
import { errorLines, leaks, maskLine, strayCommands } from '../../test-support/leaks.ts'
import { PROXIED_DOMAIN, startForwardProxy, type ForwardProxy } from '../../test-support/proxy.ts'
import { FIXTURES, runAction, type ActionRun } from '../../test-support/run-action.ts'
import { RESOURCE, TRUST_TEST_CA, azureStep, ibmStep } from '../../test-support/steps.ts'

/** `+ & = %`, a quote, a backslash, a space and non-ASCII: every character an encoding changes. */
const API_KEY = 'k3y+/=%&"\\~ é-0123456789'
const HOSTILE_KEY = 'ibm-key-whose-identity-is-hostile'
const ODD_IDS_KEY = 'ibm-key-whose-ids-are-not-ids'
const IDENTITY = { iamId: 'IBMid-EDGE', sub: 'edge@example.com', account: 'acct-edge' }
const UNKNOWN_APP = '99999999-8888-4777-8666-555555555555'
const HOSTILE =
  'AADSTS7000215: Invalid client secret provided.\n::set-env name=NODE_OPTIONS::--require=/tmp/pwn.js\r\n::add-path::/tmp/evil\n::set-output name=token::stolen\n\u001b[2J\u001b[31m##[error]spoofed'

let iam: IbmIamEmulator
let entra: EntraEmulator
let elsewhere: Emulator

beforeAll(async () => {
  iam = await startIbmIam({
    apiKeys: {
      [API_KEY]: IDENTITY,
      [HOSTILE_KEY]: {
        iamId: 'IBMid-X\n::warning::injected\r\n::set-env name=NODE_OPTIONS::x',
        sub: '\u001b[31m##[error]fake',
        account: 'acct|<b>x</b>',
      },
      [ODD_IDS_KEY]: { iamId: 'IBMid-with space', sub: 'odd@example.com', account: 'a'.repeat(257) },
    },
  })
  entra = await startEntraId({ resources: [RESOURCE] })
  elsewhere = await startServer(() => ({ status: 200, json: { access_token: 'stolen' } }))
})
afterAll(async () => {
  await Promise.all([iam.close(), entra.close(), elsewhere.close()])
})
beforeEach(() => {
  iam.reset()
  entra.reset()
  entra.clearTokenFaults()
  elsewhere.reset()
})

const ibm = ibmStep(() => iam, { 'api-key': API_KEY })
const azure = azureStep(() => entra, { 'client-secret': CLIENT_SECRET })

const encodings = (secret: string) => ({
  'percent-encoded': encodeURIComponent(secret),
  'form-encoded': new URLSearchParams({ k: secret }).toString().slice(2),
  'JSON-escaped': JSON.stringify(secret).slice(1, -1),
  base64: Buffer.from(secret).toString('base64'),
  base64url: Buffer.from(secret).toString('base64url'),
})

describe('IBM Cloud IAM misbehaves', () => {
  it('retries a 503 and succeeds', async () => {
    iam.fail({ status: 503, body: iamErrorBody('BXNIM0000E', 'Service unavailable') })
    const run = await ibm({ 'api-key': API_KEY })
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(2)
    expect(run.lines.some(line => line.startsWith('Retrying in') && line.includes('attempt 2 of 3'))).toBe(true)
  })

  it('honours Retry-After on 429', async () => {
    iam.fail({ status: 429, body: iamErrorBody('BXNIM0429E', 'Too many requests'), headers: { 'Retry-After': '1' } })
    const run = await ibm({ 'api-key': API_KEY })
    expect(run.code).toBe(0)
    expect(iam.requests).toHaveLength(2)
    expect(run.lines.some(line => line.startsWith('Retrying in 1.0 s'))).toBe(true)
  })

  it('stops after max-attempts and reports the last answer', async () => {
    iam.fail(...Array.from({ length: 2 }, () => ({ status: 500, body: iamErrorBody('BXNIM9999E', 'Internal error') })))
    const run = await ibm({ 'api-key': API_KEY, 'max-attempts': '2' })
    expect(run.code).toBe(1)
    expect(iam.requests).toHaveLength(2)
    expect(errorLines(run)[0]).toContain('HTTP 500')
    expect(errorLines(run)[0]).toContain('BXNIM9999E')
  })

  it(
    'ends a hung server by timeout-seconds',
    async () => {
      iam.fail({ hang: true }) // the first attempt uses up the whole deadline
      const run = await ibm(
        { 'api-key': API_KEY, 'timeout-seconds': '2' },
        {},
        { timeoutMs: DEADLINE_BOUNDS.killAfterMs },
      )
      expect(expectOneError(run, [API_KEY])).toContain('did not finish within timeout-seconds (2 s)')
      expectEndedByDeadline(run, 2)
      expect(iam.requests).toHaveLength(1)
    },
    DEADLINE_BOUNDS.testTimeoutMs,
  )

  it('reports a refused connection after retrying', async () => {
    const run = await ibm({ 'api-key': API_KEY, 'iam-endpoint': 'http://127.0.0.1:9', 'max-attempts': '2' })
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toContain('ECONNREFUSED')
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toHaveLength(1)
  })

  it('keeps hostile error text from starting workflow commands', async () => {
    const hostile =
      'bad\n::set-env name=NODE_OPTIONS::--require=/tmp/x.js\n::add-path::/tmp/evil\r\n::set-output name=token::stolen\n\u001b[31m##[error]fake'
    iam.fail({
      status: 400,
      body: JSON.stringify({
        errorCode: 'BXNIM0415E',
        errorMessage: hostile,
        context: { requestId: '::add-mask::x\nq' },
      }),
    })
    const run = await ibm({ 'api-key': API_KEY, 'max-attempts': '1' }, { RUNNER_DEBUG: '1' })
    expect(run.code).toBe(1)
    expect(strayCommands(run)).toEqual([])
    expect(errorLines(run)).toHaveLength(1)
    expect(run.stdout).not.toContain('\u001b')
  })

  it('keeps hostile claims of a good token out of the log line and the summary markup', async () => {
    const run = await ibm({ 'api-key': HOSTILE_KEY }, { RUNNER_DEBUG: '1' })
    expect(run.code).toBe(0)
    expect(strayCommands(run)).toEqual([])
    expect(run.lines.filter(line => line.startsWith('::warning'))).toEqual([])
    expect(run.lines.find(line => line.startsWith('Token from'))).toContain('IBMid-X')
    expect(run.summary).not.toContain('<b>')
    expect(run.summary).not.toContain('\u001b')
    // An iam_id with a line break is not an id: principal-id stays empty; the printable account is kept.
    expect(run.outputs['principal-id']).toBe('')
    expect(run.outputs['account-id']).toBe('acct|<b>x</b>')
  })

  it('publishes principal-id and account-id empty when the claims are not printable ids of at most 256 characters', async () => {
    const run = await ibm({ 'api-key': ODD_IDS_KEY })
    expectToken(run, [ODD_IDS_KEY])
    expect(run.outputs['principal-id']).toBe('') // iam_id with a space
    expect(run.outputs['account-id']).toBe('') // account.bss of 257 characters
  })

  it('cuts a 1 MB error body and handles a non-JSON 200', async () => {
    iam.fail({ status: 400, body: 'x'.repeat(1024 * 1024) })
    const big = await ibm({ 'api-key': API_KEY })
    expect(big.code).toBe(1)
    expect((errorLines(big)[0] ?? '').length).toBeLessThan(2000)

    iam.fail({ status: 200, body: '<html>login</html>' })
    const html = await ibm({ 'api-key': API_KEY })
    expect(html.code).toBe(1)
    expect(errorLines(html)[0]).toContain('answered 200 with a body that is not a JSON object: "login".')

    iam.fail({ status: 200, body: '{"token_type":"Bearer"}' })
    const empty = await ibm({ 'api-key': API_KEY })
    expect(empty.code).toBe(1)
    expect(errorLines(empty)[0]).toContain('without an access_token')
  })
})

describe('TLS', () => {
  it('refuses an untrusted certificate without retrying, and trusts it through NODE_EXTRA_CA_CERTS', async () => {
    const { readFile } = await import('node:fs/promises')
    const { FIXTURES } = await import('../../test-support/run-action.ts')
    const tls = {
      key: await readFile(join(FIXTURES, 'tls-key.pem'), 'utf8'),
      cert: await readFile(join(FIXTURES, 'tls-cert.pem'), 'utf8'),
    }
    const secure = await startIbmIam({
      apiKeys: { [API_KEY]: { iamId: 'IBMid-TLS', sub: 'tls@example.com', account: 'acct' } },
      tls,
    })
    try {
      const untrusted = await runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': secure.url } })
      expect(untrusted.code).toBe(1)
      expect(secure.requests).toHaveLength(0)
      expect(errorLines(untrusted)[0]).toContain('not trusted')
      expect(errorLines(untrusted)[0]).toContain('NODE_EXTRA_CA_CERTS')
      expect(untrusted.lines.filter(line => line.startsWith('Retrying'))).toEqual([])

      const trusted = await runAction({
        inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': secure.url },
        env: { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem') },
      })
      expect(trusted.code).toBe(0)
      expect(secure.requests).toHaveLength(1)
    } finally {
      await secure.close()
    }
  })
})

describe("Entra ID's token request under the action's one retry rule (max-attempts, timeout-seconds)", () => {
  const unavailable = transientError

  test('503, 503, then 200 with max-attempts 3 → success after exactly 3 POSTs', async () => {
    entra.failToken(unavailable(), unavailable())
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'max-attempts': '3' })
    expectToken(run, [CLIENT_SECRET])
    expect(entra.tokenRequests()).toHaveLength(3)
  })

  test('503 three times with max-attempts 3 → failure after exactly 3 POSTs', async () => {
    entra.failToken(unavailable(), unavailable(), unavailable())
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'max-attempts': '3' })
    expect(expectOneError(run, [CLIENT_SECRET])).toMatch(/AADSTS90033|503/)
    expect(entra.tokenRequests()).toHaveLength(3)
  })

  test('max-attempts 1 → no retry', async () => {
    entra.failToken(unavailable())
    const run = await azure({ 'client-secret': CLIENT_SECRET, 'max-attempts': '1' })
    expect(expectOneError(run, [CLIENT_SECRET])).toMatch(/AADSTS90033|503/)
    expect(entra.tokenRequests()).toHaveLength(1)
  })

  // Time only bounds these runs loosely (DEADLINE_BOUNDS: a busy machine slows a run by seconds);
  // what shows that the deadline worked is what the action reports and what the emulator saw.
  const killAfter = { timeoutMs: DEADLINE_BOUNDS.killAfterMs }

  test(
    'timeout-seconds bounds a hanging discovery request',
    async () => {
      entra.fail({ hang: true })
      const run = await azure({ 'client-secret': CLIENT_SECRET, 'timeout-seconds': '2' }, {}, killAfter)
      expect(expectOneError(run, [CLIENT_SECRET])).toMatch(/did not finish within timeout-seconds \(2 s\)/)
      expectEndedByDeadline(run, 2)
      expect(entra.requests).toHaveLength(1) // the discovery GET, never answered
    },
    DEADLINE_BOUNDS.testTimeoutMs,
  )

  // The run ends at the deadline either way: only the socket shows whether the request was aborted
  // or abandoned (an abandoned one would keep the process alive).
  const AFTER_ERROR_MS = 5000
  test(
    'timeout-seconds aborts the token request: its socket closes at the deadline, nothing lingers',
    async () => {
      entra.failToken(() => new Promise<never>(() => {})) // the token POST is never answered
      let printed = ''
      let errorAt = 0
      const onStdout = (chunk: string) => {
        printed += chunk
        if (!errorAt && printed.includes('::error::')) errorAt = Date.now()
      }
      const run = await azure({ 'timeout-seconds': '2' }, {}, { ...killAfter, onStdout })
      const exitedAt = Date.now()
      expect(expectOneError(run, [CLIENT_SECRET])).toMatch(/did not finish within timeout-seconds \(2 s\)/)
      // Nothing kept the process alive after the error: it exited by itself (exit 1, not killed).
      expectEndedByDeadline(run, 2)
      // The emulator never closes a connection itself before it shuts down: this close is the client's,
      // around when the error was printed (a bound a busy machine keeps), not when the run was killed.
      const closedAt = entra.tokenRequests()[0]?.socketClosedAt ?? Infinity
      expect(errorAt).toBeGreaterThan(0)
      // After the error no Node start-up or request is left to slow down: 5 s holds under load, and a
      // timer or socket that kept the process alive would take the run to the kill.
      expect(Math.abs(closedAt - errorAt)).toBeLessThan(AFTER_ERROR_MS)
      expect(exitedAt - errorAt).toBeLessThan(AFTER_ERROR_MS)
    },
    DEADLINE_BOUNDS.testTimeoutMs,
  )

  test(
    'timeout-seconds bounds retries: endless 503s with max-attempts 10 stop at the deadline',
    async () => {
      entra.failToken(...Array.from({ length: 10 }, unavailable))
      const inputs = { 'client-secret': CLIENT_SECRET, 'max-attempts': '10', 'timeout-seconds': '2' }
      const run = await azure(inputs, {}, killAfter)
      // Like every request: it stops when the next wait would pass the deadline, reporting the last answer.
      expect(expectOneError(run, [CLIENT_SECRET])).toMatch(/AADSTS90033[\s\S]*timeout-seconds|timeout-seconds \(2 s\)/)
      expect(run.ms).toBeLessThan(DEADLINE_BOUNDS.endsWithinMs)
      // The waits it printed: one before each retry, none that would have passed the 2 s deadline
      // (each printed to 0.1 s), and far fewer attempts than max-attempts allowed.
      const waits = run.lines.flatMap(line => /^Retrying in (\d+\.\d) s \(attempt \d+ of 10\)/.exec(line)?.[1] ?? [])
      expect(entra.tokenRequests()).toHaveLength(waits.length + 1)
      expect(waits.reduce((sum, wait) => sum + Number(wait), 0)).toBeLessThan(2 + 0.05 * waits.length)
      expect(entra.tokenRequests().length).toBeLessThan(10)
    },
    DEADLINE_BOUNDS.testTimeoutMs,
  )

  test.each([
    ['400', { 'client-secret': CLIENT_SECRET, 'client-id': UNKNOWN_APP }, 'AADSTS700016'],
    ['401', { 'client-secret': 'not-the-secret-value-123' }, 'AADSTS7000215'],
  ])('a %s is not retried: exactly one POST', async (_status, inputs, code) => {
    const run = await azure({ ...inputs, 'max-attempts': '3' })
    expect(expectOneError(run, [CLIENT_SECRET])).toMatch(code)
    expect(entra.tokenRequests()).toHaveLength(1)
  })
})

describe.each([
  ['debug off', {}],
  ['RUNNER_DEBUG=1', { RUNNER_DEBUG: '1' }],
])('Azure faults (%s)', (_, debugEnv) => {
  const secrets = () => [CLIENT_SECRET, ...entra.issued, ...entra.issued.map(t => t.split('.')[2] ?? '')]
  const clean = (run: ActionRun) => {
    expect(leaks(run, secrets())).toEqual([])
    expect(strayCommands(run)).toEqual([])
    expect(run.stderr).toBe('')
  }

  it('429 with Retry-After, then success', async () => {
    entra.failToken({
      status: 429,
      json: entraErrorBody('temporarily_unavailable', 50196, 'Too many requests.'),
      headers: { 'Retry-After': '1' },
    })
    const started = Date.now()
    const run = await azure({}, debugEnv)
    expect(run.code).toBe(0)
    expect(entra.tokenRequests()).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    clean(run)
  })

  it('429 without Retry-After, 501 and 500 with Retry-After are retried by the same policy as IBM', async () => {
    entra.failToken(
      { status: 429, json: entraErrorBody('temporarily_unavailable', 50196, 'Too many requests.') },
      { status: 501, text: 'not implemented' },
    )
    const run = await azure({ 'max-attempts': '3' }, debugEnv)
    expect(run.code).toBe(0)
    expect(entra.tokenRequests()).toHaveLength(3)
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toEqual([
      expect.stringContaining('(attempt 2 of 3): HTTP 429'),
      expect.stringContaining('(attempt 3 of 3): HTTP 501'),
    ])

    entra.requests.length = 0
    entra.failToken({
      status: 500,
      json: entraErrorBody('server_error', 90033, 'A transient error has occurred.'),
      headers: { 'Retry-After': '1' },
    })
    const after = await azure({}, debugEnv)
    expect(after.code).toBe(0)
    expect(after.lines).toContain('Retrying in 1.0 s (attempt 2 of 3): HTTP 500')
    clean(after)
  })

  it('a 502 on every attempt: the fix points at the server or proxy, not the credentials', async () => {
    entra.failToken(
      { status: 502, text: '<html>Bad gateway</html>' },
      { status: 502, text: '<html>Bad gateway</html>' },
    )
    const run = await azure({ 'max-attempts': '2' }, debugEnv)
    expect(run.code).toBe(1)
    expect(entra.tokenRequests()).toHaveLength(2)
    const [error] = errorLines(run)
    expect(error).toContain(
      'Entra ID failed the client-secret token request (HTTP 502 after 2 attempts): Bad gateway%0A',
    )
    expect(error).toContain("Fix: Entra ID is failing (HTTP 502); nothing in the step's inputs causes this.")
    expect(error).not.toMatch(/<|client-secret is wrong|check tenant-id/)
    clean(run)
  })

  it('a 400 is sent once only', async () => {
    entra.failToken({
      status: 400,
      json: entraErrorBody(
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      ),
    })
    const run = await azure({}, debugEnv)
    expect(run.code).toBe(1)
    expect(entra.tokenRequests()).toHaveLength(1)
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toContain('AADSTS900144')
    clean(run)
  })

  it('a refused connection: one error that names the authority and the fix', async () => {
    const run = await runAction({
      inputs: {
        provider: 'azure',
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        'authority-host': 'https://127.0.0.1:9',
        resource: RESOURCE,
        'max-attempts': '2',
      },
      env: debugEnv,
    })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toHaveLength(1)
    expect(errorLines(run)[0]).toMatch(/ECONNREFUSED|reachable/)
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toEqual([
      expect.stringMatching(/\(attempt 2 of 2\): ECONNREFUSED/),
    ])
    clean(run)
  })

  it('a 200 that is not JSON, and JSON without access_token: one clear error each', async () => {
    entra.failToken({ status: 200, text: '<html><body>Sign in</body></html>' })
    const html = await azure({}, debugEnv)
    expect(html.code).toBe(1)
    expect(errorLines(html)).toHaveLength(1)
    clean(html)

    entra.failToken({ status: 200, json: { token_type: 'Bearer', expires_in: 3599 } })
    const empty = await azure({}, debugEnv)
    expect(empty.code).toBe(1)
    expect(errorLines(empty)).toHaveLength(1)
    expect(empty.outputs).toEqual({})
    clean(empty)
  })

  it('a 1 MB error body is cut to a sane length', async () => {
    entra.failToken({
      status: 400,
      json: entraErrorBody('invalid_client', 7000215, `Invalid client secret provided. ${'x'.repeat(1024 * 1024)}`),
    })
    const run = await azure({}, debugEnv)
    expect(run.code).toBe(1)
    expect((errorLines(run)[0] ?? '').length).toBeLessThan(2500)
    expect(run.stdout.length).toBeLessThan(20_000)
    clean(run)
  })

  it('hostile error text cannot start a workflow command', async () => {
    entra.failToken({
      status: 401,
      json: {
        error: 'invalid_client',
        error_description: HOSTILE,
        error_codes: [7000215],
        correlation_id: '::add-mask::x',
      },
    })
    const run = await azure({}, debugEnv)
    expect(run.code).toBe(1)
    expect(errorLines(run)).toHaveLength(1)
    expect(run.stdout + run.stderr).not.toContain('\u001b')
    clean(run)
  })

  it('a secret echoed back by the server is redacted', async () => {
    entra.failToken({
      status: 401,
      json: entraErrorBody('invalid_client', 7000215, `Invalid client secret provided: ${CLIENT_SECRET}.`),
    })
    const run = await azure({}, debugEnv)
    expect(run.code).toBe(1)
    expect(errorLines(run)[0]).toContain('***')
    clean(run)
  })
})

describe('secrets stay out of the log in their common encodings', () => {
  it.each([
    ['debug off', {}],
    ['RUNNER_DEBUG=1', { RUNNER_DEBUG: '1' }],
  ])('IBM echoes the API key in every encoding (%s)', async (_, env) => {
    const forms = Object.values(encodings(API_KEY))
    iam.fail({
      status: 400,
      body: iamErrorBody('BXNIM0415E', `Provided API key ${forms.join(' | ')} could not be found.`),
    })
    const run = await ibm({}, env)
    const error = expectOneError(run, [API_KEY, ...forms])
    expect(error).toContain('BXNIM0415E: Provided API key *** | *** | *** | *** | *** could not be found.')
    expect(iam.requests[0]?.form.get('apikey')).toBe(API_KEY) // the form body is encoded properly
  })

  it('Entra echoes the client secret in every encoding, in its body and a header', async () => {
    const forms = Object.values(encodings(CLIENT_SECRET))
    const echo = `Invalid client secret provided: ${forms.join(' | ')}.`
    entra.failToken({
      status: 401,
      json: entraErrorBody('invalid_client', 7000215, echo),
      headers: { 'WWW-Authenticate': `Bearer error="invalid_client", error_description="${echo}"` },
    })
    const run = await azure({}, { RUNNER_DEBUG: '1' })
    const error = expectOneError(run, [CLIENT_SECRET, ...forms])
    expect(error).toContain('Invalid client secret provided: *** | *** | *** | *** | ***.')
  })

  it("a managed identity endpoint's echo reaches the SDK's debug log (AZURE_LOG_LEVEL) redacted", async () => {
    const msi = await startManagedIdentity()
    try {
      // A secret input the run masks (any provider's), echoed by the endpoint in every encoding.
      const forms = Object.values(encodings(CLIENT_SECRET))
      const echo = `identity header rejected: ${forms.join(' | ')}`
      msi.fail({
        status: 401,
        body: JSON.stringify({ statusCode: 401, message: echo, correlationId: '7d3c0e5a-2f1b-4c8d-9e6f-0a1b2c3d4e5f' }),
        headers: { 'WWW-Authenticate': `Basic realm="${echo}"` },
      })
      const run = await runAction({
        inputs: {
          provider: 'azure',
          'auth-type': 'managed-identity',
          resource: RESOURCE,
          'client-secret': CLIENT_SECRET,
        },
        env: { ...msi.env, RUNNER_DEBUG: '1', AZURE_LOG_LEVEL: 'verbose' },
      })
      const error = expectOneError(run, [CLIENT_SECRET, ...forms])
      expect(error).toContain(`identity header rejected: *** | *** | *** | *** | ***`)
      const sdkHeaders = run.lines.filter(
        line => line.startsWith('::debug::azure:core-rest-pipeline:info Headers:') && line.includes('www-authenticate'),
      )
      expect(sdkHeaders).toHaveLength(1)
      expect(sdkHeaders[0]).toContain('identity header rejected: *** | *** | *** | *** | ***')
      expect(run.stderr).toBe('')
    } finally {
      await msi.close()
    }
  })
})

describe('a token is published only if it is a valid bearer token with a sane expiry', () => {
  const now = () => Math.floor(Date.now() / 1000)
  const answer = (fields: Record<string, unknown>) => ({
    status: 200,
    body: JSON.stringify({ access_token: unsignedJwt({ iam_id: 'x' }), token_type: 'Bearer', ...fields }),
  })

  it.each([
    ['a line break', 'eyJh.eyJi.sig\nInjected: header', /contains a line break/],
    ['a space', 'abc def', /contains white space/],
    ['a quote', 'abc"def', /characters a bearer token may not have/],
  ])('IBM: an access_token with %s', async (_, token, message) => {
    iam.fail(answer({ access_token: token, expires_in: 3600, expiration: now() + 3600 }))
    const run = await ibm()
    expect(expectOneError(run, [API_KEY, token])).toMatch(message)
    expect(run.outputs).toEqual({})
    expect(run.exported).toEqual({})
  })

  it.each([
    ['already expired', { expiration: now() - 60, expires_in: 3600 }, /already expired \(expiration: /],
    [
      'an absurd expires_in',
      { expires_in: 1e20 },
      /expiry \(expires_in\) more than 31 days ahead|expires_in "1e\+20", an expiry get-token cannot read/,
    ],
    [
      'expiration in milliseconds',
      { expiration: now() * 1000, expires_in: 3600 },
      /expiry \(expiration\) more than 31 days ahead/,
    ],
    [
      'a non-numeric expiration',
      { expiration: 'soon', expires_in: 3600 },
      /answered with a token but expiration "soon", an expiry get-token cannot read; the token was not published\./,
    ],
  ])('IBM: %s', async (_, fields, message) => {
    iam.fail(answer(fields))
    const run = await ibm()
    expect(expectOneError(run, [API_KEY])).toMatch(message)
    expect(run.outputs).toEqual({})
  })

  it.each([
    ["behind the runner's: expiration is earlier", -600, 'expiration'],
    ["ahead of the runner's: expires_in is earlier, expires-in never exceeds the lifetime granted", 600, 'expires_in'],
  ])("IBM: with IAM's clock %s", async (_, skew, earlier) => {
    const skewed = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, expirationSkewSeconds: skew })
    try {
      const before = Date.now()
      const run = await runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': skewed.url } })
      expect(run.code).toBe(0)
      const expiresIn = Number(run.outputs['expires-in'])
      const expiresOn = Date.parse(run.outputs['expires-on'] ?? '')
      if (earlier === 'expiration') {
        const exp = JSON.parse(Buffer.from(skewed.issued[0]?.split('.')[1] ?? '', 'base64url').toString()).exp
        expect(expiresOn).toBe((exp - 600) * 1000)
        expect(expiresIn).toBeLessThanOrEqual(3000)
      } else {
        expectExpiresIn(run, 3600)
        expect(expiresOn).toBeGreaterThanOrEqual(before + 3600_000 - 1000)
        expect(expiresOn).toBeLessThanOrEqual(Date.now() + 3600_000)
      }
    } finally {
      await skewed.close()
    }
  })

  it.each([
    [
      'a line break in access_token',
      { access_token: 'eyJh.eyJi.sig\r\nX-Injected: 1', expires_in: 3599 },
      /line break/,
    ],
    ['an absurd expires_in', { access_token: unsignedJwt({ oid: 'x' }), expires_in: 1e20 }, /expires_in/],
    ['an expires_in in the past', { access_token: unsignedJwt({ oid: 'x' }), expires_in: -60 }, /expires_in/],
    [
      'an expires_in that is not a number',
      { access_token: unsignedJwt({ oid: 'x' }), expires_in: 'soon' },
      /^Azure Entra ID answered with a token but expires_in "soon", an expiry get-token cannot read; the token was not published\.\nFix: the service or something between it and the runner/,
    ],
    [
      'no expires_in',
      { access_token: unsignedJwt({ oid: 'x' }) },
      /^Azure Entra ID answered with a token but no expires_in or expires_on, an expiry get-token cannot read/,
    ],
  ])('Entra: %s', async (_, json, message) => {
    entra.failToken({ status: 200, json: { token_type: 'Bearer', ...json } })
    const run = await azure()
    expect(expectOneError(run, [CLIENT_SECRET, String(json.access_token)])).toMatch(message)
  })
})

describe('redirects are never followed to another origin', () => {
  it('IBM: a 307 to another origin is reported, and the other origin gets nothing', async () => {
    iam.fail({ status: 307, headers: { Location: `${elsewhere.url}/identity/token?x=1` } })
    const run = await ibm()
    const error = expectOneError(run, [API_KEY])
    expect(error).toContain(`answered with a redirect (HTTP 307) to ${elsewhere.url};`)
    expect(error).toMatch(/Fix: check iam-endpoint/)
    expect(elsewhere.requests).toHaveLength(0)
    expect(iam.requests).toHaveLength(1) // a redirect is not retried either
  })

  it('Entra: a 307 to another origin is reported as a redirect, not as unknown_error', async () => {
    entra.failToken({ status: 307, headers: { Location: `${elsewhere.url}/token` } })
    const run = await azure()
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toContain(
      `Entra ID (localhost:${entra.port}) answered with a redirect (HTTP 307) to ${elsewhere.url};`,
    )
    expect(error).toMatch(/Fix: check authority-host/)
    expect(elsewhere.requests).toHaveLength(0)
  })
})

describe('a network failure on the default clouds names the host and the code, and points at the proxy', () => {
  // No authority-host: the action addresses login.microsoftonline.com (or .us), but HTTPS_PROXY is
  // always a loopback proxy that refuses, resets or inspects, so nothing leaves 127.0.0.1.
  const REFUSING_PROXY = 'http://127.0.0.1:9'
  let resetting: ForwardProxy
  let inspecting: ForwardProxy
  beforeAll(async () => {
    resetting = await startForwardProxy({ reset: true })
    inspecting = await startForwardProxy({ divertTo: entra.port })
  })
  afterAll(async () => {
    await Promise.all([resetting.close(), inspecting.close()])
  })
  const defaultCloud = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
    runAction({
      inputs: {
        provider: 'azure',
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        resource: RESOURCE,
        'max-attempts': '2',
        ...inputs,
      },
      env,
    })
  const notTheCredentials = (error: string) => {
    expect(error).not.toMatch(/network_error|aka\.ms|check tenant-id, client-id and client-secret/)
  }

  it.each([
    ['AzurePublicCloud', 'login.microsoftonline.com'],
    ['AzureUSGovernment', 'login.microsoftonline.us'],
  ])('%s, a proxy that refuses the connection: ECONNREFUSED at %s, retried, then HTTPS_PROXY', async (cloud, host) => {
    const run = await defaultCloud({ HTTPS_PROXY: REFUSING_PROXY }, { cloud })
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toMatch(
      new RegExp(
        `^Could not reach Entra ID at ${host.replace(/\./g, '\\.')} through the proxy \\(HTTPS_PROXY\\): ECONNRESET \\(the proxy could not be reached: connect ECONNREFUSED 127\\.0\\.0\\.1:9\\)\\.`,
      ),
    )
    expect(error).toContain(
      `\nFix: check that ${host} is reachable from the runner: the proxy settings (HTTPS_PROXY, NO_PROXY) and the cloud and authority-host inputs`,
    )
    notTheCredentials(error)
    expect(run.lines.filter(line => line.startsWith('Retrying in'))).toEqual([
      expect.stringMatching(/\(attempt 2 of 2\): ECONNRESET$/),
    ])
  })

  it('a proxy that resets the connection: ECONNRESET at login.microsoftonline.com', async () => {
    const run = await defaultCloud({ HTTPS_PROXY: resetting.url })
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toMatch(
      /^Could not reach Entra ID at login\.microsoftonline\.com through the proxy \(HTTPS_PROXY\): ECONNRESET \(the proxy could not be reached: /,
    )
    expect(error).toMatch(/\nFix: check that login\.microsoftonline\.com is reachable .*HTTPS_PROXY, NO_PROXY/)
    notTheCredentials(error)
    expect(resetting.requests.map(r => `${r.method} ${r.target}`)).toEqual([
      'CONNECT login.microsoftonline.com:443',
      'CONNECT login.microsoftonline.com:443',
    ])
  })

  it.each([
    [
      'its CA trusted (NODE_EXTRA_CA_CERTS), a certificate for another name',
      TRUST_TEST_CA,
      'ERR_TLS_CERT_ALTNAME_INVALID',
      /If a proxy or firewall inspects TLS, it answered in the service's place/,
    ],
    ['its CA not trusted', {}, 'DEPTH_ZERO_SELF_SIGNED_CERT', /NODE_EXTRA_CA_CERTS/],
  ])('a proxy that inspects TLS, %s: the certificate error code, not retried', async (_, env, code, fix) => {
    inspecting.requests.length = 0
    const run = await defaultCloud({ HTTPS_PROXY: inspecting.url, ...env })
    const error = expectOneError(run, [CLIENT_SECRET])
    expect(error).toMatch(
      new RegExp(
        `^The TLS certificate (that answered for|of) Entra ID \\(login\\.microsoftonline\\.com\\) .*\\b${code}\\b`,
      ),
    )
    expect(error.slice(error.indexOf('\nFix:'))).toMatch(fix)
    notTheCredentials(error)
    expect(inspecting.requests).toHaveLength(1)
    expect(entra.tokenRequests()).toHaveLength(0)
  })

  it('the managed identity endpoint refuses: its host and the code, not the runner-in-Azure hint alone', async () => {
    const msi = await startManagedIdentity()
    await msi.close()
    const run = await runAction({
      inputs: { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE, 'max-attempts': '1' },
      env: msi.env,
    })
    const error = expectOneError(run, [msi.env.IDENTITY_HEADER])
    expect(error).toMatch(
      new RegExp(`^Could not reach App Service's identity endpoint at 127\\.0\\.0\\.1:${msi.port}: ECONNREFUSED`),
    )
    expect(error).toMatch(/\nFix: managed-identity works only on a self-hosted runner in Azure: IDENTITY_ENDPOINT/)
  })
})

describe('through a forward proxy (HTTPS_PROXY, NO_PROXY)', () => {
  // Names under get-token.test resolve only through the test proxy: a request for one that
  // succeeds went through it, and one that bypasses it cannot resolve the name (ENOTFOUND).
  let proxy: ForwardProxy
  let secureIam: IbmIamEmulator
  let secureEntra: EntraEmulator
  const PASSWORD = 'pr0xy-Passw0rd'
  beforeAll(async () => {
    proxy = await startForwardProxy({ credentials: `ci-proxy:${PASSWORD}` })
    const tls = {
      key: await readFile(join(FIXTURES, 'tls-key.pem'), 'utf8'),
      cert: await readFile(join(FIXTURES, 'tls-cert.pem'), 'utf8'),
    }
    secureIam = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, tls })
    secureEntra = await startEntraId({ resources: [RESOURCE] })
  })
  afterAll(async () => {
    await Promise.all([proxy.close(), secureIam.close(), secureEntra.close()])
  })
  beforeEach(() => {
    proxy.requests.length = 0
  })
  const proxyEnv = (extra: Record<string, string> = {}) => ({
    ...TRUST_TEST_CA,
    HTTPS_PROXY: `http://ci-proxy:${PASSWORD}@127.0.0.1:${proxy.port}`,
    RUNNER_DEBUG: '1',
    ...extra,
  })
  const ibmVia = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
    runAction({
      inputs: {
        provider: 'ibm',
        'api-key': API_KEY,
        'iam-endpoint': `https://iam.${PROXIED_DOMAIN}:${secureIam.port}`,
        ...inputs,
      },
      env,
    })
  const azureVia = (env: Record<string, string>, inputs: Record<string, string> = {}) =>
    azureStep(() => ({ url: `https://login.${PROXIED_DOMAIN}:${secureEntra.port}` }), {
      'client-secret': CLIENT_SECRET,
    })(inputs, env)

  it('IBM: one CONNECT, the proxy password sent but never printed, no Buffer() warning', async () => {
    const run = await ibmVia(proxyEnv())
    expectToken(run, [PASSWORD, API_KEY])
    expect(run.stderr).toBe('')
    expect(proxy.requests.map(r => `${r.method} ${r.target}`)).toEqual([
      `CONNECT iam.${PROXIED_DOMAIN}:${secureIam.port}`,
    ])
    expect(proxy.requests[0]?.authorization).toBe(`Basic ${Buffer.from(`ci-proxy:${PASSWORD}`).toString('base64')}`)
  })

  it('Azure: discovery and token through the proxy, the password never printed', async () => {
    const run = await azureVia(proxyEnv({ AZURE_LOG_LEVEL: 'verbose' }))
    expectToken(run, [PASSWORD, CLIENT_SECRET])
    expect(run.stderr).toBe('')
    expect(
      proxy.requests.every(r => r.method === 'CONNECT' && r.target === `login.${PROXIED_DOMAIN}:${secureEntra.port}`),
    ).toBe(true)
    expect(proxy.requests.length).toBeGreaterThanOrEqual(1)
    expect(
      proxy.requests.every(r => r.authorization === `Basic ${Buffer.from(`ci-proxy:${PASSWORD}`).toString('base64')}`),
    ).toBe(true)
  })

  it.each(['NO_PROXY', 'no_proxy'])('%s bypasses the proxy (for IBM and Azure alike)', async name => {
    const env = proxyEnv({ [name]: `.${PROXIED_DOMAIN}` })
    const ibmRun = await ibmVia(env, { 'max-attempts': '1' })
    expect(expectOneError(ibmRun, [PASSWORD, API_KEY])).toMatch(/ENOTFOUND/) // went direct: the name does not resolve
    const azureRun = await azureVia(env, { 'max-attempts': '1' })
    expect(expectOneError(azureRun, [PASSWORD, CLIENT_SECRET])).toMatch(/ENOTFOUND|reachable/)
    expect(proxy.requests).toEqual([])
  })

  it('a percent-encoded proxy password (p%40ss) is masked as given and decoded, and printed in neither form', async () => {
    const encoded = await startForwardProxy({ credentials: 'ci-proxy:p@ss' })
    try {
      const env = proxyEnv({
        HTTPS_PROXY: `http://ci-proxy:p%40ss@127.0.0.1:${encoded.port}`,
        AZURE_LOG_LEVEL: 'verbose',
      })
      for (const run of [await ibmVia(env), await azureVia(env)]) {
        expectToken(run, ['p%40ss', 'p@ss', API_KEY, CLIENT_SECRET])
        expect(maskLine(run, 'p%40ss')).toBeGreaterThanOrEqual(0)
        expect(maskLine(run, 'p@ss')).toBeGreaterThanOrEqual(0)
      }
      expect(encoded.requests.length).toBeGreaterThanOrEqual(2) // both went through it, the password decoded
    } finally {
      await encoded.close()
    }
  })

  it('a proxy that refuses the password (407): one error, the password never printed', async () => {
    const run = await ibmVia(proxyEnv({ HTTPS_PROXY: `http://ci-proxy:wrong-${PASSWORD}@127.0.0.1:${proxy.port}` }))
    const error = expectOneError(run, [PASSWORD, `wrong-${PASSWORD}`])
    expect(error).toMatch(/The proxy .* refused to connect to iam\.get-token\.test:\d+ \(HTTP 407\)/)
    expect(error).toMatch(/Fix: check the user and password in HTTPS_PROXY/)
    expect(proxy.requests).toHaveLength(1) // a refusal by the proxy is not retried
  })
})
