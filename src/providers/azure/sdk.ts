import type { createHttpHeaders as CreateHttpHeaders } from '@azure/core-rest-pipeline'
import type { AzureLogger as Logger } from '@azure/logger'
import { format } from 'node:util'
import { safeText, type Redact } from '../../log/safe-text.ts'
import type { ProviderContext } from '../provider.ts'

/** The parts of the Azure SDK that managed-identity and azure-cli use, loaded on those paths only. */
export interface AzureSdk {
  identity: typeof import('@azure/identity')
  createHttpHeaders: typeof CreateHttpHeaders
}

/** @azure/identity and its HTTP headers type, with the SDK's log routed to the step's debug log. */
export async function loadAzureSdk(ctx: Pick<ProviderContext, 'debug' | 'redact'>): Promise<AzureSdk> {
  const [identity, { AzureLogger }, { createHttpHeaders }] = await Promise.all([
    import('@azure/identity'),
    import('@azure/logger'),
    import('@azure/core-rest-pipeline'),
  ])
  routeSdkLogs(AzureLogger, ctx.debug, ctx.redact)
  return { identity, createHttpHeaders }
}

/**
 * The SDK logs (AZURE_LOG_LEVEL) to stderr, which the runner also scans for workflow commands:
 * its lines go to the action's debug log instead, one inert line each, secrets redacted before the
 * line is cut (a secret that straddled the cut would otherwise leave its first part behind).
 * `AzureLogger.log` is @azure/logger's documented place to send the SDK's logs elsewhere.
 */
export function routeSdkLogs(logger: typeof Logger, debug: (message: string) => void, redact: Redact): void {
  logger.log = (...args: unknown[]) => debug(safeText(format(...args), redact, 2000))
}
