// Stand-in for undici (stubs/README.md). @actions/http-client imports only ProxyAgent from it, for
// HttpClient.getAgentDispatcher(): a dispatcher for fetch() through the runner's proxy. get-token
// never calls it; its requests go through HttpClient.request(), whose proxy support (HTTPS_PROXY,
// NO_PROXY) is http-client's own tunnel agent. webpack does not fail on a missing export here:
// __tests__/e2e/runner.test.ts ("dist/ holds only the code the action runs") fails instead if
// http-client ever imports more than ProxyAgent.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'get-token: @actions/http-client getAgentDispatcher() is not available: undici (its ProxyAgent) ' +
        'is replaced by a stub (stubs/undici.ts). Send the request with HttpClient.request(), which uses ' +
        "the runner's proxy settings through http-client's tunnel agent.",
    )
  }
}
