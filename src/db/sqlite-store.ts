/**
 * The SQLite implementation of the store: drizzle over better-sqlite3, with the FTS5 index in the
 * same file. better-sqlite3 answers synchronously; the promises keep the interface open to a store
 * that does not.
 *
 * Reads go through the reading connection and never wait for a write. Writes go through the one
 * writer (`WriteQueue`): each is a transaction of its own on the writing connection, one at a
 * time. Only an in-memory database, which has a single connection, makes its reads wait while a
 * write's transaction is open, so that none sees what may yet be rolled back.
 */
import { AppError } from '../domain/errors'
import type {
  ChangeFeed,
  EntityDirectory,
  EntityWrites,
  FeedReaders,
  MatchOptions,
  Store,
  StoreReads,
  WriteSession,
} from '../domain/store'
import type { SearchClause } from '../search/query'
import { backupDatabase } from './backup'
import { toAnyWordExpression, toMatchExpression } from './fts-expression'
import * as feed from './change-feed'
import type { Connections, Db } from './client'
import * as entities from './entity-queries'
import * as exportQueries from './export-queries'
import * as writes from './entity-writes'
import { createImportSession, readDirectory } from './import-session'
import { keepDirectory, type KeptDirectory } from './kept-directory'
import * as matches from './match-queries'
import * as quoteQueries from './quote-queries'
import { asStorageError } from './storage-errors'
import { keepThreads } from './thread-upkeep'
import { WriteQueue, type WriteQueueOptions } from './write-queue'

/** The FTS5 expression of clauses that want something (as the services check they do). */
function matchOf(clauses: SearchClause[], options: MatchOptions = {}): string {
  const expression = toMatchExpression(clauses, {
    otherForms: options.otherForms ?? true,
    combine: options.combine ?? 'all',
  })
  if (expression === null) throw new Error('A search must want at least one word or phrase.')
  return expression
}

/** Every read of the store over one connection; each waits for `ready` first. */
function readsOn(db: Db, ready: () => Promise<void>): StoreReads {
  const read =
    <A extends unknown[], R>(query: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      await ready()
      try {
        return query(...args)
      } catch (error) {
        throw asStorageError(error)
      }
    }
  return {
    matchingIds: read((clauses, options) =>
      matches.matchingIds(db, matchOf(clauses, options), options?.fromId),
    ),
    rankedIds: read((clauses, window, options) =>
      matches.rankedIds(db, matchOf(clauses, options), window),
    ),
    quotesInOrder: read((ids) => matches.quotesInOrder(db, ids)),
    quoteFacts: read((afterId, untilId) => matches.quoteFactColumns(db, afterId, untilId)),
    quoteFactsOf: read((ids) => matches.quoteFactColumnsOf(db, ids)),
    articleFacts: read((afterId, untilId) => matches.articleFactColumns(db, afterId, untilId)),
    maxIds: read(() => matches.maxIds(db)),
    namesById: read((kind, ids) => matches.namesById(db, kind, ids)),
    idsBySlug: read((kind, slugs) => matches.idsBySlug(db, kind, slugs)),
    getQuote: read((id) => quoteQueries.getQuote(db, id)),
    reviewQueue: read((page, articleId) => quoteQueries.reviewQueue(db, page, articleId ?? null)),
    threadStatementIds: read((id, limit) => quoteQueries.threadStatementIds(db, id, limit)),
    findClaimCandidates: read((match, limit) => {
      const expression = toAnyWordExpression(match)
      return expression === null ? [] : quoteQueries.findClaimCandidates(db, expression, limit)
    }),
    getArticleRecords: read((urls) => entities.getArticleRecords(db, urls)),
    articlesAfter: read((afterId, limit) => entities.articlesAfter(db, afterId, limit)),
    outletsAfter: read((afterId, limit) => exportQueries.outletRecordsAfter(db, afterId, limit)),
    speakersAfter: read((afterId, limit) => exportQueries.speakerRecordsAfter(db, afterId, limit)),
    outletRecords: read((slugs) => exportQueries.outletRecordsOf(db, slugs).map((o) => o.record)),
    speakerRecords: read((slugs) => exportQueries.speakerRecordsOf(db, slugs).map((s) => s.record)),
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
    vocabularyBetween: read((from, to) => entities.vocabularyBetween(db, from, to)),
    termsExist: read((terms) => entities.termsExist(db, terms)),
    nameDocuments: read(() => entities.nameDocuments(db)),
    outletNames: read(() => entities.outletNames(db)),
    counts: read(() => entities.counts(db)),
    searchDocumentsOf: read((ids) => entities.searchDocumentsOf(db, ids)),
    entityWords: read((kind, ids) => entities.entityWords(db, kind, ids)),
    articleFactsOf: read((ids) => matches.articleFactColumnsOf(db, ids)),
    speakerFacts: read((ids) => matches.speakerFactColumns(db, ids)),
    termCounts: read((terms) => entities.termCounts(db, terms)),
    nameDocumentsOf: read((kind, ids) => entities.nameDocumentsOf(db, kind, ids)),
  }
}

/** The change feed over one connection. */
function feedOn(db: Db, ready: () => Promise<void>): ChangeFeed {
  return {
    async head() {
      await ready()
      return feed.feedHead(db)
    },
    async changesAfter(position, limit) {
      await ready()
      return feed.changesAfter(db, position, limit)
    },
  }
}

/** The feed's readers, inside a write on the writing connection. */
function feedReadersOn(db: Db): FeedReaders {
  return {
    async registerReader(reader) {
      const position = feed.feedHead(db)
      feed.reportPosition(db, reader, position, { now: Date.now() })
      return position
    },
    reportPosition: async (reader, position) =>
      feed.reportPosition(db, reader, position, { now: Date.now() }),
    forgetReader: async (reader) => feed.forgetReader(db, reader, { now: Date.now() }),
    pruneChanges: async () => feed.pruneChanges(db, { now: Date.now() }),
  }
}

/** The entity writes over the writing connection, inside a write's transaction. */
function writesOn(db: Db, namesChanged: () => void): EntityWrites {
  const write =
    <A extends unknown[], R>(change: (...args: A) => R, changesNames: boolean) =>
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

const READ_ONLY = 'The database is read-only: writes are refused; reads go on.'

/**
 * A store over open connections (see `openConnections`), or over one connection that serves
 * both (an in-memory database; a read-only one).
 */
export function createSqliteStore(
  connections: Connections | Db,
  options: WriteQueueOptions = {},
): Store {
  const { writer, reader } =
    'reader' in connections ? connections : { writer: connections, reader: connections }
  const queue = writer ? new WriteQueue(writer.$client, options) : null
  const shared = writer === reader
  const readable = shared && queue ? () => queue.noTransaction() : async () => undefined

  // Every stored name, kept between writes and brought up to date from the change feed by
  // reading again only the records it names (see kept-directory.ts).
  let kept: KeptDirectory | null = null
  const directory = (db: Db, changedInThisWrite: boolean): EntityDirectory => {
    // Names this very write changed (a merge, then an import): read as the write sees them.
    if (changedInThisWrite) {
      const { outlets, speakers } = readDirectory(db)
      return { outlets: [...outlets.values()], speakers: [...speakers.values()] }
    }
    if (!kept?.catchUp(db)) kept = keepDirectory(db)
    return kept.directory
  }

  const reads = { ...readsOn(reader, readable), ...feedOn(reader, readable) }
  return {
    ...reads,
    async consistentReads(work) {
      await readable()
      // One connection for both (an in-memory database): its reads already wait for writes.
      // A snapshot already open (a catch-up inside another's) is the one to read from.
      const client = reader.$client
      if (shared || client.inTransaction) return work(reads)
      client.exec('BEGIN')
      try {
        return await work(reads)
      } finally {
        client.exec('COMMIT')
      }
    },
    async write(work, writeOptions = {}) {
      if (!queue || !writer) throw new AppError('read_only', READ_ONLY)
      let namesChanged = false
      const markNamesChanged = () => {
        namesChanged = true
      }
      const session = (): WriteSession => {
        const open = createImportSession(writer, () => directory(writer, namesChanged))
        const own = readsOn(writer, async () => undefined)
        return {
          ...own,
          // A statement read back inside its write shows the thread the write put it in.
          getQuote: async (id) => {
            keepThreads(writer)
            return own.getQuote(id)
          },
          ...writesOn(writer, markNamesChanged),
          ...feedReadersOn(writer),
          ...open,
        }
      }
      return queue.run(
        async () => {
          // What others wrote since the last write (another process, a hand-run statement) is
          // threaded first; what this write wrote, before it commits.
          keepThreads(writer)
          const result = await work(session())
          keepThreads(writer)
          return result
        },
        {
          ...writeOptions,
          // A committed write's names are taken in from the feed at once, so that the kept
          // directory (and the resolver on it) knows every record it made before anything changes
          // them; a rolled-back write may have left it holding what the rollback undid.
          ended(committed) {
            if (!committed || !kept?.catchUp(writer)) kept = null
          },
        },
      )
    },
    async backup(destination) {
      await readable()
      try {
        return await backupDatabase(reader.$client, destination)
      } catch (error) {
        throw asStorageError(error)
      }
    },
    async close() {
      if (writer && writer !== reader) writer.$client.close()
      reader.$client.close()
    },
  }
}
