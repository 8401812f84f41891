import { fixture } from './entra-id.ts'
import {
  nowSeconds,
  randomUUID,
  startServer,
  unsignedJwt,
  type Emulator,
  type RecordedRequest,
  type Reply,
} from './server.ts'

/** The VPC Identity API version that moved the paths to /identity/v1 (docs/protocols.md). */
const CURRENT_VERSION = '2025-08-26'
/** The oldest version the service accepts: earlier ones, and versions that are not dates, answer 400. */
const LEGACY_VERSION = '2022-03-01'

/**
 * Which server's metadata service this is. Virtual servers know both generations of the API;
 * bare metal servers and Power Virtual Server only the current one (the older paths answer 404);
 * `legacy` is a service that predates 2025-08-26 and knows only the older paths.
 */
export type ServerKind = 'virtual-server' | 'bare-metal' | 'power-virtual-server' | 'legacy'

const INSTANCE_CRNS: Record<ServerKind, string> = {
  'virtual-server': 'crn:v1:bluemix:public:is:us-south-1:a/acct-vpc::instance:0717_runner-0001',
  'bare-metal': 'crn:v1:bluemix:public:is:us-south-1:a/acct-vpc::bare-metal-server:0717-bm-runner-0001',
  'power-virtual-server': 'crn:v1:bluemix:public:power-iaas:dal10:a/acct-vpc:ws-0001::pvm-instance:runner-0001',
  legacy: 'crn:v1:bluemix:public:is:us-south-1:a/acct-vpc::instance:0717_runner-0001',
}

/** A trusted profile the server may use: linked to it, or trusted through a rule. */
interface VpcProfile {
  id: string
  crn: string
  name: string
  iamId: string
  account: string
  /** The profile the metadata service uses when the request names none. */
  linked?: boolean
  /** false: the profile exists but does not trust this server. */
  trustsInstance?: boolean
}

/** The profile linked to the server: what the metadata service uses when a request names none. */
export const VPC_PROFILE: VpcProfile = {
  id: 'Profile-0a1b2c3d-vpc-4e5f-8a9b-runner000001',
  crn: 'crn:v1:bluemix:public:iam-identity::a/acct-vpc::profile:Profile-0a1b2c3d-vpc-4e5f-8a9b-runner000001',
  name: 'ci-runner',
  iamId: 'iam-Profile-0a1b2c3d-vpc-4e5f-8a9b-runner000001',
  account: 'acct-vpc',
  linked: true,
}

/** The server's kind, the profiles it may use, and how long its tokens live. */
interface VpcMetadataOptions {
  kind?: ServerKind
  profiles?: VpcProfile[]
  /** Seconds the instance identity token lives; the service caps the requested expires_in at this. */
  instanceTokenSeconds?: number
  iamTokenSeconds?: number
  /** The IAM token answer's `expires_at`: seconds added (a service clock ahead of the runner's), or a text. */
  iamExpiresAt?: { skewSeconds: number } | { text: string }
  /** Serve https with the fixture certificate, as the secure-access and Power Virtual Server endpoints do. */
  https?: boolean
}

/** A started IBM VPC metadata service and the tokens it handed out. */
export interface VpcMetadataEmulator extends Emulator {
  /** Instance identity tokens and IAM tokens handed out, for leak scans. */
  issued: string[]
  instanceTokens: string[]
}

type Route = 'token' | 'iam_token'
const ROUTES: Record<string, { route: Route; generation: 'current' | 'legacy' }> = {
  'PUT /identity/v1/token': { route: 'token', generation: 'current' },
  'POST /identity/v1/iam_tokens': { route: 'iam_token', generation: 'current' },
  'PUT /instance_identity/v1/token': { route: 'token', generation: 'legacy' },
  'POST /instance_identity/v1/iam_token': { route: 'iam_token', generation: 'legacy' },
}

/**
 * The instance metadata service's identity operations (docs/protocols.md, "IBM instance
 * identity"): PUT .../token, then POST .../iam_tokens (or the older paths), both with
 * `Metadata-Flavor: ibm` and a `version` date; errors in the VPC model with documented codes.
 */
export async function startVpcMetadata(options: VpcMetadataOptions = {}): Promise<VpcMetadataEmulator> {
  const kind = options.kind ?? 'virtual-server'
  const profiles = options.profiles ?? [VPC_PROFILE]
  const issued: string[] = []
  const instanceTokens: string[] = []
  const expiresAt = new Map<string, number>() // instance token -> epoch seconds

  const instanceToken = (request: RecordedRequest): Reply => {
    const requested = request.body ? Number((JSON.parse(request.body) as { expires_in?: unknown }).expires_in) : 300
    if (!Number.isInteger(requested) || requested < 5 || requested > 3600) {
      return vpcError(400, 'invalid_value', 'The `expires_in` field must not exceed `3600`.', {
        name: 'expires_in',
        type: 'field',
        value: String(requested),
      })
    }
    const lifetime = Math.min(requested, options.instanceTokenSeconds ?? 3600)
    const iat = nowSeconds()
    const token = unsignedJwt({
      sub: INSTANCE_CRNS[kind],
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
    if (until === undefined || until <= nowSeconds()) {
      return vpcError(401, 'unauthenticated', 'The identity access token is not valid or has expired.', {
        name: 'Authorization',
        type: 'header',
      })
    }
    const asked = request.body
      ? (JSON.parse(request.body) as { trusted_profile?: { id?: string; crn?: string; name?: string } }).trusted_profile
      : undefined
    const profile = asked
      ? profiles.find(p => p.id === asked.id || p.crn === asked.crn || p.name === asked.name)
      : profiles.find(p => p.linked)
    if (!profile) {
      return vpcError(
        400,
        'profile_not_linked',
        asked
          ? 'The trusted profile is not linked to this instance.'
          : 'No trusted profile is linked to this instance.',
      )
    }
    if (profile.trustsInstance === false) {
      return vpcError(403, 'unauthorized', 'The instance is not authorized to use the trusted profile.')
    }
    const iat = nowSeconds()
    const lifetime = options.iamTokenSeconds ?? 3600
    const token = profileToken(profile, iat, lifetime)
    issued.push(token)
    const reply = tokenReply(token, iat, lifetime)
    const at = options.iamExpiresAt
    if (at) {
      const json = reply.json as Record<string, unknown>
      json.expires_at = 'text' in at ? at.text : new Date((iat + lifetime + at.skewSeconds) * 1000).toISOString()
    }
    return reply
  }

  const handler = (request: RecordedRequest): Reply => {
    if (request.headers['metadata-flavor'] !== 'ibm') {
      return vpcError(400, 'missing_value', 'The `Metadata-Flavor` header is required.', {
        name: 'Metadata-Flavor',
        type: 'header',
      })
    }
    const version = request.query.get('version') ?? ''
    if (!/^\d{4}-\d{2}-\d{2}$/.test(version) || version < LEGACY_VERSION) {
      return vpcError(400, 'invalid_value', 'The `version` parameter is not a supported version date.', {
        name: 'version',
        type: 'parameter',
        value: version,
      })
    }
    const found = ROUTES[`${request.method} ${request.path}`]
    if (!found || !serves(kind, found.generation, version)) {
      return vpcError(404, 'not_found', `The requested path \`${request.path}\` was not found.`)
    }
    return found.route === 'token' ? instanceToken(request) : iamToken(request)
  }

  const tls = options.https ? { key: fixture('tls-key.pem'), cert: fixture('tls-cert.pem') } : undefined
  const server = await startServer(handler, tls)
  return Object.assign(server, { issued, instanceTokens })
}

/**
 * The older paths take versions before 2025-08-26 and are gone from then on; bare metal servers and
 * Power Virtual Server never had them. A `legacy` service knows nothing of the newer paths.
 */
function serves(kind: ServerKind, generation: 'current' | 'legacy', version: string): boolean {
  if (generation === 'legacy') return (kind === 'virtual-server' || kind === 'legacy') && version < CURRENT_VERSION
  return kind !== 'legacy' && version >= CURRENT_VERSION
}

/** An IAM access token for a trusted profile, with the claims IAM puts in one. */
function profileToken(profile: VpcProfile, iat: number, lifetime: number): string {
  return unsignedJwt({
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
}

/** A token answer: the token, when it was created and expires, and its lifetime. */
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

/** The VPC error model: errors[] with code, message, more_info and target; trace; status_code. */
export function vpcError(
  status: number,
  code: string,
  message: string,
  target?: { name: string; type: 'field' | 'header' | 'parameter'; value?: string },
): Reply {
  return {
    status,
    json: {
      errors: [
        {
          code,
          message,
          more_info: 'https://cloud.ibm.com/docs/vpc?topic=vpc-instance-metadata-error-codes',
          ...(target ? { target } : {}),
        },
      ],
      trace: randomUUID(),
      status_code: status,
    },
  }
}
