/**
 * npm run demo: a workflow step, for real, on this machine. Starts the loopback emulators,
 * runs the built dist/index.js exactly as the runner would, and shows what the user sees.
 */
import { startIbmIam } from '../test-support/emulators/ibm-iam.ts'
import { runAction, type RunOptions } from '../test-support/run-action.ts'
import { redact, stepLog, summaryText } from './render.ts'

const API_KEY = 'demo-ibm-api-key-4f3c2b1a'

async function step(title: string, yaml: string, options: RunOptions): Promise<void> {
  const run = await runAction(options)
  const masks = run.lines.filter(l => l.startsWith('::add-mask::')).map(l => l.slice('::add-mask::'.length))
  console.log(`\n━━ ${title} ━━`)
  console.log(yaml.replace(/^/gm, '  │ '))
  console.log(`  step log (exit code ${run.code}, ${Math.round(run.ms)} ms):`)
  for (const line of stepLog(run)) console.log(`    ${line}`)
  console.log('  outputs:')
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`    ${name} = ${redact(value, masks)}${name === 'token' ? `   (${value.length} chars, masked in logs)` : ''}`)
  }
  console.log('  environment for later steps:')
  for (const [name, value] of Object.entries(run.exported)) console.log(`    ${name} = ${redact(value, masks)}`)
  if (run.summary) {
    console.log('  job summary:')
    for (const line of summaryText(run.summary)) console.log(`    ${line}`)
  }
}

const iam = await startIbmIam({
  apiKeys: { [API_KEY]: { iamId: 'IBMid-6900012ABC', sub: 'ci-bot@example.com', account: 'b1f7a2c3d4e5f60718293a4b5c6d7e8f' } },
})
try {
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
  console.log(`\nIAM emulator saw ${iam.requests.length} requests (one per token; a 400 is never retried).`)
} finally {
  await iam.close()
}
