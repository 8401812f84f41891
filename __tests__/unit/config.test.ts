/** readConfig: the provider registry, secrets masked first, common settings, unused-input warnings. */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { InputError } from '../../src/errors.ts'
import { readAzureConfig } from '../../src/providers/azure/config.ts'
import { readIbmConfig } from '../../src/providers/ibm/config.ts'
import { PROVIDERS } from '../../src/providers/index.ts'
import { COMMON_INPUTS } from '../../src/inputs/settings.ts'
import { inputsOf, readInputs } from '../../test-support/inputs.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
const ibm = { provider: 'ibm', 'api-key': 'k-123456' }

describe('provider', () => {
  it('is chosen from the registry, case-insensitive', () => {
    expect(readInputs({ ...ibm, provider: 'IBM' }).config?.provider.label).toBe('IBM Cloud IAM')
    expect(
      readInputs({ provider: 'Azure', 'auth-type': 'azure-cli', resource: 'https://r' }).config?.provider.label,
    ).toBe('Azure Entra ID')
  })

  it.each([
    ['', "Input 'provider' is required."],
    ['gcp', "Input 'provider' is 'gcp', which is not supported."],
  ])('%j is refused, listing every provider', (provider, message) => {
    const error = readInputs({ provider }).error as InputError
    expect(error.message).toBe(message)
    expect(error.fix).toBe(`set provider to one of: ${PROVIDERS.map(p => p.name).join(', ')}.`)
  })
})

describe('secrets', () => {
  it("masks every provider's secret inputs and their env fallbacks first, also when the read fails", () => {
    const read = readInputs(
      { provider: 'gcp', 'client-secret': 'in-secret-1', 'api-key': 'in-key-1', 'client-certificate-password': 'pw-1' },
      { AZURE_CLIENT_SECRET: 'env-secret-1', IBMCLOUD_API_KEY: 'env-key-1' },
    )
    expect(read.error).toBeInstanceOf(InputError)
    expect(read.masked).toEqual(['in-secret-1', 'env-secret-1', 'pw-1', 'in-key-1', 'env-key-1'])
  })
})

describe('common settings', () => {
  it('have the documented defaults', () => {
    expect(readInputs(ibm).config?.settings).toEqual({
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
    '9x',
  ])('refuses env-var %s', name => {
    expect((readInputs({ ...ibm, 'env-var': name }).error as InputError).input).toBe('env-var')
  })

  it('accepts booleans the way core.getBooleanInput does', () => {
    expect(readInputs({ ...ibm, 'export-env': 'False', summary: 'TRUE' }).config?.settings).toMatchObject({
      exportEnv: false,
      summary: true,
    })
  })
})

describe('inputs of another provider or auth type', () => {
  it('warn, except action.yml defaults', () => {
    expect(readInputs({ ...ibm, cloud: 'AzurePublicCloud', 'auth-type': 'auto' }).warnings).toEqual([])
    expect(readInputs({ ...ibm, cloud: 'AzureChinaCloud' }).warnings).toEqual([
      "Input 'cloud' is not used with provider ibm and auth-type api-key; it is ignored.",
    ])
  })
})

describe('the registry describes every input', () => {
  const declared = PROVIDERS.flatMap(provider => provider.inputs.map(spec => spec.name))

  it('no input belongs to two providers or is also a common input', () => {
    expect(new Set(declared).size).toBe(declared.length)
    for (const name of COMMON_INPUTS) expect(declared).not.toContain(name)
  })

  it("each auth type reads only inputs declared for it (a provider's inputs list is its specification)", () => {
    const fixtures: Record<string, Record<string, string>> = {
      'client-secret': {
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'client-secret': 's',
        'authority-host': 'https://localhost:1',
        resource: 'https://r',
      },
      'client-certificate': { 'tenant-id': TENANT, 'client-id': CLIENT, resource: 'https://r' },
      oidc: { 'tenant-id': TENANT, 'client-id': CLIENT, 'oidc-audience': 'api://x', resource: 'https://r' },
      'managed-identity': { 'client-id': CLIENT, resource: 'https://r' },
      'azure-cli': { 'tenant-id': TENANT, resource: 'https://r' },
      'api-key': { 'api-key': 'k', 'iam-endpoint': 'https://iam.test.cloud.ibm.com' },
      'trusted-profile': { 'api-key': 'k', 'profile-name': 'ci', 'account-id': 'acct' },
      'compute-resource': { 'profile-id': 'P', 'cr-token-file': '/t' },
      'vpc-instance': {
        'profile-crn': 'crn:v1:bluemix:public:iam-identity::a/1::profile:P',
        'metadata-endpoint': 'http://127.0.0.1:1',
      },
      'workload-identity': {
        'tenant-id': TENANT,
        'client-id': CLIENT,
        'federated-token-file': '/var/run/secrets/azure/tokens/azure-identity-token',
        resource: 'https://r',
      },
    }
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/t', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }
    for (const provider of PROVIDERS) {
      for (const authType of provider.authTypes) {
        const fixture = fixtures[authType]
        expect(fixture).toBeDefined()
        if (authType === 'client-certificate') continue // a PEM fixture is read in azure-config.test.ts
        const inputs = inputsOf({ 'auth-type': authType, ...fixture }, env)
        const credential = provider.credential(inputs)
        expect(credential.authType).toBe(authType)
        const allowed = provider.inputs.filter(spec => !spec.authTypes || spec.authTypes.includes(authType))
        const read = [...inputs.usedInputs].filter(name => name !== 'auth-type')
        expect(read.filter(name => !allowed.some(spec => spec.name === name))).toEqual([])
      }
    }
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
    'tenant-id': ['', TENANT, 'contoso.onmicrosoft.com', 'bad/tenant', '..'],
    'client-id': ['', CLIENT, 'not-a-guid'],
    'client-secret': ['', 'secret-value-1'],
    'client-certificate': ['', '-----BEGIN PRIVATE KEY-----\nAAAAAAAAAA\n-----END PRIVATE KEY-----', 'garbage'],
    resource: ['', 'https://x.azurehealthcareapis.com', 'https://x/', 'has space', 'https://x/.default'],
    scope: ['', 'https://x/.default'],
    cloud: ['', 'AzurePublicCloud', 'AzureUSGovernment', 'Mars'],
    'authority-host': ['', 'https://localhost:1', 'http://localhost:1', 'nonsense', 'https://u:p@h'],
    'api-key': ['', 'api-key-value-1'],
    'iam-endpoint': [
      '',
      'https://private.iam.cloud.ibm.com',
      'http://127.0.0.1:1',
      'http://evil.example.com',
      '::',
      'http://[::1]:1',
    ],
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
        const read = readInputs(inputs, env)
        for (const secret of [
          inputs['client-secret'],
          inputs['api-key'],
          inputs['client-certificate'],
          env.AZURE_CLIENT_SECRET,
          env.IBMCLOUD_API_KEY,
        ]) {
          if (secret) expect(read.masked).toContain(secret)
        }
        if (read.error !== undefined) {
          expect(read.error).toBeInstanceOf(InputError)
          expect((read.error as InputError).fix).toBeTruthy()
          return
        }
        expect(read.config).toBeDefined()
        if (!read.config) return
        const { provider, settings } = read.config
        expect(settings.envVar).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
        expect(settings.timeoutSeconds).toBeGreaterThanOrEqual(1)
        expect(settings.maxAttempts).toBeLessThanOrEqual(10)
        if (provider.name === 'azure') {
          const config = readAzureConfig(inputsOf(inputs, env))
          expect(config.scope).toMatch(/^\S+$/)
          if ('authorityHost' in config) expect(config.authorityHost).toMatch(/^https:\/\/[^@]+$/)
          if ('tenantId' in config && config.tenantId) expect(config.tenantId).not.toMatch(/^\.+$|[/?#%]/)
        } else {
          const config = readIbmConfig(inputsOf(inputs, env))
          const endpoint = 'iamEndpoint' in config ? config.iamEndpoint : config.metadataEndpoint
          expect(endpoint).toMatch(/^(https:\/\/|http:\/\/(127\.0\.0\.1|\[::1\]|169\.254\.169\.254))/)
          if ('apiKey' in config) expect(config.apiKey).toBeTruthy()
        }
      }),
      { numRuns: 3000 },
    )
  })
})
