/**
 * npm run validate: action.yml, the example workflows and the project's own workflows against
 * GitHub's metadata schemas (@action-validator/core, the engine of @action-validator/cli).
 */
import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, parseDocument } from 'yaml'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface FileResult {
  file: string
  errors: string[]
}

/**
 * The validator's bundled schema predates `runs.using: node24` (it knows node12 to node20), so
 * action.yml is checked with that one value swapped for node20; `node24` itself is asserted here.
 */
export function validateActionFile(): FileResult {
  const file = join(ROOT, 'action.yml')
  const source = readFileSync(file, 'utf8')
  const errors: string[] = []
  if (!/^ {2}using: 'node24'$/m.test(source)) errors.push("runs.using must be 'node24'")
  errors.push(...messages(validateAction(source.replace(/^( {2}using: )'node24'$/m, "$1'node20'"))))
  return { file: relative(ROOT, file), errors }
}

export function workflowFiles(): string[] {
  const dirs = ['examples', join('.github', 'workflows')]
  return dirs.flatMap(dir =>
    readdirSync(join(ROOT, dir))
      .filter(name => /\.ya?ml$/.test(name))
      .map(name => join(ROOT, dir, name)),
  )
}

/**
 * Permission scopes GitHub added after the validator's bundled schema was made (it rejects them as
 * unknown): their levels are checked here, and the schema sees the workflow without them.
 */
const NEWER_PERMISSION_SCOPES = ['attestations', 'artifact-metadata', 'models']

export function validateWorkflowFile(file: string): FileResult {
  const errors: string[] = []
  const doc = parseDocument(readFileSync(file, 'utf8'))
  const jobs = doc.get('jobs')
  const blocks = [
    doc.get('permissions'),
    ...(isMap(jobs) ? jobs.items.map(job => (isMap(job.value) ? job.value.get('permissions') : undefined)) : []),
  ]
  for (const block of blocks) {
    if (!isMap(block)) continue
    for (const scope of NEWER_PERMISSION_SCOPES) {
      if (!block.has(scope)) continue
      const level = block.get(scope)
      if (!['read', 'write', 'none'].includes(String(level)))
        errors.push(`permissions: ${scope}: ${String(level)} is not read, write or none`)
      block.delete(scope)
    }
  }
  errors.push(...messages(validateWorkflow(doc.toString())))
  return { file: relative(ROOT, file), errors }
}

function messages(state: ValidationState): string[] {
  return state.errors.map(error =>
    `${'path' in error ? error.path : ''} ${error.title}${error.detail ? `: ${error.detail}` : ''}`.trim(),
  )
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = [validateActionFile(), ...workflowFiles().map(validateWorkflowFile)]
  for (const { file, errors } of results) {
    console.log(`${errors.length ? 'FAIL' : 'ok  '} ${file}`)
    for (const error of errors) console.log(`     ${error}`)
  }
  process.exitCode = results.some(r => r.errors.length) ? 1 : 0
}
