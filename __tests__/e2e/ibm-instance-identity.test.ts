/**
 * interface.md, ibm `vpc-instance`: a self-hosted runner on a VPC virtual server, a bare metal
 * server or an IBM Power Virtual Server instance, against emulators of their metadata services
 * (docs/protocols.md, "IBM instance identity"). Runs the built dist/index.js as the runner does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { expectExpiresIn, expectOneError, expectToken } from '../../test-support/assertions.ts'
import {
  VPC_PROFILE,
  startVpcMetadata,
  vpcError,
  type ServerKind,
  type VpcMetadataEmulator,
} from '../../test-support/emulators/vpc-metadata.ts'
import { maskLine } from '../../test-support/leaks.ts'
import { runAction } from '../../test-support/run-action.ts'
import { TRUST_TEST_CA } from '../../test-support/steps.ts'

const UNTRUSTED = {
  ...VPC_PROFILE,
  id: 'Profile-untrusted',
  crn: 'crn:v1:bluemix:public:iam-identity::a/acct-vpc::profile:Profile-untrusted',
  name: 'untrusted',
  linked: false,
  trustsInstance: false,
}
const CURRENT = ['PUT /identity/v1/token?version=2025-08-26', 'POST /identity/v1/iam_tokens?version=2025-08-26']

const servers: VpcMetadataEmulator[] = []
async function server(kind: ServerKind, https = false): Promise<VpcMetadataEmulator> {
  const started = await startVpcMetadata({ kind, https, profiles: [VPC_PROFILE, UNTRUSTED] })
  servers.push(started)
  return started
}
afterAll(() => Promise.all(servers.map(s => s.close())))

const instance = (vpc: { url: string }, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runAction({
    inputs: { provider: 'ibm', 'auth-type': 'vpc-instance', 'metadata-endpoint': vpc.url, ...inputs },
    env: { ...TRUST_TEST_CA, ...env },
  })
const routes = (vpc: VpcMetadataEmulator) => vpc.requests.map(r => `${r.method} ${r.path}?${r.query}`)

describe.each([
  ['a VPC virtual server', 'virtual-server', false],
  ['a bare metal server (the older paths answer 404 there)', 'bare-metal', false],
  ['an IBM Power Virtual Server instance (https)', 'power-virtual-server', true],
] as const)('%s gets a token from the 2025-08-26 Identity API', (_, kind, https) => {
  let vpc: VpcMetadataEmulator
  beforeAll(async () => {
    vpc = await server(kind, https)
  })
  beforeEach(() => vpc.reset())

  it.each([
    ['the linked profile (no body)', {}, ''],
    ['profile-id', { 'profile-id': VPC_PROFILE.id }, JSON.stringify({ trusted_profile: { id: VPC_PROFILE.id } })],
    ['profile-crn', { 'profile-crn': VPC_PROFILE.crn }, JSON.stringify({ trusted_profile: { crn: VPC_PROFILE.crn } })],
    [
      'profile-name, no account-id',
      { 'profile-name': VPC_PROFILE.name },
      JSON.stringify({ trusted_profile: { name: VPC_PROFILE.name } }),
    ],
  ])('%s', async (_, inputs, body) => {
    const run = await instance(vpc, inputs)
    const token = expectToken(run, vpc.issued)
    expect(routes(vpc)).toEqual(CURRENT)
    const [put, post] = vpc.requests
    expect(put?.headers['metadata-flavor']).toBe('ibm')
    expect(JSON.parse(put?.body ?? '')).toEqual({ expires_in: 300 })
    expect(post?.headers['metadata-flavor']).toBe('ibm')
    expect(post?.headers.authorization).toBe(`Bearer ${vpc.instanceTokens.at(-1)}`)
    expect(post?.body).toBe(body)
    expect(token).toBe(vpc.issued.at(-1))
    expect(maskLine(run, vpc.instanceTokens.at(-1) ?? '')).toBeGreaterThanOrEqual(0)
    expect(run.outputs['principal-id']).toBe(VPC_PROFILE.iamId)
    expect(run.outputs['account-id']).toBe(VPC_PROFILE.account)
    expect(Number(run.outputs['expires-in'])).toBeGreaterThan(3500)
    expect(run.lines.some(line => line.startsWith('::warning::'))).toBe(false)
  })
})

describe('a metadata service that knows only the older API (2022-03-01)', () => {
  it('gets a token after one 404 on the current path, through the older paths', async () => {
    const vpc = await server('legacy')
    expectToken(await instance(vpc, { 'profile-name': VPC_PROFILE.name }), vpc.issued)
    expect(routes(vpc)).toEqual([
      'PUT /identity/v1/token?version=2025-08-26',
      'PUT /instance_identity/v1/token?version=2022-03-01',
      'POST /instance_identity/v1/iam_token?version=2022-03-01',
    ])
    expect(JSON.parse(vpc.requests[2]?.body ?? '')).toEqual({ trusted_profile: { name: VPC_PROFILE.name } })
  })

  it('one that refuses the current version date (invalid_value on `version`) gets the older paths too', async () => {
    const vpc = await server('legacy')
    vpc.fail({
      status: 400,
      body: JSON.stringify(
        vpcError(400, 'invalid_value', 'The `version` parameter is invalid.', {
          name: 'version',
          type: 'parameter',
          value: '2025-08-26',
        }).json,
      ),
    })
    expectToken(await instance(vpc), vpc.issued)
    expect(routes(vpc).slice(1)).toEqual([
      'PUT /instance_identity/v1/token?version=2022-03-01',
      'POST /instance_identity/v1/iam_token?version=2022-03-01',
    ])
  })

  it('an endpoint that serves neither: one error that names both paths and versions', async () => {
    const vpc = await server('virtual-server')
    vpc.fail(...[1, 2].map(() => ({ status: 404, body: '404 page not found' })))
    const error = expectOneError(await instance(vpc), vpc.issued)
    expect(error).toMatch(
      /IBM Cloud instance metadata service at http:\/\/127\.0\.0\.1:\d+ does not serve the instance identity token: tried PUT \/identity\/v1\/token\?version=2025-08-26 \(HTTP 404\), then PUT \/instance_identity\/v1\/token\?version=2022-03-01 \(HTTP 404\)\./,
    )
    expect(error).toMatch(
      /Fix: check metadata-endpoint: http:\/\/169\.254\.169\.254 or .*api\.metadata\.power-iaas\.cloud\.ibm\.com/,
    )
  })
})

// The codes, their shape and their statuses are documented; which situation gets which code
// (profile_not_linked for an unknown name, unauthorized for a profile that leaves the server
// out) is our reading, noted in docs/protocols.md. The action keys its fixes on the code alone.
describe('the errors the metadata service documents: code, message, target, trace, and a fix by code', () => {
  let vpc: VpcMetadataEmulator
  beforeAll(async () => {
    vpc = await server('bare-metal')
  })
  beforeEach(() => vpc.reset())

  it('profile_not_linked (a profile name that is not linked to the server)', async () => {
    const error = expectOneError(await instance(vpc, { 'profile-name': 'nobody' }), vpc.issued)
    expect(error).toMatch(
      /refused an IAM token for profile-name nobody \(POST \/identity\/v1\/iam_tokens\?version=2025-08-26\) \(HTTP 400\): profile_not_linked: The trusted profile is not linked to this instance\./,
    )
    expect(error).toMatch(/\nTrace: [0-9a-f-]{36}\n/)
    expect(error).toMatch(/Fix: the trusted profile is not linked to this server: link one in the server's settings/)
  })

  it('unauthorized (a profile that does not trust the server)', async () => {
    const error = expectOneError(await instance(vpc, { 'profile-id': UNTRUSTED.id }), vpc.issued)
    expect(error).toMatch(/HTTP 403\): unauthorized: The instance is not authorized to use the trusted profile\./)
    expect(error).toMatch(
      /Fix: this server may not use the trusted profile: add it to the profile's trust relationship/,
    )
  })

  it('missing_value on the Metadata-Flavor header (a proxy stripped it): the target is shown', async () => {
    const stripped = vpcError(400, 'missing_value', 'The `Metadata-Flavor` header is required.', {
      name: 'Metadata-Flavor',
      type: 'header',
    })
    vpc.fail({ status: 400, body: JSON.stringify(stripped.json) })
    const error = expectOneError(await instance(vpc), vpc.issued)
    expect(error).toMatch(
      /HTTP 400\): missing_value: The `Metadata-Flavor` header is required\.\nTarget: header Metadata-Flavor\n/,
    )
    expect(error).toMatch(/Fix: something between the runner and the metadata service dropped part of the request/)
  })

  it('unauthenticated (the instance identity token expired before the second request)', async () => {
    const shortLived = await startVpcMetadata({ kind: 'bare-metal', instanceTokenSeconds: 0 })
    servers.push(shortLived)
    const error = expectOneError(await instance(shortLived), shortLived.issued)
    expect(error).toMatch(
      /HTTP 401\): unauthenticated: The identity access token is not valid or has expired\.\nTarget: header Authorization/,
    )
    expect(error).toMatch(
      /Fix: the instance identity token was refused \(expired, or changed on the way\): re-run; check the server's clock/,
    )
  })

  it('invalid_value on a field: the target with its value', async () => {
    const refused = vpcError(400, 'invalid_value', 'The `expires_in` field must not exceed `3600`.', {
      name: 'expires_in',
      type: 'field',
      value: '300',
    })
    vpc.fail({ status: 400, body: JSON.stringify(refused.json) })
    const error = expectOneError(await instance(vpc), vpc.issued)
    expect(error).toMatch(
      /invalid_value: The `expires_in` field must not exceed `3600`\.\nTarget: field expires_in = 300\n/,
    )
    expect(error).toMatch(/Fix: the metadata service refused a value of the request/)
  })

  it('service_error (5xx) is retried, then reported as the service failing, whatever its code', async () => {
    const broken = vpcError(500, 'service_error', 'An internal error occurred.')
    vpc.fail({ status: 500, body: JSON.stringify(broken.json) })
    expectToken(await instance(vpc), vpc.issued)
    vpc.reset()
    vpc.fail({ status: 503, body: JSON.stringify(vpcError(503, 'service_error', 'Service unavailable.').json) })
    const error = expectOneError(await instance(vpc, { 'max-attempts': '1' }), vpc.issued)
    expect(error).toMatch(
      /\(HTTP 503 after 1 attempt\): service_error: Service unavailable\.[\s\S]*Fix: IBM Cloud instance metadata service is failing \(HTTP 503\); nothing in the step's inputs causes this\. Re-run the job later and check https:\/\/cloud\.ibm\.com\/status/,
    )
  })
})

describe("expires_at is on the metadata service's clock", () => {
  const iamToken = async (iamExpiresAt: { skewSeconds: number } | { text: string }) => {
    const vpc = await startVpcMetadata({ kind: 'virtual-server', iamExpiresAt })
    servers.push(vpc)
    return { vpc, run: await instance(vpc) }
  }

  it('ahead of the runner: expires-in is the expires_in granted, not more', async () => {
    const { vpc, run } = await iamToken({ skewSeconds: 600 })
    expectToken(run, vpc.issued)
    expectExpiresIn(run, 3600)
  })

  it('behind the runner: expires-in is what expires_at leaves', async () => {
    const { vpc, run } = await iamToken({ skewSeconds: -600 })
    expectToken(run, vpc.issued)
    expectExpiresIn(run, 3000)
  })

  it('an expires_at the action cannot read: an error naming the field, nothing published', async () => {
    const { vpc, run } = await iamToken({ text: 'tomorrow' })
    expect(expectOneError(run, vpc.issued)).toMatch(
      /answered with a token but expires_at "tomorrow", an expiry get-token cannot read; the token was not published\./,
    )
    expect(run.outputs).toEqual({})
  })
})

describe('inputs', () => {
  let vpc: VpcMetadataEmulator
  beforeAll(async () => {
    vpc = await server('virtual-server')
  })
  beforeEach(() => vpc.reset())

  it('no metadata service (not enabled, or not an IBM Cloud server): how to turn it on', async () => {
    const run = await instance({ url: 'http://127.0.0.1:9' }, { 'max-attempts': '1' })
    expect(expectOneError(run)).toMatch(
      /^Could not reach IBM Cloud instance metadata service at 127\.0\.0\.1:9: ECONNREFUSED[\s\S]*Fix: auth-type vpc-instance runs on an IBM Cloud VPC virtual server or bare metal server whose metadata service is enabled[\s\S]*https:\/\/api\.metadata\.power-iaas\.cloud\.ibm\.com on IBM Power Virtual Server/,
    )
  })

  it.each([
    [{ 'metadata-endpoint': 'http://10.0.0.1' }, "Input 'metadata-endpoint' must use https"],
    [
      { 'profile-id': VPC_PROFILE.id, 'profile-crn': VPC_PROFILE.crn },
      "Input 'profile-crn' cannot be used together with profile-id",
    ],
    [
      { 'profile-crn': VPC_PROFILE.crn, 'profile-name': VPC_PROFILE.name },
      "Input 'profile-name' cannot be used together with profile-crn",
    ],
    [{ 'profile-name': 'two words' }, "Input 'profile-name' contains white space"],
  ])('%j is refused before any request', async (inputs, message) => {
    expect(expectOneError(await instance(vpc, inputs))).toContain(message)
    expect(vpc.requests).toHaveLength(0)
  })

  it('warns about inputs vpc-instance does not use (account-id: a name is looked up in the server’s account)', async () => {
    const run = await instance(vpc, { 'api-key': 'k-unused', 'account-id': 'acct-other' })
    expect(run.code).toBe(0)
    expect(run.lines).toContain(
      "::warning::Input 'account-id' is not used with provider ibm and auth-type vpc-instance; it is ignored.",
    )
    expect(run.lines).toContain(
      "::warning::Input 'api-key' is not used with provider ibm and auth-type vpc-instance; it is ignored.",
    )
  })
})
