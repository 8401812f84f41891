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
      ctx.mask(own.accessToken)
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
  return { accessToken: token.accessToken, expiresOn: token.expiresOn, details: identity(token.accessToken, config) }
}

interface IamToken {
  accessToken: string
  expiresOn: Date
}

async function grant(config: IbmConfig, ctx: ProviderContext, form: Form, step: string): Promise<IamToken> {
  const body = await requestJson({
    service: 'IBM Cloud IAM',
    transport: ctx.transport,
    retry: ctx.retry,
    request: {
      method: 'POST',
      url: `${config.iamEndpoint}/identity/token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    },
    refused: error => iamError(error, step),
  })
  const accessToken = body.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError('IBM Cloud IAM answered 200 without an access_token.', {
      fix: 'check that iam-endpoint is IBM Cloud IAM (e.g. https://iam.cloud.ibm.com or https://private.iam.cloud.ibm.com).',
    })
  }
  if (typeof body.refresh_token === 'string' && body.refresh_token !== 'not_supported') ctx.mask(body.refresh_token)
  return { accessToken, expiresOn: expiry(body) }
}

/** `expiration` (epoch seconds) is authoritative; `expires_in` is the fallback. */
function expiry(body: Record<string, unknown>): Date {
  if (typeof body.expiration === 'number' && body.expiration > 0) return new Date(body.expiration * 1000)
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600
  return new Date(Date.now() + seconds * 1000)
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

function identity(accessToken: string, config: IbmConfig): Array<[string, string]> {
  const claims = jwtClaims(accessToken)
  return detailRows([
    ['Identity', stringClaim(claims, 'iam_id')],
    ['Subject', stringClaim(claims, 'sub')],
    ['Account', stringClaim(claims, 'account.bss')],
    ['Trusted profile', config.profile && describeProfile(config.profile)],
    ['IAM endpoint', config.iamEndpoint],
  ])
}
