import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readAzureConfig } from '../../src/providers/azure/config.ts'
import { AZURE_HINTS } from '../../src/providers/azure/hints.ts'
import { readIbmConfig } from '../../src/providers/ibm/config.ts'
import { IBM_HINTS } from '../../src/providers/ibm/hints.ts'
import { PROVIDERS } from '../../src/providers/index.ts'
import { COMMON_INPUTS } from '../../src/inputs/settings.ts'
import { inputsOf, readInputs } from '../../test-support/inputs.ts'
import { ROOT } from '../../test-support/run-action.ts'
import { validateActionFile, validateWorkflowFile, workflowFiles } from '../../scripts/validate-metadata.ts'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const action = parse(read('action.yml')) as ActionYml
const readme = read('README.md')

/** The rows of the README table that follows `## heading`. */
function tableRows(heading: string): string[][] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter(line => /^\| `/.test(line))
    .map(line =>
      line
        .split('|')
        .slice(1, -1)
        .map(cell => cell.trim()),
    )
}

const code = (cell: string | undefined) => /^`([^`]*)`$/.exec(cell ?? '')?.[1]

describe('action.yml', () => {
  it('passes the GitHub Action metadata schema and runs on node24 from dist/', () => {
    expect(validateActionFile().errors).toEqual([])
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs and outputs of the public interface (docs/interface.md)', () => {
    const spec = read('docs/interface.md')
    const names = (heading: 'Inputs' | 'Outputs') =>
      [...(spec.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '').matchAll(/^\| `([a-z-]+)` \|/gm)].map(
        m => m[1] ?? '',
      )
    expect(names('Inputs').length).toBeGreaterThan(20)
    expect(Object.keys(action.inputs)).toEqual(names('Inputs'))
    expect(Object.keys(action.outputs)).toEqual(names('Outputs'))
  })

  it('has the defaults the code applies when an input is empty', () => {
    const specs = PROVIDERS.flatMap(provider => provider.inputs)
    for (const spec of specs) expect([spec.name, action.inputs[spec.name]?.default]).toEqual([spec.name, spec.default])
    expect(readInputs({ provider: 'ibm', 'api-key': 'k' }).config?.settings).toEqual({
      envVar: action.inputs['env-var']?.default,
      exportEnv: action.inputs['export-env']?.default === 'true',
      summary: action.inputs.summary?.default === 'true',
      timeoutSeconds: Number(action.inputs['timeout-seconds']?.default),
      maxAttempts: Number(action.inputs['max-attempts']?.default),
    })
    expect(action.inputs['auth-type']?.default).toBe('auto')
    expect(readIbmConfig(inputsOf({ 'api-key': 'k' }))).toMatchObject({
      iamEndpoint: action.inputs['iam-endpoint']?.default,
    })
    expect(readAzureConfig(inputsOf({ 'auth-type': 'azure-cli', resource: 'https://r' }))).toMatchObject({
      cloud: action.inputs.cloud?.default,
    })
  })

  it("declares the common inputs and every provider's, nothing else", () => {
    const declared = [...COMMON_INPUTS, ...PROVIDERS.flatMap(provider => provider.inputs.map(spec => spec.name))]
    expect(Object.keys(action.inputs).sort()).toEqual(declared.sort())
  })

  it('lists every auth type of every provider in the auth-type description', () => {
    for (const provider of PROVIDERS) {
      expect(action.inputs['auth-type']?.description).toContain(`${provider.name}: ${provider.authTypes.join(', ')}`)
    }
  })
})

describe('README', () => {
  it('lists every input of action.yml, in order, with its default', () => {
    const rows = tableRows('Inputs')
    expect(rows.map(row => code(row[0]))).toEqual(Object.keys(action.inputs))
    for (const row of rows) {
      const input = action.inputs[code(row[0]) ?? '']
      if (input?.default !== undefined) expect(code(row[1])).toBe(input.default)
      if (input?.required) expect(row[1]).toBe('(required)')
    }
  })

  it('explains every AADSTS and BXNIM code the action has a fix for', () => {
    const troubleshooting = readme.split('\n## Troubleshooting\n')[1]?.split('\n## ')[0] ?? ''
    for (const code of Object.keys(AZURE_HINTS.byCode))
      expect(troubleshooting).toMatch(new RegExp(`${code}\\b|\\b${code.replace('AADSTS', '')}\\b`))
    for (const code of Object.keys(IBM_HINTS.byCode)) expect(troubleshooting).toContain(code)
  })

  it('lists every output of action.yml, in order', () => {
    expect(tableRows('Outputs').map(row => code(row[0]))).toEqual(Object.keys(action.outputs))
  })

  it('shows only valid YAML, and only real inputs in its get-token steps', () => {
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1] ?? '')
    expect(blocks.length).toBeGreaterThan(3)
    for (const block of blocks) expect(() => parse(block)).not.toThrow()
    for (const used of getTokenInputs(blocks.map(block => parse(block))))
      expect(Object.keys(action.inputs)).toContain(used)
  })
})

describe('examples and workflows', () => {
  const files = workflowFiles()
  it.each(files.map(file => [file.slice(ROOT.length + 1), file]))('%s passes the workflow schema', (_, file) => {
    expect(validateWorkflowFile(file).errors).toEqual([])
  })

  it('use only real inputs of get-token', () => {
    const examples = files.filter(file => file.includes('examples'))
    expect(examples.length).toBeGreaterThanOrEqual(4)
    const used = getTokenInputs(examples.map(file => parse(readFileSync(file, 'utf8'))))
    expect(used.size).toBeGreaterThan(5)
    for (const name of used) expect(Object.keys(action.inputs)).toContain(name)
  })
})

/** The `with:` keys of every `uses: org/get-token@...` step found anywhere in the documents. */
function getTokenInputs(documents: unknown[]): Set<string> {
  const found = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    const step = node as { uses?: unknown; with?: Record<string, unknown> }
    if (typeof step.uses === 'string' && step.uses.startsWith('org/get-token@')) {
      for (const key of Object.keys(step.with ?? {})) found.add(key)
    }
    Object.values(node).forEach(visit)
  }
  documents.forEach(visit)
  return found
}

describe('the project workflows (supply chain)', () => {
  const workflows = workflowFiles().filter(file => file.includes(join('.github', 'workflows')))
  const steps = (file: string) => {
    const doc = parse(readFileSync(file, 'utf8')) as {
      jobs: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>
    }
    return Object.values(doc.jobs).flatMap(job => job.steps ?? [])
  }

  it.each(workflows.map(file => [file.slice(ROOT.length + 1), file]))(
    '%s pins every action by commit SHA, with its version',
    (_, file) => {
      const text = readFileSync(file, 'utf8')
      const uses = [...text.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)]
      expect(uses.length).toBeGreaterThan(0)
      // `./` is this repository's own action at the same commit (the live check runs it).
      for (const [, ref, comment] of uses.filter(([, ref, comment]) => !(ref === './' && comment === '')))
        expect(`${ref}${comment}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
    },
  )

  it.each(workflows.map(file => [file.slice(ROOT.length + 1), file]))(
    '%s grants nothing by default and keeps no credentials on disk',
    (_, file) => {
      const doc = parse(readFileSync(file, 'utf8')) as {
        permissions?: unknown
        jobs: Record<string, { permissions?: unknown }>
      }
      expect(doc.permissions).toEqual({})
      for (const job of Object.values(doc.jobs)) expect(job.permissions).toBeDefined()
      for (const step of steps(file).filter(step => step.uses?.startsWith('actions/checkout@')))
        expect(step.with?.['persist-credentials']).toBe(false)
      expect(readFileSync(file, 'utf8')).not.toMatch(/run:[^\n]*\$\{\{/) // expressions reach run: through env:
    },
  )
})
