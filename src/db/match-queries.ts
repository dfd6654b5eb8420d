/**
 * The SQL side of the search plan (see `src/services/quote-search.ts`): the ids of the quotes a
 * text matches, bm25 ranking within a window of them, the chains of one page, the facts
 * the in-memory filters work on, and the names of facet values.
 *
 * These statements are written in SQL rather than drizzle: they lean on FTS5 specifics (auxiliary
 * functions, rowid ranges that FTS5 seeks to) and run on the hot path of every search.
 */
import { inArray } from 'drizzle-orm'
import type { QuoteResult } from '../domain/types'
import type { ArticleFactColumns, QuoteFactColumns } from '../domain/store'
import type { Db } from './client'
import { columns, parseIntegers } from './integer-lists'
import { selectChain, toQuoteResult } from './quote-chain'
import { outlets, quotes, speakers } from './schema'
import { COLUMN_WEIGHTS } from '../search/options'

/**
 * The quotes the statement running now may keep, by id: read by the SQL function
 * `quotedb_keep(rowid)`. Set just before a statement runs and cleared after; statements run
 * synchronously, so no other search can see it.
 */
let keeping: Uint8Array | null = null

const RANK = `bm25(quotes_fts, ${COLUMN_WEIGHTS.join(', ')})`

/** A quote's facts as integers: id, speaker, cited outlet, article, kind (1–3), start (-1: none). */
const QUOTE_FACT = `id || ',' || coalesce(speaker_id, 0) || ',' || coalesce(cited_outlet_id, 0) || ',' ||
  article_id || ',' || (CASE kind WHEN 'direct' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END) || ',' ||
  coalesce(start, -1)`

function prepare(db: Db) {
  const sqlite = db.$client
  sqlite.function('quotedb_keep', { deterministic: false, directOnly: true }, (id: unknown) =>
    keeping !== null && typeof id === 'number' && id < keeping.length && keeping[id] === 1 ? 1 : 0,
  )
  return {
    ids: sqlite
      .prepare('SELECT group_concat(rowid) FROM quotes_fts WHERE quotes_fts MATCH ?')
      .pluck(),
    ranked: sqlite
      .prepare(
        `SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid >= ? AND quotedb_keep(rowid)
         ORDER BY ${RANK}, rowid DESC LIMIT ? OFFSET ?`,
      )
      .pluck(),
    quoteFacts: sqlite
      .prepare(
        `SELECT group_concat(${QUOTE_FACT})
         FROM (SELECT * FROM quotes WHERE id > ? ORDER BY id LIMIT ?)`,
      )
      .pluck(),
    quoteFactsOf: sqlite
      .prepare(
        `SELECT group_concat(${QUOTE_FACT})
         FROM quotes WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .pluck(),
    maxIds: sqlite.prepare(
      'SELECT (SELECT coalesce(max(id), 0) FROM quotes) AS quote, (SELECT coalesce(max(id), 0) FROM articles) AS article',
    ),
    articleFacts: sqlite
      .prepare(
        `SELECT group_concat(id || ',' || outlet_id || ',' ||
           CAST(julianday(published_on) - 2440587.5 AS INTEGER) || ',' ||
           CAST(julianday(CASE date_precision WHEN 'day' THEN published_on
             WHEN 'month' THEN date(published_on, '+1 month', '-1 day')
             ELSE date(published_on, '+1 year', '-1 day') END) - 2440587.5 AS INTEGER) || ',' ||
           CAST(substr(published_on, 1, 4) AS INTEGER))
         FROM articles WHERE id > ? AND id <= ?`,
      )
      .pluck(),
  }
}

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>()
const statements = (db: Db) => {
  let found = prepared.get(db)
  if (!found) prepared.set(db, (found = prepare(db)))
  return found
}

/** Runs `read` with `quotedb_keep(rowid)` true for exactly the ids in `keep`. */
function keepingOnly<T>(keep: Uint8Array, read: () => T): T {
  keeping = keep
  try {
    return read()
  } finally {
    keeping = null
  }
}

/** The ids of every quote matching an FTS5 expression, in ascending order. */
export function matchingIds(db: Db, match: string): Int32Array {
  return parseIntegers(statements(db).ids.get(match) as string | null)
}

/**
 * One page of the quotes matching `match`, best bm25 rank first, among those with an id of at
 * least `fromId` that `keep` marks.
 */
export function rankedIds(
  db: Db,
  match: string,
  window: { fromId: number; keep: Uint8Array; limit: number; offset: number },
): number[] {
  return keepingOnly(
    window.keep,
    () => statements(db).ranked.all(match, window.fromId, window.limit, window.offset) as number[],
  )
}

/** The quotes with these ids, with their chains, in the order given. */
export function quotesInOrder(db: Db, ids: number[]): QuoteResult[] {
  if (ids.length === 0) return []
  const byId = new Map(
    selectChain(db)
      .where(inArray(quotes.id, ids))
      .all()
      .map((row) => [row.id, toQuoteResult(row)]),
  )
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** The facts of up to `limit` quotes after the quote `afterId`, in id order. */

function toQuoteFactColumns(list: string | null): QuoteFactColumns {
  const [ids, speakers, cited, articles, kinds, starts] = columns(parseIntegers(list), 6)
  return {
    ids: ids!,
    speakers: speakers!,
    cited: cited!,
    articles: articles!,
    kinds: kinds!,
    starts: starts!,
  }
}

export function quoteFactColumns(db: Db, afterId: number, limit: number): QuoteFactColumns {
  return toQuoteFactColumns(statements(db).quoteFacts.get(afterId, limit) as string | null)
}

/** The facts of the quotes with these ids (unknown ids are left out). */
export function quoteFactColumnsOf(db: Db, ids: number[]): QuoteFactColumns {
  return toQuoteFactColumns(statements(db).quoteFactsOf.get(JSON.stringify(ids)) as string | null)
}

/** The largest quote and article ids in use (0 when there are none). */
export function maxIds(db: Db): { quote: number; article: number } {
  return statements(db).maxIds.get() as { quote: number; article: number }
}

/** Slug and name of some speakers (or outlets), by id. */
export function namesById(
  db: Db,
  kind: 'speaker' | 'outlet',
  ids: number[],
): Map<number, { slug: string; name: string }> {
  if (ids.length === 0) return new Map()
  const table = kind === 'speaker' ? speakers : outlets
  const rows = db
    .select({ id: table.id, slug: table.slug, name: table.name })
    .from(table)
    .where(inArray(table.id, ids))
    .all()
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]))
}

/** The ids of some speakers (or outlets), by slug; unknown slugs are left out. */
export function idsBySlug(
  db: Db,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Map<string, number> {
  if (slugs.length === 0) return new Map()
  const table = kind === 'speaker' ? speakers : outlets
  const rows = db
    .select({ id: table.id, slug: table.slug })
    .from(table)
    .where(inArray(table.slug, slugs))
    .all()
  return new Map(rows.map((r) => [r.slug, r.id]))
}

/** The facts of the articles with ids in `(afterId, untilId]`. */

export function articleFactColumns(db: Db, afterId: number, untilId: number): ArticleFactColumns {
  const list = statements(db).articleFacts.get(afterId, untilId) as string | null
  const [ids, outlets, firstDays, lastDays, years] = columns(parseIntegers(list), 5)
  return { ids: ids!, outlets: outlets!, firstDays: firstDays!, lastDays: lastDays!, years: years! }
}
