/**
 * env-var: the names refused because their value changes how later steps, shells, loaders or
 * tools run. Written out here, not imported from src/inputs/env-var-name.ts: a name taken off
 * the list there fails its row here.
 */
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.ts'
import { checkEnvVarName } from '../../src/inputs/env-var-name.ts'

const RESERVED_NAMES = [
  'PATH',
  'HOME',
  'SHELL',
  'ENV',
  'BASH_ENV',
  'BASHOPTS',
  'SHELLOPTS',
  'IFS',
  'PS4',
  'PROMPT_COMMAND',
  'CDPATH',
  'TMPDIR',
  'CI',
  'NODE_OPTIONS',
  'NODE_PATH',
  'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PYTHONHOME',
  'PYTHONWARNINGS',
  'PERL5OPT',
  'PERL5LIB',
  'RUBYOPT',
  'RUBYLIB',
  'GEM_PATH',
  'GEM_HOME',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'MAVEN_OPTS',
  'GRADLE_OPTS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'REQUESTS_CA_BUNDLE',
  'DOTNET_STARTUP_HOOKS',
  'GCONV_PATH',
  'ZDOTDIR',
]

/** Each prefix with a real variable of that family. */
const RESERVED_PREFIXES: Array<[prefix: string, example: string]> = [
  ['GITHUB_', 'GITHUB_TOKEN'],
  ['RUNNER_', 'RUNNER_TEMP'],
  ['ACTIONS_', 'ACTIONS_RUNTIME_TOKEN'],
  ['INPUT_', 'INPUT_API_KEY'],
  ['STATE_', 'STATE_isPost'],
  ['LD_', 'LD_PRELOAD'],
  ['DYLD_', 'DYLD_INSERT_LIBRARIES'],
  ['GIT_', 'GIT_SSH_COMMAND'],
  ['NPM_CONFIG_', 'NPM_CONFIG_REGISTRY'],
  ['CORECLR_', 'CORECLR_PROFILER_PATH'],
  ['COR_', 'COR_PROFILER_PATH'],
]

function refusal(name: string): string | undefined {
  try {
    checkEnvVarName(name)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('env-var')
    return (error as InputError).message
  }
}

describe('env-var refuses names that change how later steps run', () => {
  it.each(RESERVED_NAMES)('%s, in any case', name => {
    expect(refusal(name)).toBe(`Input 'env-var' is '${name}', a name that changes how later steps run.`)
    expect(refusal(name.toLowerCase())).toMatch(/a name that changes how later steps run/)
  })

  it.each(RESERVED_PREFIXES)('%s* (e.g. %s), in any case', (prefix, example) => {
    expect(refusal(example)).toMatch(/a name that changes how later steps run/)
    expect(refusal(`${prefix.toLowerCase()}my_token`)).toMatch(/a name that changes how later steps run/)
  })

  it.each([
    'ACCESS_TOKEN',
    'FHIR_TOKEN',
    'MY_PATH',
    'PATHS',
    'GITHUB',
    'LDAP_TOKEN',
    'BUILD_TOKEN',
    'MY_GITHUB_TOKEN',
    'CORE_TOKEN',
    'CIAM_TOKEN',
    '_TOKEN',
  ])('accepts %s (a reserved name or prefix only as a part of it)', name => {
    expect(refusal(name)).toBeUndefined()
  })
})
