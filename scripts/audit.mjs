// `npm audit --omit=dev`: fail on high or critical findings in what the action ships.
// Where the registry's audit endpoint does not answer (some mirrors and sandboxes refuse it),
// say so and go on: that is not a finding, and the check runs wherever the endpoint exists.
import { spawnSync } from 'node:child_process'

// npm is npm.cmd on Windows, which Node starts only through a shell.
const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
})
let report
try {
  report = JSON.parse(result.stdout)
} catch {
  console.error(`npm audit printed no JSON:\n${result.stdout}\n${result.stderr}`)
  process.exit(1)
}
if (report.statusCode || report.error) {
  console.log(`npm audit: the audit endpoint did not answer (${report.statusCode ?? report.error?.code}); skipped.`)
  process.exit(0)
}
const counts = report.metadata?.vulnerabilities ?? {}
console.log(`npm audit (runtime dependencies): ${JSON.stringify(counts)}`)
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  console.error('High or critical vulnerabilities in runtime dependencies: run `npm audit --omit=dev` and update them.')
  process.exit(1)
}
