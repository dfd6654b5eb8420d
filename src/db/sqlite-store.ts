/**
 * The SQLite implementation of the store: drizzle over better-sqlite3, with the FTS5 index in the
 * same file. better-sqlite3 answers synchronously; the promises keep the interface open to a store
 * that does not.
 *
 * An import session holds a transaction across awaits (a file is read while it is written), so
 * while one is open every other call waits for it: nothing else may run inside its transaction.
 */
import type { EntityDirectory, Store } from '../domain/store'
import type { Db } from './client'
import * as entities from './entity-queries'
import * as writes from './entity-writes'
import { createImportSession, readDirectory } from './import-session'
import * as matches from './match-queries'
import * as quoteQueries from './quote-queries'
import { backupDatabase } from './backup'
import { asStorageError } from './storage-errors'

/** A store over an open database (see `openDatabase`). */
export function createSqliteStore(db: Db): Store {
  let session: Promise<unknown> | null = null
  // Every stored name, kept between import sessions: reading twenty thousand speakers for each
  // statement written through the API costs more than the write. It is read again when another
  // connection has committed (data_version moved) or this one changed speakers or outlets.
  let names: { version: number; directory: EntityDirectory } | null = null
  const directory = () => {
    const version = entities.dataVersion(db)
    if (names?.version !== version) names = { version, directory: readDirectory(db) }
    return names.directory
  }
  const namesChanged =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args)
      } finally {
        names = null
      }
    }

  /** Resolves once no import session is open. */
  const idle = async () => {
    while (session) await session.catch(() => undefined)
  }
  const when =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    async (...args: A): Promise<R> => {
      await idle()
      try {
        return read(...args)
      } catch (error) {
        throw asStorageError(error)
      }
    }

  return {
    matchingIds: when((match) => matches.matchingIds(db, match)),
    rankedIds: when((match, window) => matches.rankedIds(db, match, window)),
    quotesInOrder: when((ids) => matches.quotesInOrder(db, ids)),
    quoteFacts: when((afterId, untilId) => matches.quoteFactColumns(db, afterId, untilId)),
    quoteFactsOf: when((ids) => matches.quoteFactColumnsOf(db, ids)),
    articleFacts: when((afterId, untilId) => matches.articleFactColumns(db, afterId, untilId)),
    maxIds: when(() => matches.maxIds(db)),
    namesById: when((kind, ids) => matches.namesById(db, kind, ids)),
    idsBySlug: when((kind, slugs) => matches.idsBySlug(db, kind, slugs)),
    getQuote: when((id) => quoteQueries.getQuote(db, id)),
    findClaimCandidates: when((match, limit) => quoteQueries.findClaimCandidates(db, match, limit)),
    exportQuotes: when((criteria, afterId, limit) =>
      quoteQueries.exportQuotes(db, criteria, afterId, limit),
    ),
    getArticleRecords: when((urls) => entities.getArticleRecords(db, urls)),
    articlesAfter: when((afterId, limit) => entities.articlesAfter(db, afterId, limit)),
    listSpeakers: when((page) => entities.listSpeakers(db, page)),
    getSpeakers: when((slugs) => entities.getSpeakers(db, slugs)),
    getSpeaker: when((slug) => entities.getSpeaker(db, slug)),
    listOutlets: when((page) => entities.listOutlets(db, page)),
    getOutlets: when((slugs) => entities.getOutlets(db, slugs)),
    getOutlet: when((slug) => entities.getOutlet(db, slug)),
    getArticle: when((id) => entities.getArticle(db, id)),
    unknownSlugs: when((kind, slugs) => entities.unknownSlugs(db, kind, slugs)),
    vocabularyBetween: when((from, to) => entities.vocabularyBetween(db, from, to)),
    termsExist: when((terms) => entities.termsExist(db, terms)),
    nameDocuments: when(() => entities.nameDocuments(db)),
    outletNames: when(() => entities.outletNames(db)),
    counts: when(() => entities.counts(db)),
    createOutlet: namesChanged(when((record) => writes.createOutlet(db, record))),
    updateOutlet: namesChanged(when((slug, changes) => writes.updateOutlet(db, slug, changes))),
    deleteOutlet: namesChanged(when((slug) => writes.deleteOutlet(db, slug))),
    mergeOutlets: namesChanged(when((target, sources) => writes.mergeOutlets(db, target, sources))),
    createSpeaker: namesChanged(when((record) => writes.createSpeaker(db, record))),
    updateSpeaker: namesChanged(when((slug, changes) => writes.updateSpeaker(db, slug, changes))),
    deleteSpeaker: namesChanged(when((slug) => writes.deleteSpeaker(db, slug))),
    mergeSpeakers: namesChanged(
      when((target, sources) => writes.mergeSpeakers(db, target, sources)),
    ),
    deleteArticle: when((id) => writes.deleteArticle(db, id)),
    articleIdByUrl: when((url) => writes.articleIdByUrl(db, url)),
    quoteForChange: when((id) => writes.quoteForChange(db, id)),
    updateQuote: when((id, changes) => writes.updateQuote(db, id, changes)),
    deleteQuote: when((id) => writes.deleteQuote(db, id)),
    quoteReferences: when((ids) => writes.quoteReferences(db, ids)),
    searchDocuments: when((ids) => entities.searchDocuments(db, ids)),
    termCounts: when((terms) => entities.termCounts(db, terms)),
    nameDocumentsOf: when((kind, slugs) => entities.nameDocumentsOf(db, kind, slugs)),
    dataVersion: when(() => entities.dataVersion(db)),
    changeMark: when(() => entities.changeMark(db)),
    async importSession(work, commit) {
      await idle()
      const run = (async () => {
        try {
          db.$client.exec('BEGIN IMMEDIATE')
        } catch (error) {
          throw asStorageError(error)
        }
        try {
          let addedNames = false
          const open = createImportSession(db, directory)
          const result = await work({
            ...open,
            async write(bundle) {
              const written = await open.write(bundle)
              addedNames ||= written.outlets.length + written.speakers.length > 0
              return written
            },
          })
          const committing = commit(result)
          db.$client.exec(committing ? 'COMMIT' : 'ROLLBACK')
          if (committing && addedNames) names = null
          return result
        } catch (error) {
          try {
            if (db.$client.inTransaction) db.$client.exec('ROLLBACK')
          } catch (rollback) {
            // The failure that matters is the first; SQLite rolls back itself when it must.
            console.error('quotedb: rolling back failed too:', rollback)
          }
          throw asStorageError(error)
        }
      })()
      session = run
      try {
        return await run
      } finally {
        session = null
      }
    },
    async backup(destination) {
      await idle()
      try {
        return await backupDatabase(db.$client, destination)
      } catch (error) {
        throw asStorageError(error)
      }
    },
    close: () => db.$client.close(),
  }
}
