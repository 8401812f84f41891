import { Deadline } from '../src/io/deadline.ts'
import type { HttpRequest, HttpResponse, Transport } from '../src/io/http.ts'
import { Secrets } from '../src/log/secrets.ts'
import type { ProviderContext } from '../src/providers/provider.ts'

/** A transport that plays answers (or throws errors) in turn and keeps every request it was sent. */
interface ScriptedTransport extends Transport {
  sent: HttpRequest[]
}

/** Answers in turn: a response, an Error to throw, or a function of the request. */
export type Scripted = HttpResponse | Error | ((request: HttpRequest) => HttpResponse)

/** See ScriptedTransport. Runs out loudly: a request nobody scripted fails the test. */
export function scriptedTransport(...steps: Scripted[]): ScriptedTransport {
  const sent: HttpRequest[] = []
  return {
    sent,
    async send(request) {
      sent.push(request)
      const step = steps.shift()
      if (!step) throw new Error(`unscripted request: ${request.method} ${request.url}`)
      if (step instanceof Error) throw step
      return typeof step === 'function' ? step(request) : step
    },
    dispose() {},
  }
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

/** A provider context for unit tests: no sleeping, a real Secrets (its registered masks kept), the given transport. */
export function providerContext(
  transport: Transport,
  overrides: Partial<ProviderContext> = {},
): ProviderContext & { masked: string[]; secrets: Secrets; lines: string[] } {
  const masked: string[] = []
  const lines: string[] = []
  const secrets = new Secrets(secret => void masked.push(secret))
  const deadline = new Deadline(60, Date.now)
  return {
    transport,
    retry: { maxAttempts: 3, deadline, sleep: async () => {}, random: () => 0.5, now: Date.now },
    deadline,
    mask: secret => secrets.add(secret),
    redact: secrets.redact,
    debug: message => void lines.push(`debug ${message}`),
    info: message => void lines.push(`info ${message}`),
    env: {},
    readFile: async () => {
      throw new Error('no files in this test')
    },
    now: Date.now,
    masked,
    secrets,
    lines,
    ...overrides,
  }
}
