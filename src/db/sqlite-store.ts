/**
 * The SQLite implementation of the store: drizzle over better-sqlite3, with the FTS5 index in the
 * same file. better-sqlite3 answers synchronously; the promises keep the interface open to a store
 * that does not.
 */
import type { Store } from '../domain/store'
import { writeBundle } from './bundle-writer'
import type { Db } from './client'
import * as entities from './entity-queries'
import * as quoteQueries from './quote-queries'

/** A store over an open database (see `openDatabase`). */
export function createSqliteStore(db: Db): Store {
  return {
    findQuotes: async (criteria) => quoteQueries.findQuotes(db, criteria),
    getQuote: async (id) => quoteQueries.getQuote(db, id),
    findClaimCandidates: async (match, limit) => quoteQueries.findClaimCandidates(db, match, limit),
    listSpeakers: async (page) => entities.listSpeakers(db, page),
    getSpeakers: async (slugs) => entities.getSpeakers(db, slugs),
    getSpeaker: async (slug) => entities.getSpeaker(db, slug),
    listOutlets: async (page) => entities.listOutlets(db, page),
    getOutlets: async (slugs) => entities.getOutlets(db, slugs),
    getOutlet: async (slug) => entities.getOutlet(db, slug),
    getArticle: async (id) => entities.getArticle(db, id),
    unknownSlugs: async (kind, slugs) => entities.unknownSlugs(db, kind, slugs),
    vocabulary: async () => entities.vocabulary(db),
    nameDocuments: async () => entities.nameDocuments(db),
    counts: async () => entities.counts(db),
    importBundle: async (bundle) => writeBundle(db, bundle),
    close: () => db.$client.close(),
  }
}
