import { ActionError } from '../../errors.ts'
import { requestJson } from '../../io/http.ts'
import { epochSeconds, expiryOf, type ExpiryFields, type Token } from '../../token.ts'
import type { ProviderContext } from '../provider.ts'
import type { IbmConfig } from './config.ts'
import { readComputeResourceToken } from './cr-token.ts'
import { iamErrors } from './errors.ts'
import { apiKeyGrant, assumeGrant, crTokenGrant, type Form } from './grants.ts'
import { describeProfile } from './profile.ts'
import { getVpcToken } from './vpc.ts'

type IamConfig = Exclude<IbmConfig, { authType: 'vpc-instance' }>

/**
 * One grant (api-key, compute-resource) or two (trusted-profile: the key's token, then the
 * profile's); vpc-instance asks the instance's metadata service instead.
 */
export async function getIbmToken(config: IbmConfig, ctx: ProviderContext): Promise<Token> {
  switch (config.authType) {
    case 'api-key':
      return grant(config, ctx, apiKeyGrant(config.apiKey), 'the API key')
    case 'trusted-profile': {
      const own = await grant(config, ctx, apiKeyGrant(config.apiKey), 'the API key')
      const profile = describeProfile(config.profile)
      return grant(config, ctx, assumeGrant(own.accessToken, config.profile), `the trusted profile (${profile})`)
    }
    case 'compute-resource': {
      const crToken = await readComputeResourceToken(config.crTokenFile, ctx)
      const profile = describeProfile(config.profile)
      return grant(config, ctx, crTokenGrant(crToken, config.profile), `the compute resource token for ${profile}`)
    }
    case 'vpc-instance':
      return getVpcToken(config, ctx)
  }
}

async function grant(config: IamConfig, ctx: ProviderContext, form: Form, step: string): Promise<Token> {
  const body = await requestJson(ctx, {
    service: 'IBM Cloud IAM',
    endpointInput: 'iam-endpoint',
    // IAM answers refresh_token "not_supported" unless the client authenticates as `bx:bx`.
    placeholders: ['not_supported'],
    request: {
      method: 'POST',
      url: `${config.iamEndpoint}/identity/token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    },
    errors: iamErrors(step, config.authType),
  })
  const accessToken = body.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new ActionError('IBM Cloud IAM answered 200 without an access_token.', {
      fix: 'check that iam-endpoint is IBM Cloud IAM (e.g. https://iam.cloud.ibm.com or https://private.iam.cloud.ibm.com).',
    })
  }
  return { accessToken, ...expiryOf(body, ctx.now(), IAM_EXPIRY) }
}

/** IAM states both a lifetime and an absolute `expiration` (epoch seconds, IAM's clock). */
const IAM_EXPIRY: ExpiryFields = {
  relative: 'expires_in',
  absolute: 'expiration',
  parseAbsolute: value => epochSeconds(value) * 1000,
}
