// Stand-in for jsonwebtoken (stubs/README.md). @azure/msal-node imports it when it loads but only
// calls sign(), for client-certificate assertions, which get-token signs itself: on the paths that
// load msal-node (managed-identity, azure-cli) nothing signs. The real package (jws, semver,
// lodash.*) loads only on a first sign().
'use strict'

let real
exports.sign = function sign(...args) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  real ??= require('jsonwebtoken/index.js') // a subpath: not aliased, the real package
  return real.sign(...args)
}
