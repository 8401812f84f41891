/**
 * Every provider code in README's troubleshooting table gets its own fix, checked against
 * expectations written here (not read back from the hint tables, so a deleted hint fails).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serviceError, type LastAnswer } from '../../src/io/service-error.ts'
import type { AzureConfig } from '../../src/providers/azure/config.ts'
import { entraErrors } from '../../src/providers/azure/errors.ts'
import { AZURE_HINTS } from '../../src/providers/azure/hints.ts'
import { iamErrors } from '../../src/providers/ibm/errors.ts'
import { IBM_HINTS } from '../../src/providers/ibm/hints.ts'
import { SECRET_APP } from '../../test-support/azure-config.ts'
import { entraErrorBody } from '../../test-support/emulators/entra-id.ts'
import { ROOT } from '../../test-support/run-action.ts'

const AADSTS: Array<[code: string, fix: RegExp]> = [
  ['7000215', /secret's Value .* not its Secret ID/],
  ['7000222', /client secret has expired: create a new one/],
  ['700016', /no app with this client-id in this tenant/],
  ['70021', /no federated credential on the app matches/],
  ['700211', /matches the token's issuer/],
  ['700212', /matches the token's audience/],
  ['700213', /matches the token's subject/],
  ['7002137', /names the subject the credential should have/],
  ['7002138', /differs from the token's sub only in letter case/],
  ['700024', /outside its time window: check the runner's clock/],
  ['700027', /certificate is not registered on the app/],
  ['90002', /tenant was not found: check tenant-id and cloud/],
  ['90033', /transient problem: re-run the job/],
  ['500011', /resource principal was not found in the tenant: check resource \/ scope/],
  ['1002012', /must end in \/\.default/],
  ['53003', /Conditional Access policy blocks tokens for this identity .* re-running does not help\. An admin must/],
  ['7000112', /app \(or its service principal\) is disabled in this tenant: an admin must enable it/],
  ['700025', /allow public client flows, .* set "Allow public client flows" to No/],
  ['50059', /could not tell which tenant .* not 'common' or 'organizations'/],
]

/** Workload identity federates the AKS cluster, not GitHub: these codes get a fix of their own. */
const WORKLOAD_IDENTITY: Array<[code: string, fix: RegExp]> = [
  ['70021', /matches the runner pod's service account token: add one with the cluster's OIDC issuer/],
  ['700211', /register the AKS cluster's OIDC issuer/],
  ['700212', /api:\/\/AzureADTokenExchange for AKS workload identity/],
  ['700213', /register system:serviceaccount:<namespace>:<service account> of the runner pod/],
  ['7002138', /differs from the token's sub only in letter case/],
  ['700024', /the federated token is outside its time window: the kubelet refreshes the projected token/],
]

const BXNIM: Array<[code: string, fix: RegExp]> = [
  ['BXNIM0415E', /API key does not exist in this account/],
  ['BXNIM0407E', /check that api-key holds the whole key/],
  ['BXNIM0408E', /refresh token has expired/],
  ['BXNIM0398E', /may not assume the trusted profile: add a trust relationship/],
]

const config = SECRET_APP
const troubleshooting = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n## Troubleshooting\n')[1] ?? ''

const answer = (service: string, status: number, body: unknown): LastAnswer => ({
  service,
  response: { status, headers: {}, body: JSON.stringify(body) },
  attempts: 1,
})
const refusal = (code: string, signIn: AzureConfig = config) =>
  serviceError(
    answer('Entra ID', 400, entraErrorBody('invalid_request', Number(code), 'something went wrong.')),
    entraErrors('the token request', signIn, undefined),
    text => text,
  )

describe('AADSTS fixes', () => {
  it.each(AADSTS)('AADSTS%s', (code, fix) => {
    const error = refusal(code)
    expect(error.message).toContain(`AADSTS${code}`)
    expect(error.fix).toMatch(fix)
    expect(troubleshooting).toMatch(new RegExp(`AADSTS${code}\\b|\\b${code}\\b`))
  })

  it.each(WORKLOAD_IDENTITY)('AADSTS%s with workload-identity', (code, fix) => {
    expect(refusal(code, { ...config, authType: 'workload-identity', tokenFile: '/var/run/token' }).fix).toMatch(fix)
  })

  it('every code with a fix has its row above (a new hint comes with its test)', () => {
    expect(Object.keys(AZURE_HINTS.byCode).sort()).toEqual(AADSTS.map(([code]) => `AADSTS${code}`).sort())
    expect(Object.keys(AZURE_HINTS.byAuthType)).toEqual(['workload-identity'])
    expect(Object.keys(AZURE_HINTS.byAuthType['workload-identity'] ?? {}).sort()).toEqual(
      WORKLOAD_IDENTITY.map(([code]) => `AADSTS${code}`).sort(),
    )
  })

  it('an unknown code links to its page', () => {
    expect(refusal('123456').fix).toBe('look up AADSTS123456 at https://login.microsoftonline.com/error?code=123456.')
  })
})

describe('BXNIM fixes', () => {
  const iam = (code: string) => answer('IBM Cloud IAM', 400, { errorCode: code, errorMessage: 'm' })

  it.each(BXNIM)('%s', (code, fix) => {
    expect(serviceError(iam(code), iamErrors('the API key', 'api-key'), t => t).fix).toMatch(fix)
    expect(troubleshooting).toContain(code)
  })

  it('every code with a fix has its row above (a new hint comes with its test)', () => {
    expect(Object.keys(IBM_HINTS.byCode).sort()).toEqual(BXNIM.map(([code]) => code).sort())
    expect(Object.keys(IBM_HINTS.byAuthType)).toEqual(['compute-resource'])
  })

  it('BXNIM0407E on compute-resource is about the CR token', () => {
    expect(serviceError(iam('BXNIM0407E'), iamErrors('the CR token', 'compute-resource'), t => t).fix).toMatch(
      /^the compute resource token is not valid/,
    )
  })
})
