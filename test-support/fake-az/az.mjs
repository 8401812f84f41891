// A stand-in for the Azure CLI in tests, on every platform (`az` for POSIX shells, `az.cmd` for
// Windows): answers only what AzureCliCredential runs,
//   az account get-access-token --output json --resource R [--tenant T] [--subscription S]
// Environment: FAKE_AZ_LOGGED_OUT=1 fails like `az` without `az login`; FAKE_AZ_FAIL_WITH_TOKEN=1
// fails with a token on stderr (as a broken az extension might print); FAKE_AZ_TOKEN sets the
// token; FAKE_AZ_LOG appends each command line to a file.
import { randomBytes } from 'node:crypto'
import { appendFileSync } from 'node:fs'

const args = process.argv.slice(2)
if (process.env.FAKE_AZ_LOG) appendFileSync(process.env.FAKE_AZ_LOG, `${args.join(' ')}\n`)

const fail = (message, code) => {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}
if (args[0] !== 'account' || args[1] !== 'get-access-token')
  fail("ERROR: fake az supports only 'az account get-access-token'.", 2)

const options = {
  resource: '',
  tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  subscription: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  output: 'json',
}
const names = {
  '--resource': 'resource',
  '--tenant': 'tenant',
  '-t': 'tenant',
  '--subscription': 'subscription',
  '--output': 'output',
  '-o': 'output',
}
for (let i = 2; i < args.length; i += 2) {
  const name = names[args[i]]
  if (!name) fail(`ERROR: unrecognized arguments: ${args[i]}`, 2)
  options[name] = args[i + 1] ?? ''
}

const b64url = value => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
const now = Math.floor(Date.now() / 1000)
const exp = now + 3599
const claims = {
  aud: options.resource,
  iss: `https://sts.windows.net/${options.tenant}/`,
  iat: now,
  nbf: now,
  exp,
  tid: options.tenant,
  oid: '6d5c4b3a-2918-4776-a5b4-c3d2e1f0a9b8',
  upn: 'ci@contoso.example',
  ver: '1.0',
}
const token =
  process.env.FAKE_AZ_TOKEN ??
  `${b64url({ typ: 'JWT', alg: 'RS256', kid: 'fake-az' })}.${b64url(claims)}.${randomBytes(48).toString('base64url')}`

if (process.env.FAKE_AZ_LOGGED_OUT === '1') fail("ERROR: Please run 'az login' to setup account.", 1)
if (process.env.FAKE_AZ_FAIL_WITH_TOKEN === '1') {
  fail(
    `ERROR: The command failed with an unexpected error. Here is the traceback:\n{"accessToken": "${token}", "tokenType": "Bearer"}\nraw: ${token}`,
    1,
  )
}
if (options.output !== 'json' || !options.resource) fail('ERROR: fake az expects --output json and --resource.', 2)

const pad = n => String(n).padStart(2, '0')
const local = new Date(exp * 1000)
const expiresOn = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}.000000`
process.stdout.write(
  `${JSON.stringify({ accessToken: token, expiresOn, expires_on: exp, subscription: options.subscription, tenant: options.tenant, tokenType: 'Bearer' }, null, 2)}\n`,
)
