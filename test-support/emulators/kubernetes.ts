import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { signJwt } from './github-oidc.ts'
import { nowSeconds, randomUUID } from './server.ts'

/** The audience AKS workload identity asks for. */
const WORKLOAD_IDENTITY_AUDIENCE = 'api://AzureADTokenExchange'

/** An AKS cluster's OIDC issuer: its URL, its public key, and the tokens it signs. */
interface ServiceAccountIssuer {
  /** The cluster's OIDC issuer URL, as `az aks show --query oidcIssuerProfile.issuerUrl` prints it. */
  issuer: string
  /** What Entra fetches from the issuer's JWKS to verify the tokens. */
  publicKey: KeyObject
  /** A projected service account token, as the kubelet writes it into the pod. */
  token(options?: { namespace?: string; serviceAccount?: string; audience?: string; lifetimeSeconds?: number }): string
}

/** An AKS cluster's OIDC issuer: it signs projected service account tokens with a key of its own. */
export function serviceAccountIssuer(clusterId = randomUUID()): ServiceAccountIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const issuer = `https://oidc.prod-aks.azure.com/${clusterId}/`
  return {
    issuer,
    publicKey,
    token: ({
      namespace = 'arc-runners',
      serviceAccount = 'arc-runner',
      audience = WORKLOAD_IDENTITY_AUDIENCE,
      lifetimeSeconds = 3600,
    } = {}) => {
      const iat = nowSeconds()
      return signJwt(
        {
          aud: [audience],
          exp: iat + lifetimeSeconds,
          iat,
          iss: issuer,
          nbf: iat,
          sub: `system:serviceaccount:${namespace}:${serviceAccount}`,
          'kubernetes.io': { namespace, serviceaccount: { name: serviceAccount, uid: randomUUID() } },
        },
        privateKey,
        { kid: 'aks-issuer' },
      )
    },
  }
}
