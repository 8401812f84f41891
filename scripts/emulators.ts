/**
 * npm run emulators: the services get-token talks to, on loopback, until Ctrl-C: IBM Cloud IAM,
 * the instance metadata service (a VPC virtual server), Entra ID (https, test certificate), GitHub's OIDC token endpoint and
 * App Service managed identity. Writes a ready .env per provider for @github/local-action
 * (.env.local-ibm, .env.local-azure; `--out DIR` for another folder) and prints how to run it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { CLIENT_ID, CLIENT_SECRET, TENANT_ID, startEntraId } from '../test-support/emulators/entra-id.ts'
import { startGitHubOidc } from '../test-support/emulators/github-oidc.ts'
import { API_KEY, PROFILE, startDefaultIbmIam } from '../test-support/emulators/ibm-iam.ts'
import { startManagedIdentity } from '../test-support/emulators/managed-identity.ts'
import { startVpcMetadata } from '../test-support/emulators/vpc-metadata.ts'
import { FIXTURES, ROOT } from '../test-support/run-action.ts'
import { RESOURCE } from '../test-support/steps.ts'

const { values: args } = parseArgs({ options: { out: { type: 'string' } } })
const out = args.out ?? ROOT

const iam = await startDefaultIbmIam()
const vpc = await startVpcMetadata()
const github = await startGitHubOidc()
const entra = await startEntraId({ oidcPublicKey: github.publicKey, resources: [RESOURCE] })
const msi = await startManagedIdentity()

// The runner's files: the action checks that they exist before it asks for a token. local-action
// writes neither outputs nor the environment there (it prints them); the summary does land.
const runner = await mkdtemp(join(tmpdir(), 'get-token-local-'))
const files = {
  GITHUB_OUTPUT: join(runner, 'output'),
  GITHUB_ENV: join(runner, 'env'),
  GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
}
await Promise.all(Object.values(files).map(file => writeFile(file, '')))
const runnerLines = Object.entries(files).map(([name, file]) => `${name}=${file}`)

const ibmEnv = [
  '# get-token against the local IBM Cloud IAM emulator (npm run emulators)',
  'INPUT_PROVIDER=ibm',
  `INPUT_API-KEY=${API_KEY}`,
  `INPUT_IAM-ENDPOINT=${iam.url}`,
  `# trusted-profile: also INPUT_PROFILE-ID=${PROFILE.id}`,
  `# vpc-instance instead: INPUT_AUTH-TYPE=vpc-instance and INPUT_METADATA-ENDPOINT=${vpc.url}`,
  ...runnerLines,
]
const azureEnv = [
  '# get-token against the local Entra ID emulator (npm run emulators). Entra ID is https with a',
  '# test certificate: start local-action with NODE_EXTRA_CA_CERTS set (Node reads it only at start).',
  'INPUT_PROVIDER=azure',
  `INPUT_TENANT-ID=${TENANT_ID}`,
  `INPUT_CLIENT-ID=${CLIENT_ID}`,
  `INPUT_CLIENT-SECRET=${CLIENT_SECRET}`,
  `INPUT_RESOURCE=${RESOURCE}`,
  `INPUT_AUTHORITY-HOST=${entra.url}`,
  '# oidc instead of the secret: drop INPUT_CLIENT-SECRET and keep these two',
  `# ACTIONS_ID_TOKEN_REQUEST_URL=${github.env.ACTIONS_ID_TOKEN_REQUEST_URL}`,
  `# ACTIONS_ID_TOKEN_REQUEST_TOKEN=${github.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
  '# managed-identity instead: INPUT_AUTH-TYPE=managed-identity and these two',
  `# IDENTITY_ENDPOINT=${msi.env.IDENTITY_ENDPOINT}`,
  `# IDENTITY_HEADER=${msi.env.IDENTITY_HEADER}`,
  ...runnerLines,
]
const written = { ibm: join(out, '.env.local-ibm'), azure: join(out, '.env.local-azure') }
await writeFile(written.ibm, `${ibmEnv.join('\n')}\n`)
await writeFile(written.azure, `${azureEnv.join('\n')}\n`)

const shown = (file: string) => (file.startsWith(ROOT) ? relative(ROOT, file) : file)
const ca = shown(join(FIXTURES, 'tls-cert.pem'))
console.log(`get-token emulators on loopback:
  IBM Cloud IAM           ${iam.url}
  Instance metadata       ${vpc.url}
  Entra ID                ${entra.url}
  GitHub OIDC             ${github.env.ACTIONS_ID_TOKEN_REQUEST_URL}
  App Service identity    ${msi.env.IDENTITY_ENDPOINT}

Wrote ${shown(written.ibm)} and ${shown(written.azure)}. In another terminal:

  npx local-action run . src/main.ts ${shown(written.ibm)}
  NODE_EXTRA_CA_CERTS=${ca} npx local-action run . src/main.ts ${shown(written.azure)}

The job summary goes to ${files.GITHUB_STEP_SUMMARY}.
Ready. Ctrl-C stops the emulators and removes the .env files.`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await Promise.all([iam.close(), vpc.close(), github.close(), entra.close(), msi.close()])
  await Promise.all([rm(written.ibm, { force: true }), rm(written.azure, { force: true })])
  await rm(runner, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
