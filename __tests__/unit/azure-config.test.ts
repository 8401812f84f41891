import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readConfig } from '../../src/config.ts'
import type { AzureConfig } from '../../src/providers/azure/config.ts'
import { FIXTURES } from '../../test-support/run-action.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '0c4e3a2b-5d6f-4a1b-9c8d-7e6f5a4b3c2d'
const pem = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const OIDC_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
}

function azure(inputs: Record<string, string>, env: Record<string, string> = {}): AzureConfig {
  const all: Record<string, string> = {
    provider: 'azure',
    'tenant-id': TENANT,
    'client-id': CLIENT,
    resource: 'https://x.azurehealthcareapis.com',
    ...inputs,
  }
  const config = readConfig({ getInput: name => all[name] ?? '', env, mask: () => undefined, warning: () => undefined })
  if (config.provider !== 'azure') throw new Error('not azure')
  return config
}

describe('readAzureConfig', () => {
  it.each([
    [{ resource: 'https://x.azurehealthcareapis.com' }, 'https://x.azurehealthcareapis.com/.default'],
    [{ resource: 'https://x/' }, 'https://x//.default'],
    [
      { resource: '', scope: 'https://x.azurehealthcareapis.com/.default' },
      'https://x.azurehealthcareapis.com/.default',
    ],
  ])('turns %j into scope %s', (inputs, scope) => {
    expect(azure({ 'client-secret': 's3cret-value', ...inputs }).scope).toBe(scope)
  })

  it.each([
    [{ scope: 'https://x/.default' }, "Input 'scope' cannot be used together with resource"],
    [{ resource: '' }, "Input 'resource' is required"],
  ])('refuses %j', (inputs, message) => {
    expect(() => azure({ 'client-secret': 's3cret-value', ...inputs })).toThrow(message)
  })

  it.each([
    ['AzurePublicCloud', 'api://AzureADTokenExchange', 'https://login.microsoftonline.com'],
    ['AzureUSGovernment', 'api://AzureADTokenExchangeUSGov', 'https://login.microsoftonline.us'],
    ['AzureChinaCloud', 'api://AzureADTokenExchangeChina', 'https://login.chinacloudapi.cn'],
  ])('cloud %s: oidc-audience %s, authority %s', (cloud, audience, authority) => {
    const config = azure({ 'auth-type': 'oidc', cloud }, OIDC_ENV)
    expect(config.oidcAudience).toBe(audience)
    expect(config.authorityHost).toBe(authority)
    expect(config.disableInstanceDiscovery).toBe(false)
  })

  it('oidc-audience overrides the cloud default; authority-host disables instance discovery', () => {
    const config = azure(
      {
        'auth-type': 'oidc',
        cloud: 'AzureUSGovernment',
        'oidc-audience': 'api://Custom',
        'authority-host': 'https://localhost:8443/',
      },
      OIDC_ENV,
    )
    expect(config.oidcAudience).toBe('api://Custom')
    expect(config.authorityHost).toBe('https://localhost:8443')
    expect(config.disableInstanceDiscovery).toBe(true)
  })

  it.each([
    [
      'secret and certificate',
      'client-secret',
      { 'client-secret': 's3cret-value', 'client-certificate': `${pem('client-key.pem')}${pem('client-cert.pem')}` },
    ],
    [
      'certificate',
      'client-certificate',
      { 'client-certificate': `${pem('client-key.pem')}${pem('client-cert.pem')}` },
    ],
    ['only the OIDC request variables', 'oidc', {}],
  ])('auto, given %s → %s', (_given, authType, inputs) => {
    expect(azure(inputs, OIDC_ENV).authType).toBe(authType)
  })

  it('auto with nothing: names permissions: id-token: write', () => {
    expect(() => azure({})).toThrow(
      expect.objectContaining({
        message: "Input 'auth-type' is auto, but no Azure credential was given.",
        fix: expect.stringContaining('permissions: id-token: write'),
      }),
    )
  })

  it.each([
    [`${pem('client-key.pem')}${pem('client-cert.pem')}`, ''],
    [`${pem('client-cert.pem')}${pem('client-key.pem')}`, ''],
    [`${pem('client-key-encrypted.pem')}${pem('client-cert.pem')}`, 'correct-horse-battery'],
    [`${pem('client-cert.pem')}${pem('client-key-encrypted.pem')}`, 'correct-horse-battery'],
  ])('accepts a readable key and certificate in either order (%#)', (certificate, password) => {
    const config = azure({ 'client-certificate': certificate, 'client-certificate-password': password })
    expect(config.authType).toBe('client-certificate')
    expect(config.certificatePassword).toBe(password)
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
})
