import { join } from 'node:path'
import { CLIENT_ID, TENANT_ID } from './emulators/entra-id.ts'
import { FIXTURES, runAction, type ActionRun, type RunOptions } from './run-action.ts'

/** The action's own process trusts the emulators' test certificate, as a runner would a private CA. */
export const TRUST_TEST_CA = { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem') }

/** The FHIR audience the Entra emulator knows. */
export const RESOURCE = 'https://x.azurehealthcareapis.com'

type Step = (
  inputs?: Record<string, string>,
  env?: Record<string, string>,
  options?: Omit<RunOptions, 'inputs' | 'env'>,
) => Promise<ActionRun>

/** An IBM step against an IAM emulator (started later: its URL is read at each run). */
export function ibmStep(iam: () => { url: string }, fixed: Record<string, string> = {}): Step {
  return (inputs = {}, env = {}, options = {}) =>
    runAction({ inputs: { provider: 'ibm', 'iam-endpoint': iam().url, ...fixed, ...inputs }, env, ...options })
}

/** An Azure step signing in as the Entra emulator's default app, for RESOURCE. */
export function azureStep(entra: () => { url: string }, fixed: Record<string, string> = {}): Step {
  return (inputs = {}, env = {}, options = {}) =>
    runAction({
      inputs: {
        provider: 'azure',
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'authority-host': entra().url,
        resource: RESOURCE,
        ...fixed,
        ...inputs,
      },
      env: { ...TRUST_TEST_CA, ...env },
      ...options,
    })
}
