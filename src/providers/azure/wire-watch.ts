import type { HttpClient } from '@azure/core-rest-pipeline'
import { ActionError } from '../../errors.ts'
import { redirected } from '../../io/http.ts'
import { jsonObject } from '../../json.ts'
import { credentialValues } from '../../log/credential-fields.ts'
import { safeText, type Redact } from '../../log/safe-text.ts'
import type { PipelinePolicy } from './pipeline.ts'

/** A request that got no answer: where it went and why, as Node reported it. */
export interface NetworkFailure {
  host: string
  code: string
  message: string
}

/** The expiry fields of a token answer, as sent; nothing else of the body is kept. */
type ExpiryFields = Partial<Record<'expires_in' | 'expires_on', unknown>>

/**
 * What the SDK saw on the wire and leaves out of its errors, and the mask on every answer. MSAL
 * reports a network failure as "network_error" without its cause, reads an expiry it cannot parse
 * as 0 ("expired" at once), takes a managed identity's `expires_on` (the endpoint's clock) over
 * its `expires_in`, and reports a refused redirect as "unknown_error … Http status code: 307".
 */
export class WireWatch {
  private redirect: { status: number; url: string; location: string | undefined } | undefined
  /** The last request's network failure; cleared by any answer. */
  failure: NetworkFailure | undefined
  private expiry: ExpiryFields | undefined
  /** When the token answer arrived, on the runner's clock. */
  private answeredAt = NaN
  private readonly mask: (secret: string) => void
  private readonly now: () => number

  /** `mask` registers every credential field of every answer before the SDK reads the answer. */
  constructor(mask: (secret: string) => void, now: () => number) {
    this.mask = mask
    this.now = now
  }

  /**
   * Keeps refused redirects. A pipeline policy, not the HTTP client: the SDK follows a redirect
   * within the same origin below it, and only what reaches the policy was refused.
   */
  redirectPolicy(): PipelinePolicy {
    return {
      name: 'getTokenRedirectWatch',
      sendRequest: async (request, next) => {
        const response = await next(request)
        if (response.status >= 300 && response.status < 400) {
          this.redirect = { status: response.status, url: request.url, location: response.headers.get('location') }
        }
        return response
      },
    }
  }

  /** The SDK's HTTP client, watched: every attempt, managed identity included (it ignores pipeline policies). */
  httpClient(inner: HttpClient): HttpClient {
    return {
      sendRequest: async request => {
        try {
          const response = await inner.sendRequest(request)
          this.failure = undefined
          const body = response.bodyAsText
          const json = body && body.length < 1024 * 1024 ? jsonObject(body) : undefined
          for (const secret of credentialValues(json)) this.mask(secret)
          if (json && response.status >= 200 && response.status < 300) this.noteExpiry(json)
          return response
        } catch (error) {
          const { code, message, name } = (error ?? {}) as { code?: unknown; message?: unknown; name?: string }
          if (name !== 'AbortError') {
            this.failure = { host: new URL(request.url).host, code: String(code ?? ''), message: String(message ?? '') }
          }
          throw error
        }
      },
    }
  }

  private noteExpiry(json: Record<string, unknown>): void {
    if ('access_token' in json) {
      this.expiry = { expires_in: json.expires_in, expires_on: json.expires_on }
      this.answeredAt = this.now()
    }
  }

  /** The end of the lifetime the answer granted (`expires_in` from its arrival), if it stated one. */
  grantedUntil(): number | undefined {
    const seconds = Number(this.expiry?.expires_in)
    const stated = this.expiry?.expires_in !== undefined && this.expiry.expires_in !== ''
    return stated && Number.isFinite(seconds) ? this.answeredAt + seconds * 1000 : undefined
  }

  redirectError(redact: Redact): ActionError | undefined {
    if (!this.redirect) return undefined
    const { status, url, location } = this.redirect
    return redirected(
      { status, headers: { location }, body: '' },
      {
        service: 'Entra ID',
        endpointInput: 'authority-host (or cloud)',
        request: { method: 'POST', url, headers: {} },
        redact,
      },
    )
  }

  /**
   * The token answer's expiry when MSAL cannot have read it: absent, or not the number of seconds
   * it expects (MSAL takes 0 then, and the token would look expired the moment it was issued).
   */
  unreadableExpiry(field: 'expires_in' | 'expires_on', redact: Redact): string | undefined {
    if (!this.expiry) return undefined
    const value = this.expiry[field]
    if (value === undefined || value === null || value === '') return `no ${field}`
    if (typeof value === 'number' ? Number.isFinite(value) : /^-?\d+(?:\.\d+)?$/.test(String(value).trim())) {
      return undefined
    }
    if (field === 'expires_on' && isIso8601(value)) return undefined
    return `${field} ${JSON.stringify(safeText(typeof value === 'string' ? value : JSON.stringify(value), redact, 80))}`
  }
}

/** msal-node converts a managed identity's expires_on itself when it passes this test (its utils/TimeUtils.isIso8601). */
function isIso8601(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const date = new Date(value)
  return !Number.isNaN(date.getTime()) && date.toISOString() === value
}
