/**
 * npm run demo: a workflow step, for real, on this machine. Starts the loopback emulators,
 * runs the built dist/index.js exactly as the runner would, and shows what the user sees.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLIENT_ID, CLIENT_SECRET, TENANT_ID, defaultApp, startEntraId } from '../test-support/emulators/entra-id.ts'
import { startGitHubOidc } from '../test-support/emulators/github-oidc.ts'
import { startIbmIam } from '../test-support/emulators/ibm-iam.ts'
import { serviceAccountIssuer } from '../test-support/emulators/kubernetes.ts'
import { startVpcMetadata } from '../test-support/emulators/vpc-metadata.ts'
import { FIXTURES, runAction, type RunOptions } from '../test-support/run-action.ts'
import { redact, stepLog, summaryText } from './render.ts'

const API_KEY = 'demo-ibm-api-key-4f3c2b1a'

async function step(title: string, yaml: string, options: RunOptions): Promise<void> {
  const run = await runAction(options)
  const masks = run.lines.filter(l => l.startsWith('::add-mask::')).map(l => l.slice('::add-mask::'.length))
  console.log(`\n━━ ${title} ━━`)
  console.log(yaml.replace(/^/gm, '  │ '))
  console.log(`  step log (exit code ${run.code}, ${Math.round(run.ms)} ms):`)
  for (const line of stepLog(run)) console.log(`    ${line}`)
  // A failed step hands nothing on: no empty headings for it.
  if (Object.keys(run.outputs).length) console.log('  outputs:')
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(
      `    ${name} = ${redact(value, masks)}${name === 'token' ? `   (${value.length} chars, masked in logs)` : ''}`,
    )
  }
  if (Object.keys(run.exported).length) console.log('  environment for later steps:')
  for (const [name, value] of Object.entries(run.exported)) console.log(`    ${name} = ${redact(value, masks)}`)
  if (run.summary) {
    console.log('  job summary:')
    for (const line of summaryText(run.summary)) console.log(`    ${line}`)
  }
}

const FHIR = 'https://myworkspace-myfhir.fhir.azurehealthcareapis.com'
const iam = await startIbmIam({
  apiKeys: {
    [API_KEY]: { iamId: 'IBMid-6900012ABC', sub: 'ci-bot@example.com', account: 'b1f7a2c3d4e5f60718293a4b5c6d7e8f' },
  },
})
const github = await startGitHubOidc({ subject: 'repo:octo-org/fhir-pipelines:ref:refs/heads/main' })
const aks = serviceAccountIssuer()
const entra = await startEntraId({
  oidcPublicKey: github.publicKey,
  federatedIssuers: [{ issuer: aks.issuer, publicKey: aks.publicKey }],
  resources: [FHIR],
  apps: [
    {
      ...defaultApp(),
      federatedCredentials: [
        {
          issuer: 'https://token.actions.githubusercontent.com',
          subject: 'repo:octo-org/fhir-pipelines:ref:refs/heads/main',
          audience: 'api://AzureADTokenExchange',
        },
        {
          issuer: aks.issuer,
          subject: 'system:serviceaccount:arc-runners:arc-runner',
          audience: 'api://AzureADTokenExchange',
        },
      ],
    },
  ],
})
const vpc = await startVpcMetadata()
// What AKS workload identity projects into an ARC runner pod.
const pod = await mkdtemp(join(tmpdir(), 'get-token-demo-pod-'))
const tokenFile = join(pod, 'azure-identity-token')
await writeFile(tokenFile, aks.token())
// The runner's side of the Entra emulator: trust its test certificate, as for a private CA.
const azureEnv = { NODE_EXTRA_CA_CERTS: join(FIXTURES, 'tls-cert.pem') }
const azureInputs = {
  provider: 'azure',
  'tenant-id': TENANT_ID,
  'client-id': CLIENT_ID,
  resource: FHIR,
  'authority-host': entra.url,
}
const azureYaml = (extra: string) =>
  `- uses: org/get-token@v1\n  with:\n    provider: azure\n    tenant-id: \${{ vars.AZURE_TENANT_ID }}\n    client-id: \${{ vars.AZURE_CLIENT_ID }}\n    resource: ${FHIR}\n    authority-host: ${entra.url}   # the local Entra ID emulator${extra}`
/** The step inside its job, with the permission OIDC needs: without it, the job gets no OIDC token. */
const withIdToken = (stepYaml: string) =>
  `permissions:\n  id-token: write   # lets the job request GitHub's OIDC token\nsteps:\n${stepYaml.replace(/^/gm, '  ')}`
try {
  await step(
    'Azure Health Data Services FHIR, OIDC: no secret at all (permissions: id-token: write)',
    withIdToken(azureYaml('')),
    {
      inputs: azureInputs,
      env: { ...azureEnv, ...github.env },
    },
  )
  await step(
    'Azure Health Data Services FHIR, client-secret',
    azureYaml('\n    client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}'),
    { inputs: { ...azureInputs, 'client-secret': CLIENT_SECRET }, env: azureEnv },
  )
  github.options.subject = 'repo:octo-org/fhir-pipelines:pull_request'
  await step(
    'OIDC from a pull request, with no federated credential for it: the error names the subject to register',
    withIdToken(azureYaml('')),
    { inputs: azureInputs, env: { ...azureEnv, ...github.env } },
  )
  await step(
    'Azure, workload-identity: a self-hosted runner pod on AKS (Actions Runner Controller), no secret',
    `- uses: org/get-token@v1   # the pod has AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID, AZURE_CLIENT_ID\n  with:\n    provider: azure\n    auth-type: workload-identity   # explicit: with id-token: write in the job, auto would pick oidc\n    resource: ${FHIR}\n    authority-host: ${entra.url}   # the local Entra ID emulator`,
    {
      inputs: { provider: 'azure', 'auth-type': 'workload-identity', resource: FHIR, 'authority-host': entra.url },
      env: {
        ...azureEnv,
        AZURE_FEDERATED_TOKEN_FILE: tokenFile,
        AZURE_TENANT_ID: TENANT_ID,
        AZURE_CLIENT_ID: CLIENT_ID,
      },
    },
  )
  await step(
    'IBM Cloud IAM, api-key (Key Protect key rotation job)',
    `- uses: org/get-token@v1\n  with:\n    provider: ibm\n    api-key: \${{ secrets.IBMCLOUD_API_KEY }}\n    iam-endpoint: ${iam.url}   # the local IAM emulator`,
    { inputs: { provider: 'ibm', 'api-key': API_KEY, 'iam-endpoint': iam.url } },
  )
  await step(
    'IBM Cloud IAM, a wrong API key: one error that says what to fix',
    `- uses: org/get-token@v1\n  with:\n    provider: ibm\n    api-key: \${{ secrets.OLD_KEY }}\n    iam-endpoint: ${iam.url}`,
    { inputs: { provider: 'ibm', 'api-key': 'revoked-key-0000', 'iam-endpoint': iam.url } },
  )
  await step(
    'IBM Cloud, vpc-instance: a self-hosted runner on a VPC virtual server, the profile linked to it, no secret',
    `- uses: org/get-token@v1\n  with:\n    provider: ibm\n    auth-type: vpc-instance\n    metadata-endpoint: ${vpc.url}   # the local metadata service emulator (default http://169.254.169.254)`,
    { inputs: { provider: 'ibm', 'auth-type': 'vpc-instance', 'metadata-endpoint': vpc.url } },
  )
  console.log(
    `\nRequests: IBM IAM ${iam.requests.length} (one per token; a 400 is never retried), ` +
      `Entra ID ${entra.requests.length} (discovery + token per run, as with any custom authority-host; known clouds need only the token request), ` +
      `GitHub OIDC ${github.requests.length}.`,
  )
} finally {
  await Promise.all([iam.close(), entra.close(), github.close(), vpc.close()])
  await rm(pod, { recursive: true, force: true })
}
