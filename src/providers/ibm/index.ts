import { ActionError } from '../../errors.ts'
import { requestJson } from '../../http.ts'
import { jwtClaims, stringClaim } from '../../jwt.ts'
import { detailRows, type FetchedToken, type ProviderContext } from '../provider.ts'
import type { IbmConfig, ProfileRef } from './config.ts'
import { readComputeResourceToken } from './cr-token.ts'
import { iamError } from './errors.ts'
import { apiKeyGrant, assumeGrant, crTokenGrant, type Form } from './grants.ts'

export async function getIbmToken(config: IbmConfig, ctx: ProviderContext): Promise<FetchedToken> {
  let token: IamToken
  switch (config.authType) {
    case 'api-key':
      token = await grant(config, ctx, apiKeyGrant(config.apiKey), 'the API key')
      break
    case 'trusted-profile': {
      const own = await grant(config, ctx, apiKeyGrant(config.apiKey), 'the API key')
      token = await grant(
        config,
        ctx,
        assumeGrant(own.accessToken, profileOf(config)),
        `the trusted profile (${describeProfile(profileOf(config))})`,
      )
      break
    }
    case 'compute-resource': {
      const crToken = await readComputeResourceToken(config.crTokenFile, ctx)
      token = await grant(
        config,
        ctx,
        crTokenGrant(crToken, profileOf(config)),
        `the compute resource token for ${describeProfile(profileOf(config))}`,
      )
      break
    }
  }
  const claims = jwtClaims(token.accessToken)
  return { ...token, details: identity(claims, config), subject: stringClaim(claims, 'iam_id') }
}

type IamToken = Pick<FetchedToken, 'accessToken' | 'expiresOnMs' | 'expirySource'>

async function grant(config: IbmConfig, ctx: ProviderContext, form: Form, step: string): Promise<IamToken> {
  const body = await requestJson({
    service: 'IBM Cloud IAM',
    endpointInput: 'iam-endpoint',
    transport: ctx.transport,
    retry: ctx.retry,
    redact: ctx.redact,
    request: {
      method: 'POST',
      url: `${config.iamEndpoint}/identity/token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    },
    refused: error => iamError(error, step, config.authType, ctx.redact),
  })
  const accessToken = body.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError('IBM Cloud IAM answered 200 without an access_token.', {
      fix: 'check that iam-endpoint is IBM Cloud IAM (e.g. https://iam.cloud.ibm.com or https://private.iam.cloud.ibm.com).',
    })
  }
  ctx.mask(accessToken)
  if (typeof body.refresh_token === 'string' && body.refresh_token !== 'not_supported') ctx.mask(body.refresh_token)
  return { accessToken, ...expiry(body, ctx.now()) }
}

/** `expiration` (epoch seconds) is authoritative; `expires_in` is the fallback. Checked before publishing. */
function expiry(body: Record<string, unknown>, now: number): Pick<FetchedToken, 'expiresOnMs' | 'expirySource'> {
  if (body.expiration !== undefined) return { expiresOnMs: seconds(body.expiration) * 1000, expirySource: 'expiration' }
  return { expiresOnMs: now + seconds(body.expires_in) * 1000, expirySource: 'expires_in' }
}

function seconds(value: unknown): number {
  if (typeof value === 'number') return value
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
}

function profileOf(config: IbmConfig): ProfileRef {
  if (!config.profile) throw new Error(`auth-type ${config.authType} without a profile`)
  return config.profile
}

function describeProfile(profile: ProfileRef): string {
  if (profile.kind === 'id') return `profile-id ${profile.id}`
  if (profile.kind === 'crn') return `profile-crn ${profile.crn}`
  return `profile-name ${profile.name}${profile.accountId ? ` in account ${profile.accountId}` : ''}`
}

function identity(claims: Record<string, unknown> | undefined, config: IbmConfig): Array<[string, string]> {
  return detailRows([
    ['Identity', stringClaim(claims, 'iam_id')],
    ['Subject', stringClaim(claims, 'sub')],
    ['Account', stringClaim(claims, 'account.bss')],
    ['Trusted profile', config.profile && describeProfile(config.profile)],
    ['IAM endpoint', config.iamEndpoint],
  ])
}
