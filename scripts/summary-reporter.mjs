// A Jest reporter for .ci/run: writes the counts of the run to $GET_TOKEN_TEST_SUMMARY, so that
// the CI log can end with one summary line (Jest's --json --outputFile prints a line of its own).
import { writeFileSync } from 'node:fs'

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.GET_TOKEN_TEST_SUMMARY
    if (!file) return
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results
    writeFileSync(
      file,
      JSON.stringify({
        passed: numPassedTests,
        failed: numFailedTests,
        skipped: numPendingTests + numTodoTests,
        brokenSuites: numRuntimeErrorTestSuites,
      }),
    )
  }
}
