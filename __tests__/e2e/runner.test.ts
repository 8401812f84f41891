/**
 * The runner contract (interface.md "Outputs", "Behaviour", "Edges: broken runners"): what a run
 * leaves in the runner's files and log, with debug logging off and on, and the bundle as runners
 * get it. Runs the built dist/index.js against loopback emulators.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  TENANT_ID,
  defaultApp,
  fixture,
  startEntraId,
  type EntraEmulator,
} from '../../test-support/emulators/entra-id.ts'
import { startGitHubOidc } from '../../test-support/emulators/github-oidc.ts'
import { serviceAccountIssuer } from '../../test-support/emulators/kubernetes.ts'
import { startManagedIdentity } from '../../test-support/emulators/managed-identity.ts'
import {
  API_KEY,
  CR_TOKEN,
  OTHER_KEY,
  PROFILE,
  iamErrorBody,
  startDefaultIbmIam,
  startIbmIam,
  type IbmIamEmulator,
} from '../../test-support/emulators/ibm-iam.ts'
import { expectOneError } from '../../test-support/assertions.ts'
import { errorLines, leaks, maskLine, stackTraces, STACK_FRAME } from '../../test-support/leaks.ts'
import { ROOT, runAction } from '../../test-support/run-action.ts'
import { RESOURCE, TRUST_TEST_CA, ibmStep } from '../../test-support/steps.ts'

let iam: IbmIamEmulator
let entra: EntraEmulator
let tmp: string

beforeAll(async () => {
  iam = await startDefaultIbmIam()
  entra = await startEntraId({ resources: [RESOURCE] })
  tmp = await mkdtemp(join(tmpdir(), 'get-token-runner-'))
})
afterAll(async () => {
  await Promise.all([iam.close(), entra.close()])
  await rm(tmp, { recursive: true, force: true })
})
beforeEach(() => iam.reset())

const ibm = ibmStep(() => iam, { 'api-key': API_KEY })

describe('publishing needs the runner files', () => {
  it.each(['GITHUB_OUTPUT', 'GITHUB_ENV'])(
    '%s unset: fails naming it, no ::set-output / ::set-env, no request',
    async name => {
      const run = await ibm({}, {}, { unset: [name] })
      const error = expectOneError(run, [API_KEY])
      expect(error).toContain(`${name} is not set`)
      expect(run.stdout).not.toMatch(/::set-(output|env)/)
      expect(iam.requests).toHaveLength(0)
    },
  )

  it('GITHUB_ENV unset is fine with export-env: false', async () => {
    const run = await ibm({ 'export-env': 'false' }, {}, { unset: ['GITHUB_ENV'] })
    expect(run.code).toBe(0)
    expect(run.outputs.token).toBe(iam.issued.at(-1))
  })

  it.each([
    ['a directory', async (path: string) => mkdir(path), 'is a directory'],
    ['a missing file', async () => undefined, 'does not exist'],
    ...(process.platform === 'win32'
      ? []
      : [
          [
            'a FIFO nobody reads',
            async (path: string) => void spawnSync('mkfifo', [path]),
            'is a FIFO that nobody reads',
          ] as const,
        ]),
  ])('GITHUB_ENV is %s: fails naming it and leaves no token output', async (_, make, problem) => {
    const path = join(tmp, `env-${Math.random().toString(36).slice(2)}`)
    await make(path)
    const run = await ibm({}, { GITHUB_ENV: path })
    expect(expectOneError(run, [API_KEY])).toContain(`GITHUB_ENV (${path}) ${problem}`)
    expect(run.outputs).toEqual({})
  })

  ;(process.platform === 'linux' ? it : it.skip)(
    'a write that fails halfway (GITHUB_ENV is /dev/full) leaves no token output behind',
    async () => {
      const run = await ibm({}, { GITHUB_ENV: '/dev/full' })
      expect(expectOneError(run, [API_KEY])).toContain('Could not hand the token to later steps: ENOSPC')
      expect(run.outputs).toEqual({})
    },
  )

  it('masks the token before the outputs are written (stdout and GITHUB_OUTPUT as one stream)', async () => {
    const run = await ibm({}, {}, { stdoutIntoOutputFile: true })
    expect(run.code).toBe(0)
    const token = iam.issued.at(-1) ?? ''
    const mask = run.lines.indexOf(`::add-mask::${token}`)
    const output = run.lines.findIndex(line => line.startsWith('token<<'))
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(output).toBeGreaterThan(mask)
    expect(run.lines[output + 1]).toBe(token)
  })
})

describe('stack traces', () => {
  it('are printed only with debug logging on, on the debug line, and no secret with them', async () => {
    iam.fail({ status: 400, body: iamErrorBody('BXNIM0415E', 'Provided API key could not be found.') })
    const quiet = await ibm({ 'api-key': API_KEY })
    expectOneError(quiet, [API_KEY])
    expect(quiet.lines.some(line => line.startsWith('::debug::'))).toBe(false)

    iam.fail({ status: 400, body: iamErrorBody('BXNIM0415E', 'Provided API key could not be found.') })
    const debug = await ibm({ 'api-key': API_KEY }, { RUNNER_DEBUG: '1' })
    const stack = debug.lines.filter(line => line.startsWith('::debug::ServiceError'))
    expect(stack).toHaveLength(1)
    expect(stack[0]).toMatch(STACK_FRAME) // the frames are there, on the debug line only
    expect(stackTraces(debug)).toEqual([])
    expect(leaks(debug, [API_KEY])).toEqual([])
  })
})

describe.each([
  ['debug off', {}],
  ['RUNNER_DEBUG=1', { RUNNER_DEBUG: '1' }],
])('no secret in any log line, summary or error (%s)', (_, debugEnv) => {
  const secretsOf = () => [API_KEY, CR_TOKEN, ...iam.issued, ...iam.issued.map(t => t.split('.')[2] ?? '')]
  const scenarios: Array<[string, { inputs: Record<string, string>; code: 0 | 1; arrange?: () => void }]> = [
    ['api-key success', { inputs: { 'api-key': API_KEY }, code: 0 }],
    ['trusted-profile success', { inputs: { 'api-key': API_KEY, 'profile-id': PROFILE.id }, code: 0 }],
    ['trusted-profile refused', { inputs: { 'api-key': OTHER_KEY, 'profile-id': PROFILE.id }, code: 1 }],
    [
      '5xx then success',
      {
        inputs: { 'api-key': API_KEY },
        code: 0,
        arrange: () => iam.fail({ status: 502, body: iamErrorBody('BXNIM0000E', 'bad gateway') }),
      },
    ],
    [
      'server echoes the key back',
      {
        inputs: { 'api-key': API_KEY, 'max-attempts': '1' },
        code: 1,
        arrange: () =>
          iam.fail({
            status: 400,
            body: iamErrorBody('BXNIM0415E', `Provided API key ${API_KEY} could not be found.`),
          }),
      },
    ],
    ['input error after the key was read', { inputs: { 'api-key': API_KEY, 'env-var': 'NODE_OPTIONS' }, code: 1 }],
  ]
  it.each(scenarios)('%s', async (_name, { inputs, code, arrange }) => {
    arrange?.()
    const run = await ibm(inputs, debugEnv)
    expect(run.code).toBe(code)
    expect(leaks(run, secretsOf())).toEqual([])
    if (code === 1) {
      expect(errorLines(run)).toHaveLength(1)
      expect(run.outputs).toEqual({})
      return
    }
    const token = run.outputs.token ?? ''
    expect(token).toBe(iam.issued.at(-1))
    const masked = maskLine(run, token)
    expect(masked).toBeGreaterThanOrEqual(0)
    expect(masked).toBeLessThan(run.lines.findIndex(line => line.startsWith('Token from')))
  })
})

describe('the bundle is self-contained', () => {
  test('dist/ copied away from node_modules gets an Azure token, the SDK path too (no install at run time)', async () => {
    const source = process.env.GET_TOKEN_ENTRY ? dirname(process.env.GET_TOKEN_ENTRY) : join(ROOT, 'dist')
    const dir = await mkdtemp(join(tmpdir(), 'get-token-dist-only-'))
    const msi = await startManagedIdentity()
    try {
      await cp(source, dir, { recursive: true })
      const app = await runAction({
        entry: join(dir, 'index.js'),
        inputs: {
          provider: 'azure',
          'tenant-id': TENANT_ID,
          'client-id': CLIENT_ID,
          'client-secret': CLIENT_SECRET,
          'authority-host': entra.url,
          resource: RESOURCE,
        },
        env: TRUST_TEST_CA,
      })
      expect(errorLines(app)).toEqual([])
      expect(app.code).toBe(0)
      const managed = await runAction({
        entry: join(dir, 'index.js'),
        inputs: { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE },
        env: msi.env,
      })
      expect(errorLines(managed)).toEqual([])
      expect(managed.outputs.token).toBe(msi.issued[0])
    } finally {
      await msi.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

/** A copy of dist/ without the chunks that hold @azure/identity: what a path that must not load it runs. */
async function withoutSdkChunks(use: (entry: string) => Promise<void>): Promise<void> {
  const source = process.env.GET_TOKEN_ENTRY ? dirname(process.env.GET_TOKEN_ENTRY) : join(ROOT, 'dist')
  const dir = await mkdtemp(join(tmpdir(), 'get-token-no-azure-sdk-'))
  try {
    await cp(source, dir, { recursive: true })
    const entry = join(dir, 'index.js')
    expect(await readFile(entry, 'utf8')).not.toMatch(/azsdk-js-identity|@azure\/msal-node/)
    const deleted: string[] = []
    for (const name of await readdir(dir)) {
      if (name === 'index.js' || !name.endsWith('.js')) continue
      if (/azsdk-js-identity|msal-node|ManagedIdentityCredential/.test(await readFile(join(dir, name), 'utf8'))) {
        await rm(join(dir, name))
        deleted.push(name)
      }
    }
    expect(deleted.length).toBeGreaterThan(0)
    await use(entry)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('only managed-identity and azure-cli load @azure/identity', () => {
  test('an IBM api-key run succeeds with the Azure SDK chunks deleted from the bundle', async () => {
    const own = await startIbmIam({
      apiKeys: { 'ibm-api-key-0123456789abcdef': { iamId: 'IBMid-123', sub: 'ci@example.com', account: 'acct-1' } },
    })
    try {
      await withoutSdkChunks(async entry => {
        const run = await runAction({
          entry,
          inputs: { provider: 'ibm', 'api-key': 'ibm-api-key-0123456789abcdef', 'iam-endpoint': own.url },
        })
        expect(errorLines(run)).toEqual([])
        expect(run.code).toBe(0)
        expect(run.outputs.token).toBe(own.issued[0])
      })
    } finally {
      await own.close()
    }
  })

  test('every app sign-in succeeds with the Azure SDK chunks deleted from the bundle', async () => {
    const github = await startGitHubOidc()
    const aks = serviceAccountIssuer()
    const app = defaultApp()
    const subject = 'system:serviceaccount:arc-runners:arc-runner'
    app.federatedCredentials?.push({ issuer: aks.issuer, subject, audience: 'api://AzureADTokenExchange' })
    const federated = await startEntraId({
      resources: [RESOURCE],
      apps: [app],
      oidcPublicKey: github.publicKey,
      federatedIssuers: [{ issuer: aks.issuer, publicKey: aks.publicKey }],
    })
    const tokenFile = join(tmp, 'sdk-less-token')
    await writeFile(tokenFile, aks.token())
    const signIns: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['client-secret', { 'client-secret': CLIENT_SECRET }, {}],
      ['client-certificate', { 'client-certificate': `${fixture('client-key.pem')}${fixture('client-cert.pem')}` }, {}],
      ['oidc', {}, github.env],
      ['workload-identity', { 'federated-token-file': tokenFile }, {}],
    ]
    try {
      await withoutSdkChunks(async entry => {
        for (const [authType, inputs, env] of signIns) {
          const run = await runAction({
            entry,
            inputs: {
              provider: 'azure',
              'auth-type': authType,
              'tenant-id': TENANT_ID,
              'client-id': CLIENT_ID,
              'authority-host': federated.url,
              resource: RESOURCE,
              ...inputs,
            },
            env: { ...TRUST_TEST_CA, ...env },
          })
          expect([authType, errorLines(run)]).toEqual([authType, []])
          expect(federated.issued).toContain(run.outputs.token)
        }
      })
    } finally {
      await Promise.all([federated.close(), github.close()])
    }
  })

  test('a managed-identity run needs them: it fails without them, as a bug, not a misleading fix', async () => {
    const msi = await startManagedIdentity()
    try {
      await withoutSdkChunks(async entry => {
        const run = await runAction({
          entry,
          inputs: { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE },
          env: msi.env,
        })
        expect(run.code).toBe(1)
        expect(errorLines(run)[0]).toMatch(/get-token failed unexpectedly/)
        expect(msi.requests).toHaveLength(0)
      })
    } finally {
      await msi.close()
    }
  })
})

describe('dist/ holds only the code the action runs (stubs/README.md)', () => {
  const DIST = process.env.GET_TOKEN_ENTRY ? dirname(process.env.GET_TOKEN_ENTRY) : join(ROOT, 'dist')
  const STUB_MESSAGE = /get-token: @actions\/http-client getAgentDispatcher\(\) is not available/
  /** Text only undici's own code contains: its error codes, diagnostics channels, HTTP parser. */
  const UNDICI_MARKERS = ['UND_ERR_', 'undici:request', 'llhttp']
  const bundle = async () =>
    Promise.all(
      (await readdir(DIST))
        .filter(name => name.endsWith('.js'))
        .map(async name => [name, await readFile(join(DIST, name), 'utf8')] as const),
    )

  test('no undici: its stand-in is in index.js instead', async () => {
    const files = await bundle()
    for (const [name, text] of files) {
      expect(`${name}: ${UNDICI_MARKERS.filter(marker => text.includes(marker)).join(', ') || 'clean'}`).toBe(
        `${name}: clean`,
      )
    }
    expect(files.filter(([, text]) => STUB_MESSAGE.test(text)).map(([name]) => name)).toEqual(['index.js'])
  })

  test('no browser opener (open and its xdg-open script)', async () => {
    expect(await readdir(DIST)).not.toContain('xdg-open')
    for (const [name, text] of await bundle())
      expect(`${name}: ${text.includes('xdg-open') ? 'xdg-open' : 'clean'}`).toBe(`${name}: clean`)
  })

  test('index.js, all that the IBM path evaluates, stays under 200 KB', async () => {
    expect((await readFile(join(DIST, 'index.js'))).length).toBeLessThan(200 * 1024)
  })

  test('the dependencies use no more of the stand-ins than they provide', async () => {
    const sources = async (dir: string) => {
      const root = join(ROOT, 'node_modules', dir)
      const names = (await readdir(root, { recursive: true })).filter(name => /\.m?js$/.test(name))
      return Promise.all(names.map(name => readFile(join(root, name), 'utf8')))
    }
    // webpack does not fail on a missing export from a stand-in: this test does.
    const fromUndici = (await sources('@actions/http-client/lib')).flatMap(text =>
      [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g)].flatMap(m =>
        (m[1] ?? '').split(',').map(name => name.trim()),
      ),
    )
    expect(fromUndici).toEqual(['ProxyAgent'])
    const jwtCalls = new Set(
      (await sources('@azure/msal-node/dist')).flatMap(text => [...text.matchAll(/\bjwt\.(\w+)/g)].map(m => m[1])),
    )
    expect([...jwtCalls]).toEqual(['sign'])
  })

  test('the stand-ins fail loudly, naming get-token, if anything ever calls them', async () => {
    const { ProxyAgent } = await import('../../stubs/undici.ts')
    expect(() => new ProxyAgent()).toThrow(STUB_MESSAGE)
    const { default: open } = await import('../../stubs/open.ts')
    await expect(open()).rejects.toThrow(/get-token: interactive browser sign-in is not supported/)
  })
})
