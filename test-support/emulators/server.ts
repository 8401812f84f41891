import { randomBytes, randomUUID } from 'node:crypto'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'

/** One request as the emulator saw it; tests assert on these. */
export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  form: URLSearchParams
  body: string
  /** When the connection that carried the request closed (Date.now()), once it has. */
  socketClosedAt?: number
}

/** A scripted misbehaviour for the next request(s): the fault-injection suite's vocabulary. */
export type Fault =
  { status: number; body?: string; headers?: Record<string, string> } | { hang: true } | { drop: true }

/** What a handler answers: a status, a JSON or text body, and headers. */
export interface Reply {
  status: number
  json?: unknown
  text?: string
  headers?: Record<string, string>
}

/** An emulator's service: the answer to one recorded request. */
type Handler = (request: RecordedRequest) => Reply | Promise<Reply>

/** A started emulator: where it listens, what it was asked, and the faults queued for it. */
export interface Emulator {
  url: string
  port: number
  requests: RecordedRequest[]
  /** Queue faults: each answers one request instead of the handler. */
  fail(...faults: Fault[]): void
  /** Forget recorded requests and queued faults (between tests). */
  reset(): void
  close(): Promise<void>
}

/** An emulator on loopback: 127.0.0.1 unless `host` is '::1'. */
export async function startServer(
  handler: Handler,
  tls?: { key: string; cert: string },
  host: '127.0.0.1' | '::1' = '127.0.0.1',
): Promise<Emulator> {
  const requests: RecordedRequest[] = []
  const faults: Fault[] = []
  const hung = new Set<http.ServerResponse>()

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const url = new URL(req.url ?? '/', 'http://emulator')
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        form: new URLSearchParams(
          String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') ? body : '',
        ),
        body,
      }
      requests.push(recorded)
      if (req.socket.closed) recorded.socketClosedAt = Date.now()
      else req.socket.once('close', () => (recorded.socketClosedAt = Date.now()))
      const fault = faults.shift()
      if (fault) return answerFault(fault, req, res, hung)
      Promise.resolve(handler(recorded))
        .then(reply => send(res, reply))
        .catch(error => send(res, { status: 500, json: { error: 'emulator_bug', message: String(error) } }))
    })
  }
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener)
  await new Promise<void>(resolve => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  const name = host === '::1' ? '[::1]' : tls ? 'localhost' : '127.0.0.1'
  return {
    url: `${tls ? 'https' : 'http'}://${name}:${port}`,
    port,
    requests,
    fail: (...more) => faults.push(...more),
    reset: () => {
      requests.length = 0
      faults.length = 0
    },
    close: async () => {
      for (const res of hung) res.socket?.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    },
  }
}

function answerFault(
  fault: Fault,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  hung: Set<http.ServerResponse>,
): void {
  if ('hang' in fault) {
    hung.add(res)
    return
  }
  if ('drop' in fault) {
    req.socket.destroy()
    return
  }
  res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers })
  res.end(fault.body ?? '')
}

function send(res: http.ServerResponse, reply: Reply): void {
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '')
  const type = reply.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain'
  res.writeHead(reply.status, { 'Content-Type': type, ...reply.headers })
  res.end(body)
}

/** A JWT shaped like the real ones. Signed only where a verifier needs it (see oidc emulator). */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: 'emulator' }
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode(header)}.${encode(claims)}.${randomBytes(64).toString('base64url')}`
}

/** Now in epoch seconds, as tokens' `iat` and `exp` count time. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

export { randomUUID }
