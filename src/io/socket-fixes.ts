import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { Agent as HttpAgent, type RequestOptions } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'

/**
 * Three corrections to http-client's request options, applied to the action's own requests only
 * (a request handler, http-client's extension point; nothing global is changed):
 * - an IPv6 literal keeps its brackets in `host` (`[::1]`), which node:http then looks up by name:
 *   without this, `iam-endpoint: http://[::1]:PORT` fails with ENOTFOUND (ibm.test.ts);
 * - a link-local address (169.254.0.0/16: Azure IMDS and the IBM VPC metadata service at
 *   169.254.169.254) is reached directly, whatever HTTP_PROXY and NO_PROXY say: a proxy can never
 *   reach the host's own metadata service for us, and Microsoft's IMDS documentation says clients
 *   must not use one for it (metadata-direct.test.ts proves it in a network namespace);
 * - with a proxy password, the `tunnel` agent encodes it with the deprecated `new Buffer()`,
 *   which prints a DEP0005 warning on stderr on every run: the CONNECT request gets the same
 *   header from here instead (faults.test.ts, "no Buffer() warning").
 */
export const socketFixes: RequestHandler = {
  prepareRequest(options: RequestOptions) {
    if (typeof options.host === 'string') options.host = options.host.replace(/^\[(.*)\]$/, '$1')
    const tunnel = options.agent as TunnelAgent | undefined
    // http-client picked a proxy (a tunnel agent; an https one has defaultPort 443): go direct instead.
    if (tunnel?.proxyOptions && reachedDirectly(options.host ?? '')) {
      options.agent = tunnel.defaultPort === 443 ? new HttpsAgent() : new HttpAgent()
      return
    }
    const proxyAuth = tunnel?.proxyOptions?.proxyAuth
    if (!tunnel?.proxyOptions || !proxyAuth) return
    tunnel.proxyOptions = { ...tunnel.proxyOptions, proxyAuth: undefined }
    const connect = tunnel.request.bind(tunnel)
    const header = `Basic ${Buffer.from(proxyAuth).toString('base64')}`
    tunnel.request = connectOptions =>
      connect({ ...connectOptions, headers: { ...connectOptions.headers, 'Proxy-Authorization': header } })
  },
  canHandleAuthentication: () => false,
  handleAuthentication: () => Promise.reject(new Error('not used')),
}

/** The parts of `tunnel`'s agent that socketFixes touches. */
interface TunnelAgent {
  defaultPort?: number
  proxyOptions?: { proxyAuth?: string }
  request(options: RequestOptions): unknown
}

/** Link-local addresses (169.254.0.0/16) are on the host's own link: never reached through a proxy. */
export function reachedDirectly(host: string): boolean {
  return /^169\.254\.\d{1,3}\.\d{1,3}$/.test(host)
}
