export const id = 514;
export const ids = [514];
export const modules = {

/***/ 2514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ open)
/* harmony export */ });
// Stand-in for open (stubs/README.md): @azure/identity loads it only to open a browser for
// InteractiveBrowserCredential, which get-token never creates.
async function open() {
    throw new Error('get-token: interactive browser sign-in is not supported (open is replaced by a stub, stubs/open.ts).');
}


/***/ })

};
