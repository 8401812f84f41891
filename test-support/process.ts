import { spawn } from 'node:child_process'

/** How a child process ended: its exit code (null if killed), its output, and how long it ran. */
export interface Finished {
  code: number | null
  stdout: string
  stderr: string
  /** From spawn to exit, stdio closed. */
  ms: number
}

/** The child's environment and directory, when to kill it, and where its stdout goes. */
interface ProcessOptions {
  env: Record<string, string | undefined>
  cwd?: string
  /** Killed after this long (SIGKILL): a hung process fails the caller instead of the suite. */
  timeoutMs?: number
  /** A file descriptor for stdout instead of a pipe; `stdout` is then ''. */
  stdoutFd?: number
  /** Sees stdout as it arrives, for tests that time what the process prints. */
  onStdout?: (chunk: string) => void
}

/** Runs `node argv` (this Node, Node 24 under the npm scripts) to the end, capturing its output. */
export function runNode(argv: string[], options: ProcessOptions): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, argv, {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', chunk => {
      stdout += chunk
      options.onStdout?.(String(chunk))
    })
    child.stderr?.on('data', chunk => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, ms: performance.now() - started })
    })
  })
}
