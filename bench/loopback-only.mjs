// Loaded with --import in the bench's known-cloud runs, whose inputs name the real authority hosts
// (login.microsoftonline.com, ...): every connection must go to the loopback proxy. A connection or
// name lookup for any other host throws before a packet leaves, so a bundle that ignored
// HTTPS_PROXY fails its run instead of reaching the cloud.
import dns from 'node:dns'
import net from 'node:net'

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
const refuse = host => {
  throw new Error(`bench/loopback-only.mjs: refused a connection to ${host}: only loopback may be reached`)
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  // net.connect passes its normalized [options, callback]; socket.connect(options | port, host) too.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }
  if (!options.path && !LOOPBACK.has(options.host ?? 'localhost')) refuse(options.host)
  return connect.apply(this, args)
}
for (const api of [dns, dns.promises]) {
  const lookup = api.lookup
  api.lookup = (host, ...rest) => (LOOPBACK.has(host) ? lookup(host, ...rest) : refuse(host))
}
