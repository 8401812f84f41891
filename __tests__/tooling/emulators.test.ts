/**
 * These test the test tooling, not the action: an emulator that accepted what the real service
 * refuses would let the action's end-to-end tests pass against behaviour no service has.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startVpcMetadata, type VpcMetadataEmulator } from '../../test-support/emulators/vpc-metadata.ts'

describe('the VPC metadata service emulator', () => {
  let vpc: VpcMetadataEmulator
  beforeAll(async () => {
    vpc = await startVpcMetadata()
  })
  afterAll(() => vpc.close())

  it('is as strict as the service: Metadata-Flavor, version, instance token', async () => {
    const put = (headers: Record<string, string>, version = '2022-03-01') =>
      fetch(`${vpc.url}/instance_identity/v1/token?version=${version}`, {
        method: 'PUT',
        headers,
        body: '{"expires_in":300}',
      })
    const noFlavor = await put({})
    expect([noFlavor.status, ((await noFlavor.json()) as { errors: Array<{ code: string }> }).errors[0]?.code]).toEqual(
      [400, 'missing_metadata_flavor'],
    )
    expect((await put({ 'Metadata-Flavor': 'ibm' }, '2021-01-01')).status).toBe(400)
    const forged = await fetch(`${vpc.url}/instance_identity/v1/iam_token?version=2022-03-01`, {
      method: 'POST',
      headers: { 'Metadata-Flavor': 'ibm', Authorization: 'Bearer forged' },
    })
    expect(forged.status).toBe(401)
  })
})
