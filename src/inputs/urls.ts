import { InputError } from '../errors.ts'

const WITH_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/**
 * An endpoint URL: https, or plain http only for loopback hosts (emulators, local proxies).
 * Returned without a trailing slash. A URL that carries `user:password@` is refused without
 * being echoed, and its credentials are masked in case anything else prints them.
 */
export function endpointUrl(
  name: string,
  raw: string,
  allowLoopbackHttp: boolean,
  mask: (secret: string) => void,
): string {
  const credentials = WITH_CREDENTIALS.exec(raw)?.[2]
  if (credentials) {
    mask(decodeSafely(credentials))
    mask(decodeSafely(credentials.slice(credentials.indexOf(':') + 1)))
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    const shown = raw.replace(WITH_CREDENTIALS, '$1***@').slice(0, 100)
    throw new InputError(
      name,
      `is '${shown}', which is not a URL.`,
      `give a full URL such as https://host.example.com.`,
    )
  }
  if (url.username || url.password) {
    throw new InputError(name, 'must not carry credentials (user:password@).', 'give only scheme, host, port and path.')
  }
  if (url.protocol !== 'https:' && !(allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new InputError(
      name,
      `must use https (got ${url.protocol.replace(':', '')}).`,
      allowLoopbackHttp
        ? 'use an https:// URL; plain http is accepted only for localhost, 127.0.0.0/8 and [::1].'
        : 'use an https:// URL.',
    )
  }
  if (url.search || url.hash) {
    throw new InputError(name, 'must not carry a query or a fragment.', 'give only scheme, host, port and path.')
  }
  return url.href.replace(/\/+$/, '')
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
