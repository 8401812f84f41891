import { createPrivateKey } from 'node:crypto'
import { InputError } from '../../errors.ts'

/** The PEM must hold a key this step can read and a certificate: found here rather than as a cryptic library error. */
export function checkCertificate(pem: string, password: string): void {
  const bundleHint =
    'pass PEM text with the private key and the certificate, e.g. from a secret made with: cat key.pem cert.pem.'
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new InputError('client-certificate', 'holds no PEM private key.', bundleHint)
  }
  if (!/-----BEGIN CERTIFICATE-----/.test(pem)) {
    throw new InputError('client-certificate', 'holds no PEM certificate (-----BEGIN CERTIFICATE-----).', bundleHint)
  }
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)
  if (encrypted && !password) {
    throw new InputError(
      'client-certificate-password',
      'is required: the private key in client-certificate is encrypted.',
      "pass the key's password, e.g. client-certificate-password: ${{ secrets.AZURE_CLIENT_CERTIFICATE_PASSWORD }}, or store the key unencrypted.",
    )
  }
  try {
    createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined })
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
          `${bundleHint} Supported: PKCS#8 or PKCS#1 RSA keys.`,
        )
  }
}
