/**
 * `unshare -rn node run-in-namespace.ts <scenario>` (namespace.ts starts it): inside a network
 * namespace of its own, gives 169.254.169.254 to loopback, serves the metadata service's emulator
 * there on port 80 (through a TCP forwarder: the emulator itself stays on 127.0.0.1), sets every
 * proxy variable to a recording forward proxy, runs the built action once and prints one JSON line
 * (a NamespaceReport): whether the token was published, and who saw the requests.
 */
import { spawnSync } from 'node:child_process'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { startImds } from '../emulators/managed-identity.ts'
import type { Emulator } from '../emulators/server.ts'
import { startVpcMetadata } from '../emulators/vpc-metadata.ts'
import { startForwardProxy } from '../proxy.ts'
import { RESOURCE } from '../steps.ts'
import { runAction } from '../run-action.ts'
import { LINK_LOCAL, SCENARIOS, type NamespaceReport, type ScenarioName } from './namespace.ts'

/** Runs `ip` with these arguments, throwing with its stderr if it fails. */
function ip(...args: string[]): void {
  const done = spawnSync('ip', args, { encoding: 'utf8' })
  if (done.error) throw done.error
  if (done.status !== 0) throw new Error(`ip ${args.join(' ')}: exit ${done.status}: ${done.stderr.trim()}`)
}

/** A TCP forwarder on LINK_LOCAL:80 to the emulator's loopback port: each connection piped both ways. */
async function forwarder(port: number): Promise<{ server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  const server = createServer(client => {
    const upstream = connect(port, '127.0.0.1')
    track(client)
    track(upstream)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(80, LINK_LOCAL, resolve)
  })
  return { server, sockets }
}

/** The action's inputs for the scenario's provider, endpoints left at their defaults. */
function inputsFor(provider: 'azure' | 'ibm'): Record<string, string> {
  return provider === 'azure'
    ? { provider: 'azure', 'auth-type': 'managed-identity', resource: RESOURCE, 'timeout-seconds': '20' }
    : { provider: 'ibm', 'auth-type': 'vpc-instance', 'timeout-seconds': '20' }
}

async function main(name: string): Promise<NamespaceReport> {
  if (!(name in SCENARIOS)) throw new Error(`unknown scenario ${name}: one of ${Object.keys(SCENARIOS).join(', ')}`)
  const scenario = SCENARIOS[name as ScenarioName]
  ip('link', 'set', 'lo', 'up')
  ip('addr', 'add', `${LINK_LOCAL}/32`, 'dev', 'lo')

  // Default emulators: IMDS with a system-assigned identity; a VPC virtual server with a linked profile.
  const emulator: Emulator = scenario.provider === 'azure' ? await startImds() : await startVpcMetadata()
  const forward = await forwarder(emulator.port)
  const proxy = await startForwardProxy()
  try {
    // Every variable a client might honour, both spellings: any of them would send the request to the proxy.
    const env: Record<string, string> = {}
    for (const variable of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
      env[variable] = proxy.url
      env[variable.toLowerCase()] = proxy.url
    }
    if (scenario.noProxy !== undefined) {
      env.NO_PROXY = scenario.noProxy
      env.no_proxy = scenario.noProxy
    }
    const run = await runAction({ inputs: inputsFor(scenario.provider), env, timeoutMs: 60_000 })
    return {
      scenario: name as ScenarioName,
      code: run.code,
      token: Boolean(run.outputs.token),
      error: run.lines.find(line => line.startsWith('::error')) ?? null,
      proxy: proxy.requests.map(request => `${request.method} ${request.target}`),
      emulator: emulator.requests.map(request => `${request.method} ${request.path}`),
      stderr: run.stderr,
    }
  } finally {
    for (const socket of forward.sockets) socket.destroy()
    await new Promise<void>(resolve => forward.server.close(() => resolve()))
    await Promise.all([proxy.close(), emulator.close()])
  }
}

main(process.argv[2] ?? '').then(
  report => console.log(JSON.stringify(report)),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    process.exitCode = 1
  },
)
