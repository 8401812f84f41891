// The assertions of the live check (.github/workflows/live-check.yml) against the real services.
// Plain JavaScript with Node's built-ins only, so that the runner's own node runs it without an
// install. It checks the action from outside and on purpose shares no code with src/: a check that
// reused the action's own token checks would pass whenever the action is wrong in the same way.
// The checks live in scripts/live-check/; this file is the command line the workflow calls.
//
//   node scripts/live-check.mjs token azure|ibm     the outputs of a real run (OUTPUTS, the JSON of
//                                                   the step's outputs), held to the token's claims
//                                                   and to the EXPECT_* configuration (EXPECTATIONS);
//                                                   then one harmless read with the token at
//                                                   API_ENDPOINT (Azure: only for an ARM token,
//                                                   EXPECT_RESOURCE). `outputs` or `api`: one half.
//   node scripts/live-check.mjs probe <name>        runs dist/index.js as the runner would, with a
//                                                   credential the real service must refuse (PROBES)
//
// It prints "matches" or "differs" for each identity comparison, never the tenant, app, object or
// account ids themselves: the workflow's logs are public.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { probeApi } from './live-check/api.mjs'
import { CLAIMS, EXPECTATIONS } from './live-check/identity.mjs'
import { auditOutputs, parseOutputs } from './live-check/outputs.mjs'
import { PROBES, errorMessages, runProbe } from './live-check/probes.mjs'

export { API_PROBES, endpointProblem, probeApi } from './live-check/api.mjs'
export { WITHHELD, cleanText } from './live-check/clean.mjs'
export { CLAIMS, EXPECTATIONS, REQUIRED_EXPECTATIONS } from './live-check/identity.mjs'
export {
  B64TOKEN,
  EXP_SKEW_S,
  LIFETIME_RANGE_S,
  OUTPUT_NAMES,
  STEP_GAP_S,
  auditOutputs,
  checkOutputs,
  decodeJwt,
  parseOutputs,
} from './live-check/outputs.mjs'
export { PROBES, checkProbe, errorMessages, runProbe } from './live-check/probes.mjs'

/** A workflow command's data, escaped as @actions/core does, so that a problem stays one annotation. */
const escape = text => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

function report(title, problems, lines) {
  for (const problem of problems) console.log(`::error title=${title}::${escape(problem)}`)
  for (const line of lines) console.log(`  | ${line}`)
  if (problems.length) {
    console.log('A real service answered differently from what the action expects: see CONTRIBUTING.md,')
    console.log('"Live check against the real services", for what to update.')
  } else console.log(`${title}: ok`)
  process.exitCode = problems.length ? 1 : 0
}

const NO_OUTPUTS = "OUTPUTS is not a step's outputs as JSON (`${{ toJSON(steps.<id>.outputs) }}`)"

/** The outputs' problems and lines (see auditOutputs), with the configuration from env. */
function outputsCheck(name, outputs, env) {
  const expect = Object.fromEntries(Object.entries(EXPECTATIONS).map(([key, variable]) => [key, env[variable]]))
  const { problems, verdicts } = auditOutputs(name, outputs, { expect })
  const expiry = `expires-on: ${outputs.expiresOn ?? ''}, expires-in: ${outputs.expiresIn ?? ''}`
  return { problems, lines: [expiry, ...verdicts] }
}

/** The read's problems and lines (see probeApi); a skipped read is a notice. */
async function apiCheck(name, outputs, env, title) {
  const options = { endpoint: env.API_ENDPOINT, resource: env.EXPECT_RESOURCE }
  const { problems, lines, skipped } = await probeApi(name, outputs.token, options)
  if (skipped) console.log(`::notice title=${title}::the read is skipped: ${escape(skipped)}`)
  return { problems, lines }
}

async function main([command, name], env) {
  const outputs = parseOutputs(env.OUTPUTS)
  if (['token', 'outputs', 'api'].includes(command) && Object.hasOwn(CLAIMS, name)) {
    const title = `Live check (${name} ${command})`
    if (!outputs) return report(title, [NO_OUTPUTS], [])
    const checks = [
      ...(command === 'api' ? [] : [outputsCheck(name, outputs, env)]),
      // Also when the outputs differ: a token that works and one that does not are different drifts.
      ...(command === 'outputs' ? [] : [await apiCheck(name, outputs, env, title)]),
    ]
    return report(
      title,
      checks.flatMap(check => check.problems),
      checks.flatMap(check => check.lines),
    )
  }
  if (command === 'probe' && Object.hasOwn(PROBES, name)) {
    const { run, problems } = await runProbe(name)
    const lines = errorMessages(run.stdout).flatMap(message => message.split(/\r?\n/))
    return report(`Live check (${name})`, problems, lines)
  }
  console.error(`usage: live-check.mjs token|outputs|api ${Object.keys(CLAIMS).join('|')}`)
  console.error(`       live-check.mjs probe ${Object.keys(PROBES).join('|')}`)
  process.exitCode = 2
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2), process.env)
