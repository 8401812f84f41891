export const id = 560;
export const ids = [560];
export const modules = {

/***/ 9560:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

// Stand-in for jsonwebtoken (stubs/README.md). @azure/msal-node imports it when it loads but only
// calls sign(), for client-certificate assertions, which get-token signs itself: on the paths that
// load msal-node (managed-identity, azure-cli) nothing signs. The real package (jws, semver,
// lodash.*) loads only on a first sign().


let real
exports.sign = function sign(...args) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  real ??= __webpack_require__(9653) // a subpath: not aliased, the real package
  return real.sign(...args)
}


/***/ })

};
