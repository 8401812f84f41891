/**
 * A field name that marks a credential: access_token, refresh_token, id_token,
 * delegated_refresh_token, cr_token, client_secret, client_assertion, apikey, password,
 * accessToken (az's JSON), ... (`token_type` and `expires_in` end otherwise). A regular
 * expression source, for parsed answers here and for fields in printed text (safeText).
 */
export const CREDENTIAL_NAME =
  '[A-Za-z0-9_-]*?(?:token|secret|password|passwd|api_?key|assertion|credential|private_?key)s?'
const CREDENTIAL_FIELD = new RegExp(`^${CREDENTIAL_NAME}$`, 'i')
const MAX_DEPTH = 6

/**
 * Every string held by a credential field of `value` (a parsed JSON answer or credential file),
 * nested objects and arrays included. `alsoSecret` names fields that hold a credential under a
 * plain name, such as the `value` of GitHub's OIDC answer.
 */
export function credentialValues(value: unknown, alsoSecret: readonly string[] = []): string[] {
  const found: string[] = []
  const walk = (node: unknown, depth: number) => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return
    for (const [name, field] of Object.entries(node)) {
      const secretName = CREDENTIAL_FIELD.test(name) || alsoSecret.includes(name)
      if (secretName && typeof field === 'string' && field !== '') found.push(field)
      else walk(field, depth + 1)
    }
  }
  walk(value, 0)
  return found
}
