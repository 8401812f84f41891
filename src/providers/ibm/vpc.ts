import { ActionError } from '../../errors.ts'
import { requestJson } from '../../io/http.ts'
import { expiryOf, type ExpiryFields, type Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { IbmConfig } from './config.ts'
import { describeProfile, type VpcProfileRef } from './profile.ts'
import { ENDPOINTS, METADATA_SERVICE, pathNotServed, requestOf, vpcErrors, type VpcStep } from './vpc-errors.ts'

type VpcConfig = Extract<IbmConfig, { authType: 'vpc-instance' }>

/** One generation of the VPC Identity API: its version date and its two paths. */
interface Generation {
  version: string
  tokenPath: string
  iamTokenPath: string
}

/**
 * The current generation serves virtual servers, bare metal servers and Power Virtual Server; the
 * older one only virtual servers. It is tried when the current path answers 404, which costs one
 * round trip on the host, and only on a service that does not know the current version.
 */
const GENERATIONS: readonly Generation[] = [
  { version: '2025-08-26', tokenPath: '/identity/v1/token', iamTokenPath: '/identity/v1/iam_tokens' },
  { version: '2022-03-01', tokenPath: '/instance_identity/v1/token', iamTokenPath: '/instance_identity/v1/iam_token' },
]
/** The instance identity token only has to outlive the second request. */
const INSTANCE_TOKEN_SECONDS = 300

/**
 * A self-hosted runner on an IBM Cloud server (VPC virtual server, bare metal server, Power Virtual
 * Server): the instance identity token from its metadata service, then an IAM token for a trusted
 * profile (or the one linked to the server).
 */
export async function getVpcToken(config: VpcConfig, ctx: ProviderContext): Promise<Token> {
  const { generation, instanceToken } = await instanceIdentity(config, ctx)
  const trustedProfile = trustedProfileOf(config.profile)
  const iam = await vpcCall(config, ctx, {
    what: `an IAM token for ${describeProfile(config.profile)}`,
    method: 'POST',
    path: generation.iamTokenPath,
    version: generation.version,
    body: trustedProfile ? JSON.stringify({ trusted_profile: trustedProfile }) : undefined,
    bearer: instanceToken,
  })
  const accessToken = stringField(iam, 'access_token', 'the IAM token')
  return { accessToken, ...expiryOf(iam, ctx.now(), VPC_EXPIRY) }
}

async function instanceIdentity(config: VpcConfig, ctx: ProviderContext) {
  const tried: string[] = []
  for (const generation of GENERATIONS) {
    const request: VpcRequest = {
      what: 'the instance identity token',
      method: 'PUT',
      path: generation.tokenPath,
      version: generation.version,
      body: JSON.stringify({ expires_in: INSTANCE_TOKEN_SECONDS }),
    }
    try {
      const identity = await vpcCall(config, ctx, request)
      const instanceToken = stringField(identity, 'access_token', 'the instance identity token')
      if (tried.length > 0) ctx.debug(`The metadata service serves VPC Identity API ${generation.version} only.`)
      return { generation, instanceToken }
    } catch (error) {
      if (!pathNotServed(error)) throw error
      tried.push(`${requestOf(request)} (HTTP ${error.status})`)
    }
  }
  throw new ActionError(
    `${METADATA_SERVICE} at ${config.metadataEndpoint} does not serve the instance identity token: tried ${tried.join(', then ')}.`,
    { fix: `check metadata-endpoint: ${ENDPOINTS}.` },
  )
}

function trustedProfileOf(profile: VpcProfileRef): Record<string, string> | undefined {
  switch (profile.kind) {
    case 'id':
      return { id: profile.id }
    case 'crn':
      return { crn: profile.crn }
    case 'name':
      return { name: profile.name }
    case 'linked':
      return undefined
  }
}

interface VpcRequest extends VpcStep {
  method: 'PUT' | 'POST'
  body: string | undefined
  bearer?: string
}

function vpcCall(config: VpcConfig, ctx: ProviderContext, request: VpcRequest) {
  return requestJson(ctx, {
    service: METADATA_SERVICE,
    endpointInput: 'metadata-endpoint',
    request: {
      method: request.method,
      url: `${config.metadataEndpoint}${request.path}?version=${request.version}`,
      headers: {
        'Metadata-Flavor': 'ibm',
        Accept: 'application/json',
        ...(request.body ? { 'Content-Type': 'application/json' } : {}),
        ...(request.bearer ? { Authorization: `Bearer ${request.bearer}` } : {}),
      },
      body: request.body,
    },
    unreachableFix: UNREACHABLE,
    errors: vpcErrors(request),
  })
}

const UNREACHABLE = `auth-type vpc-instance runs on an IBM Cloud VPC virtual server or bare metal server whose metadata service is enabled (it is off by default: turn it on in the server's settings), or on an IBM Power Virtual Server instance; metadata-endpoint is ${ENDPOINTS}.`

function stringField(body: Record<string, unknown>, field: string, what: string): string {
  const value = body[field]
  if (typeof value === 'string' && value !== '') return value
  throw new ActionError(`${METADATA_SERVICE} answered without ${what} (no ${field}).`, {
    fix: `check that metadata-endpoint is the instance metadata service: ${ENDPOINTS}.`,
  })
}

/** `expires_at` is RFC 3339 on the metadata service's clock; `expires_in` a lifetime. */
const VPC_EXPIRY: ExpiryFields = {
  relative: 'expires_in',
  absolute: 'expires_at',
  parseAbsolute: value => (typeof value === 'string' ? Date.parse(value) : NaN),
}
