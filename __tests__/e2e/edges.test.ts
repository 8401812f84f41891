/**
 * interface.md "Edges": the contract under hostile servers, odd inputs and broken runners,
 * against the built bundle. One block per rule; every run is scanned for leaks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  entraErrorBody,
  startEntraId,
  type EntraEmulator,
} from '../../test-support/emulators/entra-id.ts'
import { iamErrorBody, startIbmIam, type IbmIamEmulator } from '../../test-support/emulators/ibm-iam.ts'
import { startServer, unsignedJwt, type Emulator } from '../../test-support/emulators/server.ts'
import { errorLines, leaks, stackTraces, strayCommands } from '../../test-support/leaks.ts'
import { PROXIED_DOMAIN, startForwardProxy } from '../../test-support/proxy.ts'
import { FIXTURES, ROOT, runAction, type ActionRun } from '../../test-support/run-action.ts'

/** A key with every character that encodings change: form-encoding it by hand would break it. */
const API_KEY = 'k3y+/=%&"\\~ é-0123456789'
const RESOURCE = 'https://x.azurehealthcareapis.com'
const CA = { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem') }
const IDENTITY = { iamId: 'IBMid-EDGE', sub: 'edge@example.com', account: 'acct-edge' }

let iam: IbmIamEmulator
let entra: EntraEmulator
let elsewhere: Emulator
let tmp: string

beforeAll(async () => {
  iam = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY } })
  entra = await startEntraId({ resources: [RESOURCE] })
  elsewhere = await startServer(() => ({ status: 200, json: { access_token: 'stolen' } }))
  tmp = await mkdtemp(join(tmpdir(), 'get-token-edges-'))
})
afterAll(async () => {
  await Promise.all([iam.close(), entra.close(), elsewhere.close()])
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => {
  iam.reset()
  entra.reset()
  entra.clearTokenFaults()
  elsewhere.reset()
})

const ibm = (inputs: Record<string, string> = {}, env: Record<string, string> = {}, unset: string[] = []) =>
  runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': iam.url, ...inputs }, env, unset })

const azure = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runAction({
    inputs: {
      provider: 'azure',
      'tenant-id': TENANT_ID,
      'client-id': CLIENT_ID,
      'client-secret': CLIENT_SECRET,
      'authority-host': entra.url,
      resource: RESOURCE,
      ...inputs,
    },
    env: { ...CA, ...env },
  })

/** Exit 1, exactly one ::error:: line (returned decoded), no stack, no token output, nothing leaked. */
function failed(run: ActionRun, secrets: string[]): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run)
  expect(errors).toHaveLength(1)
  expect(stackTraces(run)).toEqual([])
  expect(strayCommands(run)).toEqual([])
  expect(run.outputs.token).toBeUndefined()
  expect(leaks(run, secrets)).toEqual([])
  return (errors[0] ?? '').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
}

const encodings = (secret: string) => ({
  'percent-encoded': encodeURIComponent(secret),
  'form-encoded': new URLSearchParams({ k: secret }).toString().slice(2),
  'JSON-escaped': JSON.stringify(secret).slice(1, -1),
  base64: Buffer.from(secret).toString('base64'),
  base64url: Buffer.from(secret).toString('base64url'),
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
    const error = failed(run, [API_KEY, ...forms])
    expect(error).toContain('BXNIM0415E Provided API key *** | *** | *** | *** | *** could not be found.')
    expect(iam.requests[0]?.form.get('apikey')).toBe(API_KEY) // the form body is encoded properly
  })

  it('Entra echoes the client secret in every encoding, also into the SDK debug log', async () => {
    const forms = Object.values(encodings(CLIENT_SECRET))
    entra.failToken({
      status: 401,
      json: entraErrorBody('invalid_client', 7000215, `Invalid client secret provided: ${forms.join(' | ')}.`),
    })
    const run = await azure({}, { RUNNER_DEBUG: '1', AZURE_LOG_LEVEL: 'verbose' })
    failed(run, [CLIENT_SECRET, ...forms])
    expect(run.lines.some(line => line.startsWith('::debug::azure:'))).toBe(true)
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
    const error = failed(run, [token, token.split('.')[2] ?? ''])
    expect(error).toContain('"accessToken": "***"')
  })
})

describe('an input that may carry credentials is never echoed', () => {
  it.each([
    ['an invalid URL', 'https://ci-user:pa55-w0rd-xyz@[bad', /is 'https:\/\/\*\*\*@\[bad', which is not a URL/],
    ['a valid URL', 'https://ci-user:pa55-w0rd-xyz@iam.example.com', /must not carry credentials/],
  ])('iam-endpoint: %s with user:password@', async (_, endpoint, message) => {
    const run = await ibm({ 'iam-endpoint': endpoint })
    const error = failed(run, ['pa55-w0rd-xyz', 'ci-user:pa55-w0rd-xyz'])
    expect(error).toMatch(message)
    expect(run.lines).toContain('::add-mask::pa55-w0rd-xyz')
    expect(iam.requests).toHaveLength(0)
  })
})

describe('tenant-id is a GUID or a domain name', () => {
  it.each(['..', '.', 'a/b', 'contoso?x=1', 'contoso#x', 'con%2e', 'contoso'])(
    '%j is refused before any request',
    async tenant => {
      const run = await azure({ 'tenant-id': tenant })
      const error = failed(run, [CLIENT_SECRET])
      expect(error).toContain("Input 'tenant-id' is neither a GUID nor a domain name")
      expect(entra.requests).toHaveLength(0)
    },
  )

  it('a domain name is accepted (and reaches Entra in the path)', async () => {
    const run = await azure({ 'tenant-id': 'contoso.onmicrosoft.com' })
    failed(run, [CLIENT_SECRET]) // the emulator knows only its GUID: AADSTS90002
    expect(entra.requests[0]?.path).toBe('/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration')
  })
})

describe('a scope typed into resource', () => {
  it('is refused before any request, pointing at scope', async () => {
    const run = await azure({ resource: `${RESOURCE}/.default` })
    const error = failed(run, [CLIENT_SECRET])
    expect(error).toContain("Input 'resource'")
    expect(error).toMatch(/Fix: give it as scope: https:\/\/x\.azurehealthcareapis\.com\/\.default/)
    expect(entra.requests).toHaveLength(0)
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
    expect(failed(run, [API_KEY, token])).toMatch(message)
    expect(run.outputs).toEqual({})
    expect(run.exported).toEqual({})
  })

  it.each([
    ['already expired', { expiration: now() - 60, expires_in: 3600 }, /already expired \(expiration: /],
    [
      'an absurd expires_in',
      { expires_in: 1e20 },
      /expiry \(expires_in\) more than 31 days ahead|expiry \(expires_in\) that is not a valid time/,
    ],
    [
      'expiration in milliseconds',
      { expiration: now() * 1000, expires_in: 3600 },
      /expiry \(expiration\) more than 31 days ahead/,
    ],
    [
      'a non-numeric expiration',
      { expiration: 'soon', expires_in: 3600 },
      /expiry \(expiration\) that is not a valid time/,
    ],
  ])('IBM: %s', async (_, fields, message) => {
    iam.fail(answer(fields))
    const run = await ibm()
    expect(failed(run, [API_KEY])).toMatch(message)
    expect(run.outputs).toEqual({})
  })

  it("IBM: the expiry is the server's expiration, not iat + expires_in", async () => {
    const skewed = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, expirationSkewSeconds: -600 })
    try {
      const run = await runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': skewed.url } })
      expect(run.code).toBe(0)
      const expected = JSON.parse(Buffer.from(skewed.issued[0]?.split('.')[1] ?? '', 'base64url').toString()).exp - 600
      expect(run.outputs['expires-on']).toBe(new Date(expected * 1000).toISOString())
      expect(Number(run.outputs['expires-in'])).toBeLessThanOrEqual(3000)
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
  ])('Entra: %s', async (_, json, message) => {
    entra.failToken({ status: 200, json: { token_type: 'Bearer', ...json } })
    const run = await azure()
    expect(failed(run, [CLIENT_SECRET, String(json.access_token)])).toMatch(message)
  })
})

describe('publishing needs the runner files', () => {
  it.each(['GITHUB_OUTPUT', 'GITHUB_ENV'])(
    '%s unset: fails naming it, no ::set-output / ::set-env, no request',
    async name => {
      const run = await ibm({}, {}, [name])
      const error = failed(run, [API_KEY])
      expect(error).toContain(`${name} is not set`)
      expect(run.stdout).not.toMatch(/::set-(output|env)/)
      expect(iam.requests).toHaveLength(0)
    },
  )

  it('GITHUB_ENV unset is fine with export-env: false', async () => {
    const run = await ibm({ 'export-env': 'false' }, {}, ['GITHUB_ENV'])
    expect(run.code).toBe(0)
    expect(run.outputs.token).toBe(iam.issued.at(-1))
  })

  it.each([
    ['a directory', async (path: string) => mkdir(path), 'is a directory'],
    ['a missing file', async () => undefined, 'does not exist'],
    ...(process.platform === 'win32'
      ? []
      : [
          [
            'a FIFO nobody reads',
            async (path: string) => void spawnSync('mkfifo', [path]),
            'is a FIFO that nobody reads',
          ] as const,
        ]),
  ])('GITHUB_ENV is %s: fails naming it and leaves no token output', async (_, make, problem) => {
    const path = join(tmp, `env-${Math.random().toString(36).slice(2)}`)
    await make(path)
    const run = await ibm({}, { GITHUB_ENV: path })
    expect(failed(run, [API_KEY])).toContain(`GITHUB_ENV (${path}) ${problem}`)
    expect(run.outputs).toEqual({})
  })

  it('masks the token before the outputs are written (stdout and GITHUB_OUTPUT as one stream)', async () => {
    const run = await runAction({
      inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': iam.url },
      stdoutIntoOutputFile: true,
    })
    expect(run.code).toBe(0)
    const token = iam.issued.at(-1) ?? ''
    const mask = run.lines.indexOf(`::add-mask::${token}`)
    const output = run.lines.findIndex(line => line.startsWith('token<<'))
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(output).toBeGreaterThan(mask)
    expect(run.lines[output + 1]).toBe(token)
  })
})

describe('plain http to a loopback host works for IPv6', () => {
  it('iam-endpoint http://[::1]:PORT', async () => {
    const v6 = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, ipv6: true })
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+$/)
      const run = await runAction({ inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': v6.url } })
      expect(errorLines(run)).toEqual([])
      expect(run.code).toBe(0)
      expect(v6.requests).toHaveLength(1)
    } finally {
      await v6.close()
    }
  })
})

describe('files the action reads are capped and read within the deadline', () => {
  const computeResource = (file: string, inputs: Record<string, string> = {}) =>
    runAction({
      inputs: {
        provider: 'ibm',
        'auth-type': 'compute-resource',
        'profile-id': 'Profile-1',
        'cr-token-file': file,
        'iam-endpoint': iam.url,
        ...inputs,
      },
    })

  it('a 5 MB cr-token-file is refused naming the input: no request, no huge mask line', async () => {
    const file = join(tmp, 'huge-token')
    await writeFile(file, 'x'.repeat(5 * 1024 * 1024))
    const run = await computeResource(file)
    expect(failed(run, [])).toContain(`The file in cr-token-file (${file}) is larger than 64 KiB`)
    expect(run.stdout.length).toBeLessThan(5000)
    expect(iam.requests).toHaveLength(0)
  })

  it('exactly 64 KiB is still read', async () => {
    const file = join(tmp, 'big-token')
    await writeFile(file, 'y'.repeat(64 * 1024))
    const run = await computeResource(file)
    expect(run.code).toBe(1) // the emulator does not trust it: BXNIM0398E, but it was sent
    expect(iam.requests[0]?.form.get('cr_token')).toHaveLength(64 * 1024)
  })

  ;(process.platform === 'win32' ? it.skip : it)('a FIFO nobody writes ends at timeout-seconds', async () => {
    const fifo = join(tmp, 'fifo-token')
    spawnSync('mkfifo', [fifo])
    const run = await computeResource(fifo, { 'timeout-seconds': '2' })
    expect(failed(run, [])).toContain(`Reading cr-token-file (${fifo}) did not finish within timeout-seconds (2 s)`)
    expect(run.ms).toBeLessThan(8000)
    expect(iam.requests).toHaveLength(0)
  })

  it('an empty or missing cr-token-file names the input', async () => {
    const empty = join(tmp, 'empty-token')
    await writeFile(empty, '\n')
    expect(failed(await computeResource(empty), [])).toContain(`The file in cr-token-file (${empty}) is empty`)
    const missing = join(tmp, 'no-such-token')
    expect(failed(await computeResource(missing), [])).toContain(`cr-token-file (${missing}) does not exist`)
  })

  it('BXNIM0407E on compute-resource talks about the CR token, not the API key', async () => {
    const file = join(tmp, 'cr-token')
    await writeFile(file, 'cr-token-value-123456')
    iam.fail({ status: 400, body: iamErrorBody('BXNIM0407E', 'Provided token is invalid.') })
    const error = failed(await computeResource(file), ['cr-token-value-123456'])
    expect(error).toMatch(/Fix: the compute resource token is not valid/)
    expect(error).not.toContain('api-key')
  })
})

describe('redirects are never followed to another origin', () => {
  it('IBM: a 307 to another origin is reported, and the other origin gets nothing', async () => {
    iam.fail({ status: 307, headers: { Location: `${elsewhere.url}/identity/token?x=1` } })
    const run = await ibm()
    const error = failed(run, [API_KEY])
    expect(error).toContain(`answered with a redirect (HTTP 307) to ${elsewhere.url};`)
    expect(error).toMatch(/Fix: check iam-endpoint/)
    expect(elsewhere.requests).toHaveLength(0)
    expect(iam.requests).toHaveLength(1) // a redirect is not retried either
  })

  it('Entra: a 307 to another origin is reported as a redirect, not as unknown_error', async () => {
    entra.failToken({ status: 307, headers: { Location: `${elsewhere.url}/token` } })
    const run = await azure()
    const error = failed(run, [CLIENT_SECRET])
    expect(error).toContain(
      `Entra ID (localhost:${entra.port}) answered with a redirect (HTTP 307) to ${elsewhere.url};`,
    )
    expect(error).toMatch(/Fix: check authority-host/)
    expect(elsewhere.requests).toHaveLength(0)
  })
})

describe('a proxy password', () => {
  it('is never printed, and Node prints no Buffer() deprecation warning', async () => {
    const proxy = await startForwardProxy({ credentials: 'ci-proxy:pr0xy-Passw0rd' })
    const tls = {
      key: await readFile(join(FIXTURES, 'tls-key.pem'), 'utf8'),
      cert: await readFile(join(FIXTURES, 'tls-cert.pem'), 'utf8'),
    }
    const secure = await startIbmIam({ apiKeys: { [API_KEY]: IDENTITY }, tls })
    try {
      const endpoint = `https://iam.${PROXIED_DOMAIN}:${secure.port}`
      const run = await runAction({
        inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': endpoint },
        env: { ...CA, HTTPS_PROXY: `http://ci-proxy:pr0xy-Passw0rd@127.0.0.1:${proxy.port}`, RUNNER_DEBUG: '1' },
      })
      expect(errorLines(run)).toEqual([])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      expect(proxy.requests.map(r => `${r.method} ${r.target}`)).toEqual([
        `CONNECT iam.${PROXIED_DOMAIN}:${secure.port}`,
      ])
      expect(proxy.requests[0]?.authorization).toBe(
        `Basic ${Buffer.from('ci-proxy:pr0xy-Passw0rd').toString('base64')}`,
      )
      expect(run.stdout).not.toContain('pr0xy-Passw0rd')
    } finally {
      await Promise.all([proxy.close(), secure.close()])
    }
  })
})
