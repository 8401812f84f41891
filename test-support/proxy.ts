import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect, type Socket } from 'node:net'

/** A host name only this proxy resolves (to 127.0.0.1): a request for it that reaches the host proves the proxy carried it. */
export const PROXIED_DOMAIN = 'get-token.test'

/** One request as the proxy saw it: what the client asked for, with which credentials. */
interface ProxyRequest {
  method: string
  /** host:port the client asked for (CONNECT) or the absolute URL (plain http). */
  target: string
  /** The Proxy-Authorization header, if any. */
  authorization: string | undefined
}

/** A started forward proxy: its URL for HTTPS_PROXY, and every request it was sent. */
export interface ForwardProxy {
  url: string
  port: number
  requests: ProxyRequest[]
  close(): Promise<void>
}

/** How the proxy behaves: credentials it demands, where it diverts tunnels, whether it cuts them. */
interface ForwardProxyOptions {
  credentials?: string
  /** Tunnels every CONNECT to this loopback port, whatever host was asked for: a proxy that inspects TLS. */
  divertTo?: number
  /** Resets every connection as soon as its CONNECT arrives: a proxy or firewall that cuts the line. */
  reset?: boolean
}

/**
 * A forward proxy on loopback: CONNECT tunnels for https, absolute-URI forwarding for http.
 * Names under PROXIED_DOMAIN (and localhost) go to 127.0.0.1; anything else is refused with 502,
 * so no test traffic can leave the machine. With `credentials` ('user:password') it answers 407
 * to requests without the matching Proxy-Authorization.
 */
export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const requests: ProxyRequest[] = []
  const sockets = new Set<Socket>()
  const expected = options.credentials ? `Basic ${Buffer.from(options.credentials).toString('base64')}` : undefined
  const allowed = (authorization: string | undefined) => !expected || authorization === expected

  const server = http.createServer((req, res) => {
    const authorization = req.headers['proxy-authorization']
    requests.push({ method: req.method ?? 'GET', target: req.url ?? '', authorization })
    if (!allowed(authorization)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end()
      return
    }
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end()
      return
    }
    const host = loopbackFor(target.hostname)
    if (!host) {
      res.writeHead(502).end()
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    const upstream = http.request(
      { host, port: target.port || 80, path: `${target.pathname}${target.search}`, method: req.method, headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })

  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const authorization = req.headers['proxy-authorization']
    requests.push({ method: 'CONNECT', target: req.url ?? '', authorization })
    if (!allowed(authorization)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n')
      return
    }
    if (options.reset) {
      client.resetAndDestroy()
      return
    }
    const [name = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/)
    const host = options.divertTo ? '127.0.0.1' : loopbackFor(name)
    if (!host) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(options.divertTo ?? Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    },
  }
}

function loopbackFor(hostname: string): string | undefined {
  const name = hostname.toLowerCase()
  if (name === 'localhost' || name === '127.0.0.1') return '127.0.0.1'
  return name === PROXIED_DOMAIN || name.endsWith(`.${PROXIED_DOMAIN}`) ? '127.0.0.1' : undefined
}
