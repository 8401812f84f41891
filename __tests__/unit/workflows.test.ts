/**
 * The wiring of the project's own workflows, which actionlint cannot judge: the live check
 * (.github/workflows/live-check.yml: secrets behind the environment, the required switch, the
 * reporting job, what each token step passes to scripts/live-check.mjs) and the release
 * (.github/workflows/release.yml: only from main, the major tag behind reviewers, the release
 * notes). Where a workflow runs a shell script, the test runs that very script (bash, awk, git,
 * a fake `gh`) instead of matching its text.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../../test-support/run-action.ts'
import { API_PROBES, EXPECTATIONS, OUTPUT_NAMES, PROBES } from '../../scripts/live-check.mjs'

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string>
}
interface Job {
  if?: string
  needs?: string | string[]
  environment?: string | { name: string }
  permissions: Record<string, string>
  env?: Record<string, string>
  strategy?: { matrix: { probe: string[] } }
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow
const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs])
const environmentOf = (job: Job) => (typeof job.environment === 'string' ? job.environment : job.environment?.name)

/** A script as a workflow step runs it (`bash -e {0}`), in `cwd`, with only `env` and PATH. */
function runBash(script: string, cwd: string, env: Record<string, string>) {
  const run = spawnSync('bash', ['-e', '-c', script], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    encoding: 'utf8',
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'get-token-workflow-'))
}

describe('.github/workflows/live-check.yml', () => {
  const text = read('.github/workflows/live-check.yml')
  const live = workflow('live-check.yml')
  const action = parse(read('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }
  const jobs = Object.entries(live.jobs)
  const tokenJobs = jobs.filter(([, job]) => job.steps.some(step => step.uses === './'))
  const actionSteps = tokenJobs.flatMap(([, job]) => job.steps.filter(step => step.uses === './'))
  /** A step's env as its script sees it: the job's, then the step's own. */
  const envOf = (job: Job, step: Step) => ({ ...job.env, ...step.env })
  const scriptSteps = (command: string) =>
    tokenJobs.flatMap(([name, job]) =>
      job.steps
        .filter(step => step.run?.startsWith(`node scripts/live-check.mjs ${command}`))
        .map(step => ({ name, job, step })),
    )

  it('runs weekly and on demand', () => {
    expect(Object.keys(live.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(live.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* [0-6]$/) }])
  })

  it('runs the committed action with real inputs, and reads only real outputs', () => {
    expect(actionSteps.length).toBe(4)
    for (const step of actionSteps)
      for (const input of Object.keys(step.with ?? {})) expect(action.inputs).toHaveProperty([input])
    const read = tokenJobs.flatMap(([, job]) => [
      ...JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs(?:\.([\w-]+))?/g),
    ])
    expect(read.length).toBe(5) // each token step's outputs, and the API key's principal-id
    const ids = actionSteps.map(step => step.id)
    for (const [, id, output] of read) {
      expect(ids).toContain(id)
      if (output) expect(action.outputs).toHaveProperty([output])
    }
    // What live-check.mjs reads of toJSON(steps.<id>.outputs): real outputs too.
    for (const name of Object.values(OUTPUT_NAMES)) expect(action.outputs).toHaveProperty([name])
  })

  it("sets summary: 'false' (and export-env: 'false') on every live step: less in the public logs", () => {
    for (const step of actionSteps)
      expect([step.id, step.with?.summary, step.with?.['export-env']]).toEqual([step.id, 'false', 'false'])
  })

  it('keeps every secret and variable behind the environment live-check, in each job that reads one', () => {
    const holders = jobs.filter(([, job]) => /\b(secrets|vars)\./.test(JSON.stringify(job)))
    expect(holders.map(([name]) => name).sort()).toEqual(['configured', 'entra-oidc', 'entra-secret', 'ibm'])
    for (const [name, job] of holders) expect([name, environmentOf(job)]).toEqual([name, 'live-check'])
    // The others hold nothing, so they need no environment (and get no deployment record).
    for (const [name, job] of jobs.filter(([, job]) => !holders.some(([, holder]) => holder === job)))
      expect([name, environmentOf(job)]).toEqual([name, undefined])
  })

  it('registers the federated credential for the environment, as CONTRIBUTING.md says', () => {
    expect(read('CONTRIBUTING.md')).toContain('repo:<owner>/<repo>:environment:live-check')
  })

  it('asks for an OIDC token only in the job that exchanges one: the client secret signs in without it', () => {
    for (const [name, job] of jobs) {
      const usesOidc = job.steps.some(step => step.with?.['auth-type'] === 'oidc')
      expect([name, job.permissions['id-token']]).toEqual([name, usesOidc ? 'write' : undefined])
    }
    const secretJobs = jobs.filter(([, job]) => JSON.stringify(job).includes('secrets.AZURE_CLIENT_SECRET }}'))
    expect(secretJobs.map(([name]) => name)).toEqual(['entra-secret'])
    expect(live.jobs['entra-secret']?.permissions).toEqual({ contents: 'read' })
  })

  it('gets tokens only where configured', () => {
    for (const [name, job] of tokenJobs)
      expect([name, job.if]).toEqual([name, expect.stringMatching(/^needs\.configured\.outputs\.[\w-]+ == 'true'$/)])
    // A secret reaches the configured job's shell only as "is it set".
    const secrets = Object.values(live.jobs.configured?.steps[0]?.env ?? {}).filter(value => value.includes('secrets.'))
    expect(secrets.length).toBe(2)
    for (const value of secrets) expect(value).toMatch(/^\$\{\{ secrets\.\w+ != '' \}\}$/)
  })

  describe('the required switch (the configured job’s own script)', () => {
    const step = live.jobs.configured?.steps[0] as Step
    const all = {
      AZURE_TENANT_ID: 'tenant',
      AZURE_CLIENT_ID: 'client',
      HAS_AZURE_CLIENT_SECRET: 'true',
      HAS_IBMCLOUD_API_KEY: 'true',
      IBM_TRUSTED_PROFILE_ID: 'Profile-1',
    }
    const none = { HAS_AZURE_CLIENT_SECRET: 'false', HAS_IBMCLOUD_API_KEY: 'false' }
    function configured(env: Record<string, string>) {
      const dir = tempDir()
      try {
        writeFileSync(join(dir, 'output'), '')
        const run = runBash(step.run ?? '', dir, { ...env, GITHUB_OUTPUT: join(dir, 'output') })
        return { ...run, outputs: readFileSync(join(dir, 'output'), 'utf8').trim().split('\n').filter(Boolean) }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }

    it('reads LIVE_CHECK_REQUIRED, a repository variable', () => {
      expect(step.env?.REQUIRED).toBe('${{ vars.LIVE_CHECK_REQUIRED }}')
    })

    it('skips with a notice where nothing is configured and nothing is required (forks)', () => {
      for (const required of [{}, { REQUIRED: 'false' }] as Record<string, string>[]) {
        const run = configured({ ...none, ...required })
        expect([run.code, run.outputs]).toEqual([0, []])
        expect(run.stdout.match(/^::notice title=Live check skipped::/gm)?.length).toBe(2)
        expect(run.stdout).not.toContain('::error')
      }
    })

    it('fails, naming what is missing, where the check is required', () => {
      const run = configured({ ...none, REQUIRED: 'true' })
      expect(run.code).toBe(1)
      expect(run.stdout.split('\n').filter(line => line.startsWith('::error'))).toEqual([
        expect.stringMatching(/^::error title=Live check not configured::Entra ID: set the variables AZURE_TENANT_ID/),
        expect.stringMatching(
          /^::error title=Live check not configured::IBM Cloud IAM: set the secret IBMCLOUD_API_KEY/,
        ),
      ])
      const half = configured({ ...all, HAS_IBMCLOUD_API_KEY: 'false', REQUIRED: 'true' })
      expect([half.code, half.outputs]).toEqual([1, ['azure=true', 'azure-client-secret=true']])
    })

    it('runs everything configured; the optional parts stay optional even where the check is required', () => {
      expect(configured({ ...all, REQUIRED: 'true' })).toMatchObject({
        code: 0,
        outputs: ['azure=true', 'azure-client-secret=true', 'ibm=true', 'ibm-trusted-profile=true'],
      })
      const run = configured({ ...all, HAS_AZURE_CLIENT_SECRET: 'false', IBM_TRUSTED_PROFILE_ID: '', REQUIRED: 'true' })
      expect([run.code, run.outputs]).toEqual([0, ['azure=true', 'ibm=true']])
      expect(run.stdout.match(/^::notice/gm)?.length).toBe(2)
    })
  })

  it('checks each token it got, right after its step, holding it to the configuration', () => {
    const checks = scriptSteps('token')
    expect(checks.length).toBe(actionSteps.length)
    for (const { job, step } of checks) {
      const env = envOf(job, step)
      const source = /^\$\{\{ toJSON\(steps\.([\w-]+)\.outputs\) \}\}$/.exec(env.OUTPUTS ?? '')?.[1]
      const index = job.steps.findIndex(candidate => candidate.id === source)
      expect(job.steps[index]?.uses).toBe('./')
      expect(job.steps[index + 1]).toBe(step)
      if (step.if) expect(step.if).toBe(`\${{ !cancelled() && steps.${source}.outcome == 'success' }}`)
      for (const key of Object.keys(env).filter(key => key.startsWith('EXPECT_')))
        expect(Object.values(EXPECTATIONS)).toContain(key)
    }
    const prefixes = checks
      .filter(({ step }) => step.run?.endsWith('ibm'))
      .map(({ step }) => step.env?.EXPECT_IAM_ID_PREFIX)
    expect(prefixes).toEqual(["${{ vars.IBM_API_KEY_IAM_ID_PREFIX || 'iam-ServiceId-' }}", 'iam-Profile-'])
  })

  it('holds Entra tokens to the configured tenant, client and resource, and reads at the real services', () => {
    for (const name of ['entra-oidc', 'entra-secret']) {
      const job = live.jobs[name] as Job
      expect(job.env).toEqual({
        EXPECT_RESOURCE: "${{ vars.AZURE_LIVE_RESOURCE || 'https://management.azure.com' }}",
        EXPECT_ACCOUNT_ID: '${{ vars.AZURE_TENANT_ID }}',
        EXPECT_CLIENT_ID: '${{ vars.AZURE_CLIENT_ID }}',
        API_ENDPOINT: 'https://management.azure.com', // the real service; tests use loopback emulators
      })
      // The token is asked for the very resource it is held to.
      expect(job.steps.find(step => step.uses === './')?.with?.resource).toBe('${{ env.EXPECT_RESOURCE }}')
    }
    expect(live.jobs.ibm?.env).toEqual({
      EXPECT_ACCOUNT_ID: '${{ vars.IBM_ACCOUNT_ID }}',
      API_ENDPOINT: 'https://resource-controller.cloud.ibm.com',
    })
    expect(Object.keys(API_PROBES).sort()).toEqual(['azure', 'ibm'])
  })

  it('interpolates no expression into a script: everything reaches a shell through env', () => {
    for (const [, job] of jobs) for (const step of job.steps) expect(step.run ?? '').not.toContain('${{')
  })

  describe('the reporting job', () => {
    const report = live.jobs.report as Job

    it('runs on a failed scheduled run only, after every other job', () => {
      expect(report.if).toBe("failure() && github.event_name == 'schedule'")
      expect(needsOf(report).sort()).toEqual(
        jobs
          .map(([name]) => name)
          .filter(name => name !== 'report')
          .sort(),
      )
    })

    it('is the only job that may write issues, and may do nothing else', () => {
      expect(report.permissions).toEqual({ issues: 'write' })
      for (const [name, job] of jobs.filter(([name]) => name !== 'report'))
        expect([name, job.permissions.issues]).toEqual([name, undefined])
      expect(report.steps.every(step => step.uses === undefined)).toBe(true) // no checkout, no third-party code
      expect(report.steps[0]?.env?.GH_TOKEN).toBe('${{ github.token }}')
    })

    // Its script, with a `gh` that records its arguments and knows one open issue or none.
    function reportRun(openIssue: string) {
      const dir = tempDir()
      try {
        const log = join(dir, 'gh.log')
        writeFileSync(
          join(dir, 'gh'),
          `#!/usr/bin/env bash\nprintf '%s|' "$@" >> "${log}"; echo >> "${log}"\n` +
            `if [ "$1 $2" = "issue list" ]; then echo "$OPEN_ISSUE"; fi\n` +
            `if [ "$1 $2" = "issue comment" ] || [ "$1 $2" = "issue create" ]; then cat "\${@: -1}" >> "${log}"; fi\n`,
        )
        chmodSync(join(dir, 'gh'), 0o755)
        const run = spawnSync('bash', ['-e', '-c', report.steps[0]?.run ?? ''], {
          cwd: dir,
          stdio: ['ignore', 'pipe', 'pipe'],
          encoding: 'utf8',
          env: {
            PATH: `${dir}:${process.env.PATH ?? ''}`,
            HOME: dir,
            RUNNER_TEMP: dir,
            OPEN_ISSUE: openIssue,
            RUN_URL: 'https://github.com/o/r/actions/runs/42',
            RESULTS: 'configured=success entra-oidc=failure entra-secret=skipped ibm=success errors=failure',
          },
        })
        return { code: run.status, stderr: run.stderr, calls: readFileSync(log, 'utf8') }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }

    it('opens one issue, labelled live-check, with the run link and the failing checks', () => {
      const { code, stderr, calls } = reportRun('')
      expect([code, stderr]).toEqual([0, ''])
      expect(calls).toContain('label|create|live-check|')
      expect(calls).toContain('issue|list|--label|live-check|--state|open|')
      expect(calls).toMatch(/^issue\|create\|--title\|Live check failed\|--label\|live-check\|--body-file\|/m)
      expect(calls).toContain('The scheduled live check failed: https://github.com/o/r/actions/runs/42')
      expect(calls).toContain('Failing checks: entra-oidc errors')
      expect(calls).not.toContain('issue|comment')
    })

    it('comments on the open one instead of opening another', () => {
      const { code, calls } = reportRun('17')
      expect(code).toBe(0)
      expect(calls).toMatch(/^issue\|comment\|17\|--body-file\|/m)
      expect(calls).toContain('Failing checks: entra-oidc errors')
      expect(calls).not.toContain('issue|create')
    })
  })

  it('reads only variables and secrets that CONTRIBUTING.md tells a maintainer to set', () => {
    const contributing = read('CONTRIBUTING.md')
    const section = contributing.split('\n## Live check against the real services\n')[1]?.split('\n## ')[0] ?? ''
    const used = new Set([...text.matchAll(/\b(vars|secrets)\.(\w+)/g)].map(([, kind, name]) => `${name} ${kind}`))
    expect(used.size).toBe(9)
    for (const entry of used) {
      const [name, kind] = entry.split(' ')
      expect(section).toMatch(new RegExp(`^\\| \`${name}\`\\s+\\| ${kind === 'vars' ? 'variable' : 'secret'} `, 'm'))
    }
  })

  it('probes exactly the known errors the script knows', () => {
    expect(live.jobs.errors?.strategy?.matrix.probe.sort()).toEqual(Object.keys(PROBES).sort())
    expect(live.jobs.errors?.if).toBeUndefined() // they need no account: always run
  })
})

describe('.github/workflows/release.yml', () => {
  const release = workflow('release.yml')
  const jobs = Object.entries(release.jobs)
  const guard = release.jobs['on-main'] as Job
  const ancestors = (name: string): string[] =>
    needsOf(release.jobs[name] as Job).flatMap(parent => [parent, ...ancestors(parent)])

  it('releases only a tag whose commit is on main: every job waits for that check', () => {
    const checkout = guard.steps.find(step => step.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toEqual({ 'persist-credentials': false, 'fetch-depth': 0 }) // origin/main is fetched
    expect(guard.permissions).toEqual({ contents: 'read' })
    for (const [name] of jobs.filter(([name]) => name !== 'on-main'))
      expect([name, ancestors(name)]).toEqual([name, expect.arrayContaining(['on-main'])])
  })

  describe('the on-main check (its own script, on a real repository)', () => {
    const script = guard.steps.find(step => step.run?.includes('merge-base'))?.run ?? ''
    const git = (cwd: string, ...args: string[]) => {
      const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1' },
      })
      if (run.status !== 0) throw new Error(run.stderr)
      return run.stdout.trim()
    }

    it('passes a commit on main and refuses one that is not', () => {
      const dir = tempDir()
      try {
        const origin = join(dir, 'origin')
        git(dir, 'init', '-q', '-b', 'main', origin)
        git(origin, 'commit', '-q', '--allow-empty', '-m', 'one')
        const onMain = git(origin, 'rev-parse', 'HEAD')
        git(origin, 'switch', '-q', '-c', 'topic')
        git(origin, 'commit', '-q', '--allow-empty', '-m', 'not merged')
        const offMain = git(origin, 'rev-parse', 'HEAD')
        git(origin, 'switch', '-q', 'main')
        git(origin, 'commit', '-q', '--allow-empty', '-m', 'two')
        git(dir, 'clone', '-q', origin, join(dir, 'clone')) // as checkout with fetch-depth 0: origin/main
        const check = (sha: string) =>
          runBash(script, join(dir, 'clone'), { GITHUB_SHA: sha, GITHUB_REF_NAME: 'v1.2.3', GIT_CONFIG_NOSYSTEM: '1' })
        expect(check(onMain)).toMatchObject({ code: 0, stdout: expect.stringContaining('is on main') })
        const refused = check(offMain)
        expect(refused.code).toBe(1)
        expect(refused.stdout).toContain('::error title=Not on main::v1.2.3 points at')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })

  it('moves the major tag only in a job bound to the environment release (required reviewers)', () => {
    const movers = jobs.filter(([, job]) => job.steps.some(step => step.run?.includes('git/refs')))
    expect(movers.map(([name]) => name)).toEqual(['major-tag'])
    expect(environmentOf(release.jobs['major-tag'] as Job)).toBe('release')
    expect(release.jobs['major-tag']?.permissions).toEqual({ contents: 'write' })
    expect(ancestors('major-tag')).toContain('publish')
    const writers = jobs.filter(([, job]) => job.permissions.contents === 'write').map(([name]) => name)
    expect(writers.sort()).toEqual(['major-tag', 'publish'])
  })

  describe('the release notes (the step’s own awk, on a sample CHANGELOG.md)', () => {
    const step = release.jobs.publish?.steps.find(candidate => candidate.name === 'Release notes from CHANGELOG.md')
    const changelog = [
      '# Changelog',
      '',
      '## [1.2.30] - 2027-01-02',
      '',
      '- thirty',
      '',
      '## [1x2x3] - 2027-01-01',
      '',
      '- not a version with dots',
      '',
      '## [1.2.3] - 2026-12-01',
      '',
      '### Fixed',
      '',
      '- three',
      '',
      '## 1.2.2',
      '',
      '- two',
      '',
    ].join('\n')
    function notes(tag: string, text = changelog) {
      const dir = tempDir()
      try {
        writeFileSync(join(dir, 'CHANGELOG.md'), text)
        const run = runBash(step?.run ?? '', dir, { GITHUB_REF_NAME: tag, RUNNER_TEMP: dir })
        return { ...run, notes: readFileSync(join(dir, 'notes.md'), 'utf8') }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }

    it('takes the section of exactly that version: 1.2.3 is not 1.2.30, nor 1x2x3', () => {
      expect(notes('v1.2.3')).toMatchObject({ code: 0, notes: '\n### Fixed\n\n- three\n\n' })
      expect(notes('v1.2.30').notes).toBe('\n- thirty\n\n')
      expect(notes('v1.2.2').notes).toBe('\n- two\n')
    })

    it('refuses to publish without notes', () => {
      const missing = notes('v1.2.4')
      expect(missing.code).toBe(1)
      expect(missing.stdout).toContain(
        '::error title=No release notes::CHANGELOG.md has no section, or an empty one, for 1.2.4.',
      )
      expect(notes('v1.2.3', '## [1.2.3] - 2026-12-01\n\n## [1.2.2]\n- two\n').code).toBe(1)
    })

    it('is a step of its own, before the step that publishes', () => {
      const steps = release.jobs.publish?.steps ?? []
      expect(step?.run).not.toContain('gh release')
      expect(steps.findIndex(candidate => candidate.run?.includes('gh release create'))).toBeGreaterThan(
        steps.indexOf(step as Step),
      )
    })
  })
})
