/**
 * The PostgreSQL implementation of the store, for several servers over one database: the same
 * interface and the same guarantees as the SQLite store (`../sqlite-store.ts`).
 *
 * Reads go through the pool, each on whichever connection is free; `consistentReads` holds one
 * connection in a read-only snapshot (REPEATABLE READ). Writes are one transaction each, one at a
 * time in this process (`Turns`), and one at a time across every server: each takes the write
 * lock (a transaction-scoped advisory lock) first, so that the threads, the kept directory and the
 * change feed see writes in the order they commit, as SQLite's single writer does. A write that
 * cannot have the lock within its wait is refused with `busy`, having changed nothing.
 */
import type pg from 'pg'
import { AppError } from '../../domain/errors'
import type {
  ChangeFeed,
  EntityDirectory,
  EntityWrites,
  FeedReaders,
  MatchOptions,
  Store,
  StoreReads,
  VocabularyEntry,
  WriteSession,
} from '../../domain/store'
import type { SearchClause } from '../../search/query'
import { afterCommitted, DEFAULT_WRITE_WAIT_MS, Turns } from '../write-queue'
import * as feed from './change-feed'
import { drizzleOn, type PgConnections, type PgDb } from './client'
import * as entities from './entity-queries'
import * as writes from './entity-writes'
import * as exportQueries from './export-queries'
import { createImportSession, readDirectory } from './import-session'
import { keepDirectory, type KeptDirectory } from './kept-directory'
import * as quoteQueries from './quote-queries'
import * as search from './search-queries'
import { asPgStorageError, databaseError } from './storage-errors'
import { keepThreads } from './thread-upkeep'
import { toAnyWordTsQuery, toTsQuery } from './tsquery'

/** The tsquery of clauses that want something (as the services check they do). */
function queryOf(clauses: SearchClause[], options: MatchOptions = {}): string {
  const query = toTsQuery(clauses, {
    otherForms: options.otherForms ?? true,
    combine: options.combine ?? 'all',
  })
  if (query === null) throw new Error('A search must want at least one word or phrase.')
  return query
}

/** Every read of the store over `db` (the pool, or one connection in a transaction). */
function readsOn(db: PgDb): StoreReads {
  const read =
    <A extends unknown[], R>(query: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await query(...args)
      } catch (error) {
        throw asPgStorageError(error)
      }
    }
  // The vocabulary is read in one pass (see `search.vocabulary`) and handed out in the slices the
  // indexes ask for, from the first ('') to the last (to the end).
  let vocabulary: Promise<VocabularyEntry[]> | null = null
  const vocabularyBetween = async (from: string, to: string | null) => {
    if (from === '' || vocabulary === null) vocabulary = search.vocabulary(db)
    const all = await vocabulary
    if (to === null) vocabulary = null
    return all.filter(({ term }) => term >= from && (to === null || term < to))
  }
  return {
    matchingIds: read((clauses, options) =>
      search.matchingIds(db, queryOf(clauses, options), options?.fromId),
    ),
    rankedIds: read((clauses, window, options) =>
      search.rankedIds(db, queryOf(clauses, options), window),
    ),
    quotesInOrder: read((ids) => search.quotesInOrder(db, ids)),
    quoteFacts: read((afterId, untilId) => search.quoteFactColumns(db, afterId, untilId)),
    quoteFactsOf: read((ids) => search.quoteFactColumnsOf(db, ids)),
    articleFacts: read((afterId, untilId) => search.articleFactColumns(db, afterId, untilId)),
    articleFactsOf: read((ids) => search.articleFactColumnsOf(db, ids)),
    speakerFacts: read((ids) => search.speakerFactColumns(db, ids)),
    maxIds: read(() => search.maxIds(db)),
    namesById: read((kind, ids) => search.namesById(db, kind, ids)),
    idsBySlug: read((kind, slugs) => search.idsBySlug(db, kind, slugs)),
    findClaimCandidates: read(async (match, limit) => {
      const query = toAnyWordTsQuery(match)
      return query === null ? [] : search.findClaimCandidates(db, query, limit)
    }),
    vocabularyBetween: read(vocabularyBetween),
    termsExist: read((terms) => search.termsExist(db, terms)),
    termCounts: read((terms) => search.termCounts(db, terms)),
    searchDocumentsOf: read((ids) => search.searchDocumentsOf(db, ids)),
    entityWords: read((kind, ids) => search.entityWords(db, kind, ids)),
    getQuote: read((id) => quoteQueries.getQuote(db, id)),
    reviewQueue: read((page, articleId) => quoteQueries.reviewQueue(db, page, articleId ?? null)),
    threadStatementIds: read((id, limit) => quoteQueries.threadStatementIds(db, id, limit)),
    getArticleRecords: read((urls) => entities.getArticleRecords(db, urls)),
    articlesAfter: read((afterId, limit) => entities.articlesAfter(db, afterId, limit)),
    outletsAfter: read((afterId, limit) => exportQueries.outletRecordsAfter(db, afterId, limit)),
    speakersAfter: read((afterId, limit) => exportQueries.speakerRecordsAfter(db, afterId, limit)),
    outletRecords: read(async (slugs) =>
      (await exportQueries.outletRecordsOf(db, slugs)).map((o) => o.record),
    ),
    speakerRecords: read(async (slugs) =>
      (await exportQueries.speakerRecordsOf(db, slugs)).map((s) => s.record),
    ),
    listSpeakers: read((page) => entities.listSpeakers(db, page)),
    getSpeakers: read((slugs) => entities.getSpeakers(db, slugs)),
    getSpeaker: read((slug) => entities.getSpeaker(db, slug)),
    listOutlets: read((page) => entities.listOutlets(db, page)),
    getOutlets: read((slugs) => entities.getOutlets(db, slugs)),
    getOutlet: read((slug) => entities.getOutlet(db, slug)),
    listOutletArticles: read((slug, page) => entities.listOutletArticles(db, slug, page)),
    getArticle: read((id) => entities.getArticle(db, id)),
    articleIdByUrl: read((url) => writes.articleIdByUrl(db, url)),
    quoteForChange: read((id) => writes.quoteForChange(db, id)),
    unknownSlugs: read((kind, slugs) => entities.unknownSlugs(db, kind, slugs)),
    nameDocuments: read(() => entities.nameDocuments(db)),
    nameDocumentsOf: read((kind, ids) => entities.nameDocumentsOf(db, kind, ids)),
    outletNames: read(() => entities.outletNames(db)),
    counts: read(() => entities.counts(db)),
  }
}

/** The change feed over `db`. */
function feedOn(db: PgDb): ChangeFeed {
  return {
    head: async () => {
      try {
        return await feed.feedHead(db.$client)
      } catch (error) {
        throw asPgStorageError(error)
      }
    },
    changesAfter: async (position, limit) => {
      try {
        return await feed.changesAfter(db.$client, position, limit)
      } catch (error) {
        throw asPgStorageError(error)
      }
    },
  }
}

/** The feed's readers, inside a write. */
function feedReadersOn(db: PgDb): FeedReaders {
  const client = db.$client
  return {
    async registerReader(reader) {
      const position = await feed.feedHead(client)
      await feed.reportPosition(client, reader, position, { now: Date.now() })
      return position
    },
    reportPosition: (reader, position) =>
      feed.reportPosition(client, reader, position, { now: Date.now() }),
    forgetReader: (reader) => feed.forgetReader(client, reader, { now: Date.now() }),
    pruneChanges: () => feed.pruneChanges(client, { now: Date.now() }),
  }
}

/** The entity writes inside a write's transaction. */
function writesOn(db: PgDb, namesChanged: () => void): EntityWrites {
  const write =
    <A extends unknown[], R>(change: (...args: A) => Promise<R>, changesNames: boolean) =>
    async (...args: A): Promise<R> => {
      if (changesNames) namesChanged()
      return change(...args)
    }
  return {
    createOutlet: write((record) => writes.createOutlet(db, record), true),
    updateOutlet: write((slug, changes) => writes.updateOutlet(db, slug, changes), true),
    deleteOutlet: write((slug) => writes.deleteOutlet(db, slug), true),
    mergeOutlets: write((target, sources) => writes.mergeOutlets(db, target, sources), true),
    createSpeaker: write((record) => writes.createSpeaker(db, record), true),
    updateSpeaker: write((slug, changes) => writes.updateSpeaker(db, slug, changes), true),
    deleteSpeaker: write((slug) => writes.deleteSpeaker(db, slug), true),
    mergeSpeakers: write((target, sources) => writes.mergeSpeakers(db, target, sources), true),
    deleteArticle: write((id) => writes.deleteArticle(db, id), false),
    updateQuote: write((id, changes) => writes.updateQuote(db, id, changes), false),
    deleteQuote: write((id) => writes.deleteQuote(db, id), false),
  }
}

/** The lock every server's writes take in turn, for the length of their transaction. */
const WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtext('quotedb writes'))"
const TRY_WRITE_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('quotedb writes')) AS locked"

export interface PostgresStoreOptions {
  /** How long a write may wait for its turn and for the write lock, in ms. Default: 10 s. */
  waitMs?: number
  /** Refuse every write (a server over a read replica). Default: false. */
  readOnly?: boolean
  /** Called once per write that finds another server (or process) writing, before it waits. */
  onLockHeld?: () => void
}

const READ_ONLY = 'The database is read-only: writes are refused; reads go on.'

/** A store over a PostgreSQL database opened with `openPostgres`. */
export function createPostgresStore(
  connections: PgConnections,
  options: PostgresStoreOptions = {},
): Store {
  const { db, pool } = connections
  const waitMs = options.waitMs ?? DEFAULT_WRITE_WAIT_MS
  const turns = new Turns()

  // Every stored name, kept between writes and brought up to date from the feed (as SQLite's).
  let kept: KeptDirectory | null = null
  const directory = async (on: PgDb, changedInThisWrite: boolean): Promise<EntityDirectory> => {
    if (changedInThisWrite) {
      const { outlets, speakers } = await readDirectory(on)
      return { outlets: [...outlets.values()], speakers: [...speakers.values()] }
    }
    if (!kept || !(await kept.catchUp(on))) kept = await keepDirectory(on)
    return kept.directory
  }

  /** Runs `work` on one connection of the pool, released after (dropped if it broke). */
  async function onConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (error) {
      throw asPgStorageError(error)
    }
    let broken: Error | undefined
    try {
      return await work(client)
    } catch (error) {
      // A refusal (a broken rule, a lock not granted in time) leaves the connection fit for the
      // next one; an error with no SQLSTATE (the connection lost) takes it out of the pool.
      const { code } = databaseError(error)
      if (!(error instanceof AppError) && typeof code !== 'string') broken = error as Error
      throw asPgStorageError(error)
    } finally {
      client.release(broken)
    }
  }

  const reads = { ...readsOn(db), ...feedOn(db) }
  return {
    ...reads,
    consistentReads: (work) =>
      onConnection(async (client) => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
        try {
          const on = drizzleOn(client)
          return await work({ ...readsOn(on), ...feedOn(on) })
        } finally {
          await client.query('COMMIT')
        }
      }),
    async write(work, writeOptions = {}) {
      if (options.readOnly) throw new AppError('read_only', READ_ONLY)
      const deadline = Date.now() + waitMs
      return turns.run(deadline, async () => {
        const { result, committed } = await onConnection(async (client) => {
          const on = drizzleOn(client)
          await client.query('BEGIN')
          let namesChanged = false
          const markNamesChanged = () => {
            namesChanged = true
          }
          try {
            if (!(await client.query(TRY_WRITE_LOCK)).rows[0].locked) {
              // Another server's write: waited for as long as this one may wait.
              options.onLockHeld?.()
              await client.query(`SET LOCAL lock_timeout = ${Math.max(1, deadline - Date.now())}`)
              await client.query(WRITE_LOCK)
              await client.query('SET LOCAL lock_timeout = 0')
            }
            const own = readsOn(on)
            const session: WriteSession = {
              ...own,
              getQuote: async (id) => {
                await keepThreads(on)
                return own.getQuote(id)
              },
              ...writesOn(on, markNamesChanged),
              ...feedReadersOn(on),
              ...createImportSession(on, () => directory(on, namesChanged)),
            }
            // What others wrote since the last write is threaded first; what this one wrote,
            // before it commits (as SQLite's store does).
            await keepThreads(on)
            const result = await work(session)
            await keepThreads(on)
            const commit = writeOptions.commit?.(result) ?? true
            await client.query(commit ? 'COMMIT' : 'ROLLBACK')
            return { result, committed: commit }
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined)
            kept = null
            throw error
          }
        })
        // The names a committed write made are taken in at once (on the pool: the write is over,
        // whatever happens to this catch-up); after a rollback, the kept directory may hold what
        // was undone.
        if (!committed || !kept || !(await kept.catchUp(db).catch(() => false))) kept = null
        if (committed) await afterCommitted(writeOptions.afterCommit, result)
        return result
      })
    },
    async backup() {
      throw new AppError(
        'invalid_parameter',
        'A PostgreSQL database is backed up by its server (pg_dump, or its replicas), not by quotedb.',
      )
    },
    close: () => connections.close(),
  }
}
