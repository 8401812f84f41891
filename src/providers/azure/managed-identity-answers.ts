import type { PipelineRequest } from '@azure/core-rest-pipeline'
import { METADATA_ADDRESS } from '../../addresses.ts'
import { ActionError } from '../../errors.ts'
import type { HttpRequest } from '../../io/http.ts'
import type { LastAnswer } from '../../io/service-error.ts'
import { expiryOf, type Token } from '../../token.ts'
import { AZURE_EXPIRY } from './entra.ts'
import { UNAVAILABLE_HINTS } from './hints.ts'

/** An answer of a managed identity endpoint, and when it arrived on the runner's clock. */
export type Answered = LastAnswer & { at: number }

const IMDS_PATH = /^\/metadata\/identity\/oauth2\/token\/?$/i

/**
 * Who answers a request the SDK sends, told from the request itself: IMDS at its address (or the
 * host AZURE_POD_IDENTITY_AUTHORITY_HOST gives msal-node instead), App Service by its identity
 * header, anything else by the endpoint's name. IMDS documents 404 and 410 while its metadata
 * service is being updated: both are retried like a 5xx.
 */
export function endpointOf(
  request: PipelineRequest,
  env: Record<string, string | undefined>,
): { service: string; alsoTransient: readonly number[] } {
  const url = new URL(request.url)
  const imds = new URL(env.AZURE_POD_IDENTITY_AUTHORITY_HOST || `http://${METADATA_ADDRESS}`).origin
  if (url.origin === imds && IMDS_PATH.test(url.pathname)) return { service: 'Azure IMDS', alsoTransient: [404, 410] }
  if (request.headers.has('x-identity-header')) return { service: "App Service's identity endpoint", alsoTransient: [] }
  return { service: "Azure's managed identity endpoint", alsoTransient: [] }
}

/**
 * The SDK's request as the transport sends it. Not its Accept-Encoding: the SDK's own client
 * would decompress, the action's does not, and token answers are small.
 */
export function requestOf(request: PipelineRequest): HttpRequest {
  const method = request.method === 'POST' || request.method === 'PUT' ? request.method : 'GET'
  const body = typeof request.body === 'string' ? request.body : undefined
  const headers = request.headers.toJSON()
  delete headers['accept-encoding']
  return { method, url: request.url, headers, body }
}

/** App Service's retired 2017-09-01 API wrote `expires_on` as a date: a fix of its own. */
const DATE_EXPIRY_FIX =
  "get-token reads expires_on as seconds since 1970, as App Service's api-version 2019-08-01 and IMDS write it (App Service's retired 2017-09-01 API wrote a date): check that IDENTITY_ENDPOINT is the platform's own endpoint, not a local stand-in or proxy that answers in the old format."

/** The token of a success, its expiry the earlier of `expires_in` (IMDS) and `expires_on` (all). */
export function tokenOf(last: Answered): Token {
  const json = last.json ?? {}
  const accessToken = json.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError(`${last.service} answered ${last.response.status} without an access_token.`, {
      fix: UNAVAILABLE_HINTS['managed-identity'],
    })
  }
  const expiry = expiryOf(json, last.at, AZURE_EXPIRY)
  const unreadableDate = expiry.expirySource === 'expires_on' && expiry.expiryText !== undefined
  return { accessToken, ...expiry, ...(unreadableDate ? { expiryFix: DATE_EXPIRY_FIX } : {}) }
}
