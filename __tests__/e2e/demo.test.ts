import { expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from '../../test-support/run-action.ts'

it('npm run demo shows every step as the user would see it, secrets masked', () => {
  const demo = spawnSync(process.execPath, [join(ROOT, 'demo', 'demo.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(demo.status).toBe(0)
  expect(demo.stdout).toContain('Token from Azure Entra ID (oidc)')
  expect(demo.stdout).toContain('Token from Azure Entra ID (client-secret)')
  expect(demo.stdout).toContain('AADSTS700213')
  expect(demo.stdout).toContain('sub=repo:octo-org/fhir-pipelines:pull_request')
  expect(demo.stdout).toContain('Token from IBM Cloud IAM (api-key)')
  expect(demo.stdout).toContain('BXNIM0415E')
  expect(demo.stdout).toContain('Token from Azure Entra ID (workload-identity)')
  expect(demo.stdout).toContain('Token from IBM Cloud IAM (vpc-instance)')
  expect(demo.stdout).toMatch(/principal-id = iam-Profile-/)
  expect(demo.stdout).toMatch(/token = \*\*\* +\(\d+ chars, masked in logs\)/)
  expect(demo.stdout).not.toMatch(/eyJ[\w-]+\.eyJ/) // no JWT shown anywhere
  // A failing step shows its error, and no empty outputs or environment headings.
  expect(demo.stdout).not.toMatch(/ {2}outputs:\n {2}(environment|job summary|━|$)/m)
  expect(demo.stdout).not.toMatch(/ {2}environment for later steps:\n(?! {4})/)
})
