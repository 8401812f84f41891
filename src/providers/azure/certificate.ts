import { X509Certificate, constants, createHash, createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto'
import { InputError } from '../../errors.ts'

/** The private key and the certificate that belongs to it, read from client-certificate. */
interface ClientCertificate {
  key: KeyObject
  certificate: X509Certificate
}

const BUNDLE_HINT =
  'pass PEM text with the private key and the certificate, e.g. from a secret made with: cat key.pem cert.pem.'
const CERTIFICATES = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

/**
 * The PEM must hold a key this step can read and the certificate of that key (a chain may follow):
 * found before any request, rather than as Entra's AADSTS700027 after one.
 */
export function readClientCertificate(pem: string, password: string): ClientCertificate {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new InputError('client-certificate', 'holds no PEM private key.', BUNDLE_HINT)
  }
  const blocks = pem.match(CERTIFICATES) ?? []
  if (blocks.length === 0) {
    throw new InputError('client-certificate', 'holds no PEM certificate (-----BEGIN CERTIFICATE-----).', BUNDLE_HINT)
  }
  const key = privateKey(pem, password)
  const certificate = blocks.map(readable).find(cert => cert?.checkPrivateKey(key))
  if (!certificate) {
    throw new InputError(
      'client-certificate',
      'holds no certificate that belongs to its private key.',
      `${BUNDLE_HINT} The certificate must be the one made with this key (the one uploaded to the app registration).`,
    )
  }
  return { key, certificate }
}

function privateKey(pem: string, password: string): KeyObject {
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)
  if (encrypted && !password) {
    throw new InputError(
      'client-certificate-password',
      'is required: the private key in client-certificate is encrypted.',
      "pass the key's password, e.g. client-certificate-password: ${{ secrets.AZURE_CLIENT_CERTIFICATE_PASSWORD }}, or store the key unencrypted.",
    )
  }
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined })
  } catch {
    throw encrypted
      ? new InputError(
          'client-certificate-password',
          'does not decrypt the private key in client-certificate.',
          'check the password secret; it must be the one the key was exported with.',
        )
      : new InputError(
          'client-certificate',
          'holds a private key that cannot be read.',
          `${BUNDLE_HINT} Supported: PKCS#8 or PKCS#1 RSA keys.`,
        )
  }
}

function readable(block: string): X509Certificate | undefined {
  try {
    return new X509Certificate(block)
  } catch {
    return undefined
  }
}

/** How long a certificate assertion is valid: it only has to reach the token endpoint. */
const ASSERTION_SECONDS = 600

/**
 * A client assertion as Entra ID documents it for certificate credentials: a JWT signed PS256 with
 * the certificate's key, header `x5t#S256` (the certificate's SHA-256 thumbprint, base64url),
 * `aud` the token endpoint, `iss` = `sub` = the client id, a fresh `jti`, `nbf` and `exp`.
 */
export function certificateAssertion(
  { key, certificate }: ClientCertificate,
  clientId: string,
  tokenEndpoint: string,
  nowMs: number,
): string {
  const now = Math.floor(nowMs / 1000)
  const header = {
    alg: 'PS256',
    typ: 'JWT',
    'x5t#S256': createHash('sha256').update(certificate.raw).digest('base64url'),
  }
  const claims = {
    aud: tokenEndpoint,
    iss: clientId,
    sub: clientId,
    jti: randomUUID(),
    nbf: now,
    exp: now + ASSERTION_SECONDS,
  }
  const input = `${base64url(header)}.${base64url(claims)}`
  const signature = sign('sha256', Buffer.from(input), {
    key,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  })
  return `${input}.${signature.toString('base64url')}`
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
