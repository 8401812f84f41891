// One harmless read with each real token, to tell "the token is rejected" from "the identity may
// not do this": a service that accepts the token answers 200, or 403 where the identity has no
// permission (the live check needs none); 401 means the token itself was refused. The base URL
// comes from the workflow (API_ENDPOINT), so that tests point it at a loopback emulator.
import { cleanText } from './clean.mjs'

/**
 * The read per provider (docs/protocols.md, "What the live check reads"). Azure's is a Resource
 * Manager call, so it needs a token for ARM: `audiences` are the ones ARM accepts (its
 * InvalidAuthenticationTokenAudience answer lists them); a token for another resource is not probed.
 */
export const API_PROBES = {
  azure: {
    service: 'Azure Resource Manager',
    path: '/subscriptions?api-version=2022-12-01',
    audiences: [
      'https://management.azure.com',
      'https://management.azure.com/',
      'https://management.core.windows.net',
      'https://management.core.windows.net/',
    ],
  },
  ibm: { service: 'IBM Cloud resource controller', path: '/v2/resource_instances?limit=1' },
}

const MAX_BODY = 64 * 1024
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Why an endpoint must not get the token: not https (http is allowed on loopback, for tests), or credentials in it. */
export function endpointProblem(endpoint) {
  let url
  try {
    url = new URL(endpoint ?? '')
  } catch {
    return `API_ENDPOINT '${cleanText(endpoint, [], 200)}' is not a URL`
  }
  if (url.username || url.password) return 'API_ENDPOINT must not carry credentials'
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return undefined
  return 'API_ENDPOINT must be an https URL (plain http only on loopback, for tests): the token must not travel in clear'
}

/**
 * Sends the provider's read with the token and judges the answer: `{ problems, lines, skipped }`.
 * `lines` say what was accepted (status and the service's error code, never its message, which
 * names the caller's ids); a 401 or any other status is a problem that shows the service's answer
 * and its WWW-Authenticate challenge, cleaned (cleanText), with the token withheld.
 */
export async function probeApi(provider, token, { endpoint, resource, timeoutMs = 30_000 } = {}) {
  const probe = API_PROBES[provider]
  if (probe.audiences && resource && !probe.audiences.includes(resource))
    return { problems: [], lines: [], skipped: `the token is for '${resource}', not ${probe.service}` }
  const refused = endpointProblem(endpoint)
  if (refused) return { problems: [refused], lines: [] }
  if (!token) return { problems: ['TOKEN is empty: there is nothing to send'], lines: [] }
  const url = `${endpoint.replace(/\/+$/, '')}${probe.path}`
  let status, body, challenge
  try {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      redirect: 'manual', // a redirect would carry the token on to another URL
      signal: AbortSignal.timeout(timeoutMs),
    })
    status = response.status
    challenge = response.headers.get('www-authenticate') ?? undefined
    body = await readBounded(response)
  } catch (error) {
    const cause = error?.cause?.code ?? error?.name ?? ''
    const reason = cleanText(`${error?.message ?? error}${cause ? ` (${cause})` : ''}`, [token], 300)
    return { problems: [`${probe.service} did not answer the read: ${reason}`], lines: [] }
  }
  const answer = () =>
    `${cleanText(body, [token]) || '(empty body)'}` +
    (challenge ? `; WWW-Authenticate: ${cleanText(challenge, [token], 300)}` : '')
  if (status === 200) return { problems: [], lines: [`${probe.service} accepted the token: HTTP 200`] }
  if (status === 403) {
    const code = errorCode(body)
    const line = `${probe.service} accepted the token and refused the read: HTTP 403${code ? ` ${code}` : ''} (no permission, which the live check does not need)`
    return { problems: [], lines: [line] }
  }
  if (status === 401) return { problems: [`${probe.service} rejected the token (HTTP 401): ${answer()}`], lines: [] }
  return {
    problems: [`${probe.service} answered HTTP ${status}, neither 200 or 403 (token accepted) nor 401: ${answer()}`],
    lines: [],
  }
}

async function readBounded(response) {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks = []
  let size = 0
  while (size < MAX_BODY) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.length
  }
  await reader.cancel().catch(() => {})
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY)
}

/** The service's error code (ARM `error.code`, the resource controller's `error_code`), if it is one. */
function errorCode(body) {
  try {
    const json = JSON.parse(body)
    const code = json?.error?.code ?? json?.error_code
    return typeof code === 'string' && /^[A-Za-z0-9._-]{1,80}$/.test(code) ? code : undefined
  } catch {
    return undefined
  }
}
