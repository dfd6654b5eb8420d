/**
 * The write thread: the server's writes run on a worker thread with a writing connection of its
 * own (`src/write-worker.ts`), so that the event loop answering reads never runs a write — not the
 * SQL of a merge that re-indexes a hundred thousand quotes, not the parsing of a 16 MB import, not
 * the extraction of an article's statements.
 *
 * This side keeps the turns: one write at a time, in the order asked for (`Turns`). A write is
 * sent to the thread in its turn; when the thread answers that it committed, the in-memory
 * indexes here catch up with the change feed before the next write is sent.
 */
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../domain/errors'
import { afterCommitted, Turns } from '../db/write-queue'
import type { ImportProblem } from '../import/importer'
import { InvalidRecord } from './problems'
import type { OperationName } from './operations'
import type { Writer } from './writer'

/** What this side sends the thread. */
export interface CallMessage {
  type: 'call'
  id: number
  name: OperationName
  args: unknown[]
}

/** A failure, as it crosses from the thread. */
export type ThreadError =
  | {
      kind: 'app'
      code: ErrorCode
      message: string
      param?: string
      retryAfterSeconds?: number
      problems?: ImportProblem[]
    }
  | { kind: 'other'; message: string }

/** What the thread sends back: that it is ready, or the answer to a call. */
export type ThreadMessage =
  | { type: 'ready' }
  | ({ type: 'reply'; id: number } & (
      { ok: true; value: unknown; committed: boolean } | { ok: false; error: ThreadError }
    ))

/** An error thrown in the thread, as it is sent across. */
export function describeError(error: unknown): ThreadError {
  if (error instanceof AppError) {
    return {
      kind: 'app',
      code: error.code,
      message: error.message,
      param: error.param,
      retryAfterSeconds: error.retryAfterSeconds,
      problems: error instanceof InvalidRecord ? error.problems : undefined,
    }
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) }
}

/** The error a thread's failure stands for here. */
function revive(error: ThreadError): Error {
  if (error.kind === 'other')
    return new Error(`A write failed in the write thread: ${error.message}`)
  if (error.problems) return new InvalidRecord(error.problems)
  return new AppError(error.code, error.message, error.param, error.retryAfterSeconds)
}

/** The buffers among a call's arguments that can be handed over rather than copied. */
function transferable(args: unknown[]): ArrayBuffer[] {
  return args.flatMap((arg) => {
    const source = (arg as { source?: unknown } | null)?.source
    return source instanceof Uint8Array &&
      source.byteOffset === 0 &&
      source.byteLength === source.buffer.byteLength &&
      source.buffer instanceof ArrayBuffer
      ? [source.buffer]
      : []
  })
}

export interface WriteThread {
  /** The writer over this thread; `afterCommit` runs after each committed write, in its turn. */
  writer(afterCommit: () => Promise<void>): Writer
  /** Stops the thread once every write asked for so far has had its turn. */
  close(): Promise<void>
}

/**
 * Starts the write thread on the database file at `path` and waits until it is ready. `waitMs`
 * bounds how long a write waits for its turn here, and then for another process's lock there.
 */
export async function startWriteThread(options: {
  path: string
  waitMs: number
}): Promise<WriteThread> {
  const turns = new Turns()
  const pending = new Map<number, (reply: ThreadMessage & { type: 'reply' }) => void>()
  let worker: Worker | null = null
  let ready: Promise<void> = Promise.resolve()
  let nextId = 0

  const start = () => {
    const thread = new Worker(new URL('../write-worker-entry.mjs', import.meta.url), {
      // Nothing of this process's command line: the entry loads what the thread needs.
      execArgv: [],
      workerData: { path: options.path, waitMs: options.waitMs },
    })
    ready = new Promise((resolve, reject) => {
      thread.once('message', () => resolve())
      thread.once('exit', (code) => reject(new Error(`the write thread stopped (exit ${code})`)))
    })
    thread.on('message', (message: ThreadMessage) => {
      if (message.type === 'reply') {
        pending.get(message.id)?.(message)
        pending.delete(message.id)
      }
    })
    thread.on('error', (error) => console.error('quotedb: the write thread failed:', error))
    thread.on('exit', () => {
      if (worker === thread) worker = null
      for (const answer of pending.values()) {
        answer({
          type: 'reply',
          id: -1,
          ok: false,
          error: { kind: 'other', message: 'the write thread stopped' },
        })
      }
      pending.clear()
    })
    worker = thread
  }

  /** Sends one call and waits for its answer, starting the thread again if it stopped. */
  const call = async (name: OperationName, args: unknown[]) => {
    if (!worker) start()
    await ready
    const id = ++nextId
    const answered = new Promise<ThreadMessage & { type: 'reply' }>((resolve) =>
      pending.set(id, resolve),
    )
    const message: CallMessage = { type: 'call', id, name, args }
    worker!.postMessage(message, transferable(args))
    return answered
  }

  const close = () =>
    // Every write asked for so far has its turn first.
    turns.run(Infinity, async () => {
      await worker?.terminate()
      worker = null
    })

  start()
  await ready
  return {
    close,
    writer(afterCommit) {
      return {
        async run(name, ...args) {
          return turns.run(Date.now() + options.waitMs, async () => {
            const reply = await call(name, args)
            if (!reply.ok) throw revive(reply.error)
            if (reply.committed) await afterCommitted(afterCommit, undefined)
            return reply.value as never
          })
        },
        close,
      }
    },
  }
}
