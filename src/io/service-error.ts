import { ActionError } from '../errors.ts'
import { jsonObject } from '../json.ts'
import { safeText, type Redact } from '../log/safe-text.ts'
import type { HttpResponse } from './wire.ts'
import { isTransientStatus } from './retry.ts'

/** What a service said in an answer that was not a success, read from its own error shape. */
export interface Said {
  /** The service's own code: AADSTS7000215, BXNIM0415E, invalid_request, profile_not_linked. */
  code?: string
  /** Its message, without the noise some services append (trace ids, timestamps). */
  message?: string
  /** More lines the answer carries: details, the field it names, the policies that blocked it. */
  details?: string[]
  /** The id the service's support asks for, under the name the service gives it. */
  supportId?: { label: string; value: string }
}

/** Reads one service's documented error shapes; `json` is undefined when the body is not a JSON object. */
export type ReadSaid = (json: Record<string, unknown> | undefined, headers: HttpResponse['headers']) => Said

/** How the errors of one kind of request are told: the same way for every service. */
export interface ErrorModel {
  /** What was asked for, after "refused": "the client-secret token request". */
  what: string
  /** Where the service reports outages: named in the fix of a service that keeps failing. */
  statusPage: string
  read: ReadSaid
  /** The fix of a refusal (4xx): by the service's code, else by the status. Never used for 408, 429, 5xx. */
  refusalFix(said: Said, status: number): string
  /** Lines of the caller's own about the request (the claims of a federated token), after the service's. */
  context?(said: Said): string[]
}

/** A service's answer that was not a success, told as one message and a fix. */
export class ServiceError extends ActionError {
  readonly status: number
  readonly said: Said
  /** The answer's JSON object, for callers that decide on a field (the VPC metadata service's `target`). */
  readonly json: Record<string, unknown> | undefined

  constructor(message: string, fix: string, status: number, said: Said, json: Record<string, unknown> | undefined) {
    super(message, { fix })
    this.name = 'ServiceError'
    this.status = status
    this.said = said
    this.json = json
  }
}

/** The answer a request ended with, and how many attempts it took. */
export interface LastAnswer {
  service: string
  response: HttpResponse
  attempts: number
  /** The answer's JSON object, parsed once by the exchange (undefined: not a JSON object). */
  json?: Record<string, unknown>
  /** The wait the service asked for (Retry-After), when it asked. */
  retryAfterMs?: number
  /** Whether the status is one the service may get over (408, 429, 5xx, or one it documents so). */
  passing?: boolean
}

/**
 * The one error model: the service, the status, the service's code and message (from its JSON, or
 * a short clean line of a body that is not JSON), its support id; a 4xx is a refusal whose fix
 * names the input or setting, a 408, 429 or 5xx that outlasted the retries is the service failing.
 */
export function serviceError(last: LastAnswer, model: ErrorModel, redact: Redact): ServiceError {
  const { service, response, attempts } = last
  const { status } = response
  const json = 'json' in last ? last.json : jsonObject(response.body)
  const said = clean(model.read(json, response.headers), redact)
  const failing = last.passing ?? isTransientStatus(status)
  const told = [said.code, said.message].filter(Boolean).join(': ') || answerLine(response.body, redact)
  const lines = [
    failing
      ? `${service} failed ${model.what} (HTTP ${status} after ${attempts} attempt${attempts === 1 ? '' : 's'}): ${told}`
      : `${service} refused ${model.what} (HTTP ${status}): ${told}`,
    ...(said.details ?? []),
    ...(model.context?.(said) ?? []).map(line => safeText(line, redact, 500)),
  ]
  if (said.supportId) lines.push(`${said.supportId.label}: ${said.supportId.value}`)
  const fix = failing ? failingFix(last, model.statusPage) : model.refusalFix(said, status)
  return new ServiceError(lines.join('\n'), fix, status, said, json)
}

/** A service that fails or throttles is not fixed by changing inputs: say so, and how to wait it out. */
function failingFix({ service, response, retryAfterMs }: LastAnswer, statusPage: string): string {
  const { status } = response
  const state = status === 429 ? 'throttling requests' : status === 408 ? 'timing out' : 'failing'
  const wait = retryAfterMs !== undefined ? ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s (Retry-After).` : ''
  return `${service} is ${state} (HTTP ${status}); nothing in the step's inputs causes this.${wait} Re-run the job later and check ${statusPage}; if it happens often, raise max-attempts or timeout-seconds.`
}

/** Every part the service said, made inert and bounded like any server text. */
function clean(said: Said, redact: Redact): Said {
  const text = (value: string | undefined, max: number) =>
    value ? safeText(value, redact, max) || undefined : undefined
  return {
    code: text(said.code, 60),
    message: text(said.message, 800),
    details: said.details?.map(line => safeText(line, redact, 500)).filter(Boolean),
    supportId: said.supportId && {
      label: said.supportId.label,
      value: safeText(said.supportId.value, redact, 100),
    },
  }
}

/**
 * A body that is not (readable) JSON as one short clean line: a page's title, else its first line
 * of text, never markup; "(empty body)" when there is nothing.
 */
export function answerLine(body: string, redact: Redact): string {
  const head = body.slice(0, 64 * 1024)
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1]
  const text = title ?? head.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, '\n')
  const line = text
    .split(/\r?\n/)
    .map(part => decodeEntities(part).trim())
    .find(part => part !== '')
  return line ? safeText(line, redact, 200) : '(empty body)'
}

/** `&lt;` and `&gt;` stay as they are: decoded, they would be markup again. */
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
}

/** A string field of an answer, or undefined. */
export function textField(json: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = json?.[name]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
