import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HttpRequest, HttpResponse, Transport } from '../../src/io/http.ts'
import { run, type Core, type RunDeps } from '../../src/main.ts'

const NOW = Date.parse('2026-11-24T12:00:00Z')
// header.claims.signature, claims: {"iam_id":"IBMid-1","account":{"bss":"acct"}}
const TOKEN = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"iam_id":"IBMid-1","account":{"bss":"acct"}}').toString('base64url')}.c2lnbmF0dXJl`

/** A core that records what a run does, in order, as the runner would see it. */
function recordingCore(inputs: Record<string, string>): { core: Core; calls: string[]; summary: string[] } {
  const calls: string[] = []
  const summary: string[] = []
  const summaryApi = {
    addHeading(text: string) {
      summary.push(`# ${text}`)
      return summaryApi
    },
    addTable(rows: unknown[][]) {
      summary.push(JSON.stringify(rows))
      return summaryApi
    },
    async write() {
      calls.push('summary.write')
      return summaryApi
    },
  }
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    setSecret: (value: string) => calls.push(`mask ${value}`),
    setOutput: (name: string, value: unknown) => calls.push(`output ${name}=${String(value)}`),
    exportVariable: (name: string, value: unknown) => calls.push(`env ${name}=${String(value)}`),
    setFailed: (message: string | Error) => calls.push(`failed ${String(message)}`),
    info: (message: string) => calls.push(`info ${message}`),
    warning: (message: string | Error) => calls.push(`warning ${String(message)}`),
    debug: (message: string) => calls.push(`debug ${message}`),
    isDebug: () => false,
    summary: summaryApi,
  } as unknown as Core
  return { core, calls, summary }
}

function transport(responses: HttpResponse[]): Transport & { sent: HttpRequest[]; disposed: boolean } {
  const t = {
    sent: [] as HttpRequest[],
    disposed: false,
    async send(request: HttpRequest) {
      t.sent.push(request)
      const next = responses.shift()
      if (!next) throw new Error('unexpected request')
      return next
    },
    dispose() {
      t.disposed = true
    },
  }
  return t
}

/** The runner's files exist (the run checks them first); the recording core writes nothing to them. */
let runnerEnv: Record<string, string>
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'get-token-main-'))
  runnerEnv = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_ENV: join(dir, 'env') }
  await Promise.all(Object.values(runnerEnv).map(file => writeFile(file, '')))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

function deps(core: Core, t: Transport): RunDeps {
  return {
    core,
    env: runnerEnv,
    transport: t,
    now: () => NOW,
    sleep: async () => {},
    random: () => 0.5,
    readFile: () => async () => '',
  }
}

describe('run', () => {
  it('reads inputs, fetches the token, then masks before it publishes', async () => {
    const { core, calls, summary } = recordingCore({
      provider: 'ibm',
      'api-key': 'the-api-key',
      'iam-endpoint': 'https://iam.test.cloud.ibm.com',
    })
    const t = transport([
      {
        status: 200,
        headers: {},
        body: JSON.stringify({ access_token: TOKEN, expiration: NOW / 1000 + 3600, expires_in: 3600 }),
      },
    ])
    await run(deps(core, t))
    expect(t.sent.map(r => `${r.method} ${r.url}`)).toEqual(['POST https://iam.test.cloud.ibm.com/identity/token'])
    expect(calls).toEqual([
      'mask the-api-key',
      `mask ${TOKEN}`,
      'mask c2lnbmF0dXJl',
      `output token=${TOKEN}`,
      'output token-type=Bearer',
      'output expires-on=2026-11-24T13:00:00.000Z',
      'output expires-in=3600',
      'output principal-id=IBMid-1',
      'output account-id=acct',
      `env ACCESS_TOKEN=${TOKEN}`,
      'info Token from IBM Cloud IAM (api-key) for IBMid-1, expires 2026-11-24T13:00:00.000Z (in 60 min); exported as $ACCESS_TOKEN.',
      'summary.write',
    ])
    expect(summary.join('\n')).toContain('acct')
    expect(summary.join('\n')).not.toContain(TOKEN)
    expect(t.disposed).toBe(true)
  })

  it('fails with one message and sends nothing when an input is wrong', async () => {
    const { core, calls } = recordingCore({ provider: 'ibm', 'api-key': 'k', 'env-var': 'LD_PRELOAD' })
    const t = transport([])
    await run(deps(core, t))
    expect(t.sent).toEqual([])
    expect(calls.filter(c => c.startsWith('failed'))).toHaveLength(1)
    expect(calls.at(-1)).toMatch(/^failed Input 'env-var' is 'LD_PRELOAD'.*\nFix: /s)
  })

  // The log wrapper's own redaction of warnings is tested alone in redaction-layers.test.ts.
  it('a job summary it cannot write is a warning, its secret redacted also where escape sequences split it', async () => {
    const { core, calls } = recordingCore({ provider: 'ibm', 'api-key': 'the-api-key-value' })
    ;(core.summary as unknown as { write: () => Promise<never> }).write = async () => {
      throw new Error('EACCES: cannot write the-api-\u001b[0mkey-value')
    }
    const t = transport([{ status: 200, headers: {}, body: JSON.stringify({ access_token: TOKEN, expires_in: 60 }) }])
    await run(deps(core, t))
    expect(calls.filter(c => c.startsWith('warning'))).toEqual([
      'warning Could not write the job summary: EACCES: cannot write ***',
    ])
  })

  it('redacts the final ::error:: itself: an unexpected error that carries a secret nobody redacted', async () => {
    const { core, calls } = recordingCore({ provider: 'ibm', 'api-key': 'the-api-key-value' })
    const t = transport([{ status: 503, headers: {}, body: '' }])
    const failingSleep = async () => {
      throw new Error(`timer broke holding the-api-key-value (${Buffer.from('the-api-key-value').toString('base64')})`)
    }
    await run({ ...deps(core, t), sleep: failingSleep })
    expect(calls.filter(c => c.startsWith('failed'))).toEqual([
      'failed get-token failed unexpectedly: timer broke holding *** (***)\nFix: re-run with debug logging (ACTIONS_STEP_DEBUG) and report the issue with that log.',
    ])
  })

  it('retries through the injected sleep and logs each retry', async () => {
    const { core, calls } = recordingCore({ provider: 'ibm', 'api-key': 'k' })
    const t = transport([
      { status: 503, headers: { 'retry-after': '2' }, body: '' },
      { status: 200, headers: {}, body: JSON.stringify({ access_token: TOKEN, expires_in: 60 }) },
    ])
    await run(deps(core, t))
    expect(t.sent).toHaveLength(2)
    expect(calls).toContain('info Retrying in 2.0 s (attempt 2 of 3): HTTP 503')
    expect(calls.some(c => c.startsWith('failed'))).toBe(false)
  })
})
