/**
 * The one writer: every write to the database — a request, an import, a merge — runs as its own
 * transaction, one at a time, in the order the writes were queued, on the writing connection.
 *
 * Two things must never happen, and this module is where they are prevented:
 *
 * - A write running inside another's transaction. A write that waits (an import reads its records
 *   between batches) holds its turn until it commits or rolls back; the next one starts after.
 * - The event loop waiting for SQLite's lock. When another process holds it (an import from the
 *   command line), the writing connection does not wait in SQLite (its busy timeout is 0); the
 *   lock is asked for again after a pause, so reads go on meanwhile.
 *
 * A write that cannot start within its wait — too many before it, or the lock held by another
 * process — is refused with `busy` (503 with Retry-After) and changes nothing.
 */
import type Database from 'better-sqlite3'
import { setTimeout as sleep } from 'node:timers/promises'
import { busy } from '../domain/errors'
import { asStorageError } from './storage-errors'

export interface WriteQueueOptions {
  /** How long a write may wait for its turn and for SQLite's lock, in ms. Default: 10,000. */
  waitMs?: number
  /** Called once per write that finds the lock held by another process, before it waits. */
  onLockHeld?: () => void
}

export interface QueuedWrite<T> {
  /** Whether to commit what `work` returned; rolled back otherwise. Default: always commit. */
  commit?: (result: T) => boolean
  /**
   * Runs after the commit and before the next write begins, so that what is derived from the
   * database (the search indexes) takes in each write in commit order. Not run after a rollback.
   * A failure here is logged: the write is committed and stays so.
   */
  afterCommit?: (result: T) => Promise<void>
  /**
   * Told, the moment the transaction ends and still in this write's turn, whether it committed:
   * for what the store keeps between writes and must drop after a rollback.
   */
  ended?: (committed: boolean) => void
}

export const DEFAULT_WRITE_WAIT_MS = 10_000

const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_BUSY' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
}

/** Seconds a refused write is told to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 2

/**
 * Turns, one at a time, in the order asked for: `run` waits for every turn asked for before it
 * (at most until its deadline: then it is refused with `busy`), runs its work, and hands on.
 * The writes of this process take their turns here, whichever connection or thread they run on.
 */
export class Turns {
  /** Settles when the last turn asked for has ended: the next one waits for it. */
  #tail: Promise<void> = Promise.resolve()

  /** Runs `work` in its turn, if that comes before `deadline` (ms since the epoch, or Infinity). */
  async run<T>(deadline: number, work: () => Promise<T>): Promise<T> {
    const before = this.#tail
    let finished!: () => void
    this.#tail = new Promise((resolve) => (finished = resolve))
    try {
      await this.#wait(before, deadline)
    } catch (error) {
      // Refused: the turns after this one still wait for those before it.
      void before.then(finished)
      throw error
    }
    try {
      return await work()
    } finally {
      finished()
    }
  }

  async #wait(before: Promise<void>, deadline: number): Promise<void> {
    if (deadline === Infinity) return before
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()))
    })
    try {
      if ((await Promise.race([before.then(() => 'ready' as const), late])) === 'late') {
        throw busy(
          'The database is busy with other writes; nothing was written. Try again shortly.',
          RETRY_AFTER_SECONDS,
        )
      }
    } finally {
      clearTimeout(timer)
    }
  }
}

/** Runs `afterCommit`, logging (not throwing) its failure: the write is committed whatever. */
export async function afterCommitted<T>(
  afterCommit: ((result: T) => Promise<void>) | undefined,
  result: T,
): Promise<void> {
  await afterCommit?.(result).catch((error: unknown) =>
    console.error('quotedb: a write committed, but updating what derives from it failed:', error),
  )
}

export class WriteQueue {
  readonly #sqlite: Database.Database
  readonly #waitMs: number
  readonly #onLockHeld: (() => void) | undefined
  readonly #turns = new Turns()
  #transactionOpen = false
  #transactionClosed: { promise: Promise<void>; resolve: () => void } | null = null

  constructor(sqlite: Database.Database, options: WriteQueueOptions = {}) {
    this.#sqlite = sqlite
    this.#waitMs = options.waitMs ?? DEFAULT_WRITE_WAIT_MS
    this.#onLockHeld = options.onLockHeld
    // Waiting is done here, between attempts, never inside SQLite.
    sqlite.pragma('busy_timeout = 0')
  }

  /** True while a write's transaction is open. */
  get transactionOpen(): boolean {
    return this.#transactionOpen
  }

  /**
   * Resolves once no write's transaction is open: for reads that share the writing connection
   * (an in-memory database), which must not see a write that may yet be rolled back.
   */
  async noTransaction(): Promise<void> {
    while (this.#transactionClosed) await this.#transactionClosed.promise
  }

  /** Runs `work` as one transaction after every write queued before it; see the module comment. */
  async run<T>(work: () => Promise<T> | T, options: QueuedWrite<T> = {}): Promise<T> {
    const deadline = Date.now() + this.#waitMs
    return this.#turns.run(deadline, async () => {
      const { result, committed } = await this.#transaction(work, deadline, options)
      if (committed) await afterCommitted(options.afterCommit, result)
      return result
    })
  }

  async #transaction<T>(
    work: () => Promise<T> | T,
    deadline: number,
    { commit, ended }: QueuedWrite<T>,
  ): Promise<{ result: T; committed: boolean }> {
    await this.#begin(deadline)
    this.#transactionOpen = true
    let resolve!: () => void
    this.#transactionClosed = { promise: new Promise((r) => (resolve = r)), resolve }
    let committed = false
    try {
      const result = await work()
      if (!commit || commit(result)) {
        await this.#commit()
        committed = true
      } else this.#sqlite.exec('ROLLBACK')
      return { result, committed }
    } catch (error) {
      this.#rollback()
      throw asStorageError(error)
    } finally {
      ended?.(committed)
      this.#transactionOpen = false
      this.#transactionClosed = null
      resolve()
    }
  }

  /** Takes SQLite's write lock (BEGIN IMMEDIATE), asking again after a pause while it is held. */
  async #begin(deadline: number): Promise<void> {
    let told = false
    for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
      try {
        this.#sqlite.exec('BEGIN IMMEDIATE')
        return
      } catch (error) {
        if (!isBusy(error)) throw asStorageError(error)
        if (Date.now() + pause > deadline) {
          throw busy(
            'Another process is writing to the database; nothing was written. Try again shortly.',
            RETRY_AFTER_SECONDS,
          )
        }
        if (!told) this.#onLockHeld?.()
        told = true
        await sleep(pause)
      }
    }
  }

  /**
   * Commits. Only a database in rollback-journal mode (WAL unavailable) can find readers in the
   * way at this point; then the commit is asked for again, for as long as a write may wait.
   */
  async #commit(): Promise<void> {
    const deadline = Date.now() + this.#waitMs
    for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
      try {
        this.#sqlite.exec('COMMIT')
        return
      } catch (error) {
        if (!isBusy(error)) throw error
        if (Date.now() + pause > deadline) {
          throw busy(
            'Other processes kept reading the database; the write was rolled back. Try again shortly.',
            RETRY_AFTER_SECONDS,
          )
        }
        await sleep(pause)
      }
    }
  }

  #rollback(): void {
    try {
      if (this.#sqlite.inTransaction) this.#sqlite.exec('ROLLBACK')
    } catch (rollback) {
      // The failure that matters is the first; SQLite rolls back itself when it must.
      console.error('quotedb: rolling back failed too:', rollback)
    }
  }
}
