// The floor of the Azure HTTP work: bare Node sending the action's two client-secret requests with
// the built-in fetch: the tenant's discovery document, then the token request to its
// token_endpoint. No action plumbing at all: no inputs, masking, outputs or summary. The emulator's
// certificate is trusted through NODE_EXTRA_CA_CERTS, which fetch reads at process start.
const env = process.env
const discovery = await fetch(
  `${env.BENCH_AUTHORITY_HOST}/${env.BENCH_TENANT_ID}/v2.0/.well-known/openid-configuration`,
  {
    headers: { Accept: 'application/json' },
  },
)
const { token_endpoint: tokenEndpoint } = await discovery.json()
if (!discovery.ok || typeof tokenEndpoint !== 'string') throw new Error(`discovery: HTTP ${discovery.status}`)
const response = await fetch(tokenEndpoint, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  body: new URLSearchParams({
    client_id: env.BENCH_CLIENT_ID ?? '',
    client_secret: env.BENCH_CLIENT_SECRET ?? '',
    scope: env.BENCH_SCOPE ?? '',
    grant_type: 'client_credentials',
  }),
})
const body = await response.json()
if (!response.ok || typeof body.access_token !== 'string') throw new Error(`token: HTTP ${response.status}`)
console.log(`token ${body.access_token.length}`)
