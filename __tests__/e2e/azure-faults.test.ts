/**
 * Fault injection on the Azure path (issue 4): what Entra ID, the network or a hostile server can
 * do, against the built bundle. Every case runs with debug logging off and on, with a leak scan.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  entraErrorBody,
  startEntraId,
  type EntraEmulator,
} from '../../test-support/emulators/entra-id.ts'
import { errorLines, leaks, strayCommands } from '../../test-support/leaks.ts'
import { FIXTURES, runAction, type ActionRun } from '../../test-support/run-action.ts'

const RESOURCE = 'https://x.azurehealthcareapis.com'
let entra: EntraEmulator

beforeAll(async () => {
  entra = await startEntraId({ resources: [RESOURCE] })
})
afterAll(async () => {
  await entra.close()
})
beforeEach(() => {
  entra.requests.length = 0
  entra.clearTokenFaults()
})

function azure(inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      provider: 'azure',
      'tenant-id': TENANT_ID,
      'client-id': CLIENT_ID,
      'client-secret': CLIENT_SECRET,
      'authority-host': entra.url,
      resource: RESOURCE,
      ...inputs,
    },
    env: { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem'), ...env },
  })
}

const HOSTILE =
  'AADSTS7000215: Invalid client secret provided.\n::set-env name=NODE_OPTIONS::--require=/tmp/pwn.js\r\n::add-path::/tmp/evil\n::set-output name=token::stolen\n\u001b[2J\u001b[31m##[error]spoofed'

describe.each([
  ['debug off', {}],
  ['RUNNER_DEBUG=1, AZURE_LOG_LEVEL=verbose', { RUNNER_DEBUG: '1', AZURE_LOG_LEVEL: 'verbose' }],
])('Azure faults (%s)', (_, debugEnv) => {
  const secrets = () => [CLIENT_SECRET, ...entra.issued, ...entra.issued.map(t => t.split('.')[2] ?? '')]
  const clean = (run: ActionRun) => {
    expect(leaks(run, secrets())).toEqual([])
    expect(strayCommands(run)).toEqual([])
    // The SDK's own logging goes through ::debug:: lines, never raw to stderr (which the runner scans too).
    expect(run.stderr).toBe('')
    if ('AZURE_LOG_LEVEL' in debugEnv) expect(run.lines.some(line => line.startsWith('::debug::azure:'))).toBe(true)
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
    expect(error).toContain('answered HTTP 502 on every attempt')
    expect(error).not.toContain('Headers:')
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
