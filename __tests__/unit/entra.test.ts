/**
 * The app sign-ins speak to Entra ID themselves (docs/protocols.md, "Entra ID"): the request
 * count, the form, the certificate assertion as Entra documents it, and where the credential may
 * go. A scripted transport stands in for the network; the e2e tests run the same against the
 * HTTPS emulator.
 */
import { describe, expect, it } from '@jest/globals'
import { X509Certificate, constants, createHash, verify } from 'node:crypto'
import type { AppConfig } from '../../src/providers/azure/config.ts'
import { getAppToken } from '../../src/providers/azure/entra.ts'
import { SECRET_APP } from '../../test-support/azure-config.ts'
import { fixture } from '../../test-support/emulators/entra-id.ts'
import { json, providerContext, scriptedTransport } from '../../test-support/provider-context.ts'

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ0In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg'
const granted = json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: TOKEN })
const CERTIFICATE_APP: AppConfig = {
  ...SECRET_APP,
  authType: 'client-certificate',
  certificate: `${fixture('client-key.pem')}${fixture('client-cert.pem')}`,
  certificatePassword: undefined,
}

function decode(jwt: string) {
  const [header, claims, signature] = jwt.split('.') as [string, string, string]
  const parse = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>
  return { header: parse(header), claims: parse(claims), input: `${header}.${claims}`, signature }
}

describe('the known clouds: one request, no discovery', () => {
  it.each([
    ['AzurePublicCloud', 'https://login.microsoftonline.com'],
    ['AzureUSGovernment', 'https://login.microsoftonline.us'],
    ['AzureChinaCloud', 'https://login.chinacloudapi.cn'],
  ] as const)('%s: one POST to %s/{tenant}/oauth2/v2.0/token with the client credentials form', async (cloud, host) => {
    const transport = scriptedTransport(granted)
    const ctx = providerContext(transport)
    const before = Date.now()
    const token = await getAppToken({ ...SECRET_APP, cloud, authorityHost: host }, ctx)
    const after = Date.now()
    expect(transport.sent).toHaveLength(1)
    const [request] = transport.sent
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe(`${host}/${SECRET_APP.tenantId}/oauth2/v2.0/token`)
    expect(request?.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      client_id: SECRET_APP.clientId,
      scope: SECRET_APP.scope,
      grant_type: 'client_credentials',
      client_secret: SECRET_APP.clientSecret,
    })
    expect(token.accessToken).toBe(TOKEN)
    expect(token.expirySource).toBe('expires_in')
    expect(token.expiresOnMs).toBeGreaterThanOrEqual(before + 3599_000)
    expect(token.expiresOnMs).toBeLessThanOrEqual(after + 3599_000)
    expect(ctx.masked).toContain(TOKEN)
  })
})

describe('authority-host: the discovery document names the token endpoint', () => {
  const custom: AppConfig = { ...SECRET_APP, authorityHost: 'https://login.example.com', customAuthority: true }
  const discoveryUrl = `https://login.example.com/${SECRET_APP.tenantId}/v2.0/.well-known/openid-configuration`

  it('GET the document, then POST to its token_endpoint', async () => {
    const endpoint = `https://login.example.com/${SECRET_APP.tenantId}/oauth2/v2.0/token`
    const transport = scriptedTransport(json(200, { token_endpoint: endpoint, issuer: 'x' }), granted)
    await getAppToken(custom, providerContext(transport))
    expect(transport.sent.map(r => `${r.method} ${r.url}`)).toEqual([`GET ${discoveryUrl}`, `POST ${endpoint}`])
  })

  it.each([
    ['another origin', 'https://collector.example.net/token'],
    ['plain http on the same host', 'http://login.example.com/t/oauth2/v2.0/token'],
    ['no endpoint', undefined],
  ])('a document that points the credential at %s is refused, and nothing is posted', async (_, endpoint) => {
    const transport = scriptedTransport(json(200, { token_endpoint: endpoint }))
    const error = await getAppToken(custom, providerContext(transport)).catch(e => e)
    expect(error.message).toBe(
      `The OpenID configuration at ${discoveryUrl} names no token endpoint on https://login.example.com; get-token sends the credential only to the authority itself.`,
    )
    expect(error.fix).toMatch(/^check authority-host/)
    expect(transport.sent).toHaveLength(1)
  })
})

describe('client-certificate: the assertion as Entra documents it', () => {
  it('PS256, x5t#S256 of the certificate, aud the token endpoint, iss = sub = client id, jti, nbf, exp; masked', async () => {
    const transport = scriptedTransport(granted)
    const ctx = providerContext(transport)
    const before = Math.floor(Date.now() / 1000)
    await getAppToken(CERTIFICATE_APP, ctx)
    const after = Math.floor(Date.now() / 1000)
    const form = new URLSearchParams(transport.sent[0]?.body)
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(form.has('client_secret')).toBe(false)
    const assertion = form.get('client_assertion') ?? ''
    const { header, claims, input, signature } = decode(assertion)
    const certificate = new X509Certificate(fixture('client-cert.pem'))
    expect(header).toEqual({
      alg: 'PS256',
      typ: 'JWT',
      'x5t#S256': createHash('sha256').update(certificate.raw).digest('base64url'),
    })
    expect(claims).toEqual({
      aud: `https://login.microsoftonline.com/${SECRET_APP.tenantId}/oauth2/v2.0/token`,
      iss: SECRET_APP.clientId,
      sub: SECRET_APP.clientId,
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      nbf: expect.any(Number),
      exp: expect.any(Number),
    })
    expect(Number(claims.nbf)).toBeGreaterThanOrEqual(before)
    expect(Number(claims.nbf)).toBeLessThanOrEqual(after)
    expect(Number(claims.exp) - Number(claims.nbf)).toBe(600)
    const key = { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
    expect(verify('sha256', Buffer.from(input), key, Buffer.from(signature, 'base64url'))).toBe(true)
    expect(ctx.masked).toContain(assertion)
  })

  it('every attempt signs a fresh assertion (a new jti)', async () => {
    const transport = scriptedTransport(json(503, { error: 'temporarily_unavailable' }), granted)
    await getAppToken(CERTIFICATE_APP, providerContext(transport))
    const jtis = transport.sent.map(r => decode(new URLSearchParams(r.body).get('client_assertion') ?? '').claims.jti)
    expect(jtis).toHaveLength(2)
    expect(jtis[0]).not.toBe(jtis[1])
  })
})

describe('federated sign-ins', () => {
  it('workload-identity reads the token file for the first attempt and again for every retry', async () => {
    const tokens = ['first.token.file', 'second.token.file']
    const transport = scriptedTransport(json(503, { error: 'temporarily_unavailable' }), granted)
    const ctx = providerContext(transport, { readFile: async () => tokens.shift() ?? 'no more' })
    await getAppToken({ ...SECRET_APP, authType: 'workload-identity', tokenFile: '/var/run/token' }, ctx)
    const sent = transport.sent.map(r => new URLSearchParams(r.body).get('client_assertion'))
    expect(sent).toEqual(['first.token.file', 'second.token.file'])
  })
})
