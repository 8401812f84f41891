import type { Redact } from '../log/safe-text.ts'
import type { RetryPolicy } from './retry.ts'

/* The shapes every request and answer take on the wire, shared by http.ts and its helpers. */

/** One request as the transport sends it. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers: Record<string, string>
  /** Never logged: it carries credentials. */
  body?: string
}

/** One answer, body capped at 1 MiB. */
export interface HttpResponse {
  status: number
  headers: Record<string, string | undefined>
  body: string
}

/** Sends one request, no retries. Swapped out in unit tests. */
export interface Transport {
  send(request: HttpRequest, timeoutMs: number): Promise<HttpResponse>
  dispose(): void
}

/** What every request of a run shares: the transport, the one retry policy (and its deadline), the secrets. */
export interface RequestContext {
  transport: Transport
  retry: RetryPolicy
  /** Removes every known secret from text, in any of its encodings (pass it to safeText). */
  redact: Redact
  /** Registers a secret the moment it is known: every credential field of every answer goes here first. */
  mask(secret: string): void
}
