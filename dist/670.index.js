export const id = 670;
export const ids = [670];
export const modules = {

/***/ 3670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getManagedIdentityToken: () => (/* binding */ getManagedIdentityToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _io_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3705);
/* harmony import */ var _io_service_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(976);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8301);
/* harmony import */ var _log_safe_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6729);
/* harmony import */ var _token_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4606);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5323);
/* harmony import */ var _hints_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7772);
/* harmony import */ var _managed_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1962);
/* harmony import */ var _sdk_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(542);










/**
 * managed-identity: @azure/identity knows the platforms' endpoints (IMDS, App Service, Azure Arc's
 * challenge file, Service Fabric, Cloud Shell) and sends the requests; they go through the
 * action's HTTP layer (its `httpClient` option), under the one retry rule and deadline, never
 * through a proxy to the metadata address. The answers are read here: the token and its expiry
 * from the last answer, or the error from it; the SDK's exception only when no answer came.
 */
async function getManagedIdentityToken(config, ctx, sdk) {
    const { identity } = config;
    ctx.debug(`Azure: managed identity ${(0,_managed_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .describeManagedIdentity */ .J)(identity)}, scope ${config.scope}`);
    if (identity.kind === 'client-id' && identity.fromEnvironment) {
        ctx.info(`Using the user-assigned managed identity ${identity.clientId} that the runner's AZURE_CLIENT_ID names; give client-id, identity-object-id or identity-resource-id to choose another (or client-id empty and AZURE_CLIENT_ID unset for the system-assigned one).`);
    }
    const { credential, createHttpHeaders } = sdk ?? (await realSdk(ctx));
    const source = sourceOf(ctx.env);
    let last;
    let failure;
    const httpClient = {
        sendRequest: async (request) => {
            last = undefined;
            failure = undefined;
            try {
                const answer = await (0,_io_http_js__WEBPACK_IMPORTED_MODULE_1__/* .exchange */ .cv)(ctx, {
                    service: source.service,
                    endpointInput: source.endpointInput,
                    request: requestOf(request),
                    alsoTransient: source.alsoTransient,
                    unreachableFix: _hints_js__WEBPACK_IMPORTED_MODULE_5__/* .MANAGED_IDENTITY_UNREACHABLE */ .sr,
                });
                last = { ...answer, at: ctx.now() };
                const { status, headers, body } = answer.response;
                const defined = Object.entries(headers).filter((entry) => entry[1] !== undefined);
                return { request, status, headers: createHttpHeaders(Object.fromEntries(defined)), bodyAsText: body };
            }
            catch (error) {
                failure = error;
                throw error;
            }
        },
    };
    let sdkError;
    try {
        const options = { ...selector(identity), retryOptions: { maxRetries: 0 }, httpClient };
        await ctx.deadline.race(credential(options).getToken(config.scope), 'The managed identity token request');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
            throw error;
        sdkError = error;
    }
    if (failure)
        throw failure;
    if (!last)
        throw noAnswer(sdkError, ctx);
    const { status } = last.response;
    if (status < 200 || status > 299)
        throw (0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceError */ .cg)(last, (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .managedIdentityErrors */ .nQ)(), ctx.redact);
    return tokenOf(last, source.service, ctx.redact);
}
async function realSdk(ctx) {
    const { identity, createHttpHeaders } = await (0,_sdk_js__WEBPACK_IMPORTED_MODULE_7__/* .loadAzureSdk */ .q)(ctx);
    return { credential: options => new identity.ManagedIdentityCredential(options), createHttpHeaders };
}
/** Only the selector the user gave: the AZURE_CLIENT_ID fallback is never sent next to another. */
function selector(identity) {
    switch (identity.kind) {
        case 'system':
            return {};
        case 'client-id':
            return { clientId: identity.clientId };
        case 'object-id':
            return { objectId: identity.objectId };
        case 'resource-id':
            return { resourceId: identity.resourceId };
    }
}
/**
 * Which platform answers, as msal-node tells it from the environment the platform sets; IMDS
 * documents 404 and 410 while its metadata service is being updated: both are retried.
 */
function sourceOf(env) {
    const endpointInput = 'IDENTITY_ENDPOINT';
    if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) {
        const service = env.IDENTITY_SERVER_THUMBPRINT ? 'Service Fabric' : 'App Service';
        return { service: `${service}'s identity endpoint`, endpointInput, alsoTransient: [] };
    }
    if (env.IDENTITY_ENDPOINT && env.IMDS_ENDPOINT) {
        return { service: "Azure Arc's identity endpoint", endpointInput, alsoTransient: [] };
    }
    if (env.MSI_ENDPOINT)
        return { service: "Cloud Shell's identity endpoint", endpointInput, alsoTransient: [] };
    return { service: 'Azure IMDS', endpointInput: 'the runner (an Azure VM)', alsoTransient: [404, 410] };
}
function requestOf(request) {
    const method = request.method === 'POST' || request.method === 'PUT' ? request.method : 'GET';
    const body = typeof request.body === 'string' ? request.body : undefined;
    return { method, url: request.url, headers: request.headers.toJSON(), body };
}
/** Where managed identity endpoints state the expiry: IMDS both, App Service `expires_on` alone. */
const EXPIRY = {
    relative: 'expires_in',
    absolute: 'expires_on',
    parseAbsolute: value => (0,_token_js__WEBPACK_IMPORTED_MODULE_8__/* .epochSeconds */ .DQ)(value) * 1000,
};
function tokenOf(last, service, redact) {
    const json = (0,_json_js__WEBPACK_IMPORTED_MODULE_9__/* .jsonObject */ .o)(last.response.body) ?? {};
    const accessToken = json.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${service} answered ${last.response.status} without an access_token.`, {
            fix: _hints_js__WEBPACK_IMPORTED_MODULE_5__/* .UNAVAILABLE_HINTS */ .eC['managed-identity'],
        });
    }
    const expiry = (0,_token_js__WEBPACK_IMPORTED_MODULE_8__/* .expiryOf */ .p1)(json, last.at, EXPIRY);
    // App Service's retired 2017-09-01 API wrote a date: its own fix, not the generic one.
    if (expiry.expirySource === 'expires_on' && expiry.expiryText !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${service} answered with a token but expires_on ${JSON.stringify((0,_log_safe_text_js__WEBPACK_IMPORTED_MODULE_3__/* .safeText */ .H)(expiry.expiryText, redact, 80))}, an expiry get-token cannot read; the token was not published.`, {
            fix: "get-token reads expires_on as seconds since 1970, as App Service's api-version 2019-08-01 and IMDS write it (App Service's retired 2017-09-01 API wrote a date): check that IDENTITY_ENDPOINT is the platform's own endpoint, not a local stand-in or proxy that answers in the old format.",
        });
    }
    return { accessToken, ...expiry };
}
/** No answer came (the SDK refused before sending): its exception is all there is, as hostile text. */
function noAnswer(error, ctx) {
    const said = error instanceof Error ? error.message : String(error ?? 'no answer');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Could not get a managed identity token: ${(0,_log_safe_text_js__WEBPACK_IMPORTED_MODULE_3__/* .safeText */ .H)(said, ctx.redact, 400)}`, {
        fix: _hints_js__WEBPACK_IMPORTED_MODULE_5__/* .UNAVAILABLE_HINTS */ .eC['managed-identity'],
    });
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
