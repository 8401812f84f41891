/** interface.md's IBM inputs: auth-type auto, profiles, the IAM endpoint. */
import { describe, expect, it } from '@jest/globals'
import { readIbmConfig } from '../../src/providers/ibm/config.ts'
import { inputsOf } from '../../test-support/inputs.ts'

const ibm = (inputs: Record<string, string>, env: Record<string, string> = {}) => readIbmConfig(inputsOf(inputs, env))
const CRN = 'crn:v1:bluemix:public:iam-identity::a/acct::profile:Profile-1'

describe('auth-type auto', () => {
  it.each([
    [{ 'api-key': 'k' }, { authType: 'api-key', apiKey: 'k' }],
    [
      { 'api-key': 'k', 'profile-id': 'Profile-1' },
      { authType: 'trusted-profile', profile: { kind: 'id', id: 'Profile-1' } },
    ],
    [
      { 'profile-id': 'Profile-1' },
      { authType: 'compute-resource', profile: { kind: 'id', id: 'Profile-1' }, crTokenFile: undefined },
    ],
    [
      { 'profile-name': 'ci', 'cr-token-file': '/t' },
      { authType: 'compute-resource', profile: { kind: 'name', name: 'ci' }, crTokenFile: '/t' },
    ],
  ])('%j → %j', (inputs, config) => {
    expect(ibm(inputs)).toMatchObject(config)
  })

  it('takes the key from IBMCLOUD_API_KEY', () => {
    expect(ibm({}, { IBMCLOUD_API_KEY: 'env-key' })).toMatchObject({ authType: 'api-key', apiKey: 'env-key' })
  })

  it.each([
    [
      {},
      "Input 'api-key' is empty, and so are the other IBM credentials it looked at (the inputs api-key, profile-id, profile-crn and profile-name and the environment variable IBMCLOUD_API_KEY): there is nothing to authenticate with. A secret reference such as ${{ secrets.NAME }} arrives empty when the secret does not exist",
    ],
    [{ 'profile-crn': CRN }, "Input 'api-key' is required with profile-crn"],
    [
      { 'auth-type': 'trusted-profile', 'profile-id': 'P' },
      "Input 'api-key' is required for auth-type trusted-profile",
    ],
  ])('%j is refused', (inputs, message) => {
    expect(() => ibm(inputs)).toThrow(message)
  })
})

describe('trusted profiles', () => {
  const key = { 'api-key': 'k', 'auth-type': 'trusted-profile' }
  it.each([
    [{ 'profile-id': 'Profile-1' }, { kind: 'id', id: 'Profile-1' }],
    [{ 'profile-crn': CRN }, { kind: 'crn', crn: CRN }],
    [
      { 'profile-name': 'ci', 'account-id': 'acct' },
      { kind: 'name', name: 'ci', accountId: 'acct' },
    ],
  ])('%j', (inputs, profile) => {
    expect(ibm({ ...key, ...inputs })).toMatchObject({ profile })
  })

  it.each([
    [{}, "Input 'profile-id' is required for auth-type trusted-profile"],
    [{ 'profile-id': 'P', 'profile-crn': CRN }, "Input 'profile-crn' cannot be used together with profile-id"],
    [{ 'profile-name': 'ci' }, "Input 'account-id' is required with profile-name"],
    [{ 'profile-crn': 'nope' }, "Input 'profile-crn' is not a CRN"],
    [{ 'profile-id': 'has space' }, "Input 'profile-id' contains white space"],
  ])('%j is refused', (inputs, message) => {
    expect(() => ibm({ ...key, ...inputs })).toThrow(message)
  })

  it('compute-resource takes no CRN and no account', () => {
    expect(() => ibm({ 'auth-type': 'compute-resource', 'profile-crn': CRN })).toThrow(
      "Input 'profile-id' is required for auth-type compute-resource",
    )
  })
})

describe('iam-endpoint', () => {
  it.each([
    ['', 'https://iam.cloud.ibm.com'],
    ['https://private.iam.cloud.ibm.com/', 'https://private.iam.cloud.ibm.com'],
    ['https://iam.test.cloud.ibm.com/identity/token', 'https://iam.test.cloud.ibm.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('%j → %s', (endpoint, base) => {
    expect(ibm({ 'api-key': 'k', 'iam-endpoint': endpoint })).toMatchObject({ iamEndpoint: base })
  })

  it.each([
    ['http://iam.example.com', 'must use https'],
    ['https://iam.example.com?x=1', 'must not carry a query'],
    ['https://u:p@iam.example.com', 'must not carry credentials'],
    ['not a url', 'which is not a URL'],
  ])('%j is refused', (endpoint, message) => {
    expect(() => ibm({ 'api-key': 'k', 'iam-endpoint': endpoint })).toThrow(message)
  })
})

describe('vpc-instance', () => {
  const vpc = { 'auth-type': 'vpc-instance' }
  it.each([
    [{}, { kind: 'linked' }],
    [{ 'profile-id': 'Profile-1' }, { kind: 'id', id: 'Profile-1' }],
    [{ 'profile-crn': CRN }, { kind: 'crn', crn: CRN }],
    [
      { 'profile-name': 'ci-runner', 'account-id': 'ignored' },
      { kind: 'name', name: 'ci-runner' },
    ],
  ])('%j → profile %j, the metadata service at 169.254.169.254 by default', (inputs, profile) => {
    expect(ibm({ ...vpc, ...inputs })).toEqual({
      authType: 'vpc-instance',
      metadataEndpoint: 'http://169.254.169.254',
      profile,
    })
  })

  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://api.metadata.cloud.ibm.com', 'https://api.metadata.cloud.ibm.com'],
    ['https://api.metadata.power-iaas.cloud.ibm.com/', 'https://api.metadata.power-iaas.cloud.ibm.com'],
  ])('metadata-endpoint %s', (endpoint, base) => {
    expect(ibm({ ...vpc, 'metadata-endpoint': endpoint })).toMatchObject({ metadataEndpoint: base })
  })

  it.each([
    [{ 'profile-id': 'P', 'profile-crn': CRN }, "Input 'profile-crn' cannot be used together with profile-id"],
    [{ 'profile-id': 'P', 'profile-name': 'n' }, "Input 'profile-name' cannot be used together with profile-id"],
    [{ 'profile-crn': CRN, 'profile-name': 'n' }, "Input 'profile-name' cannot be used together with profile-crn"],
    [{ 'metadata-endpoint': 'http://10.0.0.1' }, "Input 'metadata-endpoint' must use https"],
    [
      { 'metadata-endpoint': 'http://api.metadata.cloud.ibm.com' },
      "Input 'metadata-endpoint' must use https (got http)",
    ],
    [{ 'profile-crn': 'nope' }, "Input 'profile-crn' is not a CRN"],
  ])('%j is refused', (inputs, message) => {
    expect(() => ibm({ ...vpc, ...inputs })).toThrow(message)
  })

  it('is never chosen by auto', () => {
    expect(ibm({ 'profile-id': 'P' }).authType).toBe('compute-resource')
  })
})
