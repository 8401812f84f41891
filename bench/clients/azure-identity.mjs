// The official Azure client: a plain, unbundled @azure/identity ClientSecretCredential, pointed at
// the Entra emulator (custom authority host, so instance discovery is off, as in the action).
import { ClientSecretCredential } from '@azure/identity'

const env = process.env
const credential = new ClientSecretCredential(
  env.BENCH_TENANT_ID ?? '',
  env.BENCH_CLIENT_ID ?? '',
  env.BENCH_CLIENT_SECRET ?? '',
  {
    authorityHost: env.BENCH_AUTHORITY_HOST,
    disableInstanceDiscovery: true,
  },
)
const result = await credential.getToken(env.BENCH_SCOPE ?? '')
if (!result?.token) throw new Error('no token')
console.log(`token ${result.token.length}`)
