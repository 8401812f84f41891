/**
 * The Entra ID emulator's checks of the credential a token request presents: a client secret, a
 * certificate assertion or a federated assertion, in the order and with the codes that
 * docs/protocols.md ("Entra ID") gives with their sources.
 */
import { X509Certificate, constants, createHash, verify, type KeyObject } from 'node:crypto'
import type { EntraApp } from './entra-id.ts'
import { entraError } from './entra-errors.ts'
import { nowSeconds, type RecordedRequest, type Reply } from './server.ts'

/** The only client_assertion_type Entra takes. */
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** What a credential is checked against besides the app: the token endpoint, and the keys of federated issuers. */
export interface CredentialContext {
  /** The audience certificate assertions must name. */
  tokenEndpoint: string
  /** The key each known issuer of federated assertions signs with. */
  issuerKeys: Map<string, KeyObject>
}

/** Accepted, or the answer that refuses it. */
type Credential = { ok: true } | { ok: false; reply: Reply }
const OK: Credential = { ok: true }

const CERTIFICATE_DOCS =
  'Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .'

/** The credential in a client credentials request: a secret, an assertion, or neither. */
export function checkCredential(app: EntraApp, form: URLSearchParams, context: CredentialContext): Credential {
  if (form.has('client_secret')) return checkSecret(app, form.get('client_secret') ?? '')
  if (form.has('client_assertion')) return checkAssertion(app, form, context)
  return fail(
    401,
    'invalid_client',
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  )
}

function checkSecret(app: EntraApp, secret: string): Credential {
  if (app.secrets?.includes(secret)) return OK
  if (app.expiredSecrets?.includes(secret)) {
    return fail(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    )
  }
  return fail(
    401,
    'invalid_client',
    7000215,
    `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
  )
}

function checkAssertion(app: EntraApp, form: URLSearchParams, context: CredentialContext): Credential {
  if (form.get('client_assertion_type') !== JWT_BEARER) {
    return fail(400, 'invalid_request', 50027, `Invalid client_assertion_type '${form.get('client_assertion_type')}'.`)
  }
  const jwt = decodeJwt(form.get('client_assertion') ?? '')
  if (!jwt) return fail(400, 'invalid_request', 50027, 'JWT token is invalid or is malformed.')
  const certificate = 'x5t#S256' in jwt.header || ('x5t' in jwt.header && jwt.claims.iss === app.clientId)
  return certificate ? checkCertificateAssertion(app, jwt, context.tokenEndpoint) : checkFederated(app, jwt, context)
}

/** Thumbprint, signature, audience (AADSTS700023), issuer and subject (AADSTS700021), then time. */
function checkCertificateAssertion(app: EntraApp, jwt: DecodedJwt, tokenEndpoint: string): Credential {
  const thumbprint = String(jwt.header['x5t#S256'] ?? jwt.header.x5t ?? '')
  const sha = jwt.header['x5t#S256'] ? 'sha256' : 'sha1'
  const certificate = (app.certificates ?? [])
    .map(pem => new X509Certificate(pem))
    .find(cert => createHash(sha).update(cert.raw).digest('base64url') === thumbprint)
  if (!certificate) {
    const hex = Buffer.from(thumbprint, 'base64url').toString('hex').toUpperCase()
    return fail(
      401,
      'invalid_client',
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${hex}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`,
    )
  }
  const alg = jwt.header.alg
  const padding = alg === 'PS256' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING
  const key = { key: certificate.publicKey, padding, saltLength: constants.RSA_PSS_SALTLEN_AUTO }
  const signed =
    (alg === 'PS256' || alg === 'RS256') && verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature)
  if (!signed) return fail(401, 'invalid_client', 700027, 'Client assertion failed signature validation.')
  if (jwt.claims.aud !== tokenEndpoint) {
    return fail(
      401,
      'invalid_client',
      700023,
      `Client assertion audience claim does not match Realm issuer. ${CERTIFICATE_DOCS}`,
    )
  }
  if (jwt.claims.iss !== app.clientId || jwt.claims.sub !== app.clientId) {
    return fail(
      401,
      'invalid_client',
      700021,
      `Client assertion application identifier doesn't match 'client_id' parameter. ${CERTIFICATE_DOCS}`,
    )
  }
  return timeWindow(jwt)
}

/** As Entra does: the app's federated credentials by issuer, subject and audience first, then the signature and time. */
function checkFederated(app: EntraApp, jwt: DecodedJwt, context: CredentialContext): Credential {
  const { iss, sub, aud } = jwt.claims as { iss?: string; sub?: string; aud?: string | string[] }
  const audiences = Array.isArray(aud) ? aud : [aud]
  const all = app.federatedCredentials ?? []
  const docs =
    'Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation'
  const noMatch = (code: number, text: string) =>
    fail(401, 'invalid_client', code, `No matching federated identity record found for presented assertion ${text}`)
  if (all.length === 0) {
    return fail(
      401,
      'invalid_client',
      70021,
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${aud}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`,
    )
  }
  const byIssuer = all.filter(c => c.issuer === iss)
  if (byIssuer.length === 0) return noMatch(700211, `issuer '${iss}'. ${docs}`)
  const bySubject = byIssuer.filter(c => c.subject === sub)
  // Since 2024 subjects are compared case-sensitively; a match in other letter case has its own code.
  if (bySubject.length === 0 && byIssuer.some(c => c.subject.toLowerCase() === sub?.toLowerCase()))
    return noMatch(
      7002138,
      `subject '${sub}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. See documentation at: https://learn.microsoft.com/entra/workload-id/workload-identity-federation. See breaking change notification and remediation at: https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024.`,
    )
  if (bySubject.length === 0) return noMatch(700213, `subject '${sub}'. ${docs}`)
  if (!bySubject.some(c => audiences.includes(c.audience))) return noMatch(700212, `audience '${aud}'. ${docs}`)
  const key = context.issuerKeys.get(iss ?? '')
  const signed =
    key !== undefined &&
    jwt.header.alg === 'RS256' &&
    verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature)
  if (!signed)
    return fail(
      401,
      'invalid_client',
      50013,
      'Assertion failed signature validation. [Reason - The key was not found.]',
    )
  return timeWindow(jwt)
}

/**
 * AADSTS7002137 (401): no federated credential for the assertion's subject, naming the subject
 * Entra expects. Answers the next token POST with the subject of the assertion it carries.
 */
export function expectedSubjectFault(expected: string): (request: RecordedRequest) => Reply {
  return request => {
    const sub = decodeJwt(request.form.get('client_assertion') ?? '')?.claims.sub
    return entraError(
      401,
      'invalid_client',
      7002137,
      `No matching federated identity record found for presented assertion subject '${String(sub)}'. Please make sure the federated identity credential Subject is '${expected}'.`,
    )
  }
}

interface DecodedJwt {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  signingInput: string
  signature: Buffer
}

function decodeJwt(token: string): DecodedJwt | undefined {
  const [header, claims, signature] = token.split('.')
  if (!header || !claims || signature === undefined || token.split('.').length !== 3) return undefined
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
      claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Record<string, unknown>,
      signingInput: `${header}.${claims}`,
      signature: Buffer.from(signature, 'base64url'),
    }
  } catch {
    return undefined
  }
}

/** nbf and exp, with the five minutes of clock skew Entra allows. */
function timeWindow(jwt: DecodedJwt): Credential {
  const now = nowSeconds()
  const nbf = Number(jwt.claims.nbf ?? jwt.claims.iat ?? 0)
  const exp = Number(jwt.claims.exp ?? 0)
  if (nbf - 300 <= now && now < exp + 300) return OK
  const iso = (s: number) =>
    new Date(s * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace('T', ' ')
  return fail(
    401,
    'invalid_client',
    700024,
    `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${iso(nbf)}, expiry time of assertion ${iso(exp)}. Review the documentation at https://docs.microsoft.com/en-us/azure/active-directory/develop/active-directory-certificate-credentials .`,
  )
}

function fail(status: number, code: string, aadsts: number, text: string): Credential {
  return { ok: false, reply: entraError(status, code, aadsts, text) }
}
