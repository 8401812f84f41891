/**
 * How the IBM Cloud IAM emulator writes its refusals, and the failure answers a test can queue
 * with fail(). docs/protocols.md ("IBM Cloud IAM", "When the services fail") gives the sources.
 */
import { STATUS_CODES } from 'node:http'
import { randomUUID, type Fault, type Reply } from './server.ts'

/** The message of BXNIM0398E: a trusted profile the caller may not use. */
export const NOT_ELIGIBLE = 'Selected trusted profile not eligible.'

/** IAM's error body: code, message, optional details, and the request id IBM support asks for. */
export function iamErrorBody(
  code: string,
  message: string,
  details?: string,
  requestId: string = randomUUID(),
): string {
  return JSON.stringify({
    errorCode: code,
    errorMessage: message,
    ...(details ? { errorDetails: details } : {}),
    context: {
      requestId,
      requestType: 'incoming.Identity_Token',
      startTime: new Date().toUTCString(),
      instanceId: 'iamid-emulator',
    },
  })
}

/** An error answer; the request id is also in the Transaction-Id and X-Correlation-Id headers; error answers are never cached. */
export function iamError(status: number, code: string, message: string, details?: string): Reply {
  const requestId = randomUUID()
  return {
    status,
    text: iamErrorBody(code, message, details, requestId),
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      'Transaction-Id': requestId,
      'X-Correlation-Id': requestId,
    },
  }
}

/**
 * A 5xx page in HTML, as an edge (CDN, gateway) in front of IAM would send instead of IAM's JSON.
 * Our reading: no raw 5xx answer of IAM is public.
 */
export function iamGatewayPage(status: 500 | 502 | 503 | 504 = 502): Fault {
  const title = `${status} ${STATUS_CODES[status]}`
  return {
    status,
    body: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`,
    headers: { 'Content-Type': 'text/html' },
  }
}
