import { jwtClaims, stringClaim } from '../../jwt.ts'
import { presentRows, type TokenFacts } from '../../token.ts'
import type { IbmConfig } from './config.ts'
import { describeProfile } from './profile.ts'

/** Who an IAM token is for (its claims) and how it was had, for the summary and the log line. */
export function describeIbmToken(config: IbmConfig, accessToken: string): TokenFacts {
  const claims = jwtClaims(accessToken)
  const iamId = stringClaim(claims, 'iam_id')
  return {
    subject: iamId,
    rows: presentRows([
      ['Identity', iamId],
      ['Subject', stringClaim(claims, 'sub')],
      ['Account', stringClaim(claims, 'account.bss')],
      ['Trusted profile', 'profile' in config ? describeProfile(config.profile) : undefined],
      ['IAM endpoint', config.iamEndpoint],
    ]),
  }
}
