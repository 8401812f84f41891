export const id = 390;
export const ids = [390];
export const modules = {

/***/ 8390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getCliToken: () => (/* binding */ getCliToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _log_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6729);
/* harmony import */ var _hints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7772);
/* harmony import */ var _sdk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(542);




/**
 * azure-cli: `az account get-access-token` through @azure/identity's AzureCliCredential, which
 * knows how to find and run az on every platform. No request of ours is involved: what the CLI
 * printed on stderr (in the SDK's error, treated as hostile text) is all there is to report.
 */
async function getCliToken(config, ctx) {
    const { identity } = await (0,_sdk_js__WEBPACK_IMPORTED_MODULE_3__/* .loadAzureSdk */ .q)(ctx);
    const processTimeoutInMs = Math.max(1000, ctx.deadline.remainingMs());
    const credential = new identity.AzureCliCredential({ tenantId: config.tenantId, processTimeoutInMs });
    try {
        const result = await ctx.deadline.race(credential.getToken(config.scope), 'The Azure CLI (az account get-access-token)');
        return { accessToken: result.token, expiresOnMs: result.expiresOnTimestamp, expirySource: 'expires_on' };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
            throw error;
        const said = error instanceof Error ? error.message : String(error);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The Azure CLI could not give a token: ${(0,_log_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .H)(said, ctx.redact, 600)}`, {
            fix: _hints_js__WEBPACK_IMPORTED_MODULE_2__/* .UNAVAILABLE_HINTS */ .eC['azure-cli'],
        });
    }
}


/***/ }),

/***/ 542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ loadAzureSdk)
/* harmony export */ });
/* unused harmony export routeSdkLogs */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6729);


/** @azure/identity and its HTTP headers type, with the SDK's log routed to the step's debug log. */
async function loadAzureSdk(ctx) {
    const [identity, { AzureLogger }, { createHttpHeaders }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(469), __webpack_require__.e(71), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 5563)),
        __webpack_require__.e(/* import() */ 567).then(__webpack_require__.bind(__webpack_require__, 7567)),
        __webpack_require__.e(/* import() */ 469).then(__webpack_require__.bind(__webpack_require__, 850)),
    ]);
    routeSdkLogs(AzureLogger, ctx.debug, ctx.redact);
    return { identity, createHttpHeaders };
}
/**
 * The SDK logs (AZURE_LOG_LEVEL) to stderr, which the runner also scans for workflow commands:
 * its lines go to the action's debug log instead, one inert line each, secrets redacted before the
 * line is cut (a secret that straddled the cut would otherwise leave its first part behind).
 * `AzureLogger.log` is @azure/logger's documented place to send the SDK's logs elsewhere.
 */
function routeSdkLogs(logger, debug, redact) {
    logger.log = (...args) => debug((0,_log_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .safeText */ .H)((0,node_util__WEBPACK_IMPORTED_MODULE_0__.format)(...args), redact, 2000));
}


/***/ })

};
