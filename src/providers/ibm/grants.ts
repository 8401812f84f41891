import type { ComputeProfileRef, ProfileRef } from './profile.ts'

/** The form bodies of IBM IAM's `POST /identity/token` grants. */
export type Form = Record<string, string>

/** The API key grant. */
export function apiKeyGrant(apiKey: string): Form {
  return { grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: apiKey, response_type: 'cloud_iam' }
}

/** Trades a token for one of a trusted profile (`trusted-profile`, second call). */
export function assumeGrant(accessToken: string, profile: ProfileRef): Form {
  return { grant_type: 'urn:ibm:params:oauth:grant-type:assume', access_token: accessToken, ...profileFields(profile) }
}

/** Trades a compute resource token (a Kubernetes service account token) for a trusted profile's. */
export function crTokenGrant(crToken: string, profile: ComputeProfileRef): Form {
  return { grant_type: 'urn:ibm:params:oauth:grant-type:cr-token', cr_token: crToken, ...profileFields(profile) }
}

function profileFields(profile: ProfileRef | ComputeProfileRef): Form {
  switch (profile.kind) {
    case 'id':
      return { profile_id: profile.id }
    case 'crn':
      return { profile_crn: profile.crn }
    case 'name':
      return profile.accountId
        ? { profile_name: profile.name, account: profile.accountId }
        : { profile_name: profile.name }
  }
}
