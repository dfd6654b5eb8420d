/**
 * Following the change feed: the in-memory search indexes catch up with the database by applying
 * the feed forward from the last position they applied (`applyChanges`), whoever wrote — a write of
 * this server (applied before it is acknowledged), a command-line import, another process.
 *
 * A catch-up reads the changes and everything it applies from one snapshot of the database, so
 * that words counted again in the index and new quotes' words counted one by one agree. A backlog
 * too large to apply one change at a time (a million-quote import by another process), or one whose
 * changes were already pruned, is caught up by building the indexes afresh.
 */
import type { ServiceContext } from './context'
import { applyChanges } from '../search/apply-changes'
import { openSearchIndexes, type SearchIndexes } from '../search/indexes'
import type { Change } from '../domain/store'

/** Changes read from the feed at a time. */
const PAGE = 5000
/** A backlog of more changes than this is caught up by building the indexes afresh. */
export const REBUILD_BACKLOG = 50_000
/** A read waits for a backlog of at most this many changes; a larger one is caught up meanwhile. */
const READ_WAITS_FOR = 5000

export interface FollowerOptions {
  /** Records how far the indexes have applied the feed, so that older entries can be pruned. */
  report?: (position: number) => Promise<void>
  /** How often the position is reported at most, in ms. Default: 30 s. */
  reportEveryMs?: number
}

export class IndexFollower {
  readonly #context: ServiceContext
  readonly #options: FollowerOptions
  /** The vocabulary and name index have applied the feed up to here; null while they load. */
  #wordsPosition: number | null = null
  /** Where the load of the vocabulary and name index began: the feed is kept from here for them. */
  #loadedFrom: number
  /**
   * Changes up to here may already be in the vocabulary, loaded while they were made: their words
   * are counted again rather than added.
   */
  #recountUntil = 0
  /** Set by `stop()`: no more position reports. */
  #stopped = false
  #queued: Promise<void> | null = null
  #tail: Promise<void> = Promise.resolve()
  /** Set when applying failed half-way: the indexes are built afresh at the next catch-up. */
  #broken = false
  #reportedAt = 0

  constructor(context: ServiceContext, options: FollowerOptions = {}) {
    this.#context = context
    this.#options = options
    this.#loadedFrom = context.indexes.position
    this.#watchLoad(context.indexes)
    // Registered at once, so that no writer prunes what the loading indexes still need.
    void this.#report()
  }

  /** Stops reporting the position (the server is shutting down and forgets its reader). */
  stop(): void {
    this.#stopped = true
  }

  /** The feed position the facts have applied. */
  get position(): number {
    return this.#context.indexes.position
  }

  /** Applies every change up to the feed's head as it is when the catch-up starts. */
  catchUp(): Promise<void> {
    if (this.#queued) return this.#queued
    const next = this.#tail.then(() => {
      this.#queued = null
      return this.#run()
    })
    this.#queued = next
    this.#tail = next.catch((error: unknown) => {
      console.error('quotedb: catching up with the change feed failed:', error)
    })
    return next
  }

  /**
   * Before a read: a small backlog is applied first, so that a read sees every write committed
   * before it; a large one is caught up in the background while reads go on.
   */
  async beforeRead(): Promise<void> {
    const head = await this.#context.store.head()
    if (head === this.position && this.#wordsPosition !== null && !this.#broken) return
    const work = this.catchUp()
    if (head - this.position <= READ_WAITS_FOR) await work.catch(() => undefined)
  }

  /** Resolves when every catch-up asked for so far is done. */
  settled(): Promise<void> {
    return this.#tail
  }

  /**
   * Once the vocabulary and name index are loaded, they catch up from where their load began,
   * counting again the words of every change made until the load ended.
   */
  #watchLoad(indexes: SearchIndexes): void {
    const loadedFrom = indexes.position
    this.#wordsPosition = null
    indexes.complete
      .then(async () => {
        const loadedUntil = await this.#context.store.head()
        if (this.#context.indexes !== indexes) return
        this.#recountUntil = loadedUntil
        this.#wordsPosition = loadedFrom
        void this.catchUp().catch(() => undefined)
      })
      .catch(() => undefined)
  }

  async #run(): Promise<void> {
    const { store } = this.#context
    try {
      if (this.#broken || (await store.head()) - this.position > REBUILD_BACKLOG) {
        await this.#rebuild()
      } else {
        await this.#apply(this.#context.indexes)
      }
      this.#broken = false
    } catch (error) {
      this.#broken = true
      throw error
    }
    await this.#report()
  }

  /** Applies the changes after the indexes' positions, from one snapshot. */
  async #apply(indexes: SearchIndexes): Promise<void> {
    const { store } = this.#context
    const result = await store.consistentReads(async (reads) => {
      const head = await reads.head()
      const from = Math.min(indexes.position, this.#wordsPosition ?? indexes.position)
      const changes = await this.#changesBetween(reads, from, head)
      if (changes === 'gap') return 'gap'
      // Facts are read as they are now, so applying a change twice does no harm; words loaded
      // while some of these changes were made may hold them already: those are counted again.
      const words = this.#wordsPosition !== null && { recountUntil: this.#recountUntil }
      await applyChanges(reads, indexes, changes, { facts: true, words })
      indexes.position = head
      if (this.#wordsPosition !== null) this.#wordsPosition = head
      return 'applied'
    })
    if (result === 'gap') await this.#rebuild()
  }

  /** The changes in `(from, to]`, or 'gap' when some were pruned. */
  async #changesBetween(
    reads: { changesAfter: ServiceContext['store']['changesAfter'] },
    from: number,
    to: number,
  ): Promise<Change[] | 'gap'> {
    const changes: Change[] = []
    for (let position = from; position < to;) {
      const page = await reads.changesAfter(position, PAGE)
      if (page.gap) return 'gap'
      if (page.changes.length === 0) break
      for (const change of page.changes) if (change.seq <= to) changes.push(change)
      position = page.changes.at(-1)!.seq
    }
    return changes
  }

  /** Builds the indexes afresh, catches them up, and swaps them in. */
  async #rebuild(): Promise<void> {
    const fresh = await openSearchIndexes(this.#context.store)
    await fresh.complete
    const loadedFrom = fresh.position
    const before = this.#wordsPosition
    // The fresh words were loaded after `loadedFrom`: the changes since are counted again.
    this.#wordsPosition = loadedFrom
    this.#loadedFrom = loadedFrom
    try {
      await this.#applyRecounting(fresh)
    } catch (error) {
      this.#wordsPosition = before
      throw error
    }
    fresh.revision = this.#context.indexes.revision + 1
    this.#context.indexes = fresh
  }

  /** Brings freshly loaded indexes up to the head, counting every word touched since again. */
  async #applyRecounting(indexes: SearchIndexes): Promise<void> {
    await this.#context.store.consistentReads(async (reads) => {
      const head = await reads.head()
      const changes = await this.#changesBetween(reads, indexes.position, head)
      if (changes === 'gap') throw new Error('the change feed was pruned during a rebuild')
      await applyChanges(reads, indexes, changes, {
        facts: true,
        words: { recountUntil: Infinity },
      })
      indexes.position = head
      this.#wordsPosition = head
    })
  }

  /** Reports the position now and then (the slower of facts and words), for pruning. */
  async #report(): Promise<void> {
    const { report, reportEveryMs = 30_000 } = this.#options
    const now = Date.now()
    if (!report || this.#stopped || now - this.#reportedAt < reportEveryMs) return
    // While the words load, the feed is kept from where their load began.
    const position = Math.min(this.position, this.#wordsPosition ?? this.#loadedFrom)
    this.#reportedAt = now
    // Not awaited: the report is a write, and this may run inside another write's turn.
    void report(position).catch((error: unknown) =>
      console.error('quotedb: recording the change-feed position failed:', error),
    )
  }
}
