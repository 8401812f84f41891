import type { AzureLogger as Logger } from '@azure/logger'
import { format } from 'node:util'
import { safeText, type Redact } from '../../log/safe-text.ts'

// Runs when the Azure chunk loads. The SDK's pipeline checks `typeof FormData` on every request;
// in Node that first touch loads Node's whole fetch implementation (about 13 ms, 7 % of an Azure
// run) although MSAL only sends url-encoded strings. Nothing in this process uses the global.
delete (globalThis as { FormData?: unknown }).FormData

/**
 * The SDK logs (AZURE_LOG_LEVEL) to stderr, which the runner also scans for workflow commands:
 * its lines go to the action's debug log instead, one inert line each, secrets redacted.
 */
export function routeSdkLogs(logger: typeof Logger, debug: (message: string) => void, redact: Redact): void {
  logger.log = (...args: unknown[]) => debug(safeText(format(...args), redact, 2000))
}
