// Stand-in for jsonwebtoken (stubs/README.md). @azure/msal-node imports it when it loads but only
// calls sign(), for client-certificate assertions. Loading the real package (jws, semver, lodash.*)
// cost several ms on every Azure run; now it loads on the first sign().
'use strict'

let real
exports.sign = function sign(...args) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  real ??= require('jsonwebtoken/index.js') // a subpath: not aliased, the real package
  return real.sign(...args)
}
