/**
 * These test the test tooling, not the action: an emulator that accepted what the real service
 * refuses would let the action's end-to-end tests pass against behaviour no service has.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { X509Certificate, createHash, sign } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import * as https from 'node:https'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  JWT_BEARER,
  TENANT_ID,
  conditionalAccessBlocked,
  defaultApp,
  fixture,
  gatewayTimeoutEmpty,
  startEntraId,
  throttledPlainText,
  type EntraApp,
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
  startImds,
  startManagedIdentity,
  type ImdsEmulator,
  type ManagedIdentityEmulator,
} from '../../test-support/emulators/managed-identity.ts'
import { startVpcMetadata, type VpcMetadataEmulator } from '../../test-support/emulators/vpc-metadata.ts'

describe('the instance metadata service emulator', () => {
  let vpc: VpcMetadataEmulator
  beforeAll(async () => {
    vpc = await startVpcMetadata({ kind: 'bare-metal' })
  })
  afterAll(() => vpc.close())

  const put = (path: string, headers: Record<string, string>, version = '2025-08-26') =>
    fetch(`${vpc.url}${path}?version=${version}`, { method: 'PUT', headers, body: '{"expires_in":300}' })
  const error = async (response: Response) => {
    const body = (await response.json()) as { errors: Array<{ code: string; target?: { name: string } }> }
    return [response.status, body.errors[0]?.code, body.errors[0]?.target?.name]
  }

  it('is as strict as the service: Metadata-Flavor (missing_value), version (invalid_value), instance token', async () => {
    expect(await error(await put('/identity/v1/token', {}))).toEqual([400, 'missing_value', 'Metadata-Flavor'])
    expect(await error(await put('/identity/v1/token', { 'Metadata-Flavor': 'ibm' }, '2021-01-01'))).toEqual([
      400,
      'invalid_value',
      'version',
    ])
    const forged = await fetch(`${vpc.url}/identity/v1/iam_tokens?version=2025-08-26`, {
      method: 'POST',
      headers: { 'Metadata-Flavor': 'ibm', Authorization: 'Bearer forged' },
    })
    expect(await error(forged)).toEqual([401, 'unauthenticated', 'Authorization'])
  })

  it('answers 404 not_found on the older paths of a bare metal server, with any version', async () => {
    for (const version of ['2022-03-01', '2025-08-26']) {
      const older = await put('/instance_identity/v1/token', { 'Metadata-Flavor': 'ibm' }, version)
      expect(await error(older)).toEqual([404, 'not_found', undefined])
    }
    expect((await put('/identity/v1/token', { 'Metadata-Flavor': 'ibm' })).status).toBe(200)
  })
})

/** One HTTPS request to 127.0.0.1:port, addressed as localhost, trusting the emulators' certificate. */
function httpsRequest(
  port: number,
  path: string,
  options: { method?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        servername: 'localhost',
        ca: fixture('tls-cert.pem'),
        headers: {
          Host: `localhost:${port}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
        },
      },
      response => {
        const chunks: Buffer[] = []
        response.on('data', chunk => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/** A certificate client assertion signed with the fixture key, with claims changed by `claims`. */
function certificateAssertion(tokenEndpoint: string, claims: Record<string, unknown> = {}): string {
  const der = new X509Certificate(fixture('client-cert.pem')).raw
  const header = { alg: 'RS256', typ: 'JWT', 'x5t#S256': createHash('sha256').update(der).digest('base64url') }
  const now = Math.floor(Date.now() / 1000)
  const payload = { aud: tokenEndpoint, iss: CLIENT_ID, sub: CLIENT_ID, jti: 'a', nbf: now, exp: now + 600, ...claims }
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${encode(header)}.${encode(payload)}`
  return `${input}.${sign('sha256', Buffer.from(input), fixture('client-key.pem')).toString('base64url')}`
}

const POLICY = '01234567-89ab-cdef-fedc-ba9876543210'
const BLOCKED_APP = 'b10cced0-0000-4000-8000-00000000ca00'
const DISABLED_APP = 'd15ab1ed-0000-4000-8000-000000000000'
const PUBLIC_APP = '9ab11c00-0000-4000-8000-000000000000'

describe('the Entra ID emulator: failure answers', () => {
  let entra: EntraEmulator
  beforeAll(async () => {
    const app = (clientId: string, more: Partial<EntraApp>): EntraApp => ({
      clientId,
      secrets: [CLIENT_SECRET],
      ...more,
    })
    entra = await startEntraId({
      apps: [
        defaultApp(),
        app(BLOCKED_APP, { blockedByConditionalAccess: [POLICY] }),
        app(DISABLED_APP, { disabled: true, displayName: 'ci-deployer' }),
        app(PUBLIC_APP, { publicClient: true }),
      ],
    })
  })
  afterEach(() => {
    entra.reset()
    entra.clearTokenFaults()
    entra.errorStyle = {}
  })
  afterAll(() => entra.close())

  const post = (form: Record<string, string>, tenant = TENANT_ID) =>
    httpsRequest(entra.port, `/${tenant}/oauth2/v2.0/token`, {
      form: { grant_type: 'client_credentials', scope: 'https://management.azure.com/.default', ...form },
    })
  const secret = (clientId = CLIENT_ID) => ({ client_id: clientId, client_secret: CLIENT_SECRET })
  const json = (body: string) => JSON.parse(body) as Record<string, unknown>
  /** error, the AADSTS text without its trailing trace/correlation/timestamp, and error_codes. */
  const refusal = (body: string) => {
    const parsed = json(body)
    const description = String(parsed.error_description).replace(/ Trace ID: .*$/s, '')
    return [parsed.error, description, parsed.error_codes]
  }

  it('throttling: 429, the plain text "Too Many Requests", Retry-After: 60', async () => {
    entra.failToken(throttledPlainText())
    const answer = await post(secret())
    expect([answer.status, answer.headers['content-type'], answer.headers['retry-after']]).toEqual([
      429,
      'text/plain',
      '60',
    ])
    expect(answer.body).toBe('Too Many Requests')
  })

  it('an outage: 504 with no body at all, and no claim that it is JSON', async () => {
    entra.failToken(gatewayTimeoutEmpty())
    const answer = await post(secret())
    expect([answer.status, answer.body, answer.headers['content-length']]).toEqual([504, '', '0'])
    expect(answer.headers['content-type']).not.toMatch(/json/)
  })

  it('Conditional Access: 400 invalid_grant AADSTS53003, suberror message_only, claims naming the policies', async () => {
    const expectBlocked = (answer: { status: number; body: string }, policies: string[]) => {
      const body = json(answer.body)
      expect(answer.status).toBe(400)
      expect(Object.keys(body)).toEqual([
        ...['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri'],
        ...['suberror', 'claims'],
      ])
      expect(refusal(answer.body)).toEqual([
        'invalid_grant',
        'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
        [53003],
      ])
      expect(body.suberror).toBe('message_only')
      expect(typeof body.claims).toBe('string')
      expect(JSON.parse(String(body.claims))).toEqual({
        access_token: { capolids: { essential: true, values: policies } },
      })
      expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=53003')
    }
    expectBlocked(await post(secret(BLOCKED_APP)), [POLICY])
    entra.failToken(conditionalAccessBlocked(['p1', 'p2']))
    expectBlocked(await post(secret()), ['p1', 'p2'])
  })

  it('a disabled app: 400 unauthorized_client AADSTS7000112 naming its id and name', async () => {
    const answer = await post(secret(DISABLED_APP))
    expect([answer.status, ...refusal(answer.body)]).toEqual([
      400,
      'unauthorized_client',
      `AADSTS7000112: Application '${DISABLED_APP}'(ci-deployer) is disabled.`,
      [7000112],
    ])
  })

  it('an app that allows public client flows: a secret is 401 invalid_client AADSTS700025', async () => {
    const answer = await post(secret(PUBLIC_APP))
    expect([answer.status, ...refusal(answer.body)]).toEqual([
      401,
      'invalid_client',
      "AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      [700025],
    ])
  })

  it.each(['common', 'organizations'])(
    'tenant %s: discovery answers with {tenantid}, client credentials are 400 invalid_request AADSTS50059',
    async tenant => {
      const discovery = await httpsRequest(entra.port, `/${tenant}/v2.0/.well-known/openid-configuration`)
      expect(json(discovery.body)).toMatchObject({
        issuer: `https://localhost:${entra.port}/{tenantid}/v2.0`,
        token_endpoint: `https://localhost:${entra.port}/${tenant}/oauth2/v2.0/token`,
      })
      const answer = await post(secret(), tenant)
      expect([answer.status, ...refusal(answer.body)]).toEqual([
        400,
        'invalid_request',
        'AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.',
        [50059],
      ])
    },
  )

  const assertion = (claims: Record<string, unknown>) => ({
    client_id: CLIENT_ID,
    client_assertion_type: JWT_BEARER,
    client_assertion: certificateAssertion(entra.tokenEndpoint, claims),
  })
  const DOCS =
    'Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .'

  it('a certificate assertion for another audience: 401 invalid_client AADSTS700023', async () => {
    expect((await post(assertion({}))).status).toBe(200)
    const answer = await post(assertion({ aud: `https://login.microsoftonline.com/${TENANT_ID}/v2.0` }))
    expect([answer.status, ...refusal(answer.body)]).toEqual([
      401,
      'invalid_client',
      `AADSTS700023: Client assertion audience claim does not match Realm issuer. ${DOCS}`,
      [700023],
    ])
  })

  it.each([{ iss: 'someone-else' }, { sub: 'someone-else' }])(
    'a certificate assertion whose issuer or subject is not the client id (%j): 401 invalid_client AADSTS700021',
    async claims => {
      const answer = await post(assertion(claims))
      expect([answer.status, ...refusal(answer.body)]).toEqual([
        401,
        'invalid_client',
        `AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter. ${DOCS}`,
        [700021],
      ])
    },
  )

  it.each([
    ['login.microsoft.com', 'https://login.microsoft.com/error?code=7000215'],
    ['login.windows.net', 'https://login.windows.net/error?code=7000215'],
    [null, undefined],
  ] as const)('error_uri on %s', async (host, uri) => {
    entra.errorStyle = { errorUriHost: host }
    const body = json((await post({ client_id: CLIENT_ID, client_secret: 'wrong' })).body)
    expect(body.error_uri).toBe(uri)
    expect(Object.keys(body)).toEqual(
      ['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri'].filter(
        name => uri !== undefined || name !== 'error_uri',
      ),
    )
  })
})

describe('the managed identity emulators: failure answers', () => {
  let appService: ManagedIdentityEmulator
  let imds: ImdsEmulator
  beforeAll(async () => {
    appService = await startManagedIdentity()
    imds = await startImds()
  })
  afterEach(() => {
    appService.reset()
    imds.reset()
  })
  afterAll(async () => {
    await appService.close()
    await imds.close()
  })

  const fromAppService = (query = '') =>
    fetch(`${appService.env.IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=https://vault.azure.net${query}`, {
      headers: { 'X-IDENTITY-HEADER': appService.env.IDENTITY_HEADER },
    })
  const fromImds = () =>
    fetch(`${imds.url}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net`, {
      headers: { Metadata: 'true' },
    })
  /** Status, Server, Content-Type, and whether X-CORRELATION-ID is the body's correlationId. */
  const kestrel = async (response: Response, message: string) => {
    const body = (await response.json()) as { statusCode: number; message: string; correlationId: string }
    expect(body).toEqual({ statusCode: response.status, message, correlationId: expect.any(String) })
    expect(Object.keys(body)).toEqual(['statusCode', 'message', 'correlationId'])
    expect(response.headers.get('x-correlation-id')).toBe(body.correlationId)
    expect(response.headers.get('transfer-encoding')).toBe('chunked') // as Kestrel sends it
    return [response.status, response.headers.get('server'), response.headers.get('content-type')]
  }
  const JSON_UTF8 = 'application/json; charset=utf-8'

  it('App Service: an identity the app does not have is 400 "Unable to load the proper Managed Identity." from Kestrel', async () => {
    const unknown = await fromAppService('&client_id=00000000-1111-4222-8333-444444444444')
    expect(await kestrel(unknown, 'Unable to load the proper Managed Identity.')).toEqual([400, 'Kestrel', JSON_UTF8])
    appService.fail(appServiceNotLoaded())
    expect(await kestrel(await fromAppService(), 'Unable to load the proper Managed Identity.')).toEqual([
      400,
      'Kestrel',
      JSON_UTF8,
    ])
  })

  it('App Service: the same 400 with an empty body, still labelled JSON, with a correlation id header', async () => {
    appService.fail(appServiceNotLoaded({ emptyBody: true }))
    const response = await fromAppService()
    expect([response.status, await response.text(), response.headers.get('server')]).toEqual([400, '', 'Kestrel'])
    expect(response.headers.get('content-type')).toBe(JSON_UTF8)
    expect(response.headers.get('x-correlation-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    )
  })

  it('App Service: 500 "An unexpected error occured while fetching the AAD Token." (sic)', async () => {
    appService.fail(appServiceServerError())
    const message = 'An unexpected error occured while fetching the AAD Token.'
    expect(await kestrel(await fromAppService(), message)).toEqual([500, 'Kestrel', JSON_UTF8])
  })

  it('IMDS: 429 throttled, OAuth-shaped JSON of 90 bytes, Server IMDS/…, no Retry-After', async () => {
    imds.fail(imdsThrottled())
    const response = await fromImds()
    expect([response.status, response.headers.get('retry-after'), response.headers.get('server')]).toEqual([
      429,
      null,
      'IMDS/150.870.65.1125',
    ])
    expect([response.headers.get('content-type'), response.headers.get('content-length')]).toEqual([JSON_UTF8, '90'])
    expect(await response.text()).toBe(
      '{"error":"invalid_request","error_description":"Temporarily throttled, too many requests"}',
    )
  })

  it.each([410, 404] as const)('IMDS being updated: %i with an empty body that does not claim JSON', async status => {
    imds.fail(status === 410 ? imdsUpdating() : imdsUpdating(status))
    const response = await fromImds()
    expect([response.status, await response.text(), response.headers.get('server')]).toEqual([
      status,
      '',
      'IMDS/150.870.65.1125',
    ])
    expect(response.headers.get('content-type')).not.toMatch(/json/)
  })

  it('IMDS restarting: 500 in plain text from a server that is not IMDS', async () => {
    imds.fail(imdsRestarting())
    const response = await fromImds()
    expect([response.status, response.headers.get('content-type'), response.headers.get('server')]).toEqual([
      500,
      'text/plain; charset=utf-8',
      null,
    ])
    expect(await response.text()).toBe('Internal Server Error\n')
    expect(response.headers.get('content-length')).toBe('22')
  })
})

describe('the IBM Cloud IAM emulator: failure answers', () => {
  let iam: IbmIamEmulator
  beforeAll(async () => {
    iam = await startDefaultIbmIam()
  })
  afterEach(() => iam.reset())
  afterAll(() => iam.close())

  const token = (apikey: string) =>
    fetch(`${iam.url}/identity/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey }),
    })

  it.each([502, 503] as const)('an edge in front of IAM: %i as an HTML page, not JSON', async status => {
    iam.fail(iamGatewayPage(status))
    const response = await token(API_KEY)
    const title = status === 502 ? '502 Bad Gateway' : '503 Service Unavailable'
    expect([response.status, response.headers.get('content-type')]).toEqual([status, 'text/html'])
    expect(await response.text()).toBe(
      `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`,
    )
  })

  it('an unknown API key: 400 BXNIM0415E; Transaction-Id = X-Correlation-Id = context.requestId', async () => {
    const response = await token('no-such-key')
    const text = await response.text()
    const body = JSON.parse(text) as { errorCode: string; context: { requestId: string } }
    expect([response.status, body.errorCode, text.startsWith('{"errorCode"')]).toEqual([400, 'BXNIM0415E', true])
    expect(response.headers.get('transaction-id')).toBe(body.context.requestId)
    expect(response.headers.get('x-correlation-id')).toBe(body.context.requestId)
  })
})
