import { constants, createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Socket } from 'node:net'
import type { Deadline } from './deadline.ts'
import { ActionError } from '../errors.ts'

/** Token files are a few KiB; anything larger is the wrong file, and would end up in a request. */
const MAX_FILE_BYTES = 64 * 1024

/** Reads a file that holds a credential, trimmed. Named by `input` in every error. */
export type ReadFile = (path: string, input: string) => Promise<string>

/**
 * A credential file: at most MAX_FILE_BYTES, read within the deadline, its contents masked before
 * anyone sees them. A FIFO is read without blocking a thread (a blocked open or read would keep
 * the process from exiting), so one that nobody writes ends at the deadline, not never.
 */
export function fileReader(deadline: Deadline, mask: (secret: string) => void): ReadFile {
  return async (path, input) => {
    const abort = new AbortController()
    const read = readLimited(path, input, abort.signal)
    try {
      const text = await deadline.race(read, `Reading ${input} (${path})`, {
        fix: `point ${input} at the token file itself: a FIFO or device that nobody writes never ends.`,
      })
      const contents = text.trim()
      mask(contents)
      return contents
    } finally {
      abort.abort()
    }
  }
}

async function readLimited(path: string, input: string, signal: AbortSignal): Promise<string> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    throw unreadable(input, path, error)
  }
  if (info.isDirectory()) throw new FileError(input, path, 'unreadable', 'is a directory')
  if (info.size > MAX_FILE_BYTES) throw tooBig(input, path)
  let bytes: Buffer
  try {
    bytes = info.isFIFO() ? await readFifo(path, signal) : await readHead(path)
  } catch (error) {
    throw unreadable(input, path, error)
  }
  // One byte past the cap is read: a FIFO or device reports no size.
  if (bytes.length > MAX_FILE_BYTES) throw tooBig(input, path)
  return bytes.toString('utf8')
}

async function readHead(path: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of createReadStream(path, { end: MAX_FILE_BYTES })) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Through the event loop, as a pipe: ends when the writer closes it, or when `signal` aborts. */
async function readFifo(path: string, signal: AbortSignal): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  const pipe = new Socket({ fd: handle.fd, readable: true, writable: false })
  const stop = () => pipe.destroy()
  signal.addEventListener('abort', stop)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of pipe) {
      chunks.push(chunk as Buffer)
      size += (chunk as Buffer).length
      if (size > MAX_FILE_BYTES) break
    }
  } finally {
    signal.removeEventListener('abort', stop)
    pipe.destroy()
  }
  return Buffer.concat(chunks)
}

/** A credential file that cannot be used. The message holds a fixed phrase, never file contents. */
export class FileError extends ActionError {
  readonly problem: 'missing' | 'too-big' | 'empty' | 'unreadable'

  constructor(input: string, path: string, problem: FileError['problem'], reason: string) {
    super(`The file in ${input} (${path}) ${reason}.`, {
      fix: `set ${input} to the path of the token file the platform provides (a projected service account token).`,
    })
    this.problem = problem
  }
}

function tooBig(input: string, path: string): FileError {
  return new FileError(input, path, 'too-big', `is larger than ${MAX_FILE_BYTES / 1024} KiB, so it is not a token file`)
}

/** The error for a credential file that holds nothing but white space. */
export function emptyFile(input: string, path: string): FileError {
  return new FileError(input, path, 'empty', 'is empty')
}

function unreadable(input: string, path: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT') return new FileError(input, path, 'missing', 'does not exist')
  if (code === 'EISDIR') return new FileError(input, path, 'unreadable', 'is a directory')
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error')
  return new FileError(input, path, 'unreadable', `cannot be read (${reason})`)
}
