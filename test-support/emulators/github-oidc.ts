import { createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES } from '../run-action.ts'
import { nowSeconds, randomUUID, startServer, type Emulator, type RecordedRequest, type Reply } from './server.ts'

/** The `iss` of GitHub Actions OIDC tokens. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
/** The `sub` of a job on a push to main of octo-org/octo-repo: what the default app trusts. */
export const DEFAULT_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'

/** The claims the emulator's tokens carry. */
interface GitHubOidcOptions {
  /** `sub` of every token; default a push to main of octo-org/octo-repo. */
  subject?: string
  /** `iss`; default GitHub's. */
  issuer?: string
  lifetimeSeconds?: number
  /** Shifts iat/nbf/exp, e.g. -3600 for a token that has already expired. */
  clockSkewSeconds?: number
}

/** A started GitHub OIDC token service: the runner's request variables and what it signed. */
export interface GitHubOidcEmulator extends Emulator {
  /** What the runner gives a job with `permissions: id-token: write`. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  /** Verifies the tokens' RS256 signatures (the Entra emulator's trust in GitHub). */
  publicKey: KeyObject
  /** Every OIDC token handed out, for leak scans. */
  issued: string[]
  /** Changes the claims of tokens issued from now on. */
  options: GitHubOidcOptions
}

/** Signs `claims` as an RS256 JWT with `key`. */
export function signJwt(claims: Record<string, unknown>, key: KeyObject, header: Record<string, unknown> = {}): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${encode({ typ: 'JWT', alg: 'RS256', ...header })}.${encode(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`
}

/** GitHub Actions' OIDC token endpoint, as core.getIDToken talks to it. */
export async function startGitHubOidc(options: GitHubOidcOptions = {}): Promise<GitHubOidcEmulator> {
  const privateKey = createPrivateKey(readFileSync(join(FIXTURES, 'oidc-signing-key.pem'), 'utf8'))
  const requestToken = `ghs_oidc_request_${randomBytes(12).toString('hex')}`
  const issued: string[] = []
  const current = { ...options }

  const handler = (request: RecordedRequest): Reply => {
    if (request.method !== 'GET' || request.path !== '/token') return { status: 404, json: { message: 'Not Found' } }
    if (request.headers.authorization !== `Bearer ${requestToken}`) {
      return { status: 401, json: { message: 'Bad credentials' } }
    }
    if (request.query.get('api-version') !== '2.0') return { status: 400, json: { message: 'api-version must be 2.0' } }
    const audience = request.query.get('audience') ?? 'https://github.com/octo-org'
    const iat = nowSeconds() + (current.clockSkewSeconds ?? 0)
    const token = signJwt(
      {
        jti: randomUUID(),
        sub: current.subject ?? DEFAULT_SUBJECT,
        aud: audience,
        ref: 'refs/heads/main',
        repository: 'octo-org/octo-repo',
        repository_owner: 'octo-org',
        run_id: '1234567890',
        event_name: 'push',
        iss: current.issuer ?? GITHUB_ISSUER,
        nbf: iat - 5,
        iat,
        exp: iat + (current.lifetimeSeconds ?? 300),
      },
      privateKey,
      { kid: 'emulator', x5t: 'emulator' },
    )
    issued.push(token)
    return { status: 200, json: { count: 1, value: token } }
  }

  const server = await startServer(handler)
  return Object.assign(server, {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
    publicKey: createPublicKey(privateKey),
    issued,
    options: current,
  })
}
