// The official IBM client: ibm-cloud-sdk-core's IamAuthenticator, pointed at the emulator.
// Plain .mjs (no type stripping), so the client pays nothing the action does not.
import { IamAuthenticator } from 'ibm-cloud-sdk-core'

const authenticator = new IamAuthenticator({ apikey: process.env.BENCH_API_KEY ?? '', url: process.env.BENCH_IAM_URL })
const token = await authenticator.tokenManager.getToken()
if (typeof token !== 'string' || token === '') throw new Error('no token')
console.log(`token ${token.length}`)
