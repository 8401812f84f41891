/**
 * The paths the bench times: get-token's bundle on three auth types, the official clients, and
 * the floors; each knows how to start a run, and how to tell that the run got a token.
 */
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  startEntraId,
  type EntraEmulator,
} from '../test-support/emulators/entra-id.ts'
import { startIbmIam, type IbmIamEmulator } from '../test-support/emulators/ibm-iam.ts'
import type { Emulator } from '../test-support/emulators/server.ts'
import { runNode } from '../test-support/process.ts'
import { FIXTURES, ROOT, actionDefaults, parseFileCommands } from '../test-support/run-action.ts'

export const BENCH = join(ROOT, 'bench')
const API_KEY = 'bench-api-key-0123456789abcdef'
const PROFILE_ID = 'Profile-bench-0000-1111-2222-333333333333'
const RESOURCE = 'https://x.azurehealthcareapis.com'
const CA_FILE = join(FIXTURES, 'tls-cert.pem')

export type Group = 'action' | 'client' | 'floor'

export interface Prepared {
  args: string[]
  env: Record<string, string>
  /** Before each run (untimed): reset the runner files. */
  reset(): Promise<void>
  /** After each run (untimed): did it get a token? Throws with the process output if not. */
  verify(code: number | null, stdout: string, stderr: string): Promise<void>
}

export interface Path {
  id: string
  label: string
  group: Group
  /** The emulator whose requests it makes, for requests per token. */
  emulator?: Emulator
  /** The minimum number of requests per token on this path. */
  minRequests?: number
  /** The row to compare with in the "× official client" column. */
  client?: string
  prepare(): Promise<Prepared>
}

export interface Emulators {
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
export function definePaths({ ibm, entra }: Emulators, floorBundle: string, entry: string, cleanup: string[]): Path[] {
  const ibmInputs = { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': ibm.url }
  const run = { entry, cleanup }
  return [
    actionPath(
      { ...run, id: 'action-ibm', label: 'get-token, IBM api-key', emulator: ibm, minRequests: 1 },
      ibmInputs,
      {
        client: 'ibm-sdk',
      },
    ),
    actionPath(
      { ...run, id: 'action-ibm-tp', label: 'get-token, IBM trusted-profile', emulator: ibm, minRequests: 2 },
      { ...ibmInputs, 'profile-id': PROFILE_ID },
    ),
    actionPath(
      { ...run, id: 'action-azure', label: 'get-token, Azure client-secret', emulator: entra, minRequests: 2 },
      {
        provider: 'azure',
        'auth-type': 'client-secret',
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        'authority-host': entra.url,
        resource: RESOURCE,
      },
      { client: 'azure-identity', env: { NODE_EXTRA_CA_CERTS: CA_FILE } },
    ),
    scriptPath('ibm-sdk', 'ibm-cloud-sdk-core IamAuthenticator', 'client', 'clients/ibm-cloud-sdk-core.mjs', ibm, 1, {
      BENCH_IAM_URL: ibm.url,
      BENCH_API_KEY: API_KEY,
    }),
    scriptPath(
      'azure-identity',
      '@azure/identity ClientSecretCredential',
      'client',
      'clients/azure-identity.mjs',
      entra,
      2,
      {
        BENCH_AUTHORITY_HOST: entra.url,
        BENCH_TENANT_ID: TENANT_ID,
        BENCH_CLIENT_ID: CLIENT_ID,
        BENCH_CLIENT_SECRET: CLIENT_SECRET,
        BENCH_SCOPE: `${RESOURCE}/.default`,
        NODE_EXTRA_CA_CERTS: CA_FILE,
      },
    ),
    scriptPath('floor-fetch', 'floor: bare Node fetch (IBM request)', 'floor', 'floor/fetch.mjs', ibm, 1, {
      BENCH_IAM_URL: ibm.url,
      BENCH_API_KEY: API_KEY,
    }),
    {
      id: 'floor-core',
      label: 'floor: @actions/core, one output',
      group: 'floor',
      prepare: () => runnerFiles(floorBundle, {}, {}, cleanup, outputs => outputs.token === 'floor'),
    },
  ]
}

interface ActionRun {
  entry: string
  cleanup: string[]
  id: string
  label: string
  emulator: Emulator
  minRequests: number
}

/** A get-token path: the bundle with these inputs (and extra env), as a runner runs it. */
function actionPath(
  run: ActionRun,
  inputs: Record<string, string>,
  { client, env = {} }: { client?: string; env?: Record<string, string> } = {},
): Path {
  const gotToken = (outputs: Record<string, string>) => (outputs.token ?? '').split('.').length === 3
  return {
    id: run.id,
    label: run.label,
    group: 'action',
    emulator: run.emulator,
    minRequests: run.minRequests,
    client,
    prepare: () => runnerFiles(run.entry, inputs, env, run.cleanup, gotToken),
  }
}

/** A plain script under bench/ that prints `token <n>` when it got one. */
function scriptPath(
  id: string,
  label: string,
  group: Group,
  script: string,
  emulator: Emulator,
  minRequests: number,
  env: Record<string, string>,
): Path {
  return {
    id,
    label,
    group,
    emulator,
    minRequests,
    prepare: async () => ({
      args: [join(BENCH, script)],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
      reset: async () => {},
      verify: async (code, stdout, stderr) => {
        if (code !== 0 || !/^token \d+/m.test(stdout))
          throw new Error(`${label} failed (exit ${code}):\n${stdout}${stderr}`)
      },
    }),
  }
}

/** The runner's way: INPUT_* variables (action.yml defaults included) and the three file commands. */
async function runnerFiles(
  entry: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string>,
  cleanup: string[],
  ok: (outputs: Record<string, string>) => boolean,
): Promise<Prepared> {
  const dir = await mkdtemp(join(tmpdir(), 'get-token-bench-run-'))
  cleanup.push(dir)
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    ...files,
  }
  const defaults = Object.keys(inputs).length ? await actionDefaults() : {}
  for (const [name, value] of Object.entries({ ...defaults, ...inputs }))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  Object.assign(env, extraEnv)
  return {
    args: [entry],
    env,
    reset: async () => {
      await Promise.all(Object.values(files).map(file => writeFile(file, '')))
    },
    verify: async (code, stdout, stderr) => {
      const outputs = parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8'))
      if (code !== 0 || !ok(outputs)) throw new Error(`${entry} failed (exit ${code}):\n${stdout}${stderr}`)
    },
  }
}
