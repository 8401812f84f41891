import {
  nowSeconds,
  randomUUID,
  startServer,
  unsignedJwt,
  type Emulator,
  type RecordedRequest,
  type Reply,
} from './server.ts'
import { NOT_ELIGIBLE, iamError as error } from './ibm-iam-errors.ts'

export { iamErrorBody, iamGatewayPage } from './ibm-iam-errors.ts'

/** `+ & = %` and a space: a form body built by hand instead of encoded would garble it. */
export const API_KEY = 'ibm-api-key+0123&456=789%ab cdef'
/** A key whose identity no trusted profile trusts. */
export const OTHER_KEY = 'ibm-other-key-not-trusted-42'
/** A compute resource token (a service account token) that PROFILE trusts. */
export const CR_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y2k6cnVubmVyIn0.c2lnbmF0dXJlLW9mLXRoZS1jci10b2tlbg'
/** The identity API_KEY stands for. */
export const IDENTITY: IamIdentity = { iamId: 'IBMid-550000AAAA', sub: 'ci-bot@example.com', account: 'acct123' }
/** A profile that trusts API_KEY's identity and CR_TOKEN. */
export const PROFILE: TrustedProfile = {
  id: 'Profile-9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  crn: 'crn:v1:bluemix:public:iam-identity::a/acct123::profile:Profile-9f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'ci-key-rotation',
  account: 'acct123',
  trustedIamIds: [IDENTITY.iamId],
  trustedCrTokens: [CR_TOKEN],
}

/** The IAM most suites need: API_KEY and OTHER_KEY, and PROFILE. */
export function startDefaultIbmIam(): Promise<IbmIamEmulator> {
  return startIbmIam({
    apiKeys: {
      [API_KEY]: IDENTITY,
      [OTHER_KEY]: { iamId: 'IBMid-OTHER', sub: 'other@example.com', account: 'acct123' },
    },
    profiles: [PROFILE],
  })
}

/** An identity the emulator knows: what its API key or CR token stands for. */
interface IamIdentity {
  iamId: string
  sub: string
  account: string
}

/** A trusted profile: who may assume it, by IAM id (assume grant) or by compute resource token. */
interface TrustedProfile {
  id: string
  crn: string
  name: string
  account: string
  /** iam_ids allowed to assume it with the assume grant. */
  trustedIamIds: string[]
  /** Compute resource tokens (service account tokens) allowed to use it. */
  trustedCrTokens: string[]
}

/** The API keys IAM knows, its trusted profiles, and how it answers. */
interface IbmIamOptions {
  apiKeys: Record<string, IamIdentity>
  profiles?: TrustedProfile[]
  lifetimeSeconds?: number
  /** Serve HTTPS with this key and certificate (for the untrusted-certificate case). */
  tls?: { key: string; cert: string }
  /** Listen on [::1] instead of 127.0.0.1. */
  ipv6?: boolean
  /** Answer with a real refresh token, as IAM does for clients that send basic auth `bx:bx`. */
  refreshTokens?: boolean
  /** Fields added to every success answer, as a service that starts sending new ones would. */
  extraFields?: Record<string, unknown>
  /** Seconds added to `expiration` only: it must win over `expires_in`. */
  expirationSkewSeconds?: number
}

/** A started IBM Cloud IAM emulator and the tokens it issued. */
export interface IbmIamEmulator extends Emulator {
  /** Every access token issued, for leak scans. */
  issued: string[]
  /** Every real refresh token issued (refreshTokens: true). */
  refreshTokens: string[]
}

/** IBM Cloud IAM's `POST /identity/token`, as docs/protocols.md ("IBM Cloud IAM") describes it. */
export async function startIbmIam(options: IbmIamOptions): Promise<IbmIamEmulator> {
  const issued: string[] = []
  const refreshTokens: string[] = []
  const identities = new Map<string, IamIdentity>() // issued access token -> identity
  const lifetime = options.lifetimeSeconds ?? 3600

  const token = (identity: IamIdentity, extra: Record<string, unknown> = {}): Reply => {
    const iat = nowSeconds()
    const accessToken = unsignedJwt({
      iam_id: identity.iamId,
      id: identity.iamId,
      sub: identity.sub,
      realmid: 'iam',
      account: { bss: identity.account, valid: true },
      grant_type: 'urn:ibm:params:oauth:grant-type:apikey',
      iat,
      exp: iat + lifetime,
      iss: 'https://iam.cloud.ibm.com/identity',
      scope: 'ibm openid',
      ...extra,
    })
    issued.push(accessToken)
    identities.set(accessToken, identity)
    const refreshToken = options.refreshTokens ? `OKA${randomUUID().replace(/-/g, '')}refresh` : 'not_supported'
    if (options.refreshTokens) refreshTokens.push(refreshToken)
    return {
      status: 200,
      json: {
        access_token: accessToken,
        refresh_token: refreshToken,
        token_type: 'Bearer',
        expires_in: lifetime,
        expiration: iat + lifetime + (options.expirationSkewSeconds ?? 0),
        scope: 'ibm openid',
        ...options.extraFields,
      },
    }
  }

  const handler = (request: RecordedRequest): Reply => {
    if (request.method !== 'POST' || request.path !== '/identity/token') {
      return error(404, 'BXNIM0001E', 'Not found.')
    }
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return error(400, 'BXNIM0109E', 'Content type must be application/x-www-form-urlencoded.')
    }
    const form = request.form
    const profileFields = ['profile_id', 'profile_crn', 'profile_name'].filter(name => form.has(name))
    switch (form.get('grant_type')) {
      case 'urn:ibm:params:oauth:grant-type:apikey': {
        const identity = options.apiKeys[form.get('apikey') ?? '']
        return identity ? token(identity) : error(400, 'BXNIM0415E', 'Provided API key could not be found.')
      }
      case 'urn:ibm:params:oauth:grant-type:assume': {
        const caller = identities.get(form.get('access_token') ?? '')
        if (!caller) return error(400, 'BXNIM0407E', 'Provided access token is invalid.')
        if (profileFields.length !== 1 || (form.has('profile_name') && !form.has('account'))) {
          return error(
            400,
            'BXNIM0400E',
            'Provide exactly one of profile_id, profile_crn, or profile_name with account.',
          )
        }
        const profile = findProfile(options.profiles ?? [], form)
        if (!profile || !profile.trustedIamIds.includes(caller.iamId)) {
          return error(
            400,
            'BXNIM0398E',
            NOT_ELIGIBLE,
            'The trusted profile has no trust relationship for this identity.',
          )
        }
        return token(asProfile(profile), { sub_type: 'Profile' })
      }
      case 'urn:ibm:params:oauth:grant-type:cr-token': {
        if (profileFields.length !== 1 || form.has('profile_crn')) {
          return error(400, 'BXNIM0400E', 'Provide profile_id or profile_name.')
        }
        const profile = findProfile(options.profiles ?? [], form)
        const crToken = form.get('cr_token') ?? ''
        if (!profile || !profile.trustedCrTokens.includes(crToken)) {
          return error(
            400,
            'BXNIM0398E',
            NOT_ELIGIBLE,
            'The compute resource token does not match the conditions of any compute resource rule of the trusted profile.',
          )
        }
        return token(asProfile(profile), { sub_type: 'Profile' })
      }
      default:
        return error(400, 'BXNIM0109E', 'Property missing or empty: grant_type.')
    }
  }

  const server = await startServer(handler, options.tls, options.ipv6 ? '::1' : '127.0.0.1')
  return Object.assign(server, { issued, refreshTokens })
}

/** The profile a request names: by id, by CRN, or by name (in the account, if it gives one). */
function findProfile(profiles: TrustedProfile[], form: URLSearchParams): TrustedProfile | undefined {
  return profiles.find(
    p =>
      (form.get('profile_id') && p.id === form.get('profile_id')) ||
      (form.get('profile_crn') && p.crn === form.get('profile_crn')) ||
      (form.get('profile_name') &&
        p.name === form.get('profile_name') &&
        (!form.has('account') || p.account === form.get('account'))),
  )
}

/** The identity a token issued for a trusted profile stands for. */
function asProfile(profile: TrustedProfile): IamIdentity {
  return { iamId: `iam-${profile.id}`, sub: profile.name, account: profile.account }
}
