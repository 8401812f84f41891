import { jwtClaims, stringClaim } from '../../jwt.ts'
import { presentRows, type TokenFacts } from '../../token.ts'
import type { IbmConfig } from './config.ts'
import { describeProfile } from './profile.ts'

/** Who an IAM token is for (its claims) and how it was had, for the summary and the log line. */
export function describeIbmToken(config: IbmConfig, accessToken: string): TokenFacts {
  const claims = jwtClaims(accessToken)
  const iamId = stringClaim(claims, 'iam_id')
  const account = stringClaim(claims, 'account.bss')
  return {
    subject: iamId,
    principalId: iamId,
    accountId: account,
    rows: presentRows([
      ['Identity', iamId],
      ['Subject', stringClaim(claims, 'sub')],
      ['Account', account],
      ...howHad(config),
    ]),
  }
}

function howHad(config: IbmConfig): Array<[string, string | undefined]> {
  switch (config.authType) {
    case 'api-key':
      return [['IAM endpoint', config.iamEndpoint]]
    case 'trusted-profile':
    case 'compute-resource':
      return [
        ['Trusted profile', describeProfile(config.profile)],
        ['IAM endpoint', config.iamEndpoint],
      ]
    case 'vpc-instance':
      return [
        ['Trusted profile', describeProfile(config.profile)],
        ['Metadata service', config.metadataEndpoint],
      ]
  }
}
