import { InputError } from '../errors.ts'

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// Names whose value changes how later steps, shells, loaders or tools run.
const RESERVED_ENV = new Set([
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
  'PERL5OPT',
  'PERL5LIB',
  'RUBYOPT',
  'RUBYLIB',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
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
  'MAVEN_OPTS',
  'GRADLE_OPTS',
  'PYTHONWARNINGS',
  'GEM_PATH',
  'GEM_HOME',
])
const RESERVED_ENV_PREFIXES = [
  'GITHUB_',
  'RUNNER_',
  'ACTIONS_',
  'INPUT_',
  'STATE_',
  'LD_',
  'DYLD_',
  'GIT_',
  'NPM_CONFIG_',
  'CORECLR_',
  'COR_',
]

/**
 * The name of the environment variable that carries the token to later steps: a valid name, and
 * not one whose value changes how later steps, shells, loaders or tools run.
 */
export function checkEnvVarName(envVar: string): string {
  if (!ENV_NAME.test(envVar)) {
    throw new InputError(
      'env-var',
      `is '${envVar.slice(0, 60)}', which is not a valid environment variable name.`,
      'use letters, digits and underscores, not starting with a digit, e.g. FHIR_TOKEN.',
    )
  }
  const upper = envVar.toUpperCase()
  if (RESERVED_ENV.has(upper) || RESERVED_ENV_PREFIXES.some(prefix => upper.startsWith(prefix))) {
    throw new InputError(
      'env-var',
      `is '${envVar}', a name that changes how later steps run.`,
      `choose a name of your own, e.g. ACCESS_TOKEN (refused: PATH, NODE_OPTIONS, BASH_ENV, proxy and CA variables, ${RESERVED_ENV_PREFIXES.map(p => `${p}*`).join(', ')}).`,
    )
  }
  return envVar
}
