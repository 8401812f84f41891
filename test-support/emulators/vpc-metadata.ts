import {
  nowSeconds,
  randomUUID,
  startServer,
  unsignedJwt,
  type Emulator,
  type RecordedRequest,
  type Reply,
} from './server.ts'

export const VPC_VERSION = '2022-03-01'
export const INSTANCE_CRN = 'crn:v1:bluemix:public:is:us-south-1:a/acct-vpc::instance:0717_runner-0001'

/** A trusted profile the instance may use: linked to it, or trusted through a rule. */
export interface VpcProfile {
  id: string
  crn: string
  iamId: string
  account: string
  /** The profile the metadata service uses when the request names none. */
  linked?: boolean
  /** false: the profile exists but does not trust this instance. */
  trustsInstance?: boolean
}

export const VPC_PROFILE: VpcProfile = {
  id: 'Profile-0a1b2c3d-vpc-4e5f-8a9b-runner000001',
  crn: 'crn:v1:bluemix:public:iam-identity::a/acct-vpc::profile:Profile-0a1b2c3d-vpc-4e5f-8a9b-runner000001',
  iamId: 'iam-Profile-0a1b2c3d-vpc-4e5f-8a9b-runner000001',
  account: 'acct-vpc',
  linked: true,
}

export interface VpcMetadataOptions {
  profiles?: VpcProfile[]
  /** Seconds the instance identity token lives; the service caps the requested expires_in at this. */
  instanceTokenSeconds?: number
  iamTokenSeconds?: number
}

export interface VpcMetadataEmulator extends Emulator {
  /** Instance identity tokens and IAM tokens handed out, for leak scans. */
  issued: string[]
  instanceTokens: string[]
}

/**
 * The IBM Cloud VPC instance metadata service's identity operations, as ../shared/protocols.md
 * and IBM's VpcInstanceTokenManager use them: PUT /instance_identity/v1/token, then
 * POST /instance_identity/v1/iam_token, both with `Metadata-Flavor: ibm` and `version=2022-03-01`.
 * Errors in VPC's model: {"errors":[{code,message,more_info}],"status_code","trace"}.
 */
export async function startVpcMetadata(options: VpcMetadataOptions = {}): Promise<VpcMetadataEmulator> {
  const profiles = options.profiles ?? [VPC_PROFILE]
  const issued: string[] = []
  const instanceTokens: string[] = []
  const expiresAt = new Map<string, number>() // instance token -> epoch seconds

  const instanceToken = (request: RecordedRequest): Reply => {
    const requested = request.body ? Number((JSON.parse(request.body) as { expires_in?: unknown }).expires_in) : 300
    if (!Number.isInteger(requested) || requested < 5 || requested > 3600) {
      return vpcError(400, 'invalid_value', 'The `expires_in` field must be between 5 and 3600.')
    }
    const lifetime = Math.min(requested, options.instanceTokenSeconds ?? 3600)
    const iat = nowSeconds()
    const token = unsignedJwt({
      sub: INSTANCE_CRN,
      iss: 'https://api.metadata.cloud.ibm.com',
      iat,
      exp: iat + lifetime,
    })
    instanceTokens.push(token)
    issued.push(token)
    expiresAt.set(token, iat + lifetime)
    return tokenReply(token, iat, lifetime)
  }

  const iamToken = (request: RecordedRequest): Reply => {
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? ''
    const until = expiresAt.get(bearer)
    if (until === undefined) return vpcError(401, 'invalid_token', 'The instance identity token is not valid.')
    if (until <= nowSeconds()) return vpcError(401, 'token_expired', 'The instance identity token has expired.')
    const asked = request.body
      ? (JSON.parse(request.body) as { trusted_profile?: { id?: string; crn?: string } }).trusted_profile
      : undefined
    const profile = asked
      ? profiles.find(p => (asked.id && p.id === asked.id) || (asked.crn && p.crn === asked.crn))
      : profiles.find(p => p.linked)
    if (!profile || profile.trustsInstance === false) {
      return vpcError(
        400,
        'trusted_profile_not_linked',
        asked
          ? 'The trusted profile is not linked to this instance.'
          : 'No trusted profile is linked to this instance.',
      )
    }
    const iat = nowSeconds()
    const lifetime = options.iamTokenSeconds ?? 3600
    const token = unsignedJwt({
      iam_id: profile.iamId,
      id: profile.iamId,
      sub: profile.id,
      sub_type: 'Profile',
      realmid: 'iam',
      account: { bss: profile.account, valid: true },
      grant_type: 'urn:ibm:params:oauth:grant-type:cr-token',
      iat,
      exp: iat + lifetime,
      iss: 'https://iam.cloud.ibm.com/identity',
      scope: 'ibm openid',
    })
    issued.push(token)
    return tokenReply(token, iat, lifetime)
  }

  const handler = (request: RecordedRequest): Reply => {
    if (request.headers['metadata-flavor'] !== 'ibm') {
      return vpcError(
        400,
        'missing_metadata_flavor',
        'The request is missing the required `Metadata-Flavor: ibm` header.',
      )
    }
    if (request.query.get('version') !== VPC_VERSION) {
      return vpcError(400, 'invalid_version', `The version query parameter must be ${VPC_VERSION} for this emulator.`)
    }
    const route = `${request.method} ${request.path}`
    if (route === 'PUT /instance_identity/v1/token') return instanceToken(request)
    if (route === 'POST /instance_identity/v1/iam_token') return iamToken(request)
    return vpcError(404, 'not_found', `The path ${request.path} was not found.`)
  }

  const server = await startServer(handler)
  return Object.assign(server, { issued, instanceTokens })
}

function tokenReply(token: string, iat: number, lifetime: number): Reply {
  return {
    status: 200,
    json: {
      access_token: token,
      created_at: new Date(iat * 1000).toISOString(),
      expires_at: new Date((iat + lifetime) * 1000).toISOString(),
      expires_in: lifetime,
    },
  }
}

/** VPC's error model. */
export function vpcError(status: number, code: string, message: string): Reply {
  return {
    status,
    json: {
      errors: [{ code, message, more_info: 'https://cloud.ibm.com/docs/vpc?topic=vpc-instance-metadata-error-codes' }],
      status_code: status,
      trace: randomUUID(),
    },
  }
}
