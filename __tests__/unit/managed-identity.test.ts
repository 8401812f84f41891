/**
 * managed-identity: @azure/identity sends the requests through the action's HTTP layer, and the
 * action reads the answers itself. These credentials stand in for the SDK's: they send what the
 * SDK would send and then throw whatever they like, to prove that its words never decide the
 * error (the e2e tests run the real SDK against the emulators).
 */
import { describe, expect, it } from '@jest/globals'
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline'
import type { AzureConfig } from '../../src/providers/azure/config.ts'
import { getManagedIdentityToken, type ManagedIdentitySdk } from '../../src/providers/azure/managed-identity-token.ts'
import { json, providerContext, scriptedTransport, type Scripted } from '../../test-support/provider-context.ts'

type Managed = Extract<AzureConfig, { authType: 'managed-identity' }>
const SYSTEM: Managed = {
  authType: 'managed-identity',
  identity: { kind: 'system' },
  scope: 'https://x.azurehealthcareapis.com/.default',
  cloud: 'AzurePublicCloud',
}
const IMDS_URL =
  'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fx.azurehealthcareapis.com'
const CORRELATION = '7d3c0e5a-2f1b-4c8d-9e6f-0a1b2c3d4e5f'
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJvIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg'

/** A stand-in for the SDK's credential: one request as msal-node's source would send it, then `outcome`. */
function sdk(
  outcome: { throws?: unknown },
  seen: unknown[] = [],
  env: Record<string, string> = {},
): ManagedIdentitySdk {
  const appService = env.IDENTITY_ENDPOINT !== undefined
  return {
    createHttpHeaders,
    credential: options => {
      seen.push(options)
      return {
        getToken: async () => {
          const request = appService
            ? createPipelineRequest({
                url: `${env.IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=https%3A%2F%2Fx.azurehealthcareapis.com`,
                headers: createHttpHeaders({ 'X-IDENTITY-HEADER': env.IDENTITY_HEADER ?? '' }),
              })
            : createPipelineRequest({ url: IMDS_URL, headers: createHttpHeaders({ Metadata: 'true' }) })
          const response = await options.httpClient.sendRequest(request)
          if ('throws' in outcome) throw outcome.throws
          return { token: JSON.parse(response.bodyAsText ?? '{}').access_token, expiresOnTimestamp: 0 }
        },
      }
    },
  }
}

async function run(
  answers: Scripted[],
  outcome: { throws?: unknown },
  config: Managed = SYSTEM,
  env: Record<string, string> = {},
) {
  const transport = scriptedTransport(...answers)
  const ctx = providerContext(transport, { env })
  const result = await getManagedIdentityToken(config, ctx, sdk(outcome, [], env)).catch((error: unknown) => error)
  return { result, transport, ctx }
}

const appServiceFailure = () =>
  json(
    500,
    {
      statusCode: 500,
      message: 'An unexpected error occured while fetching the AAD Token.',
      correlationId: CORRELATION,
    },
    { 'x-correlation-id': CORRELATION },
  )

describe('the error comes from the answer, never from the SDK exception', () => {
  const sdkMessages = [
    'ManagedIdentityCredential: Authentication failed. Message server_error: Error(s): Not Available - Timestamp: Not Available - Description: An unexpected error occured. Http status code: 500',
    'ManagedIdentityCredential: Network unreachable. Message: network_error',
    'AADSTS7000215: a message that would pick a credential fix',
    '',
  ]

  it('the same wire answer gives the same error whatever message the SDK throws', async () => {
    const told = []
    for (const message of sdkMessages) {
      const env = { IDENTITY_ENDPOINT: 'http://127.0.0.1:1/msi/token', IDENTITY_HEADER: 'h' }
      const { result } = await run(
        [appServiceFailure(), appServiceFailure(), appServiceFailure()],
        { throws: new Error(message) },
        SYSTEM,
        env,
      )
      const error = result as { message: string; fix: string }
      told.push(`${error.message}\nFix: ${error.fix}`)
    }
    expect(new Set(told).size).toBe(1)
    expect(told[0]).toBe(
      `App Service's identity endpoint failed the managed identity token request (HTTP 500 after 3 attempts): An unexpected error occured while fetching the AAD Token.\nCorrelation ID: ${CORRELATION}\nFix: App Service's identity endpoint is failing (HTTP 500); nothing in the step's inputs causes this. Re-run the job later and check https://azure.status.microsoft; if it happens often, raise max-attempts or timeout-seconds.`,
    )
  })

  it('a refusal (400) is told by its own message, with the fix that message calls for', async () => {
    const multiple = json(400, {
      error: 'invalid_request',
      error_description:
        'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request',
    })
    const { result, transport } = await run([multiple], { throws: new Error('Not Available') })
    const error = result as { message: string; fix: string }
    expect(error.message).toBe(
      'Azure IMDS refused the managed identity token request (HTTP 400): invalid_request: Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request',
    )
    expect(error.fix).toMatch(/^the machine has several user-assigned identities and none was chosen/)
    expect(transport.sent).toHaveLength(1)
  })

  it('the token and its expiry are read from the answer, even when the SDK then throws', async () => {
    const now = Math.floor(Date.now() / 1000)
    const granted = json(200, { access_token: TOKEN, expires_in: '3599', expires_on: String(now + 3599) })
    const { result, ctx } = await run([granted], { throws: new Error('MSAL could not parse something') })
    expect(result).toMatchObject({ accessToken: TOKEN, expiresOnMs: (now + 3599) * 1000, expirySource: 'expires_on' })
    expect(ctx.masked).toContain(TOKEN)
  })

  it('the SDK exception is the fallback only when no request was made, shown as hostile text', async () => {
    const transport = scriptedTransport()
    const ctx = providerContext(transport)
    const refusing: ManagedIdentitySdk = {
      createHttpHeaders,
      credential: () => ({
        getToken: () =>
          Promise.reject(new Error('CloudShell: user-assigned identities are not supported ::set-env::x')),
      }),
    }
    const error = await getManagedIdentityToken(SYSTEM, ctx, refusing).catch(e => e)
    expect(error.message).toBe(
      'Could not get a managed identity token: CloudShell: user-assigned identities are not supported : :set-env: :x',
    )
    expect(error.fix).toMatch(/^managed-identity works only on a self-hosted runner in Azure/)
    expect(transport.sent).toHaveLength(0)
  })
})

describe('one retry rule: the SDK retries nothing, IMDS answers are retried by the action', () => {
  it('asks the SDK for no retries, and passes only the selector given', async () => {
    const seen: Array<Record<string, unknown>> = []
    const granted = json(200, { access_token: TOKEN, expires_in: '3599' })
    const transport = scriptedTransport(granted)
    const config: Managed = { ...SYSTEM, identity: { kind: 'object-id', objectId: 'o-1' } }
    await getManagedIdentityToken(config, providerContext(transport), sdk({}, seen))
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ objectId: 'o-1', retryOptions: { maxRetries: 0 } })
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual(['httpClient', 'objectId', 'retryOptions'])
  })

  it.each([404, 410, 429, 500])('IMDS %i, then a token: two requests, the token published', async status => {
    const granted = json(200, { access_token: TOKEN, expires_in: '3599' })
    const { result, transport } = await run([json(status, {}), granted], {})
    expect(result).toMatchObject({ accessToken: TOKEN })
    expect(transport.sent).toHaveLength(2)
  })

  it('App Service 404 is a refusal: not retried', async () => {
    const env = { IDENTITY_ENDPOINT: 'http://127.0.0.1:1/msi/token', IDENTITY_HEADER: 'h' }
    const { result, transport } = await run([json(404, { statusCode: 404, message: 'Not found' })], {}, SYSTEM, env)
    expect((result as Error).message).toMatch(/refused the managed identity token request \(HTTP 404\)/)
    expect(transport.sent).toHaveLength(1)
  })

  it('IMDS 410 on every attempt is the service failing (being updated), not a refusal', async () => {
    const updating = () => ({ status: 410, headers: {}, body: '' })
    const { result, transport } = await run([updating(), updating(), updating()], { throws: new Error('x') })
    const error = result as { message: string; fix: string }
    expect(error.message).toBe(
      'Azure IMDS failed the managed identity token request (HTTP 410 after 3 attempts): (empty body)',
    )
    expect(error.fix).toMatch(/^Azure IMDS is failing \(HTTP 410\); nothing in the step's inputs causes this\./)
    expect(transport.sent).toHaveLength(3)
  })
})

describe('what the action sends for the SDK', () => {
  it("not the SDK's Accept-Encoding: the action's client does not decompress", async () => {
    const transport = scriptedTransport(json(200, { access_token: TOKEN, expires_in: '3599' }))
    const gzipping: ManagedIdentitySdk = {
      createHttpHeaders,
      credential: options => ({
        getToken: async () => {
          const headers = createHttpHeaders({ Metadata: 'true', 'Accept-Encoding': 'gzip,deflate' })
          await options.httpClient.sendRequest(createPipelineRequest({ url: IMDS_URL, headers }))
          return null
        },
      }),
    }
    await getManagedIdentityToken(SYSTEM, providerContext(transport), gzipping)
    expect(transport.sent[0]?.headers).toEqual({ metadata: 'true' })
  })

  it("Azure Arc's challenge without a second request: the SDK's reason, and the fix about the agent's token files", async () => {
    const challenge = {
      status: 401,
      headers: { 'www-authenticate': 'Basic realm=/var/opt/azcmagent/tokens/x.key' },
      body: '',
    }
    const { result } = await run([challenge], {
      throws: new Error("EACCES: permission denied, open '/var/opt/azcmagent/tokens/x.key'"),
    })
    const error = result as { message: string; fix: string }
    expect(error.message).toBe(
      "Could not get a managed identity token: EACCES: permission denied, open '/var/opt/azcmagent/tokens/x.key'",
    )
    expect(error.fix).toMatch(
      /^on an Azure Arc-enabled server the runner's user must be able to read the agent's token files/,
    )
  })
})

describe('a runner pod with AKS workload identity', () => {
  const pod = {
    AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
    AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  }
  const client: Managed = {
    ...SYSTEM,
    identity: { kind: 'client-id', clientId: '3f2e1d0c-9b8a-4765-a432-10fedcba9876', fromEnvironment: true },
  }

  it("exchanges the pod's federated token through the action's own client, as workload-identity does; no SDK", async () => {
    const transport = scriptedTransport(json(200, { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN }))
    const read: string[] = []
    const ctx = providerContext(transport, {
      env: pod,
      readFile: async path => {
        read.push(path)
        return 'pod.federated.token'
      },
    })
    const noSdk: ManagedIdentitySdk = {
      createHttpHeaders,
      credential: () => {
        throw new Error('the SDK must not be used here')
      },
    }
    const token = await getManagedIdentityToken(client, ctx, noSdk)
    expect(token.accessToken).toBe(TOKEN)
    expect(read).toEqual([pod.AZURE_FEDERATED_TOKEN_FILE])
    expect(transport.sent.map(r => `${r.method} ${r.url}`)).toEqual([
      `POST https://login.microsoftonline.com/${pod.AZURE_TENANT_ID}/oauth2/v2.0/token`,
    ])
    const form = new URLSearchParams(transport.sent[0]?.body)
    expect(form.get('client_id')).toBe('3f2e1d0c-9b8a-4765-a432-10fedcba9876')
    expect(form.get('client_assertion')).toBe('pod.federated.token')
    expect(ctx.lines.some(line => line.startsWith('info The runner pod has AKS workload identity'))).toBe(true)
  })

  it('an identity picked by object or resource id cannot be honoured there: an input error naming it, no request', async () => {
    const transport = scriptedTransport()
    const byObject: Managed = { ...SYSTEM, identity: { kind: 'object-id', objectId: 'o-1' } }
    const error = await getManagedIdentityToken(byObject, providerContext(transport, { env: pod }), sdk({})).catch(
      e => e,
    )
    expect(error.message).toMatch(
      /^Input 'identity-object-id' cannot pick the identity on a runner pod with AKS workload identity/,
    )
    expect(transport.sent).toHaveLength(0)
  })
})
