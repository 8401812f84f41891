/**
 * The paths the bench times: get-token's bundle on three auth types, the official clients, and
 * the floors (bare `fetch` for each provider's requests, @actions/core alone, Node start-up).
 * path-kinds.ts knows how each kind starts a run and tells that the run got a token.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  startEntraId,
  type EntraEmulator,
} from '../test-support/emulators/entra-id.ts'
import { startIbmIam, type IbmIamEmulator } from '../test-support/emulators/ibm-iam.ts'
import { runNode } from '../test-support/process.ts'
import { FIXTURES, ROOT } from '../test-support/run-action.ts'
import { BENCH, actionPath, runnerFiles, scriptPath, type Path } from './path-kinds.ts'

const API_KEY = 'bench-api-key-0123456789abcdef'
const PROFILE_ID = 'Profile-bench-0000-1111-2222-333333333333'
/** The resource the Azure paths ask a token for. */
export const RESOURCE = 'https://x.azurehealthcareapis.com'
const CA_FILE = join(FIXTURES, 'tls-cert.pem')

/** The id of the Node start-up row, which the "over Node start-up" ratios subtract. */
export const STARTUP = 'node-startup'

/** The emulators the paths talk to. */
interface Emulators {
  ibm: IbmIamEmulator
  entra: EntraEmulator
}

/** IBM IAM with the bench's API key and trusted profile, and Entra ID, on loopback. */
export async function startEmulators(): Promise<Emulators> {
  const ibm = await startIbmIam({
    apiKeys: {
      [API_KEY]: { iamId: 'iam-ServiceId-bench', sub: 'ServiceId-bench', account: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' },
    },
    profiles: [
      {
        id: PROFILE_ID,
        crn: `crn:v1:bluemix:public:iam-identity::a/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6::profile:${PROFILE_ID}`,
        name: 'bench-profile',
        account: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
        trustedIamIds: ['iam-ServiceId-bench'],
        trustedCrTokens: [],
      },
    ],
  })
  const entra = await startEntraId()
  return { ibm, entra }
}

/** ncc, the action's own build options, into bench/.build (git-ignored). Reused in quick mode when fresh. */
export async function buildCoreOnlyFloor(quick: boolean): Promise<string> {
  const source = join(BENCH, 'floor', 'core-only.ts')
  const outDir = join(BENCH, '.build', 'core-only')
  const bundle = join(outDir, 'index.js')
  const fresh =
    existsSync(bundle) &&
    statSync(bundle).mtimeMs > Math.max(statSync(source).mtimeMs, statSync(join(ROOT, 'package-lock.json')).mtimeMs)
  if (quick && fresh) return bundle
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const { code, stderr } = await runNode([ncc, 'build', source, '-o', outDir, '-m', '--no-source-map-register', '-q'], {
    env: { ...process.env },
    cwd: ROOT,
  })
  if (code !== 0 || !existsSync(bundle)) throw new Error(`ncc could not build the core-only floor:\n${stderr}`)
  return bundle
}

/**
 * Every path, in the order of the report. `entry` is the action bundle to run; the temporary
 * directories the runs write to are added to `cleanup`.
 */
export function definePaths(emulators: Emulators, floorBundle: string, entry: string, cleanup: string[]): Path[] {
  return [...actionPaths(emulators, entry, cleanup), ...scriptPaths(emulators, floorBundle, cleanup)]
}

/** Requests per token on the Azure rows, and the floor that sends the same two. */
function azureRequests(entra: EntraEmulator) {
  return { emulator: entra, minRequests: 2, requestNote: 'discovery + token', floor: 'floor-fetch-azure' }
}

/** get-token's bundle on IBM api-key, IBM trusted-profile and Azure client-secret. */
function actionPaths({ ibm, entra }: Emulators, entry: string, cleanup: string[]): Path[] {
  const ibmInputs = { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': ibm.url }
  const run = { entry, cleanup }
  return [
    actionPath(
      { ...run, id: 'action-ibm', label: 'get-token, IBM api-key', emulator: ibm, minRequests: 1, client: 'ibm-sdk' },
      ibmInputs,
    ),
    actionPath(
      {
        ...run,
        id: 'action-ibm-tp',
        label: 'get-token, IBM trusted-profile',
        emulator: ibm,
        minRequests: 2,
        requestNote: 'api key + assume',
      },
      { ...ibmInputs, 'profile-id': PROFILE_ID },
    ),
    actionPath(
      {
        ...run,
        id: 'action-azure',
        label: 'get-token, Azure client-secret',
        ...azureRequests(entra),
        client: 'azure-identity',
      },
      {
        provider: 'azure',
        'auth-type': 'client-secret',
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        'authority-host': entra.url,
        resource: RESOURCE,
      },
      { NODE_EXTRA_CA_CERTS: CA_FILE },
    ),
  ]
}

/** The official clients and the floors: plain scripts under bench/, and the core-only bundle. */
function scriptPaths({ ibm, entra }: Emulators, floorBundle: string, cleanup: string[]): Path[] {
  const ibmEnv = { BENCH_IAM_URL: ibm.url, BENCH_API_KEY: API_KEY }
  // The Azure paths alone trust the emulator's self-signed certificate, given at process start.
  const azureEnv = {
    BENCH_AUTHORITY_HOST: entra.url,
    BENCH_TENANT_ID: TENANT_ID,
    BENCH_CLIENT_ID: CLIENT_ID,
    BENCH_CLIENT_SECRET: CLIENT_SECRET,
    BENCH_SCOPE: `${RESOURCE}/.default`,
    NODE_EXTRA_CA_CERTS: CA_FILE,
  }
  return [
    scriptPath({
      id: 'ibm-sdk',
      label: 'ibm-cloud-sdk-core IamAuthenticator',
      group: 'client',
      script: 'clients/ibm-cloud-sdk-core.mjs',
      emulator: ibm,
      minRequests: 1,
      env: ibmEnv,
    }),
    scriptPath({
      id: 'azure-identity',
      label: '@azure/identity ClientSecretCredential',
      group: 'client',
      script: 'clients/azure-identity.mjs',
      ...azureRequests(entra),
      env: azureEnv,
    }),
    scriptPath({
      id: 'floor-fetch',
      label: 'floor: bare Node fetch (IBM request)',
      group: 'floor',
      script: 'floor/fetch.mjs',
      emulator: ibm,
      minRequests: 1,
      env: ibmEnv,
    }),
    scriptPath({
      id: 'floor-fetch-azure',
      label: 'floor: bare Node fetch (Azure requests)',
      group: 'floor',
      script: 'floor/fetch-azure.mjs',
      ...azureRequests(entra),
      env: azureEnv,
    }),
    {
      id: 'floor-core',
      label: 'floor: @actions/core, one output',
      group: 'floor',
      prepare: () => runnerFiles(floorBundle, {}, {}, cleanup, outputs => outputs.token === 'floor'),
    },
    scriptPath({
      id: STARTUP,
      label: 'floor: Node start-up (empty script)',
      group: 'floor',
      script: 'floor/empty.mjs',
      env: {},
      done: /^$/,
    }),
  ]
}
