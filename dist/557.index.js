export const id = 557;
export const ids = [557];
export const modules = {

/***/ 2557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getAzureToken: () => (/* binding */ getAzureToken)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/providers/azure/config.ts + 3 modules
var azure_config = __webpack_require__(6007);
// EXTERNAL MODULE: ./src/io/http.ts + 1 modules
var http = __webpack_require__(4059);
// EXTERNAL MODULE: ./src/io/files.ts + 1 modules
var files = __webpack_require__(6650);
;// CONCATENATED MODULE: ./src/providers/azure/federated.ts

/**
 * A client assertion issued by someone else and trusted through a federated credential on the
 * app: GitHub's OIDC token (oidc) or a Kubernetes service account token (workload-identity).
 * Keeps the last token (its claims explain federation errors) and the first failure to get one
 * (what the user needs, not @azure/identity's wrapping of it).
 */
class FederatedAssertion {
    /** What the token is, for error lines: "The GitHub OIDC token". */
    label;
    lastToken;
    failure;
    /** The token to send now, given the last one sent. */
    next;
    constructor(label, next) {
        this.label = label;
        this.next = next;
    }
    get = async () => {
        try {
            this.lastToken = await this.next(this.lastToken);
            return this.lastToken;
        }
        catch (error) {
            this.failure ??= error;
            throw error;
        }
    };
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

// EXTERNAL MODULE: ./src/jwt.ts
var jwt = __webpack_require__(6962);
// EXTERNAL MODULE: ./src/log/safe-text.ts
var safe_text = __webpack_require__(6729);
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
    const body = await (0,http/* requestJson */.SS)({
        service: "GitHub's OIDC token endpoint",
        endpointInput: 'the ACTIONS_ID_TOKEN_REQUEST_URL variable',
        transport: ctx.transport,
        retry: ctx.retry,
        redact: ctx.redact,
        mask: ctx.mask,
        secretFields: ['value'],
        request: {
            method: 'GET',
            url: `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`,
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        },
        refused: error => new errors/* ActionError */.lZ(`GitHub refused the OIDC token request (HTTP ${error.status}): ${(0,safe_text/* safeText */.H)(error.body, ctx.redact, 300) || '(empty body)'}`, {
            fix: 'check that the job has `permissions: id-token: write` and that the run is not a pull request from a fork.',
        }),
    });
    const token = body.value;
    if (typeof token !== 'string' || token === '') {
        throw new errors/* ActionError */.lZ("GitHub's OIDC token endpoint answered without a token (no `value`).", {
            fix: 'retry the job; if it persists, check githubstatus.com.',
        });
    }
    return token;
}
/**
 * The client assertion of the oidc auth type. msal-node asks twice per token request (once for
 * the request, once for its client configuration): one GitHub token serves both, and a new one is
 * fetched when it nears expiry.
 */
function gitHubAssertion(audience, ctx) {
    return new FederatedAssertion('The GitHub OIDC token', async (last) => last && !expiresWithin(last, MIN_LIFE_SECONDS, ctx.now()) ? last : fetchGitHubOidcToken(audience, ctx));
}
const MIN_LIFE_SECONDS = 60;
function expiresWithin(token, seconds, now) {
    const exp = Number((0,jwt/* stringClaim */.Ev)((0,jwt/* jwtClaims */.vE)(token), 'exp'));
    return !Number.isFinite(exp) || exp * 1000 - now < seconds * 1000;
}

// EXTERNAL MODULE: ./src/providers/azure/managed-identity.ts
var managed_identity = __webpack_require__(1962);
// EXTERNAL MODULE: ./src/io/retry.ts
var io_retry = __webpack_require__(3974);
;// CONCATENATED MODULE: ./src/providers/azure/pipeline.ts


/**
 * The action's retry policy (retry.ts) inside @azure/identity's HTTP pipeline, whose own retry
 * policy is switched off: the same rules as every other request (network errors, 408, 429, 5xx;
 * Retry-After; max-attempts; the deadline), one loop, no stacking.
 */
function retryPolicy(retry) {
    return {
        name: 'getTokenRetry',
        async sendRequest(request, next) {
            try {
                return await (0,io_retry/* withRetry */.bD)(async () => {
                    let response;
                    try {
                        response = await next(request);
                    }
                    catch (error) {
                        throw isNetworkError(error)
                            ? new TransientFailure(error, String(error.code ?? 'network error'), retry.now())
                            : error;
                    }
                    if ((0,io_retry/* isTransientStatus */.Dm)(response.status))
                        throw new TransientFailure(response, `HTTP ${response.status}`, retry.now(), response.headers.get('retry-after'));
                    return response;
                }, retry);
            }
            catch (error) {
                // Out of attempts: hand MSAL the last answer (or network error) so it reports it as usual.
                if (!(error instanceof TransientFailure))
                    throw error;
                if (error.last instanceof Error)
                    throw error.last;
                return error.last;
            }
        },
    };
}
class TransientFailure extends Error {
    transient = true;
    reason;
    retryAfterMs;
    last;
    constructor(last, reason, now, retryAfter) {
        super(reason);
        this.last = last;
        this.reason = reason;
        this.retryAfterMs = (0,io_retry/* parseRetryAfter */.mu)(retryAfter, now);
    }
}
/** A transient network failure; not an abort (the deadline), not an answer, not a TLS failure. */
function isNetworkError(error) {
    const { name, code, statusCode } = (error ?? {});
    if (name === 'AbortError' || statusCode !== undefined || http/* TLS_ERRORS */.Y$.test(code ?? ''))
        return false;
    return name === 'RestError' || /^E[A-Z]+$/.test(code ?? '');
}
/**
 * MSAL does not pass getToken's abortSignal to its HTTP calls, so timeout-seconds is enforced in
 * the pipeline: every request is aborted at the deadline. Managed identity replaces
 * additionalPolicies with its own; it is bounded by the race in getAzureToken instead.
 */
function deadlinePolicy(deadline) {
    const signal = AbortSignal.timeout(Math.max(1, deadline.remainingMs()));
    return {
        name: 'getTokenDeadline',
        sendRequest(request, next) {
            const own = request.abortSignal;
            request.abortSignal = own instanceof AbortSignal ? AbortSignal.any([own, signal]) : signal;
            return next(request);
        },
    };
}
/**
 * Puts a freshly fetched federated assertion into every attempt's token request: a retry sends
 * the current token, not the one MSAL read before the first attempt.
 */
function freshAssertionPolicy(assertion) {
    return {
        name: 'getTokenFreshAssertion',
        async sendRequest(request, next) {
            if (typeof request.body === 'string' && request.body.includes('client_assertion=')) {
                const form = new URLSearchParams(request.body);
                form.set('client_assertion', await assertion.get());
                request.body = form.toString();
                request.headers.delete('content-length');
            }
            return next(request);
        },
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/providers/azure/sdk-tweaks.ts


/**
 * Removes the global FormData for the rest of this run, called once before the Azure SDK sends
 * anything. The SDK's pipeline checks `typeof FormData` on every request; in Node the first touch
 * of that lazy global loads Node's whole fetch implementation, although MSAL sends only
 * url-encoded strings. Measured on the client-secret path against the loopback emulators (20 runs
 * each, alternated): median wall time 113 ms without the global against 130 ms with it (ratio
 * 0.90 pair by pair) and 4 MiB less memory. It is not put back: reading the global to restore it
 * later loads the same code (seen: hiding it only around the request measured ratio 1.00), and
 * nothing after the token request uses it (publishing writes the runner's files).
 */
function dropGlobalFormData() {
    delete globalThis.FormData;
}
/**
 * The SDK logs (AZURE_LOG_LEVEL) to stderr, which the runner also scans for workflow commands:
 * its lines go to the action's debug log instead, one inert line each, secrets redacted.
 * `AzureLogger.log` is @azure/logger's documented place to send the SDK's logs elsewhere.
 */
function routeSdkLogs(logger, debug, redact) {
    logger.log = (...args) => debug((0,safe_text/* safeText */.H)((0,external_node_util_.format)(...args), redact, 2000));
}

;// CONCATENATED MODULE: ./src/providers/azure/credential.ts







/**
 * One @azure/identity credential per auth type. The app sign-ins' HTTP pipeline carries the
 * action's retry policy and deadline (pipeline.ts) instead of the SDK's own; every credential
 * that sends requests sends them through the watch.
 */
async function createCredential(config, ctx, watch) {
    const [identity, { AzureLogger }, { createDefaultHttpClient }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(469), __webpack_require__.e(71), __webpack_require__.e(560)]).then(__webpack_require__.bind(__webpack_require__, 5563)),
        __webpack_require__.e(/* import() */ 567).then(__webpack_require__.bind(__webpack_require__, 7567)),
        __webpack_require__.e(/* import() */ 469).then(__webpack_require__.bind(__webpack_require__, 850)),
    ]);
    routeSdkLogs(AzureLogger, ctx.debug, ctx.redact);
    const httpClient = watch.httpClient(createDefaultHttpClient());
    ctx.debug(`Azure: ${config.authType} credential, authority ${(0,azure_config/* authorityOf */.vO)(config)}, scope ${config.scope}`);
    switch (config.authType) {
        case 'client-secret': {
            const { tenantId, clientId, clientSecret } = config;
            const options = appOptions(config, ctx, watch, httpClient);
            return { credential: new identity.ClientSecretCredential(tenantId, clientId, clientSecret, options) };
        }
        case 'client-certificate': {
            const { tenantId, clientId, certificate, certificatePassword } = config;
            const pem = { certificate, certificatePassword };
            const options = appOptions(config, ctx, watch, httpClient);
            return { credential: new identity.ClientCertificateCredential(tenantId, clientId, pem, options) };
        }
        case 'oidc':
        case 'workload-identity': {
            const assertion = config.authType === 'oidc'
                ? gitHubAssertion(config.oidcAudience, ctx)
                : tokenFileAssertion(config.tokenFile, ctx);
            // A token file that is missing, empty or too big fails here, before any request.
            if (config.authType === 'workload-identity')
                await assertion.get();
            const options = appOptions(config, ctx, watch, httpClient, assertion);
            const credential = new identity.ClientAssertionCredential(config.tenantId, config.clientId, assertion.get, options);
            return { credential, assertion };
        }
        case 'managed-identity': {
            ctx.debug(`Azure: managed identity ${(0,managed_identity/* describeManagedIdentity */.J)(config.identity)}`);
            if (config.identity.kind === 'client-id' && config.identity.fromEnvironment) {
                ctx.info(`Using the user-assigned managed identity ${config.identity.clientId} that the runner's AZURE_CLIENT_ID names; give client-id, identity-object-id or identity-resource-id to choose another (or client-id empty and AZURE_CLIENT_ID unset for the system-assigned one).`);
            }
            const options = { ...selector(config.identity), retryOptions: managedIdentityRetries(ctx), httpClient };
            return { credential: new identity.ManagedIdentityCredential(options) };
        }
        case 'azure-cli': {
            const processTimeoutInMs = Math.max(1000, ctx.deadline.remainingMs());
            return { credential: new identity.AzureCliCredential({ tenantId: config.tenantId, processTimeoutInMs }) };
        }
    }
}
/**
 * The authority, and the action's policies in place of the SDK's retries. A federated assertion
 * is fetched again for every attempt (a projected token may rotate in between).
 */
function appOptions(config, ctx, watch, httpClient, assertion) {
    return {
        authorityHost: config.authorityHost,
        httpClient,
        disableInstanceDiscovery: config.customAuthority,
        retryOptions: { maxRetries: 0 },
        userAgentOptions: { userAgentPrefix: http/* USER_AGENT */._O },
        additionalPolicies: [
            { policy: deadlinePolicy(ctx.deadline), position: 'perCall' },
            { policy: retryPolicy(ctx.retry), position: 'perCall' },
            { policy: watch.redirectPolicy(), position: 'perCall' },
            ...(assertion ? [{ policy: freshAssertionPolicy(assertion), position: 'perRetry' }] : []),
        ],
    };
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
/** Managed identity ignores additionalPolicies: the SDK's own retries, bounded by max-attempts. */
function managedIdentityRetries(ctx) {
    return { maxRetries: ctx.retry.maxAttempts - 1, retryDelayInMs: 500, maxRetryDelayInMs: 8000 };
}

// EXTERNAL MODULE: ./src/json.ts
var src_json = __webpack_require__(8301);
;// CONCATENATED MODULE: ./src/providers/azure/hints.ts
/** One-line fixes for the AADSTS codes CI users meet most. */
const AADSTS_HINTS = {
    '7000215': "client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID.",
    '7000222': 'the client secret has expired: create a new one (App registrations > Certificates & secrets) and update the secret.',
    '700016': 'no app with this client-id in this tenant: check client-id, tenant-id and cloud (a US Government or China app is not in the public cloud).',
    '70021': 'no federated credential on the app matches this GitHub OIDC token: add one whose issuer, subject and audience are exactly the values above.',
    '700211': "no federated credential matches the token's issuer: register the iss above as the credential's issuer (https://token.actions.githubusercontent.com on github.com; https://<host>/_services/token on GitHub Enterprise Server; https://token.actions.githubusercontent.com/<enterprise> for an enterprise with a custom issuer).",
    '700212': "no federated credential matches the token's audience: set the credential's audience to the aud above, or oidc-audience to the credential's.",
    '700213': "no federated credential matches the token's subject: add a federated credential for exactly the sub above (branch, tag, environment or pull_request).",
    '7002137': "no federated credential matches the token's subject; Entra ID's message names the subject the credential should have: set the federated credential's subject to exactly that (the token's sub is shown above).",
    '7002138': "the federated credential's subject differs from the token's sub only in letter case (Entra ID compares subjects case-sensitively): register exactly the sub above, with its capitals (owner, repository and environment names as GitHub writes them).",
    '700024': "the client assertion is outside its time window: check the runner's clock; the GitHub OIDC token is fetched right before the token request and lives about 5 minutes.",
    '700027': 'the certificate is not registered on the app: upload its public certificate (App registrations > Certificates & secrets), or check that client-certificate holds the matching key.',
    '90002': 'the tenant was not found: check tenant-id and cloud (or authority-host).',
    '90033': 'Entra ID had a transient problem: re-run the job; raise max-attempts or timeout-seconds if it happens often.',
    '500011': 'the resource principal was not found in the tenant: check resource / scope (e.g. https://<workspace>-<fhir>.fhir.azurehealthcareapis.com), and that the service exists in this tenant.',
    '1002012': 'the scope is not valid for an app token: it must end in /.default (or give resource instead of scope).',
};
/** Where a code means something else for an auth type: workload identity federates the cluster, not GitHub. */
const WORKLOAD_IDENTITY_HINTS = {
    '70021': "no federated credential on the app matches the runner pod's service account token: add one with the cluster's OIDC issuer (az aks show --query oidcIssuerProfile.issuerUrl), the subject system:serviceaccount:<namespace>:<service account> and the audience api://AzureADTokenExchange, exactly the values above.",
    '700211': "no federated credential matches the token's issuer: register the AKS cluster's OIDC issuer (the iss above; az aks show --query oidcIssuerProfile.issuerUrl) as the credential's issuer.",
    '700212': "no federated credential matches the token's audience: the credential's audience must be the aud above (api://AzureADTokenExchange for AKS workload identity).",
    '700213': "no federated credential matches the token's subject: register system:serviceaccount:<namespace>:<service account> of the runner pod, exactly the sub above.",
    '7002138': "the federated credential's subject differs from the token's sub only in letter case (Entra ID compares subjects case-sensitively): register exactly the sub above; Kubernetes namespace and service account names are lower case.",
    '700024': "the federated token is outside its time window: the kubelet refreshes the projected token; check that federated-token-file points at the projected file itself (not a copy) and the node's clock.",
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
/**
 * IMDS and App Service refuse a managed identity with invalid_request (IMDS) or a bare message;
 * the description is all that tells the cases apart. MSAL puts it after "Description:".
 */
const MANAGED_IDENTITY_HINTS = [
    [
        /Multiple user assigned identities exist/i,
        'the machine has several user-assigned identities and none was chosen: name one with client-id, identity-object-id or identity-resource-id (az vm identity show lists them).',
    ],
    [
        /Identity not found|No User Assigned or Delegated Managed Identity found/i,
        'no managed identity with this id is assigned to the machine (without an id: it has no system-assigned identity): check client-id, identity-object-id or identity-resource-id against its identities (az vm identity show, az webapp identity show), or assign the identity; a new assignment can take a few minutes to arrive.',
    ],
];
/** Where the endpoint a network failure points at comes from. */
const ENDPOINT_INPUTS = {
    'client-secret': 'the cloud and authority-host inputs',
    'client-certificate': 'the cloud and authority-host inputs',
    oidc: 'the cloud and authority-host inputs',
    'workload-identity': 'the cloud and authority-host inputs (AZURE_AUTHORITY_HOST)',
    'managed-identity': 'IDENTITY_ENDPOINT (App Service, Container Apps); on a VM the metadata service 169.254.169.254 answers only inside Azure',
    'azure-cli': 'the Azure CLI set-up',
};

;// CONCATENATED MODULE: ./src/providers/azure/errors.ts






/** Codes about the federated credential match: the error shows what the assertion claimed. */
const FEDERATION_CODES = new Set(['70021', '700211', '700212', '700213', '7002137', '7002138']);
/** What timed out, for deadline messages. */
function requestName(config) {
    if (config.authType === 'managed-identity')
        return 'The managed identity token request';
    if (config.authType === 'azure-cli')
        return 'The Azure CLI (az account get-access-token)';
    return `The Entra ID token request (${(0,azure_config/* authorityOf */.vO)(config)})`;
}
/** Turns anything @azure/identity throws into one actionable message. */
function azureError(error, config, deadline, assertion, redact, failure) {
    if (error instanceof errors/* ActionError */.lZ)
        return error;
    const chain = causes(error);
    const text = chain.map(e => `${e.errorMessage ?? ''} ${e.message ?? ''}`).join(' ');
    // MSAL turns an aborted request into network_error or endpoints_resolution_error: the clock tells.
    if (deadline.remainingMs() <= 0 || chain.some(e => e.name === 'AbortError' || e.name === 'TimeoutError')) {
        return deadline.exceeded(requestName(config));
    }
    const code = /AADSTS(\d+)/.exec(text)?.[1] ?? chain.map(e => e.errorNo).find(Boolean);
    if (code) {
        const lines = [`Entra ID refused the token request (${config.authType}): ${describe(text, code, redact)}`];
        const correlationId = chain.map(e => e.correlationId).find(Boolean) ?? /Correlation ID: ([0-9a-f-]{36})/i.exec(text)?.[1];
        if (correlationId)
            lines.push(`Correlation ID: ${(0,safe_text/* safeText */.H)(correlationId, redact, 60)}`);
        if (FEDERATION_CODES.has(code) && assertion?.lastToken)
            lines.push(describeAssertion(assertion, redact));
        const hint = (config.authType === 'workload-identity' ? WORKLOAD_IDENTITY_HINTS[code] : undefined) ?? AADSTS_HINTS[code];
        return new errors/* ActionError */.lZ(lines.join('\n'), {
            fix: hint ?? `look up AADSTS${code} at https://login.microsoftonline.com/error?code=${code}.`,
        });
    }
    // MSAL reports a request that got no answer without its cause; the watch kept it.
    if (failure)
        return unreachable(failure, config, redact);
    if (config.authType === 'managed-identity') {
        const refused = managedIdentityRefusal(chain, text, redact);
        if (refused)
            return refused;
    }
    // MSAL appends the raw response headers to unknown errors: noise for the user.
    const message = (0,safe_text/* safeText */.H)((chain[0]?.message ?? String(error)).replace(/\s*Headers: \{[\s\S]*$/, ''), redact, 600);
    const unavailable = chain.some(e => e.name === 'CredentialUnavailableError');
    return new errors/* ActionError */.lZ(`Could not get an Entra ID token (${config.authType}): ${message}`, {
        fix: unavailable ? UNAVAILABLE_HINTS[config.authType] : networkOrGeneric(text, config),
    });
}
function networkOrGeneric(text, config) {
    const status = /Http status code: (408|429|5\d\d)\b/.exec(text)?.[1];
    if (status) {
        return `${(0,azure_config/* authorityOf */.vO)(config)} answered HTTP ${status} on every attempt: a server or proxy problem, not your credentials. Re-run, or raise max-attempts / timeout-seconds.`;
    }
    if (/Response had no "expiresOn"|unknown_error|Http status code: 2\d\d/.test(text)) {
        return `${(0,azure_config/* authorityOf */.vO)(config)} answered, but not as Entra ID does: check authority-host and cloud, and any proxy between the runner and the authority.`;
    }
    return networkHint(text, config) ?? UNAVAILABLE_HINTS[config.authType];
}
/** The fix for a request that got no answer (refused, reset, TLS), by what the text says; undefined otherwise. */
function networkHint(text, config) {
    if (/ERR_TLS_CERT_ALTNAME_INVALID/.test(text)) {
        return `the certificate that answered is not one for ${hostOf(config)}: a proxy or firewall that inspects TLS answers in its place. Let the runner through it (NO_PROXY), or give its CA certificate to the step through NODE_EXTRA_CA_CERTS; check ${ENDPOINT_INPUTS[config.authType]}.`;
    }
    if (/certificate|self.signed|UNABLE_TO_VERIFY|CERT_|ERR_TLS/i.test(text)) {
        return 'the TLS certificate is not trusted: for a private CA or a proxy that inspects TLS, give its CA certificate to the step through NODE_EXTRA_CA_CERTS.';
    }
    if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|network_error/.test(text)) {
        const proxy = config.authType === 'managed-identity' ? 'NO_PROXY must name it if HTTP_PROXY is set' : 'HTTPS_PROXY, NO_PROXY';
        return `check that ${hostOf(config)} is reachable from the runner: the proxy settings (${proxy}) and ${ENDPOINT_INPUTS[config.authType]}; it is not a problem with the credentials.`;
    }
    return undefined;
}
function hostOf(config) {
    if (config.authType === 'managed-identity')
        return 'the managed identity endpoint';
    return new URL((0,azure_config/* authorityOf */.vO)(config)).host;
}
/** A request that never got an answer: the host, Node's error code, and where to look. */
function unreachable(failure, config, redact) {
    const service = config.authType === 'managed-identity' ? 'the managed identity endpoint' : 'Entra ID';
    const code = (0,safe_text/* safeText */.H)(failure.code || 'network error', redact, 60);
    const detail = failure.message && failure.message !== failure.code ? ` (${(0,safe_text/* safeText */.H)(failure.message, redact, 200)})` : '';
    const what = http/* TLS_ERRORS */.Y$.test(failure.code)
        ? `The TLS certificate of ${service} (${failure.host}) was refused: ${code}${detail}.`
        : `Could not reach ${service} at ${failure.host} (${config.authType}): ${code}${detail}.`;
    return new errors/* ActionError */.lZ(what, { fix: networkHint(`${failure.code} ${failure.message}`, config) });
}
/** The endpoint's `error` and description (MSAL writes it after "Description:"), and the fix for it. */
function managedIdentityRefusal(chain, text, redact) {
    const [pattern, fix] = MANAGED_IDENTITY_HINTS.find(([known]) => known.test(text)) ?? [];
    if (!pattern || !fix)
        return undefined;
    const description = /Description: ([\s\S]*?) - Correlation ID:/.exec(text)?.[1] ?? pattern.exec(text)?.[0] ?? '';
    const code = chain.map(e => e.errorCode).find(Boolean);
    const said = (0,safe_text/* safeText */.H)(`${code ? `${code}: ` : ''}${description}`, redact, 300);
    return new errors/* ActionError */.lZ(`The managed identity endpoint refused the token request: ${said}`, { fix });
}
/** "AADSTS7000215: Invalid client secret provided. ..." without the trace and correlation noise. */
function describe(text, code, redact) {
    const start = text.indexOf(`AADSTS${code}`);
    const from = start >= 0 ? text.slice(start) : text;
    const description = from.split(/\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n)/)[0] ?? from;
    return (0,safe_text/* safeText */.H)(description || `AADSTS${code}`, redact, 800);
}
/** The claims a federated credential must match, never the token. */
function describeAssertion(assertion, redact) {
    const claims = (0,jwt/* jwtClaims */.vE)(assertion.lastToken ?? '');
    const claim = (name) => (0,safe_text/* safeText */.H)((0,jwt/* stringClaim */.Ev)(claims, name) ?? '?', redact, 300);
    return `${assertion.label} had iss=${claim('iss')} sub=${claim('sub')} aud=${claim('aud')}`;
}
/** The error and its causes, outermost first, at most five. */
function causes(error) {
    const chain = [];
    let current = error;
    while (current && typeof current === 'object' && chain.length < 5) {
        chain.push(current);
        current = current.cause;
    }
    if (chain.length === 0)
        chain.push({ message: String(error) });
    return chain;
}

;// CONCATENATED MODULE: ./src/providers/azure/discovery.ts




/**
 * With a custom authority-host MSAL first reads the tenant's discovery document, and when that
 * fails it reports only "endpoints_resolution_error", dropping Entra's answer (AADSTS90002 for an
 * unknown tenant). One more GET of the document recovers that answer; anything else passes through.
 */
async function explainDiscoveryFailure(error, config, ctx) {
    const text = causes(error)
        .map(e => e.message ?? '')
        .join(' ');
    if (!/endpoints_resolution_error|openid_config_error/.test(text) || ctx.deadline.remainingMs() <= 0)
        return error;
    const url = `${config.authorityHost}/${config.tenantId}/v2.0/.well-known/openid-configuration`;
    let answer = '';
    let failure;
    try {
        const response = await ctx.transport.send({ method: 'GET', url, headers: { Accept: 'application/json' } }, Math.min(10_000, ctx.deadline.remainingMs()));
        answer = response.body;
        failure = `HTTP ${response.status}`;
    }
    catch (cause) {
        const code = cause?.code;
        failure = [code, cause instanceof Error ? cause.message : String(cause)].filter(Boolean).join(' ');
    }
    const description = errorDescription(answer);
    if (description)
        return { message: description };
    return new errors/* ActionError */.lZ(`Could not read the OpenID configuration of tenant ${config.tenantId} at ${url}${failure ? ` (${(0,safe_text/* safeText */.H)(failure, ctx.redact, 200)})` : ''}.`, {
        fix: networkHint(failure, config) ??
            "check tenant-id and authority-host (give the authority's base URL, e.g. https://login.example.com, without the tenant).",
    });
}
function errorDescription(body) {
    const value = (0,src_json/* jsonObject */.o)(body)?.error_description;
    return typeof value === 'string' && value !== '' ? value : undefined;
}

// EXTERNAL MODULE: ./src/log/credential-fields.ts
var credential_fields = __webpack_require__(4287);
;// CONCATENATED MODULE: ./src/providers/azure/wire-watch.ts





/**
 * What the SDK saw on the wire and leaves out of its errors, and the mask on every answer. MSAL
 * reports a network failure as "network_error" without its cause, reads an expiry it cannot parse
 * as 0 ("expired" at once), takes a managed identity's `expires_on` (the endpoint's clock) over
 * its `expires_in`, and reports a refused redirect as "unknown_error … Http status code: 307".
 */
class WireWatch {
    redirect;
    /** The last request's network failure; cleared by any answer. */
    failure;
    expiry;
    /** When the token answer arrived, on the runner's clock. */
    answeredAt = NaN;
    mask;
    now;
    /** `mask` registers every credential field of every answer before the SDK reads the answer. */
    constructor(mask, now) {
        this.mask = mask;
        this.now = now;
    }
    /**
     * Keeps refused redirects. A pipeline policy, not the HTTP client: the SDK follows a redirect
     * within the same origin below it, and only what reaches the policy was refused.
     */
    redirectPolicy() {
        return {
            name: 'getTokenRedirectWatch',
            sendRequest: async (request, next) => {
                const response = await next(request);
                if (response.status >= 300 && response.status < 400) {
                    this.redirect = { status: response.status, url: request.url, location: response.headers.get('location') };
                }
                return response;
            },
        };
    }
    /** The SDK's HTTP client, watched: every attempt, managed identity included (it ignores pipeline policies). */
    httpClient(inner) {
        return {
            sendRequest: async (request) => {
                try {
                    const response = await inner.sendRequest(request);
                    this.failure = undefined;
                    const body = response.bodyAsText;
                    const json = body && body.length < 1024 * 1024 ? (0,src_json/* jsonObject */.o)(body) : undefined;
                    for (const secret of (0,credential_fields/* credentialValues */.w)(json))
                        this.mask(secret);
                    if (json && response.status >= 200 && response.status < 300)
                        this.noteExpiry(json);
                    return response;
                }
                catch (error) {
                    const { code, message, name } = (error ?? {});
                    if (name !== 'AbortError') {
                        this.failure = { host: new URL(request.url).host, code: String(code ?? ''), message: String(message ?? '') };
                    }
                    throw error;
                }
            },
        };
    }
    noteExpiry(json) {
        if ('access_token' in json) {
            this.expiry = { expires_in: json.expires_in, expires_on: json.expires_on };
            this.answeredAt = this.now();
        }
    }
    /** The end of the lifetime the answer granted (`expires_in` from its arrival), if it stated one. */
    grantedUntil() {
        const seconds = Number(this.expiry?.expires_in);
        const stated = this.expiry?.expires_in !== undefined && this.expiry.expires_in !== '';
        return stated && Number.isFinite(seconds) ? this.answeredAt + seconds * 1000 : undefined;
    }
    redirectError(redact) {
        if (!this.redirect)
            return undefined;
        const { status, url, location } = this.redirect;
        return (0,http/* redirected */.cP)({ status, headers: { location }, body: '' }, {
            service: 'Entra ID',
            endpointInput: 'authority-host (or cloud)',
            request: { method: 'POST', url, headers: {} },
            redact,
        });
    }
    /**
     * The token answer's expiry when MSAL cannot have read it: absent, or not the number of seconds
     * it expects (MSAL takes 0 then, and the token would look expired the moment it was issued).
     */
    unreadableExpiry(field, redact) {
        if (!this.expiry)
            return undefined;
        const value = this.expiry[field];
        if (value === undefined || value === null || value === '')
            return `no ${field}`;
        if (typeof value === 'number' ? Number.isFinite(value) : /^-?\d+(?:\.\d+)?$/.test(String(value).trim())) {
            return undefined;
        }
        if (field === 'expires_on' && isIso8601(value))
            return undefined;
        return `${field} ${JSON.stringify((0,safe_text/* safeText */.H)(typeof value === 'string' ? value : JSON.stringify(value), redact, 80))}`;
    }
}
/** msal-node converts a managed identity's expires_on itself when it passes this test (its utils/TimeUtils.isIso8601). */
function isIso8601(value) {
    if (typeof value !== 'string')
        return false;
    const date = new Date(value);
    return !Number.isNaN(date.getTime()) && date.toISOString() === value;
}

;// CONCATENATED MODULE: ./src/providers/azure/token.ts







/** Loaded on demand (its own chunk, with @azure/identity): the IBM path never evaluates it. */
async function getAzureToken(config, ctx) {
    dropGlobalFormData();
    const watch = new WireWatch(ctx.mask, ctx.now);
    let assertion;
    let result;
    try {
        const created = await createCredential(config, ctx, watch);
        assertion = created.assertion;
        const request = created.credential.getToken(config.scope, {
            abortSignal: AbortSignal.timeout(Math.max(1, ctx.deadline.remainingMs())),
        });
        result = await ctx.deadline.race(request, requestName(config));
    }
    catch (error) {
        throw await explain(error, config, ctx, watch, assertion);
    }
    if (!result?.token) {
        throw azureError(new Error('no token returned'), config, ctx.deadline, assertion, ctx.redact);
    }
    const unreadable = watch.unreadableExpiry(EXPIRY_FIELDS[config.authType], ctx.redact);
    if (unreadable)
        throw expiryError(unreadable, config);
    // An absolute expires_on is on the endpoint's clock: never publish more than expires_in granted.
    const granted = watch.grantedUntil();
    const capped = granted !== undefined && granted < result.expiresOnTimestamp;
    return {
        accessToken: result.token,
        expiresOnMs: capped ? granted : result.expiresOnTimestamp,
        expirySource: capped ? 'expires_in' : EXPIRY_FIELDS[config.authType],
    };
}
/** What the user needs to read: GitHub's own refusal, a redirect, Entra's AADSTS code, ... */
async function explain(error, config, ctx, watch, assertion) {
    if (assertion?.failure)
        return assertion.failure;
    const redirect = watch.redirectError(ctx.redact);
    if (redirect)
        return redirect;
    const signIn = (0,azure_config/* appSignIn */.Gd)(config);
    const explained = signIn ? await explainDiscoveryFailure(error, signIn, ctx) : error;
    return azureError(explained, config, ctx.deadline, assertion, ctx.redact, watch.failure);
}
/**
 * MSAL reads an expiry it cannot parse as 0, so the token would look expired the moment it was
 * issued (and "check the runner's clock" would be the wrong advice): name the field instead.
 */
function expiryError(unreadable, config) {
    const managed = config.authType === 'managed-identity';
    return new errors/* ActionError */.lZ(`${managed ? 'The managed identity endpoint' : 'Entra ID'} answered with a token but ${unreadable}, an expiry get-token cannot read; the token was not published.`, {
        fix: managed
            ? "get-token reads expires_on as seconds since 1970, as App Service's api-version 2019-08-01 and IMDS write it (App Service's retired 2017-09-01 API wrote a date): check that IDENTITY_ENDPOINT is the platform's own endpoint, not a local stand-in or proxy that answers in the old format."
            : 'Entra ID writes expires_in as seconds: check authority-host and cloud, and any proxy between the runner and the authority.',
    });
}
/** Where @azure/identity reads the expiry from, per auth type: named when it is not sane. */
const EXPIRY_FIELDS = {
    'client-secret': 'expires_in',
    'client-certificate': 'expires_in',
    oidc: 'expires_in',
    'workload-identity': 'expires_in',
    'managed-identity': 'expires_on',
    'azure-cli': 'expires_on',
};


/***/ })

};
