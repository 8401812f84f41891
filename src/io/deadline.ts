import { ActionError } from '../errors.ts'

/** Now, in epoch milliseconds: Date.now, or a test clock. */
export type Clock = () => number

/** The `timeout-seconds` budget for the whole token fetch, retries included. */
export class Deadline {
  readonly at: number
  readonly timeoutSeconds: number
  private readonly now: Clock

  constructor(timeoutSeconds: number, now: Clock) {
    this.timeoutSeconds = timeoutSeconds
    this.now = now
    this.at = now() + timeoutSeconds * 1000
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now())
  }

  exceeded(what: string, options: { fix?: string } = {}): ActionError {
    return new ActionError(`${what} did not finish within timeout-seconds (${this.timeoutSeconds} s).`, {
      fix:
        options.fix ??
        'check that the endpoint is reachable from the runner (proxy settings: HTTPS_PROXY, NO_PROXY), or raise timeout-seconds.',
    })
  }

  /** `work`, or `exceeded(what)` if the deadline passes first. */
  race<T>(work: Promise<T>, what: string, options: { fix?: string } = {}): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.exceeded(what, options)), this.remainingMs())
    })
    return Promise.race([work, expired]).finally(() => clearTimeout(timer))
  }
}
