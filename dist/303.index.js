export const id = 303;
export const ids = [303];
export const modules = {

/***/ 340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ AZURE_EXPIRY),
  j: () => (/* binding */ getAppToken)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/http.ts + 2 modules
var http = __webpack_require__(3705);
// EXTERNAL MODULE: ./src/token.ts
var token = __webpack_require__(4606);
// EXTERNAL MODULE: ./src/providers/azure/certificate.ts
var azure_certificate = __webpack_require__(4605);
// EXTERNAL MODULE: ./src/providers/azure/errors.ts
var azure_errors = __webpack_require__(5323);
// EXTERNAL MODULE: ./src/providers/azure/hints.ts
var hints = __webpack_require__(7772);
;// CONCATENATED MODULE: ./src/providers/azure/discovery.ts




/** Where the token request goes: the known clouds' endpoint needs no request. */
async function tokenEndpointOf(config, ctx) {
    if (!config.customAuthority)
        return `${config.authorityHost}/${config.tenantId}/oauth2/v2.0/token`;
    return discoverTokenEndpoint(config, ctx);
}
/**
 * With authority-host, the tenant's OpenID configuration names the token endpoint (Azure Stack
 * Hub, sovereign and test authorities). The endpoint must be on the authority's own origin: the
 * token request carries a credential, and a document that points elsewhere is not followed.
 */
async function discoverTokenEndpoint(config, ctx) {
    const url = `${config.authorityHost}/${config.tenantId}/v2.0/.well-known/openid-configuration`;
    const document = await (0,http/* requestJson */.SS)(ctx, {
        service: 'Entra ID',
        endpointInput: 'authority-host',
        request: { method: 'GET', url, headers: { Accept: 'application/json' } },
        unreachableFix: (0,hints/* entraUnreachable */.hB)(url),
        errors: (0,azure_errors/* entraErrors */.Az)(`the OpenID configuration at ${url}`, config, undefined, status => status === 404
            ? "check tenant-id and authority-host (give the authority's base URL, e.g. https://login.example.com, without the tenant)."
            : 'check tenant-id, cloud and authority-host.'),
    });
    const endpoint = document.token_endpoint;
    const origin = new URL(config.authorityHost).origin;
    if (typeof endpoint === 'string' && URL.canParse(endpoint) && new URL(endpoint).origin === origin)
        return endpoint;
    throw new errors/* ActionError */.lZ(`The OpenID configuration at ${url} names no token endpoint on ${origin}; get-token sends the credential only to the authority itself.`, {
        fix: "check authority-host: give the authority's base URL (e.g. https://login.example.com), whose tenant documents name its own token endpoint.",
    });
}

// EXTERNAL MODULE: ./src/io/files.ts + 1 modules
var files = __webpack_require__(6650);
;// CONCATENATED MODULE: ./src/providers/azure/federated.ts

/**
 * A client assertion issued by someone else and trusted through a federated credential on the
 * app: GitHub's OIDC token (oidc) or a Kubernetes service account token (workload-identity).
 * Keeps the last token sent: its claims explain federation errors.
 */
class FederatedAssertion {
    /** What the token is, for error lines: "The GitHub OIDC token". */
    label;
    lastToken;
    /** The token to send now, given the last one sent. */
    next;
    constructor(label, next) {
        this.label = label;
        this.next = next;
    }
    /** The token for the next request (every attempt asks again). */
    async get() {
        this.lastToken = await this.next(this.lastToken);
        return this.lastToken;
    }
}
/**
 * workload-identity: the token file that AKS projects into the pod, read afresh for every
 * request (the kubelet rotates it), capped and within the deadline, masked by the file reader.
 */
function tokenFileAssertion(path, ctx) {
    return new FederatedAssertion('The federated token (federated-token-file)', async () => {
        const token = await ctx.readFile(path, 'federated-token-file');
        if (!token)
            throw (0,files/* emptyFile */.sX)('federated-token-file', path);
        return token;
    });
}

// EXTERNAL MODULE: ./src/io/service-error.ts
var service_error = __webpack_require__(976);
// EXTERNAL MODULE: ./src/jwt.ts
var jwt = __webpack_require__(6962);
;// CONCATENATED MODULE: ./src/providers/azure/github-oidc.ts





/**
 * A GitHub OIDC token for `audience`, the protocol of `core.getIDToken`, but under the
 * action's own retry policy and deadline (getIDToken retries on its own, up to 10 times).
 * Masked by the HTTP layer before it is returned.
 */
async function fetchGitHubOidcToken(audience, ctx) {
    const url = ctx.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = ctx.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !bearer) {
        throw new errors/* ActionError */.lZ('This job cannot request a GitHub OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set).', {
            fix: 'add `permissions: id-token: write` to the job. Pull requests from forks never get OIDC tokens.',
        });
    }
    const body = await (0,http/* requestJson */.SS)(ctx, {
        service: 'GitHub',
        endpointInput: 'the ACTIONS_ID_TOKEN_REQUEST_URL variable',
        secretFields: ['value'],
        request: {
            method: 'GET',
            url: `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`,
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        },
        errors: GITHUB_ERRORS,
    });
    const token = body.value;
    if (typeof token !== 'string' || token === '') {
        throw new errors/* ActionError */.lZ("GitHub's OIDC token endpoint answered without a token (no `value`).", {
            fix: 'retry the job; if it persists, check githubstatus.com.',
        });
    }
    return token;
}
/** GitHub's answers, JSON with a `message` as far as it says anything (the fix is always the same). */
const GITHUB_ERRORS = {
    what: 'the OIDC token request',
    statusPage: 'https://www.githubstatus.com',
    read: json => ({ message: (0,service_error/* textField */.M8)(json, 'message') }),
    refusalFix: () => 'check that the job has `permissions: id-token: write` and that the run is not a pull request from a fork.',
};
/**
 * The client assertion of the oidc auth type: one GitHub token serves every attempt, and a new
 * one is fetched when it nears expiry.
 */
function gitHubAssertion(audience, ctx) {
    return new FederatedAssertion('The GitHub OIDC token', async (last) => last && !expiresWithin(last, MIN_LIFE_SECONDS, ctx.now()) ? last : fetchGitHubOidcToken(audience, ctx));
}
const MIN_LIFE_SECONDS = 60;
function expiresWithin(token, seconds, now) {
    const exp = Number((0,jwt/* stringClaim */.Ev)((0,jwt/* jwtClaims */.vE)(token), 'exp'));
    return !Number.isFinite(exp) || exp * 1000 - now < seconds * 1000;
}

;// CONCATENATED MODULE: ./src/providers/azure/entra.ts









const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/**
 * An app's sign-in (client-secret, client-certificate, oidc, workload-identity): the client
 * credentials grant, one POST to the tenant's token endpoint (after its discovery document with
 * authority-host), through the action's own HTTP layer like every other request.
 */
async function getAppToken(config, ctx) {
    if (config.authType === 'oidc' && config.auto)
        ctx.info(hints/* AUTO_CHOSE_OIDC */.r6);
    const assertion = federatedAssertion(config, ctx);
    // A token file that is missing, empty or too big fails here, before any request.
    let ready = assertion ? await assertion.get() : undefined;
    const certificate = config.authType === 'client-certificate'
        ? (0,azure_certificate/* readClientCertificate */.r)(config.certificate, config.certificatePassword ?? '')
        : undefined;
    const tokenEndpoint = await tokenEndpointOf(config, ctx);
    ctx.debug(`Azure: ${config.authType} sign-in at ${tokenEndpoint}, scope ${config.scope}`);
    const credentialFields = async () => {
        switch (config.authType) {
            case 'client-secret':
                return { client_secret: config.clientSecret };
            case 'client-certificate': {
                // A new assertion for every attempt: a fresh jti, nbf and exp.
                const signed = (0,azure_certificate/* certificateAssertion */.k)(certificate, config.clientId, tokenEndpoint, ctx.now());
                ctx.mask(signed);
                return { client_assertion_type: JWT_BEARER, client_assertion: signed };
            }
            case 'oidc':
            case 'workload-identity': {
                // The first attempt sends the token read above; every retry asks for it again (it may rotate).
                const token = ready ?? (await assertion.get());
                ready = undefined;
                return { client_assertion_type: JWT_BEARER, client_assertion: token };
            }
        }
    };
    const request = async () => ({
        method: 'POST',
        url: tokenEndpoint,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
            client_id: config.clientId,
            scope: config.scope,
            grant_type: 'client_credentials',
            ...(await credentialFields()),
        }).toString(),
    });
    const body = await (0,http/* requestJson */.SS)(ctx, {
        service: 'Entra ID',
        endpointInput: 'authority-host (or cloud)',
        request,
        unreachableFix: (0,hints/* entraUnreachable */.hB)(tokenEndpoint),
        errors: (0,azure_errors/* entraErrors */.Az)(`the ${config.authType} token request`, config, assertion),
    });
    const accessToken = body.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
        throw new errors/* ActionError */.lZ('Entra ID answered 200 without an access_token.', {
            fix: 'check authority-host and cloud, and any proxy between the runner and the authority.',
        });
    }
    return { accessToken, ...(0,token/* expiryOf */.p1)(body, ctx.now(), AZURE_EXPIRY) };
}
/** oidc and workload-identity sign in with a token someone else issued; the others need none. */
function federatedAssertion(config, ctx) {
    if (config.authType === 'oidc')
        return gitHubAssertion(config.oidcAudience, ctx);
    if (config.authType === 'workload-identity')
        return tokenFileAssertion(config.tokenFile, ctx);
    return undefined;
}
/**
 * Where Azure's token answers state the expiry: Entra a lifetime in seconds, managed identity
 * endpoints `expires_on` in epoch seconds (IMDS both). The earlier wins.
 */
const AZURE_EXPIRY = {
    relative: 'expires_in',
    absolute: 'expires_on',
    parseAbsolute: value => (0,token/* epochSeconds */.DQ)(value) * 1000,
};


/***/ }),

/***/ 5323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ entraErrors),
/* harmony export */   v1: () => (/* binding */ MANAGED_IDENTITY_ERRORS)
/* harmony export */ });
/* unused harmony export readAzureAnswer */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8301);
/* harmony import */ var _io_service_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(976);
/* harmony import */ var _jwt_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6962);
/* harmony import */ var _hints_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9644);
/* harmony import */ var _hints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7772);





/** Where Azure reports outages, in the fix of a service that keeps failing. */
const AZURE_STATUS_PAGE = 'https://azure.status.microsoft';
/** Codes about the federated credential match: the error shows what the assertion claimed. */
const FEDERATION_CODES = new Set(['70021', '700211', '700212', '700213', '7002137', '7002138'].map(code => `AADSTS${code}`));
/**
 * Every shape an Azure token service answers a failure in: Entra's OAuth JSON (`error`,
 * `error_description` with "Trace ID: … Correlation ID: … Timestamp: …" after it, separated by
 * spaces or `\r\n`, `error_codes`, `correlation_id`, and `claims` when Conditional Access blocked
 * the request), IMDS's and Azure Arc's `{error, error_description}`, and App Service's
 * `{statusCode, message, correlationId}` with the X-CORRELATION-ID header.
 */
const readAzureAnswer = (json, headers) => {
    const description = (0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .textField */ .M8)(json, 'error_description') ?? (0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .textField */ .M8)(json, 'message');
    const aadsts = /^\s*AADSTS(\d+)\b/.exec(description ?? '')?.[1] ?? firstErrorCode(json);
    const message = description
        ?.replace(/^\s*AADSTS\d+:\s*/, '')
        .split(/\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n)/)[0];
    const correlationId = (0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .textField */ .M8)(json, 'correlation_id') ??
        (0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .textField */ .M8)(json, 'correlationId') ??
        headers['x-correlation-id'] ??
        /Correlation ID: ([0-9a-f-]{36})/i.exec(description ?? '')?.[1];
    const policies = blockingPolicies(json);
    return {
        code: aadsts ? `AADSTS${aadsts}` : (0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .textField */ .M8)(json, 'error'),
        message: message || undefined,
        details: policies.length > 0 ? [`Conditional Access policies that blocked it: ${policies.join(', ')}`] : [],
        supportId: correlationId ? { label: 'Correlation ID', value: correlationId } : undefined,
    };
};
function firstErrorCode(json) {
    const codes = json?.error_codes;
    const first = Array.isArray(codes) ? codes[0] : undefined;
    return typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)) ? String(first) : undefined;
}
/** `claims` is a JSON string inside the JSON: `{"access_token":{"capolids":{"values":[policy ids]}}}`. */
function blockingPolicies(json) {
    const claims = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonObject */ .o)((0,_io_service_error_js__WEBPACK_IMPORTED_MODULE_0__/* .textField */ .M8)(json, 'claims') ?? '');
    const ids = claims?.access_token?.capolids?.values;
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string').slice(0, 10) : [];
}
/** How Entra's answers to an app's sign-in (`what`: "the client-secret token request") are told. */
function entraErrors(what, config, assertion, fallbackFix = () => _hints_js__WEBPACK_IMPORTED_MODULE_1__/* .UNAVAILABLE_HINTS */ .eC[config.authType]) {
    return {
        what,
        statusPage: AZURE_STATUS_PAGE,
        read: readAzureAnswer,
        refusalFix: ({ code }, status) => {
            const fix = aadstsFix(code, config.authType) ?? fallbackFix(status);
            const emptySecret = FEDERATION_CODES.has(code ?? '') && config.authType === 'oidc' && config.auto;
            return emptySecret ? `${fix} ${EMPTY_SECRET_TOO}` : fix;
        },
        context: ({ code }) => assertion?.lastToken && FEDERATION_CODES.has(code ?? '') ? [describeAssertion(assertion)] : [],
    };
}
/** How a managed identity endpoint's answers are told: its own message decides the fix. */
const MANAGED_IDENTITY_ERRORS = {
    what: 'the managed identity token request',
    statusPage: AZURE_STATUS_PAGE,
    read: readAzureAnswer,
    refusalFix: (said, status) => {
        const text = `${said.code ?? ''} ${said.message ?? ''}`;
        const known = _hints_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGED_IDENTITY_HINTS */ .wt.find(([pattern]) => pattern.test(text))?.[1];
        if (known)
            return known;
        return (aadstsFix(said.code, 'managed-identity') ??
            (status === 400 ? _hints_js__WEBPACK_IMPORTED_MODULE_1__/* .IDENTITY_NOT_ASSIGNED */ .iJ : _hints_js__WEBPACK_IMPORTED_MODULE_1__/* .UNAVAILABLE_HINTS */ .eC['managed-identity']));
    },
};
/** What a federation refusal adds when auth-type auto chose oidc: the secret may have arrived empty. */
const EMPTY_SECRET_TOO = "Or, if this step should use client-secret: auth-type auto chose oidc because client-secret arrived empty (a misspelled secret, or one not available to this run); check the secret's name, or set auth-type.";
/** The fix for an AADSTS code (workload identity has its own for the federation codes); undefined for no code. */
function aadstsFix(code, authType) {
    const number = /^AADSTS(\d+)$/.exec(code ?? '')?.[1];
    if (!number)
        return undefined;
    return ((0,_hints_js__WEBPACK_IMPORTED_MODULE_3__/* .hintFor */ .J)(_hints_js__WEBPACK_IMPORTED_MODULE_1__/* .AZURE_HINTS */ .l, code, authType) ?? `look up ${code} at https://login.microsoftonline.com/error?code=${number}.`);
}
/** The claims a federated credential must match, never the token. */
function describeAssertion(assertion) {
    const claims = (0,_jwt_js__WEBPACK_IMPORTED_MODULE_4__/* .jwtClaims */ .vE)(assertion.lastToken ?? '');
    const claim = (name) => (0,_jwt_js__WEBPACK_IMPORTED_MODULE_4__/* .stringClaim */ .Ev)(claims, name) ?? '?';
    return `${assertion.label} had iss=${claim('iss')} sub=${claim('sub')} aud=${claim('aud')}`;
}


/***/ }),

/***/ 7772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eC: () => (/* binding */ UNAVAILABLE_HINTS),
/* harmony export */   hB: () => (/* binding */ entraUnreachable),
/* harmony export */   iJ: () => (/* binding */ IDENTITY_NOT_ASSIGNED),
/* harmony export */   l: () => (/* binding */ AZURE_HINTS),
/* harmony export */   r6: () => (/* binding */ AUTO_CHOSE_OIDC),
/* harmony export */   sr: () => (/* binding */ MANAGED_IDENTITY_UNREACHABLE),
/* harmony export */   wt: () => (/* binding */ MANAGED_IDENTITY_HINTS)
/* harmony export */ });
/** One-line fixes for the AADSTS codes CI users meet most. */
const AADSTS_HINTS = {
    AADSTS7000215: "client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID.",
    AADSTS7000222: 'the client secret has expired: create a new one (App registrations > Certificates & secrets) and update the secret.',
    AADSTS700016: 'no app with this client-id in this tenant: check client-id, tenant-id and cloud (a US Government or China app is not in the public cloud).',
    AADSTS70021: 'no federated credential on the app matches this GitHub OIDC token: add one whose issuer, subject and audience are exactly the values above.',
    AADSTS700211: "no federated credential matches the token's issuer: register the iss above as the credential's issuer (https://token.actions.githubusercontent.com on github.com; https://<host>/_services/token on GitHub Enterprise Server; https://token.actions.githubusercontent.com/<enterprise> for an enterprise with a custom issuer).",
    AADSTS700212: "no federated credential matches the token's audience: set the credential's audience to the aud above, or oidc-audience to the credential's.",
    AADSTS700213: "no federated credential matches the token's subject: add a federated credential for exactly the sub above (branch, tag, environment or pull_request).",
    AADSTS7002137: "no federated credential matches the token's subject; Entra ID's message names the subject the credential should have: set the federated credential's subject to exactly that (the token's sub is shown above).",
    AADSTS7002138: "the federated credential's subject differs from the token's sub only in letter case (Entra ID compares subjects case-sensitively): register exactly the sub above, with its capitals (owner, repository and environment names as GitHub writes them).",
    AADSTS700024: "the client assertion is outside its time window: check the runner's clock; the GitHub OIDC token is fetched right before the token request and lives about 5 minutes.",
    AADSTS700027: 'the certificate is not registered on the app: upload its public certificate (App registrations > Certificates & secrets), or check that client-certificate holds the matching key.',
    AADSTS90002: 'the tenant was not found: check tenant-id and cloud (or authority-host).',
    AADSTS90033: 'Entra ID had a transient problem: re-run the job; raise max-attempts or timeout-seconds if it happens often.',
    AADSTS500011: 'the resource principal was not found in the tenant: check resource / scope (e.g. https://<workspace>-<fhir>.fhir.azurehealthcareapis.com), and that the service exists in this tenant.',
    AADSTS1002012: 'the scope is not valid for an app token: it must end in /.default (give resource, e.g. https://myworkspace-myfhir.fhir.azurehealthcareapis.com, or scope ending in /.default).',
    AADSTS53003: "a Conditional Access policy blocks tokens for this identity (the policy ids above; GitHub-hosted runners are in no named location): re-running does not help. An admin must exclude this app or service principal from the policy, or allow the runner's addresses (a self-hosted runner with fixed addresses, or managed-identity on Azure).",
    AADSTS7000112: 'the app (or its service principal) is disabled in this tenant: an admin must enable it (Enterprise applications > the app > Properties > Enabled for users to sign in), or use another app.',
    AADSTS700025: 'the app registration is set to allow public client flows, so Entra ID refuses any client secret or assertion: set "Allow public client flows" to No (App registrations > the app > Authentication), or register a confidential app for CI.',
    AADSTS50059: "Entra ID could not tell which tenant to sign in to: give the directory (tenant) id or a verified domain in tenant-id, not 'common' or 'organizations'.",
};
/** Where a code means something else for an auth type: workload identity federates the cluster, not GitHub. */
const WORKLOAD_IDENTITY_HINTS = {
    AADSTS70021: "no federated credential on the app matches the runner pod's service account token: add one with the cluster's OIDC issuer (az aks show --query oidcIssuerProfile.issuerUrl), the subject system:serviceaccount:<namespace>:<service account> and the audience api://AzureADTokenExchange, exactly the values above.",
    AADSTS700211: "no federated credential matches the token's issuer: register the AKS cluster's OIDC issuer (the iss above; az aks show --query oidcIssuerProfile.issuerUrl) as the credential's issuer.",
    AADSTS700212: "no federated credential matches the token's audience: the credential's audience must be the aud above (api://AzureADTokenExchange for AKS workload identity).",
    AADSTS700213: "no federated credential matches the token's subject: register system:serviceaccount:<namespace>:<service account> of the runner pod, exactly the sub above.",
    AADSTS7002138: "the federated credential's subject differs from the token's sub only in letter case (Entra ID compares subjects case-sensitively): register exactly the sub above; Kubernetes namespace and service account names are lower case.",
    AADSTS700024: "the federated token is outside its time window: the kubelet refreshes the projected token; check that federated-token-file points at the projected file itself (not a copy) and the node's clock.",
};
/** Entra ID's codes and their fixes, and where workload identity needs other ones. */
const AZURE_HINTS = {
    byCode: AADSTS_HINTS,
    byAuthType: { 'workload-identity': WORKLOAD_IDENTITY_HINTS },
};
/** What to check when the credential could not be used at all, per auth type. */
const UNAVAILABLE_HINTS = {
    'client-secret': 'check tenant-id, client-id and client-secret.',
    'client-certificate': 'check that client-certificate holds the PEM private key and certificate, and client-certificate-password if the key is encrypted.',
    oidc: 'check that the job has `permissions: id-token: write` and that the app has a federated credential for this repository.',
    'workload-identity': "check federated-token-file (AZURE_FEDERATED_TOKEN_FILE), tenant-id and client-id, and that the app has a federated credential for the cluster's issuer and the runner's service account.",
    'managed-identity': 'managed-identity works only on a self-hosted runner in Azure (VM, scale set, App Service, Container Apps) with an identity assigned; pick a user-assigned identity with client-id, identity-object-id or identity-resource-id.',
    'azure-cli': 'run azure/login (or `az login`) in an earlier step of this job, and check that `az` is on PATH.',
};
/** The fix when the identity asked for is not on the machine (or it has no system-assigned one). */
const IDENTITY_NOT_ASSIGNED = 'no managed identity with this id is assigned to the machine (without an id: it has no system-assigned identity): check client-id, identity-object-id or identity-resource-id against its identities (az vm identity show, az webapp identity show), or assign the identity; a new assignment can take a few minutes to arrive.';
/**
 * IMDS refuses with invalid_request and App Service with a bare message (or an empty body): the
 * message is all that tells the cases apart.
 */
const MANAGED_IDENTITY_HINTS = [
    [
        /Multiple user assigned identities exist/i,
        'the machine has several user-assigned identities and none was chosen: name one with client-id, identity-object-id or identity-resource-id (az vm identity show lists them).',
    ],
    [
        /Identity not found|Unable to load the proper Managed Identity|No User Assigned or Delegated Managed Identity found/i,
        IDENTITY_NOT_ASSIGNED,
    ],
];
/** The fix when Entra ID cannot be reached at all: where its address comes from, never the credentials. */
function entraUnreachable(url) {
    return `check that ${new URL(url).host} is reachable from the runner: the proxy settings (HTTPS_PROXY, NO_PROXY) and the cloud and authority-host inputs; it is not a problem with the credentials.`;
}
/** The fix when the managed identity endpoint cannot be reached at all. */
const MANAGED_IDENTITY_UNREACHABLE = 'managed-identity works only on a self-hosted runner in Azure: IDENTITY_ENDPOINT names the endpoint on App Service and Container Apps; on a VM the metadata service 169.254.169.254 answers only inside Azure (get-token reaches it without a proxy). It is not a problem with the credentials.';
/**
 * auth-type auto chose oidc because client-secret (and AZURE_CLIENT_SECRET) and client-certificate
 * were empty. A misspelled or unavailable secret arrives empty, so a step meant to use a secret
 * signs in with OIDC instead, and Entra's refusal then sends the user after federated credentials.
 */
const AUTO_CHOSE_OIDC = 'auth-type auto chose oidc: client-secret (and AZURE_CLIENT_SECRET) and client-certificate are empty, and this job may request a GitHub OIDC token. If this step should use a client secret, its reference arrived empty: a secret that does not exist (check its name) or is not available to this run arrives empty. Set auth-type: oidc to say that OIDC is meant.';


/***/ }),

/***/ 2303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getAzureToken: () => (/* binding */ getAzureToken)
/* harmony export */ });
/* harmony import */ var _entra_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(340);

/**
 * Loaded on demand, so the IBM path never evaluates it. App sign-ins speak to Entra ID directly;
 * managed-identity and azure-cli load @azure/identity (its own chunk), which knows their platforms.
 */
async function getAzureToken(config, ctx) {
    switch (config.authType) {
        case 'managed-identity':
            return (await __webpack_require__.e(/* import() */ 75).then(__webpack_require__.bind(__webpack_require__, 9075))).getManagedIdentityToken(config, ctx);
        case 'azure-cli':
            return (await __webpack_require__.e(/* import() */ 390).then(__webpack_require__.bind(__webpack_require__, 8390))).getCliToken(config, ctx);
        default:
            return (0,_entra_js__WEBPACK_IMPORTED_MODULE_0__/* .getAppToken */ .j)(config, ctx);
    }
}


/***/ })

};
