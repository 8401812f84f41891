/**
 * Each layer that redacts secrets does so on its own, whatever composed the message: these feed
 * each layer a message nobody redacted before, so that removing one layer fails here even where
 * another layer upstream would hide it today. (run()'s own redaction of the final error is in
 * main.test.ts.)
 */
import { describe, expect, it } from '@jest/globals'
import { AzureLogger } from '@azure/logger'
import { redactingLog, type Log } from '../../src/log/log.ts'
import { Secrets } from '../../src/log/secrets.ts'
import { loadAzureSdk, routeSdkLogs } from '../../src/providers/azure/sdk.ts'

const SECRET = 'client-secret-Value~42'

function known(): Secrets {
  const secrets = new Secrets(() => {})
  secrets.add(SECRET)
  return secrets
}

describe('the log wrapper', () => {
  function printed() {
    const lines: string[] = []
    const core: Log = {
      info: message => void lines.push(`info ${message}`),
      warning: message => void lines.push(`warning ${String(message)}`),
      debug: message => void lines.push(`debug ${message}`),
    }
    return { log: redactingLog(core, known()), lines }
  }

  it.each(['info', 'warning', 'debug'] as const)('redacts %s lines itself, in any encoding', level => {
    const { log, lines } = printed()
    log[level](`echoed ${SECRET} and ${encodeURIComponent(SECRET)} and ${Buffer.from(SECRET).toString('base64')}`)
    expect(lines).toEqual([`${level} echoed *** and *** and ***`])
  })
})

describe("the Azure SDK's log routing", () => {
  it('redacts on its own before the line reaches the debug log', () => {
    const logger = { log: () => {} } as unknown as typeof AzureLogger
    const debug: string[] = []
    // A debug sink that does not redact: the routing's own redaction is all there is.
    routeSdkLogs(logger, message => void debug.push(message), known().redact)
    logger.log('azure:identity:info %s', `request failed: secret ${SECRET} echoed`, { body: SECRET })
    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(/^azure:identity:info request failed: secret \*\*\* echoed \{ body: '\*\*\*' \}$/)
  })
})

describe("the Azure SDK's log, where the managed-identity and azure-cli paths route it", () => {
  it('a secret that straddles the 2,000-character cut of a long line leaves no part of itself behind', async () => {
    const debug: string[] = []
    const original = AzureLogger.log
    try {
      await loadAzureSdk({ debug: message => void debug.push(message), redact: known().redact })
      AzureLogger.log(`azure:identity:verbose ${'x'.repeat(1970)}${SECRET}${'y'.repeat(200)}`)
    } finally {
      AzureLogger.log = original
    }
    expect(debug).toHaveLength(1)
    expect(debug[0]).toContain('***')
    expect(debug[0]).not.toContain(SECRET.slice(0, 6))
  })
})
