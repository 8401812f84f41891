/**
 * These test the test tooling, not the action: an emulator that accepted what the real service
 * refuses would let the action's end-to-end tests pass against behaviour no service has.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startVpcMetadata, type VpcMetadataEmulator } from '../../test-support/emulators/vpc-metadata.ts'

describe('the instance metadata service emulator', () => {
  let vpc: VpcMetadataEmulator
  beforeAll(async () => {
    vpc = await startVpcMetadata({ kind: 'bare-metal' })
  })
  afterAll(() => vpc.close())

  const put = (path: string, headers: Record<string, string>, version = '2025-08-26') =>
    fetch(`${vpc.url}${path}?version=${version}`, { method: 'PUT', headers, body: '{"expires_in":300}' })
  const error = async (response: Response) => {
    const body = (await response.json()) as { errors: Array<{ code: string; target?: { name: string } }> }
    return [response.status, body.errors[0]?.code, body.errors[0]?.target?.name]
  }

  it('is as strict as the service: Metadata-Flavor (missing_value), version (invalid_value), instance token', async () => {
    expect(await error(await put('/identity/v1/token', {}))).toEqual([400, 'missing_value', 'Metadata-Flavor'])
    expect(await error(await put('/identity/v1/token', { 'Metadata-Flavor': 'ibm' }, '2021-01-01'))).toEqual([
      400,
      'invalid_value',
      'version',
    ])
    const forged = await fetch(`${vpc.url}/identity/v1/iam_tokens?version=2025-08-26`, {
      method: 'POST',
      headers: { 'Metadata-Flavor': 'ibm', Authorization: 'Bearer forged' },
    })
    expect(await error(forged)).toEqual([401, 'unauthenticated', 'Authorization'])
  })

  it('answers 404 not_found on the older paths of a bare metal server, with any version', async () => {
    for (const version of ['2022-03-01', '2025-08-26']) {
      const older = await put('/instance_identity/v1/token', { 'Metadata-Flavor': 'ibm' }, version)
      expect(await error(older)).toEqual([404, 'not_found', undefined])
    }
    expect((await put('/identity/v1/token', { 'Metadata-Flavor': 'ibm' })).status).toBe(200)
  })
})
