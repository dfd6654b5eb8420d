/**
 * The FTS5 document index as drizzle sees it, for typed joins. The virtual table itself is created
 * by a hand-written migration; this file is deliberately not part of `drizzle.config.ts`'s schema,
 * so drizzle-kit never tries to create it as an ordinary table.
 */
import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { COLUMN_WEIGHTS } from '../search/options'

export const quotesFts = sqliteTable('quotes_fts', {
  rowid: integer('rowid').notNull(),
  text: text('text'),
  speaker: text('speaker'),
  title: text('title'),
  outlets: text('outlets'),
})

export const quotesFtsVocabulary = sqliteTable('quotes_fts_vocab', {
  term: text('term').notNull(),
  documents: integer('doc').notNull(),
})

/** `quotes_fts MATCH expression`. */
export const ftsMatches = (expression: string) => sql`${quotesFts} MATCH ${expression}`

/** The bm25 rank of the current row, with the column weights of the search options (lower is better). */
export const ftsRank = sql<number>`bm25(${quotesFts}, ${sql.raw(COLUMN_WEIGHTS.join(', '))})`
