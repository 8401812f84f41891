export const id = 75;
export const ids = [75];
export const modules = {

/***/ 9075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getManagedIdentityToken: () => (/* binding */ getManagedIdentityToken)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/http.ts + 2 modules
var http = __webpack_require__(3705);
// EXTERNAL MODULE: ./src/io/service-error.ts
var service_error = __webpack_require__(976);
// EXTERNAL MODULE: ./src/log/safe-text.ts
var safe_text = __webpack_require__(6729);
// EXTERNAL MODULE: ./src/providers/azure/clouds.ts
var clouds = __webpack_require__(4746);
// EXTERNAL MODULE: ./src/providers/azure/entra.ts + 3 modules
var entra = __webpack_require__(340);
// EXTERNAL MODULE: ./src/providers/azure/errors.ts
var azure_errors = __webpack_require__(5323);
// EXTERNAL MODULE: ./src/providers/azure/hints.ts
var hints = __webpack_require__(7772);
// EXTERNAL MODULE: ./src/addresses.ts
var addresses = __webpack_require__(3523);
// EXTERNAL MODULE: ./src/token.ts
var token = __webpack_require__(4606);
;// CONCATENATED MODULE: ./src/providers/azure/managed-identity-answers.ts





const IMDS_PATH = /^\/metadata\/identity\/oauth2\/token\/?$/i;
/**
 * Who answers a request the SDK sends, told from the request itself: IMDS at its address (or the
 * host AZURE_POD_IDENTITY_AUTHORITY_HOST gives msal-node instead), App Service by its identity
 * header, anything else by the endpoint's name. IMDS documents 404 and 410 while its metadata
 * service is being updated: both are retried like a 5xx.
 */
function endpointOf(request, env) {
    const url = new URL(request.url);
    const imds = new URL(env.AZURE_POD_IDENTITY_AUTHORITY_HOST || `http://${addresses/* METADATA_ADDRESS */.L}`).origin;
    if (url.origin === imds && IMDS_PATH.test(url.pathname))
        return { service: 'Azure IMDS', alsoTransient: [404, 410] };
    if (request.headers.has('x-identity-header'))
        return { service: "App Service's identity endpoint", alsoTransient: [] };
    return { service: "Azure's managed identity endpoint", alsoTransient: [] };
}
/**
 * The SDK's request as the transport sends it. Not its Accept-Encoding: the SDK's own client
 * would decompress, the action's does not, and token answers are small.
 */
function requestOf(request) {
    const method = request.method === 'POST' || request.method === 'PUT' ? request.method : 'GET';
    const body = typeof request.body === 'string' ? request.body : undefined;
    const headers = request.headers.toJSON();
    delete headers['accept-encoding'];
    return { method, url: request.url, headers, body };
}
/** App Service's retired 2017-09-01 API wrote `expires_on` as a date: a fix of its own. */
const DATE_EXPIRY_FIX = "get-token reads expires_on as seconds since 1970, as App Service's api-version 2019-08-01 and IMDS write it (App Service's retired 2017-09-01 API wrote a date): check that IDENTITY_ENDPOINT is the platform's own endpoint, not a local stand-in or proxy that answers in the old format.";
/** The token of a success, its expiry the earlier of `expires_in` (IMDS) and `expires_on` (all). */
function tokenOf(last) {
    const json = last.json ?? {};
    const accessToken = json.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
        throw new errors/* ActionError */.lZ(`${last.service} answered ${last.response.status} without an access_token.`, {
            fix: hints/* UNAVAILABLE_HINTS */.eC['managed-identity'],
        });
    }
    const expiry = (0,token/* expiryOf */.p1)(json, last.at, entra/* AZURE_EXPIRY */.I);
    const unreadableDate = expiry.expirySource === 'expires_on' && expiry.expiryText !== undefined;
    return { accessToken, ...expiry, ...(unreadableDate ? { expiryFix: DATE_EXPIRY_FIX } : {}) };
}

// EXTERNAL MODULE: ./src/providers/azure/managed-identity.ts
var managed_identity = __webpack_require__(1962);
// EXTERNAL MODULE: ./src/providers/azure/sdk.ts
var sdk = __webpack_require__(542);
;// CONCATENATED MODULE: ./src/providers/azure/managed-identity-token.ts











/**
 * managed-identity: @azure/identity knows the platforms' endpoints (IMDS, App Service, Azure Arc's
 * challenge file, Service Fabric, Cloud Shell, Machine Learning) and sends the requests; they go
 * through the action's HTTP layer (its `httpClient` option), under the one retry rule and
 * deadline, never through a proxy to the metadata address. The answers are read here: the token
 * and its expiry from the last answer, or the error from it; the SDK's exception only when no
 * answer came.
 */
async function getManagedIdentityToken(config, ctx, sdk) {
    const { identity } = config;
    ctx.debug(`Azure: managed identity ${(0,managed_identity/* describeManagedIdentity */.J)(identity)}, scope ${config.scope}`);
    if (identity.kind === 'client-id' && identity.fromEnvironment) {
        ctx.info(`Using the user-assigned managed identity ${identity.clientId} that the runner's AZURE_CLIENT_ID names; give client-id, identity-object-id or identity-resource-id to choose another (or client-id empty and AZURE_CLIENT_ID unset for the system-assigned one).`);
    }
    const podToken = ctx.env.AZURE_FEDERATED_TOKEN_FILE;
    if (podToken && ctx.env.AZURE_TENANT_ID && identity.kind !== 'system') {
        return workloadIdentityPod(config, identity, ctx, podToken, ctx.env.AZURE_TENANT_ID);
    }
    const { credential, createHttpHeaders } = sdk ?? (await realSdk(ctx));
    let last;
    let failure;
    const httpClient = {
        sendRequest: async (request) => {
            last = undefined;
            failure = undefined;
            const endpoint = endpointOf(request, ctx.env);
            try {
                const answer = await (0,http/* exchange */.cv)(ctx, {
                    service: endpoint.service,
                    endpointInput: 'IDENTITY_ENDPOINT',
                    request: requestOf(request),
                    alsoTransient: endpoint.alsoTransient,
                    unreachableFix: hints/* MANAGED_IDENTITY_UNREACHABLE */.sr,
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
        if (error instanceof errors/* ActionError */.lZ)
            throw error;
        sdkError = error;
    }
    if (failure)
        throw failure;
    if (!last)
        throw noAnswer(sdkError, ctx, hints/* UNAVAILABLE_HINTS */.eC['managed-identity']);
    const { status, headers } = last.response;
    // Azure Arc's first answer is a challenge the SDK answers by reading a file: no second request
    // means it could not, and its exception is all that says why.
    if (status === 401 && headers['www-authenticate'])
        throw noAnswer(sdkError, ctx, ARC_CHALLENGE_FIX);
    if (status < 200 || status > 299)
        throw (0,service_error/* serviceError */.cg)(last, azure_errors/* MANAGED_IDENTITY_ERRORS */.v1, ctx.redact);
    return tokenOf(last);
}
const ARC_CHALLENGE_FIX = "on an Azure Arc-enabled server the runner's user must be able to read the agent's token files (root, or a member of the himds group on Linux; an administrator on Windows).";
async function realSdk(ctx) {
    const { identity, createHttpHeaders } = await (0,sdk/* loadAzureSdk */.q)(ctx);
    return { credential: options => new identity.ManagedIdentityCredential(options), createHttpHeaders };
}
/**
 * A runner pod with AKS workload identity (AZURE_FEDERATED_TOKEN_FILE and AZURE_TENANT_ID): its
 * managed identity is the app the pod's federated token signs in as, which @azure/identity
 * would exchange on its own, outside the action's HTTP layer. The action makes the exchange itself,
 * as auth-type workload-identity does.
 */
function workloadIdentityPod(config, identity, ctx, tokenFile, tenantId) {
    if (identity.kind !== 'client-id') {
        const input = identity.kind === 'object-id' ? 'identity-object-id' : 'identity-resource-id';
        throw new errors/* InputError */.dz(input, 'cannot pick the identity on a runner pod with AKS workload identity (AZURE_FEDERATED_TOKEN_FILE is set): the pod signs in as the app its service account names.', 'use auth-type workload-identity (client-id: the app of the pod’s service account), or run where a managed identity is assigned.');
    }
    ctx.info(`The runner pod has AKS workload identity (AZURE_FEDERATED_TOKEN_FILE): the token for ${identity.clientId} comes from Entra ID in exchange for the pod's federated token, as with auth-type workload-identity.`);
    const { scope, cloud } = config;
    const { authorityHost } = clouds/* CLOUDS */.J[cloud];
    return (0,entra/* getAppToken */.j)({
        authType: 'workload-identity',
        tenantId,
        clientId: identity.clientId,
        tokenFile,
        scope,
        cloud,
        authorityHost,
        customAuthority: false,
    }, ctx);
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
/** No answer came (the SDK refused before sending, or after a challenge): its exception, as hostile text. */
function noAnswer(error, ctx, fix) {
    const said = error instanceof Error ? error.message : String(error ?? 'no answer');
    return new errors/* ActionError */.lZ(`Could not get a managed identity token: ${(0,safe_text/* safeText */.H)(said, ctx.redact, 400)}`, { fix });
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
