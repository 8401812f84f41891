import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES } from '../../test-support/run-action.ts'
import { readConfig, type Config } from '../../src/config.ts'
import { InputError } from '../../src/errors.ts'
import { Secrets } from '../../src/secrets.ts'

interface Read {
  config?: Config
  error?: unknown
  masked: string[]
  warnings: string[]
}

function read(inputs: Record<string, string>, env: Record<string, string> = {}): Read {
  const masked: string[] = []
  const warnings: string[] = []
  const secrets = new Secrets(secret => masked.push(secret))
  try {
    const config = readConfig({
      getInput: name => inputs[name] ?? '',
      env,
      mask: s => secrets.add(s),
      warning: w => warnings.push(w),
    })
    return { config, masked, warnings }
  } catch (error) {
    return { error, masked, warnings }
  }
}

const PEM = ['client-key.pem', 'client-cert.pem'].map(file => readFileSync(join(FIXTURES, file), 'utf8')).join('\n')
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'

describe('azure inputs', () => {
  it('turns resource into a scope exactly as az does', () => {
    const base = { provider: 'azure', 'tenant-id': TENANT, 'client-id': CLIENT, 'client-secret': 's3cret-value' }
    expect(read({ ...base, resource: 'https://x.azurehealthcareapis.com' }).config).toMatchObject({
      scope: 'https://x.azurehealthcareapis.com/.default',
    })
    expect(read({ ...base, resource: 'https://x/' }).config).toMatchObject({ scope: 'https://x//.default' })
    expect(read({ ...base, scope: 'https://x.fhir.azurehealthcareapis.com/.default' }).config).toMatchObject({
      scope: 'https://x.fhir.azurehealthcareapis.com/.default',
    })
  })

  it('picks the auth type as interface.md says for auto', () => {
    const base = { provider: 'AZURE', 'tenant-id': TENANT, 'client-id': CLIENT, resource: 'https://r' }
    const oidcEnv = {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1/x?api-version=2.0',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
    }
    expect(read({ ...base, 'client-secret': 'sec' }, oidcEnv).config?.authType).toBe('client-secret')
    expect(read({ ...base, 'client-certificate': PEM }, oidcEnv).config?.authType).toBe('client-certificate')
    expect(read(base, oidcEnv).config?.authType).toBe('oidc')
    const none = read(base)
    expect(none.error).toBeInstanceOf(InputError)
    expect((none.error as InputError).fix).toContain('permissions: id-token: write')
  })

  it('uses the AZURE_* environment when inputs are empty, and masks the secret', () => {
    const r = read(
      { provider: 'azure', resource: 'https://r' },
      { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: 'env-secret-123' },
    )
    expect(r.config).toMatchObject({
      authType: 'client-secret',
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'env-secret-123',
    })
    expect(r.masked).toContain('env-secret-123')
  })

  it('sets authority host and OIDC audience from cloud; authority-host disables instance discovery', () => {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }
    const base = { provider: 'azure', 'tenant-id': TENANT, 'client-id': CLIENT, resource: 'https://r' }
    expect(read({ ...base, cloud: 'AzureUSGovernment' }, env).config).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      oidcAudience: 'api://AzureADTokenExchangeUSGov',
      disableInstanceDiscovery: false,
    })
    expect(read({ ...base, cloud: 'azurechinacloud' }, env).config).toMatchObject({
      authorityHost: 'https://login.chinacloudapi.cn',
      oidcAudience: 'api://AzureADTokenExchangeChina',
    })
    expect(read({ ...base, cloud: 'AzureCloud' }, env).config).toMatchObject({ cloud: 'AzurePublicCloud' })
    expect(
      read({ ...base, cloud: 'AzureUSGovernment', 'authority-host': 'https://localhost:8443/' }, env).config,
    ).toMatchObject({
      authorityHost: 'https://localhost:8443',
      disableInstanceDiscovery: true,
      oidcAudience: 'api://AzureADTokenExchangeUSGov',
    })
    expect(read({ ...base, 'oidc-audience': 'api://custom' }, env).config).toMatchObject({
      oidcAudience: 'api://custom',
    })
  })

  it.each([
    [{ resource: 'https://a', scope: 'https://a/.default' }, 'scope'],
    [{ resource: '' }, 'resource'],
    [{ 'tenant-id': 'bad tenant/../' }, 'tenant-id'],
    [{ 'client-id': 'my-app' }, 'client-id'],
    [{ 'authority-host': 'http://localhost:8443' }, 'authority-host'],
    [{ cloud: 'AzureGermanCloud' }, 'cloud'],
    [{ 'auth-type': 'oidc', 'client-secret': '' }, 'auth-type'],
    [
      { 'auth-type': 'client-certificate', 'client-secret': '', 'client-certificate': 'not a pem' },
      'client-certificate',
    ],
  ])('%j is refused, naming %s', (inputs, input) => {
    const r = read({
      provider: 'azure',
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'client-secret': 'x',
      resource: 'https://r',
      ...inputs,
    })
    expect(r.error).toBeInstanceOf(InputError)
    expect((r.error as InputError).input).toBe(input)
  })

  it('needs neither tenant nor client for system-assigned managed identity', () => {
    expect(read({ provider: 'azure', 'auth-type': 'managed-identity', resource: 'https://r' }).config).toMatchObject({
      authType: 'managed-identity',
      clientId: '',
    })
    expect(read({ provider: 'azure', 'auth-type': 'azure-cli', resource: 'https://r' }).config).toMatchObject({
      authType: 'azure-cli',
    })
  })

  it('masks every line of a PEM key and the password', () => {
    const pem =
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI\nAAAABBBBCCCCDDDD\n-----END ENCRYPTED PRIVATE KEY-----'
    const r = read({
      provider: 'azure',
      'tenant-id': TENANT,
      'client-id': CLIENT,
      resource: 'https://r',
      'client-certificate': pem,
      'client-certificate-password': 'pw-123456',
    })
    expect(r.masked).toEqual(
      expect.arrayContaining([
        pem,
        'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI',
        'AAAABBBBCCCCDDDD',
        'pw-123456',
      ]),
    )
  })
})

describe('common inputs', () => {
  const ibm = { provider: 'ibm', 'api-key': 'k-123456' }
  it('has the documented defaults', () => {
    expect(read(ibm).config).toMatchObject({
      authType: 'api-key',
      iamEndpoint: 'https://iam.cloud.ibm.com',
      envVar: 'ACCESS_TOKEN',
      exportEnv: true,
      summary: true,
      timeoutSeconds: 60,
      maxAttempts: 3,
    })
  })
  it.each([
    'PATH',
    'path',
    'NODE_OPTIONS',
    'LD_PRELOAD',
    'BASH_ENV',
    'GITHUB_ENV',
    'RUNNER_TEMP',
    'ACTIONS_RUNTIME_TOKEN',
    'DYLD_INSERT_LIBRARIES',
    'HTTPS_PROXY',
  ])('refuses env-var %s', name => {
    expect((read({ ...ibm, 'env-var': name }).error as InputError).input).toBe('env-var')
  })
  it('accepts booleans the way core.getBooleanInput does', () => {
    expect(read({ ...ibm, 'export-env': 'False', summary: 'TRUE' }).config).toMatchObject({
      exportEnv: false,
      summary: true,
    })
  })
  it('does not warn about action.yml defaults of the other provider', () => {
    expect(read({ ...ibm, cloud: 'AzurePublicCloud', 'auth-type': 'auto' }).warnings).toEqual([])
    expect(read({ ...ibm, cloud: 'AzureChinaCloud' }).warnings).toEqual([
      "Input 'cloud' is not used with provider ibm and auth-type api-key; it is ignored.",
    ])
  })
})

describe('every combination of inputs', () => {
  const values: Record<string, string[]> = {
    provider: ['', 'azure', 'ibm', 'IBM', 'gcp'],
    'auth-type': [
      '',
      'auto',
      'client-secret',
      'client-certificate',
      'oidc',
      'managed-identity',
      'azure-cli',
      'api-key',
      'trusted-profile',
      'compute-resource',
      'bogus',
    ],
    'tenant-id': ['', TENANT, 'contoso.onmicrosoft.com', 'bad/tenant'],
    'client-id': ['', CLIENT, 'not-a-guid'],
    'client-secret': ['', 'secret-value-1'],
    'client-certificate': ['', '-----BEGIN PRIVATE KEY-----\nAAAAAAAAAA\n-----END PRIVATE KEY-----', 'garbage'],
    resource: ['', 'https://x.azurehealthcareapis.com', 'https://x/', 'has space'],
    scope: ['', 'https://x/.default'],
    cloud: ['', 'AzurePublicCloud', 'AzureUSGovernment', 'Mars'],
    'authority-host': ['', 'https://localhost:1', 'http://localhost:1', 'nonsense'],
    'api-key': ['', 'api-key-value-1'],
    'iam-endpoint': ['', 'https://private.iam.cloud.ibm.com', 'http://127.0.0.1:1', 'http://evil.example.com', '::'],
    'profile-id': ['', 'Profile-1'],
    'profile-crn': ['', 'crn:v1:bluemix:public:iam-identity::a/1::profile:Profile-1', 'nope'],
    'profile-name': ['', 'ci'],
    'account-id': ['', 'acct'],
    'env-var': ['', 'FHIR_TOKEN', 'PATH', '9x', 'GITHUB_PATH'],
    'export-env': ['', 'true', 'false', 'maybe'],
    summary: ['', 'false', '1'],
    'timeout-seconds': ['', '1', '3600', '0', '-5', '1.5', '99999'],
    'max-attempts': ['', '1', '10', '11', 'x'],
  }
  const inputsArb = fc.record(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, fc.constantFrom(...v)])))
  const envArb = fc.record({
    ACTIONS_ID_TOKEN_REQUEST_URL: fc.constantFrom('', 'http://127.0.0.1:1/token?api-version=2.0'),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: fc.constantFrom('', 'req-token'),
    AZURE_CLIENT_SECRET: fc.constantFrom('', 'env-secret-1'),
    IBMCLOUD_API_KEY: fc.constantFrom('', 'env-api-key-1'),
  })

  it('yield a valid configuration or exactly one InputError with a fix, and mask every secret given', () => {
    fc.assert(
      fc.property(inputsArb, envArb, (inputs, env) => {
        const r = read(inputs, env)
        for (const secret of [
          inputs['client-secret'],
          inputs['api-key'],
          inputs['client-certificate'],
          env.AZURE_CLIENT_SECRET,
          env.IBMCLOUD_API_KEY,
        ]) {
          if (secret) expect(r.masked).toContain(secret)
        }
        if (r.error !== undefined) {
          expect(r.error).toBeInstanceOf(InputError)
          expect((r.error as InputError).fix).toBeTruthy()
          return
        }
        const config = r.config as Config
        expect(['azure', 'ibm']).toContain(config.provider)
        expect(config.envVar).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
        expect(config.timeoutSeconds).toBeGreaterThanOrEqual(1)
        expect(config.maxAttempts).toBeLessThanOrEqual(10)
        if (config.provider === 'azure') {
          expect(config.scope).toMatch(/^\S+$/)
          expect(config.authorityHost).toMatch(/^https:\/\//)
        } else {
          expect(config.iamEndpoint).toMatch(/^(https:\/\/|http:\/\/127\.0\.0\.1)/)
          if (config.authType !== 'compute-resource') expect(config.apiKey).toBeTruthy()
          else expect(config.profile).toBeDefined()
        }
      }),
      { numRuns: 3000 },
    )
  })
})
