import { METADATA_ADDRESS } from '../addresses.ts'
import { InputError } from '../errors.ts'

const WITH_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** Where plain http is accepted: nowhere, on loopback hosts, or also at the metadata address. */
export type PlainHttp = 'never' | 'loopback' | 'loopback-and-metadata'

const PLAIN_HTTP_HOSTS: Record<PlainHttp, string> = {
  never: 'use an https:// URL.',
  loopback: 'use an https:// URL; plain http is accepted only for localhost, 127.0.0.0/8 and [::1].',
  'loopback-and-metadata': `use an https:// URL; plain http is accepted only for ${METADATA_ADDRESS}, localhost, 127.0.0.0/8 and [::1].`,
}

/**
 * An endpoint URL: https, or plain http only where `plainHttp` allows it (emulators, local
 * proxies, a metadata service). Returned without a trailing slash. A URL that carries
 * `user:password@` is refused without being echoed, and its credentials are masked in case
 * anything else prints them.
 */
export function endpointUrl(name: string, raw: string, plainHttp: PlainHttp, mask: (secret: string) => void): string {
  maskUrlCredentials(raw, mask)
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
  const httpAllowed =
    (plainHttp !== 'never' && LOOPBACK.test(url.hostname)) ||
    (plainHttp === 'loopback-and-metadata' && url.hostname === METADATA_ADDRESS)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && httpAllowed)) {
    throw new InputError(name, `must use https (got ${url.protocol.replace(':', '')}).`, PLAIN_HTTP_HOSTS[plainHttp])
  }
  if (url.search || url.hash) {
    throw new InputError(name, 'must not carry a query or a fragment.', 'give only scheme, host, port and path.')
  }
  return url.href.replace(/\/+$/, '')
}

/** Masks the `user:password@` of a URL (a scheme is optional, as in proxy variables), as given and decoded. */
export function maskUrlCredentials(raw: string, mask: (secret: string) => void): void {
  const credentials = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#@\s]*)@/i.exec(raw)?.[1]
  if (!credentials) return
  const password = credentials.slice(credentials.indexOf(':') + 1)
  for (const secret of [credentials, password]) {
    mask(secret)
    mask(decodeSafely(secret))
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
