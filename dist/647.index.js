export const id = 647;
export const ids = [647];
export const modules = {

/***/ 3647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  getAzureToken: () => (/* binding */ getAzureToken)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/safe-text.ts
var safe_text = __webpack_require__(1452);
;// CONCATENATED MODULE: ./src/github-oidc.ts



/**
 * A GitHub OIDC token for `audience`, the protocol of `core.getIDToken`, but under the
 * action's own retry policy and deadline (getIDToken retries on its own, up to 10 times).
 * Masked before it is returned.
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
    ctx.mask(token);
    return token;
}

// EXTERNAL MODULE: ./src/jwt.ts
var jwt = __webpack_require__(6962);
// EXTERNAL MODULE: ./src/providers/provider.ts
var provider = __webpack_require__(9545);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/user-agent.ts
var user_agent = __webpack_require__(7360);
// EXTERNAL MODULE: ./src/retry.ts
var src_retry = __webpack_require__(9809);
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
                return await (0,src_retry/* withRetry */.bD)(async () => {
                    let response;
                    try {
                        response = await next(request);
                    }
                    catch (error) {
                        throw isNetworkError(error)
                            ? new TransientFailure(error, String(error.code ?? 'network error'), retry.now())
                            : error;
                    }
                    if ((0,src_retry/* isTransientStatus */.Dm)(response.status))
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
        this.retryAfterMs = (0,src_retry/* parseRetryAfter */.mu)(retryAfter, now);
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
 * The SDK follows a redirect only within the same origin; MSAL then reports any other as
 * "unknown_error … Http status code: 307". The watch keeps what was refused, so that the
 * error can say that the authority redirected, and where to.
 */
class RedirectWatch {
    seen;
    policy() {
        return {
            name: 'getTokenRedirectWatch',
            sendRequest: async (request, next) => {
                const response = await next(request);
                if (response.status >= 300 && response.status < 400) {
                    this.seen = { status: response.status, url: request.url, location: response.headers.get('location') };
                }
                return response;
            },
        };
    }
    error(redact) {
        if (!this.seen)
            return undefined;
        const { status, url, location } = this.seen;
        return (0,http/* redirected */.cP)({ status, headers: { location }, body: '' }, {
            service: 'Entra ID',
            endpointInput: 'authority-host (or cloud)',
            request: { method: 'POST', url, headers: {} },
            redact,
        });
    }
}

;// CONCATENATED MODULE: ./src/providers/azure/credential.ts




/**
 * One @azure/identity credential per auth type. Its HTTP pipeline carries the action's retry
 * policy and deadline (pipeline.ts) instead of its own.
 */
async function createCredential(config, ctx, oidcAssertion, redirects) {
    const [identity, { AzureLogger }] = await Promise.all([__webpack_require__.e(/* import() */ 348).then(__webpack_require__.bind(__webpack_require__, 7348)), __webpack_require__.e(/* import() */ 567).then(__webpack_require__.bind(__webpack_require__, 7567))]);
    // The SDK's pipeline checks `typeof FormData` on every request. In Node that first touch loads
    // Node's whole built-in fetch implementation (about 13 ms, 7 % of an Azure run) although MSAL
    // only sends url-encoded strings. Nothing in this process uses the global, so it goes before the
    // first request; the pipeline then treats FormData as absent, as it does on runtimes without it.
    delete globalThis.FormData;
    // The SDK logs (AZURE_LOG_LEVEL) to stderr, which the runner also scans for workflow commands:
    // route them through the action's debug log, one inert line each, secrets redacted.
    AzureLogger.log = (...args) => ctx.debug((0,safe_text/* safeText */.H)((0,external_node_util_.format)(...args), ctx.redact, 2000));
    const options = {
        authorityHost: config.authorityHost,
        disableInstanceDiscovery: config.disableInstanceDiscovery,
        retryOptions: { maxRetries: 0 },
        userAgentOptions: { userAgentPrefix: user_agent/* USER_AGENT_PREFIX */.r },
        additionalPolicies: [
            { policy: deadlinePolicy(ctx.retry.deadline), position: 'perCall' },
            { policy: retryPolicy(ctx.retry), position: 'perCall' },
            { policy: redirects.policy(), position: 'perCall' },
        ],
    };
    // Managed identity ignores additionalPolicies: the SDK's own retries, bounded by max-attempts.
    const managedIdentityRetry = { maxRetries: config.maxAttempts - 1, retryDelayInMs: 500, maxRetryDelayInMs: 8000 };
    ctx.debug(`Azure: ${config.authType} credential, authority ${config.authorityHost}, scope ${config.scope}`);
    switch (config.authType) {
        case 'client-secret':
            return new identity.ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, options);
        case 'client-certificate':
            return new identity.ClientCertificateCredential(config.tenantId, config.clientId, { certificate: config.certificate, certificatePassword: config.certificatePassword || undefined }, options);
        case 'oidc':
            return new identity.ClientAssertionCredential(config.tenantId, config.clientId, oidcAssertion, options);
        case 'managed-identity':
            return config.clientId
                ? new identity.ManagedIdentityCredential({ clientId: config.clientId, retryOptions: managedIdentityRetry })
                : new identity.ManagedIdentityCredential({ retryOptions: managedIdentityRetry });
        case 'azure-cli':
            return new identity.AzureCliCredential({
                tenantId: config.tenantId || undefined,
                processTimeoutInMs: Math.max(1000, ctx.retry.deadline.remainingMs()),
            });
    }
}

;// CONCATENATED MODULE: ./src/providers/azure/errors.ts



/** One-line fixes for the AADSTS codes CI users meet most. */
const AADSTS_HINTS = {
    '7000215': "client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID.",
    '7000222': 'the client secret has expired: create a new one (App registrations > Certificates & secrets) and update the secret.',
    '700016': 'no app with this client-id in this tenant: check client-id, tenant-id and cloud (a US Government or China app is not in the public cloud).',
    '70021': 'no federated credential on the app matches this GitHub OIDC token: add one whose issuer, subject and audience are exactly the values above.',
    '700211': "no federated credential matches the token's issuer: use https://token.actions.githubusercontent.com as the credential's issuer.",
    '700212': "no federated credential matches the token's audience: set the credential's audience to the aud above, or oidc-audience to the credential's.",
    '700213': "no federated credential matches the token's subject: add a federated credential for exactly the sub above (branch, tag, environment or pull_request).",
    '700024': "the client assertion is outside its time window: check the runner's clock; the GitHub OIDC token is fetched right before the token request and lives about 5 minutes.",
    '700027': 'the certificate is not registered on the app: upload its public certificate (App registrations > Certificates & secrets), or check that client-certificate holds the matching key.',
    '90002': 'the tenant was not found: check tenant-id and cloud (or authority-host).',
    '90033': 'Entra ID had a transient problem: re-run the job; raise max-attempts or timeout-seconds if it happens often.',
    '500011': 'the resource principal was not found in the tenant: check resource / scope (e.g. https://<account>.azurehealthcareapis.com), and that the service exists in this tenant.',
    '1002012': 'the scope is not valid for an app token: it must end in /.default (or give resource instead of scope).',
};
const FEDERATION_CODES = new Set(['70021', '700211', '700212', '700213']);
/** What timed out, for deadline messages. */
function requestName(config) {
    if (config.authType === 'managed-identity')
        return 'The managed identity token request';
    if (config.authType === 'azure-cli')
        return 'The Azure CLI (az account get-access-token)';
    return `The Entra ID token request (${config.authorityHost})`;
}
/** Turns anything @azure/identity throws into one actionable message. */
function azureError(error, config, deadline, oidcToken, redact) {
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
        if (FEDERATION_CODES.has(code) && oidcToken)
            lines.push(describeOidcToken(oidcToken, redact));
        return new errors/* ActionError */.lZ(lines.join('\n'), {
            fix: AADSTS_HINTS[code] ?? `look up AADSTS${code} at https://login.microsoftonline.com/error?code=${code}.`,
        });
    }
    // MSAL appends the raw response headers to unknown errors: noise for the user.
    const message = (0,safe_text/* safeText */.H)((chain[0]?.message ?? String(error)).replace(/\s*Headers: \{[\s\S]*$/, ''), redact, 600);
    const unavailable = chain.some(e => e.name === 'CredentialUnavailableError');
    return new errors/* ActionError */.lZ(`Could not get an Entra ID token (${config.authType}): ${message}`, {
        fix: unavailable ? UNAVAILABLE_HINTS[config.authType] : networkOrGeneric(text, config),
    });
}
/**
 * With a custom authority-host MSAL first reads the tenant's discovery document, and when that
 * fails it reports only "endpoints_resolution_error", dropping Entra's answer (AADSTS90002 for an
 * unknown tenant). One more GET of the document recovers that answer; anything else passes through.
 */
async function explainDiscoveryFailure(error, config, ctx) {
    const text = causes(error)
        .map(e => e.message ?? '')
        .join(' ');
    if (!/endpoints_resolution_error|openid_config_error/.test(text) || ctx.retry.deadline.remainingMs() <= 0)
        return error;
    const url = `${config.authorityHost}/${config.tenantId}/v2.0/.well-known/openid-configuration`;
    let answer = '';
    let failure;
    try {
        const response = await ctx.transport.send({ method: 'GET', url, headers: { Accept: 'application/json' } }, Math.min(10_000, ctx.retry.deadline.remainingMs()));
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
    try {
        const value = JSON.parse(body).error_description;
        return typeof value === 'string' && value !== '' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
const UNAVAILABLE_HINTS = {
    'client-secret': 'check tenant-id, client-id and client-secret.',
    'client-certificate': 'check that client-certificate holds the PEM private key and certificate, and client-certificate-password if the key is encrypted.',
    oidc: 'check that the job has `permissions: id-token: write` and that the app has a federated credential for this repository.',
    'managed-identity': 'managed-identity works only on a self-hosted runner in Azure (VM, scale set, App Service, Container Apps) with an identity assigned; give client-id for a user-assigned identity.',
    'azure-cli': 'run azure/login (or `az login`) in an earlier step of this job, and check that `az` is on PATH.',
};
function networkOrGeneric(text, config) {
    const status = /Http status code: (408|429|5\d\d)\b/.exec(text)?.[1];
    if (status) {
        return `${config.authorityHost} answered HTTP ${status} on every attempt: a server or proxy problem, not your credentials. Re-run, or raise max-attempts / timeout-seconds.`;
    }
    if (/Response had no "expiresOn"|unknown_error|Http status code: 2\d\d/.test(text)) {
        return `${config.authorityHost} answered, but not as Entra ID does: check authority-host and cloud, and any proxy between the runner and the authority.`;
    }
    return networkHint(text, config) ?? UNAVAILABLE_HINTS[config.authType];
}
function networkHint(text, config) {
    if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|socket hang up/i.test(text)) {
        return `check that ${config.authorityHost} is reachable from the runner (proxy settings: HTTPS_PROXY, NO_PROXY), or the authority-host input.`;
    }
    if (/certificate|self.signed|UNABLE_TO_VERIFY/i.test(text)) {
        return "the authority's TLS certificate is not trusted: for a private CA, give its certificate to the step through NODE_EXTRA_CA_CERTS.";
    }
    return undefined;
}
/** "AADSTS7000215: Invalid client secret provided. ..." without the trace and correlation noise. */
function describe(text, code, redact) {
    const start = text.indexOf(`AADSTS${code}`);
    const from = start >= 0 ? text.slice(start) : text;
    const description = from.split(/\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n)/)[0] ?? from;
    return (0,safe_text/* safeText */.H)(description || `AADSTS${code}`, redact, 500);
}
function describeOidcToken(token, redact) {
    const claims = (0,jwt/* jwtClaims */.vE)(token);
    const claim = (name) => (0,safe_text/* safeText */.H)((0,jwt/* stringClaim */.Ev)(claims, name) ?? '?', redact, 300);
    return `The GitHub OIDC token had iss=${claim('iss')} sub=${claim('sub')} aud=${claim('aud')}`;
}
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

;// CONCATENATED MODULE: ./src/providers/azure/index.ts






async function getAzureToken(config, ctx) {
    let lastOidcToken;
    let oidcFailure;
    const oidcAssertion = async () => {
        // msal-node asks twice per token request (once for the request, once for its client
        // configuration): one GitHub token serves both, and a new one is fetched when it nears expiry.
        if (!lastOidcToken || expiresWithin(lastOidcToken, OIDC_MIN_LIFE_SECONDS, ctx.now())) {
            try {
                lastOidcToken = await fetchGitHubOidcToken(config.oidcAudience, ctx);
            }
            catch (error) {
                oidcFailure = error; // @azure/identity wraps it; GitHub's own message and fix are what the user needs
                throw error;
            }
        }
        return lastOidcToken;
    };
    const redirects = new RedirectWatch();
    let credential;
    let result;
    try {
        credential = await createCredential(config, ctx, oidcAssertion, redirects);
        const request = credential.getToken(config.scope, {
            abortSignal: AbortSignal.timeout(Math.max(1, ctx.retry.deadline.remainingMs())),
        });
        result = await ctx.retry.deadline.race(request, requestName(config));
    }
    catch (error) {
        if (oidcFailure)
            throw oidcFailure;
        const redirect = redirects.error(ctx.redact);
        if (redirect)
            throw redirect;
        throw azureError(await explainDiscoveryFailure(error, config, ctx), config, ctx.retry.deadline, lastOidcToken, ctx.redact);
    }
    if (!result?.token) {
        throw azureError(new Error('no token returned'), config, ctx.retry.deadline, lastOidcToken, ctx.redact);
    }
    ctx.mask(result.token);
    const claims = (0,jwt/* jwtClaims */.vE)(result.token);
    return {
        accessToken: result.token,
        expiresOnMs: result.expiresOnTimestamp,
        expirySource: EXPIRY_FIELDS[config.authType],
        details: identity(claims, config),
        subject: (0,jwt/* stringClaim */.Ev)(claims, 'appid') ?? (0,jwt/* stringClaim */.Ev)(claims, 'azp') ?? (config.clientId || undefined),
    };
}
/** Where @azure/identity reads the expiry from, per auth type: named when it is not sane. */
const EXPIRY_FIELDS = {
    'client-secret': 'expires_in',
    'client-certificate': 'expires_in',
    oidc: 'expires_in',
    'managed-identity': 'expires_on',
    'azure-cli': 'expires_on',
};
const OIDC_MIN_LIFE_SECONDS = 60;
function expiresWithin(token, seconds, now) {
    const exp = Number((0,jwt/* stringClaim */.Ev)((0,jwt/* jwtClaims */.vE)(token), 'exp'));
    return !Number.isFinite(exp) || exp * 1000 - now < seconds * 1000;
}
function identity(claims, config) {
    const appSignIn = config.authType !== 'managed-identity' && config.authType !== 'azure-cli';
    return (0,provider/* detailRows */.P)([
        ['Tenant', (0,jwt/* stringClaim */.Ev)(claims, 'tid') ?? (config.tenantId || undefined)],
        ['App', (0,jwt/* stringClaim */.Ev)(claims, 'appid') ?? (0,jwt/* stringClaim */.Ev)(claims, 'azp') ?? (config.clientId || undefined)],
        ['Object id', (0,jwt/* stringClaim */.Ev)(claims, 'oid')],
        ['Audience', (0,jwt/* stringClaim */.Ev)(claims, 'aud')],
        ['Scope', config.scope],
        config.disableInstanceDiscovery
            ? ['Authority', config.authorityHost]
            : ['Cloud', appSignIn ? config.cloud : undefined],
    ]);
}


/***/ })

};
