/**
 * Requests per token on the known clouds, measured rather than stated: one untimed run of the
 * bundle per cloud of src/providers/azure/clouds.ts (`cloud` set, no `authority-host`), through a
 * loopback forward proxy that tunnels every CONNECT to an Entra ID emulator serving a certificate
 * for the clouds' own hosts (test-support/fixtures/cloud-tls-*.pem, trusted through
 * NODE_EXTRA_CA_CERTS in these runs only). bench/loopback-only.mjs makes any connection to another
 * host fail the run: nothing leaves 127.0.0.1.
 */
import { join } from 'node:path'
import { CLOUDS } from '../src/providers/azure/clouds.ts'
import { CLIENT_ID, CLIENT_SECRET, TENANT_ID, fixture, startEntraId } from '../test-support/emulators/entra-id.ts'
import { runNode } from '../test-support/process.ts'
import { startForwardProxy } from '../test-support/proxy.ts'
import { FIXTURES, ROOT } from '../test-support/run-action.ts'
import { BENCH, runnerFiles } from './path-kinds.ts'
import { RESOURCE } from './paths.ts'
import { requestKind } from './runner.ts'

/** What one known-cloud run sent: where the proxy tunnelled it, and what the emulator answered. */
export interface CloudRun {
  /** The `cloud` input. */
  cloud: string
  /** The authority host the bundle knows for it, without discovery. */
  host: string
  /** `METHOD /path (grant)` of each request the emulator saw, in order. */
  requests: string[]
  /** The host:port of each CONNECT the proxy was asked for. */
  tunnels: string[]
}

/** Runs the bundle at `entry` once per known cloud and returns what each run sent. */
export async function measureKnownClouds(entry: string, cleanup: string[]): Promise<CloudRun[]> {
  const tls = { key: fixture('cloud-tls-key.pem'), cert: fixture('cloud-tls-cert.pem') }
  const entra = await startEntraId({ tls, resources: [RESOURCE] })
  const proxy = await startForwardProxy({ divertTo: entra.port })
  try {
    const runs: CloudRun[] = []
    for (const [cloud, { authorityHost }] of Object.entries(CLOUDS)) {
      const inputs = {
        provider: 'azure',
        'auth-type': 'client-secret',
        cloud,
        'tenant-id': TENANT_ID,
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        resource: RESOURCE,
      }
      const env = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: join(FIXTURES, 'cloud-tls-cert.pem') }
      const gotToken = (outputs: Record<string, string>) => (outputs.token ?? '').split('.').length === 3
      const run = await runnerFiles(entry, inputs, env, cleanup, gotToken)
      await run.reset()
      entra.reset()
      proxy.requests.length = 0
      const { code, stdout, stderr } = await runNode(['--import', join(BENCH, 'loopback-only.mjs'), ...run.args], {
        env: run.env,
        cwd: ROOT,
      })
      await run.verify(code, stdout, stderr)
      runs.push({
        cloud,
        host: new URL(authorityHost).host,
        requests: entra.requests.map(requestKind),
        tunnels: proxy.requests.map(request => request.target),
      })
    }
    return runs
  } finally {
    await Promise.all([entra.close(), proxy.close()])
  }
}
