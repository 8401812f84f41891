/** interface.md's Azure inputs: what each auth type reads, and what is refused before any request. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../src/errors.ts'
import { readAzureConfig, type AzureConfig } from '../../src/providers/azure/config.ts'
import { inputsOf, readInputs } from '../../test-support/inputs.ts'
import { FIXTURES } from '../../test-support/run-action.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d'
const pem = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const PEM = `${pem('client-key.pem')}${pem('client-cert.pem')}`
const OIDC_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
}

function azure(inputs: Record<string, string>, env: Record<string, string> = {}): AzureConfig {
  return readAzureConfig(
    inputsOf(
      { 'tenant-id': TENANT, 'client-id': CLIENT, resource: 'https://x.azurehealthcareapis.com', ...inputs },
      env,
    ),
  )
}

function refusal(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('no InputError was thrown')
}

describe('resource and scope', () => {
  it.each([
    [{ resource: 'https://x.azurehealthcareapis.com' }, 'https://x.azurehealthcareapis.com/.default'],
    [{ resource: 'https://x/' }, 'https://x//.default'],
    [
      { resource: '', scope: 'https://x.fhir.azurehealthcareapis.com/.default' },
      'https://x.fhir.azurehealthcareapis.com/.default',
    ],
  ])('turns %j into scope %s, as az does', (inputs, scope) => {
    expect(azure({ 'client-secret': 's3cret-value', ...inputs }).scope).toBe(scope)
  })

  it.each([
    [{ scope: 'https://x/.default' }, "Input 'scope' cannot be used together with resource"],
    [{ resource: '' }, "Input 'resource' is required"],
    [{ resource: 'https://x/.default' }, "Input 'resource' is 'https://x/.default', which is already a scope"],
    [{ resource: 'has space' }, "Input 'resource' contains white space"],
  ])('refuses %j', (inputs, message) => {
    expect(() => azure({ 'client-secret': 's3cret-value', ...inputs })).toThrow(message)
  })
})

describe('clouds and authorities', () => {
  it.each([
    ['AzurePublicCloud', 'api://AzureADTokenExchange', 'https://login.microsoftonline.com'],
    ['AzureUSGovernment', 'api://AzureADTokenExchangeUSGov', 'https://login.microsoftonline.us'],
    ['azurechinacloud', 'api://AzureADTokenExchangeChina', 'https://login.chinacloudapi.cn'],
    ['AzureCloud', 'api://AzureADTokenExchange', 'https://login.microsoftonline.com'],
  ])('cloud %s: oidc-audience %s, authority %s', (cloud, audience, authority) => {
    expect(azure({ 'auth-type': 'oidc', cloud }, OIDC_ENV)).toMatchObject({
      oidcAudience: audience,
      authorityHost: authority,
      customAuthority: false,
    })
  })

  it('oidc-audience overrides the cloud default; authority-host is custom (no instance discovery)', () => {
    const config = azure(
      {
        'auth-type': 'oidc',
        cloud: 'AzureUSGovernment',
        'oidc-audience': 'api://Custom',
        'authority-host': 'https://localhost:8443/',
      },
      OIDC_ENV,
    )
    expect(config).toMatchObject({
      oidcAudience: 'api://Custom',
      authorityHost: 'https://localhost:8443',
      customAuthority: true,
    })
  })
})

describe('auth-type auto', () => {
  it.each([
    ['secret and certificate', 'client-secret', { 'client-secret': 's3cret-value', 'client-certificate': PEM }],
    ['certificate', 'client-certificate', { 'client-certificate': PEM }],
    ['only the OIDC request variables', 'oidc', {}],
  ])('given %s → %s', (_given, authType, inputs) => {
    expect(azure(inputs, OIDC_ENV).authType).toBe(authType)
  })

  it('with nothing: names what it looked at, why a secret can arrive empty, and permissions: id-token: write', () => {
    const error = refusal(() => azure({}))
    expect(error.message).toBe(
      "Input 'auth-type' is auto, but no Azure credential was given: the inputs client-secret, client-certificate and federated-token-file and the environment variables AZURE_CLIENT_SECRET, AZURE_FEDERATED_TOKEN_FILE and ACTIONS_ID_TOKEN_REQUEST_URL are all empty. A secret reference such as ${{ secrets.NAME }} arrives empty when the secret does not exist (check its name, and that it is defined for this repository, environment or organization) or is not available to this run (pull requests from forks, Dependabot runs).",
    )
    expect(error.fix).toContain('permissions: id-token: write')
  })

  it.each([
    [
      'client-secret',
      /^Input 'client-secret' is required for auth-type client-secret, and it is empty \(the AZURE_CLIENT_SECRET environment variable too\)\. A secret reference/,
    ],
    [
      'client-certificate',
      /^Input 'client-certificate' is required for auth-type client-certificate, and it is empty\. A secret reference/,
    ],
  ])('auth-type %s with the secret empty: says a secret reference may have arrived empty', (authType, message) => {
    expect(refusal(() => azure({ 'auth-type': authType })).message).toMatch(message)
  })

  it('uses the AZURE_* environment when inputs are empty', () => {
    const config = readAzureConfig(
      inputsOf(
        { resource: 'https://r' },
        { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: 'env-secret-123' },
      ),
    )
    expect(config).toMatchObject({
      authType: 'client-secret',
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'env-secret-123',
    })
  })
})

describe('workload identity', () => {
  const file = '/var/run/secrets/azure/tokens/azure-identity-token'
  it('auto picks it after oidc, from AZURE_FEDERATED_TOKEN_FILE (as the AKS webhook sets it)', () => {
    const env = { AZURE_FEDERATED_TOKEN_FILE: file, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT }
    expect(readAzureConfig(inputsOf({ resource: 'https://r' }, env))).toMatchObject({
      authType: 'workload-identity',
      tokenFile: file,
      tenantId: TENANT,
      clientId: CLIENT,
      authorityHost: 'https://login.microsoftonline.com',
    })
    expect(readAzureConfig(inputsOf({ resource: 'https://r' }, { ...env, ...OIDC_ENV })).authType).toBe('oidc')
  })

  it('the authority follows cloud / authority-host, not AZURE_AUTHORITY_HOST', () => {
    const config = azure(
      { 'federated-token-file': file, cloud: 'AzureUSGovernment' },
      { AZURE_AUTHORITY_HOST: 'https://login.example.com' },
    )
    expect(config).toMatchObject({ authType: 'workload-identity', authorityHost: 'https://login.microsoftonline.us' })
  })

  it('asked for without a token file: names federated-token-file', () => {
    expect(refusal(() => azure({ 'auth-type': 'workload-identity' })).input).toBe('federated-token-file')
  })
})

describe('managed identity and the CLI need no app', () => {
  const mi = { 'auth-type': 'managed-identity', resource: 'https://r' }
  const OBJECT = '5b1f2e3d-4c5b-4a69-8877-665544332211'
  const RESOURCE_ID =
    '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fhir'

  it.each([
    [{}, {}, { kind: 'system' }],
    [{ 'client-id': CLIENT }, {}, { kind: 'client-id', clientId: CLIENT, fromEnvironment: false }],
    [{}, { AZURE_CLIENT_ID: CLIENT }, { kind: 'client-id', clientId: CLIENT, fromEnvironment: true }],
    [{ 'identity-object-id': OBJECT }, { AZURE_CLIENT_ID: CLIENT }, { kind: 'object-id', objectId: OBJECT }],
    [
      { 'identity-resource-id': RESOURCE_ID },
      { AZURE_CLIENT_ID: CLIENT },
      { kind: 'resource-id', resourceId: RESOURCE_ID },
    ],
  ])('%j with env %j → %j (the env client id is never a second selector)', (inputs, env, identity) => {
    expect(readAzureConfig(inputsOf({ ...mi, ...inputs }, env))).toEqual({
      authType: 'managed-identity',
      identity,
      scope: 'https://r/.default',
      cloud: 'AzurePublicCloud',
    })
  })

  it.each([
    [{ 'client-id': CLIENT, 'identity-object-id': OBJECT }, 'identity-object-id'],
    [{ 'client-id': CLIENT, 'identity-resource-id': RESOURCE_ID }, 'identity-resource-id'],
    [{ 'identity-object-id': OBJECT, 'identity-resource-id': RESOURCE_ID }, 'identity-resource-id'],
    [{ 'identity-object-id': 'my-identity' }, 'identity-object-id'],
    [{ 'identity-resource-id': '/subscriptions/0000/resourceGroups/rg' }, 'identity-resource-id'],
    [{ 'client-id': 'not-a-guid' }, 'client-id'],
  ])('%j is refused, naming %s', (inputs, input) => {
    expect(refusal(() => readAzureConfig(inputsOf({ ...mi, ...inputs }))).input).toBe(input)
  })

  it('azure-cli: the tenant only if given', () => {
    const cli = readAzureConfig(inputsOf({ 'auth-type': 'azure-cli', resource: 'https://r' }))
    expect(cli).toEqual({
      authType: 'azure-cli',
      tenantId: undefined,
      scope: 'https://r/.default',
      cloud: 'AzurePublicCloud',
    })
  })
})

describe('refused before any request, naming the input', () => {
  it.each([
    [{ 'tenant-id': 'bad tenant/../' }, 'tenant-id'],
    [{ 'tenant-id': '..' }, 'tenant-id'],
    [{ 'client-id': 'my-app' }, 'client-id'],
    [{ 'authority-host': 'http://localhost:8443' }, 'authority-host'],
    [{ cloud: 'AzureGermanCloud' }, 'cloud'],
    [{ 'auth-type': 'oidc', 'client-secret': '' }, 'auth-type'],
    [
      { 'auth-type': 'client-certificate', 'client-secret': '', 'client-certificate': 'not a pem' },
      'client-certificate',
    ],
  ])('%j → %s', (inputs, input) => {
    expect(refusal(() => azure({ 'client-secret': 'x', ...inputs })).input).toBe(input)
  })

  it.each([
    [PEM, ''],
    [`${pem('client-cert.pem')}${pem('client-key.pem')}`, ''],
    [`${pem('client-key-encrypted.pem')}${pem('client-cert.pem')}`, 'correct-horse-battery'],
    [`${pem('client-cert.pem')}${pem('client-key-encrypted.pem')}`, 'correct-horse-battery'],
  ])('accepts a readable key and certificate in either order (%#)', (certificate, password) => {
    const config = azure({ 'client-certificate': certificate, 'client-certificate-password': password })
    expect(config).toMatchObject({ authType: 'client-certificate', certificatePassword: password || undefined })
  })

  it.each([
    [
      `${pem('client-key-encrypted.pem')}${pem('client-cert.pem')}`,
      '',
      "Input 'client-certificate-password' is required",
    ],
    [
      `${pem('client-key-encrypted.pem')}${pem('client-cert.pem')}`,
      'wrong',
      "Input 'client-certificate-password' does not decrypt",
    ],
    [pem('client-key.pem'), '', "Input 'client-certificate' holds no PEM certificate"],
    [pem('client-cert.pem'), '', "Input 'client-certificate' holds no PEM private key"],
    [
      '-----BEGIN PRIVATE KEY-----\nnot-base64!\n-----END PRIVATE KEY-----\n' + pem('client-cert.pem'),
      '',
      "Input 'client-certificate' holds a private key that cannot be read",
    ],
  ])('refuses an unusable certificate input (%#)', (certificate, password, message) => {
    expect(() =>
      azure({
        'auth-type': 'client-certificate',
        'client-certificate': certificate,
        'client-certificate-password': password,
      }),
    ).toThrow(message)
  })

  it('masks every line of a PEM key and the password (readConfig, before anything else)', () => {
    const key =
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\nAAAABBBBCCCCDDDD\n-----END ENCRYPTED PRIVATE KEY-----'
    const read = readInputs({
      provider: 'azure',
      'tenant-id': TENANT,
      'client-id': CLIENT,
      resource: 'https://r',
      'client-certificate': key,
      'client-certificate-password': 'pw-123456',
    })
    expect(read.masked).toEqual(
      expect.arrayContaining([
        key,
        'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI',
        'AAAABBBBCCCCDDDD',
        'pw-123456',
      ]),
    )
  })
})
