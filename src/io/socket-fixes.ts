import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { Agent as HttpAgent, type RequestOptions } from 'node:http'
import { METADATA_ADDRESS } from '../addresses.ts'

/**
 * Three corrections to http-client's request options, applied to the action's own requests only
 * (a request handler, http-client's extension point; nothing global is changed):
 * - an IPv6 literal keeps its brackets in `host` (`[::1]`), which node:http then looks up by name:
 *   without this, `iam-endpoint: http://[::1]:PORT` fails with ENOTFOUND (ibm.test.ts);
 * - the link-local metadata address is reached directly: a proxy can never reach the host's own
 *   metadata service for us, and the runner's HTTP_PROXY would otherwise be used for it;
 * - with a proxy password, the `tunnel` agent encodes it with the deprecated `new Buffer()`,
 *   which prints a DEP0005 warning on stderr on every run: the CONNECT request gets the same
 *   header from here instead (faults.test.ts, "no Buffer() warning").
 */
export const socketFixes: RequestHandler = {
  prepareRequest(options: RequestOptions) {
    if (typeof options.host === 'string') options.host = options.host.replace(/^\[(.*)\]$/, '$1')
    const tunnel = options.agent as TunnelAgent | undefined
    // A tunnel agent for plain http (an https one has defaultPort 443): replaced by a direct one.
    if (options.host === METADATA_ADDRESS && tunnel?.proxyOptions && tunnel.defaultPort !== 443) {
      options.agent = new HttpAgent()
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
