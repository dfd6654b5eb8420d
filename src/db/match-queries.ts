/**
 * The SQL side of the search plan (see `src/services/quote-search.ts`): the ids of the quotes a
 * text matches, bm25 ranking within a window of them, the chains of one page, the facts
 * the in-memory filters work on, and the names of facet values.
 *
 * These statements are written in SQL rather than drizzle: they lean on FTS5 specifics (auxiliary
 * functions, rowid ranges that FTS5 seeks to) and run on the hot path of every search.
 */
import { sql } from 'drizzle-orm'
import type { QuoteResult } from '../domain/types'
import type {
  ArticleFactColumns,
  QuoteFactColumns,
  RankingWindow,
  SpeakerFactColumns,
} from '../domain/store'
import { daysCovered } from '../domain/partial-dates'
import type { Db } from './client'
import { parseIntegers } from './integer-lists'
import { selectChain, toQuoteResult } from './quote-chain'
import { quotes } from './schema'
import { COLUMN_WEIGHTS } from '../search/options'

/**
 * The quotes the statement running now may keep, by id: read by the SQL function
 * `quotedb_keep(rowid)`. Set just before a statement runs and cleared after; statements run
 * synchronously, so no other search can see it.
 */
let keeping: Uint8Array | null = null

/**
 * How far each quote is lifted above others in the ranking, by id (`quotedb_lift(rowid)`): set and
 * cleared around one statement, as `keeping` is.
 */
let lifting: Uint8Array | null = null

const RANK = `bm25(quotes_fts, ${COLUMN_WEIGHTS.join(', ')})`

/**
 * Quotes' facts as one integer list per column (each `group_concat` builds its string in C):
 * id, speaker, cited outlet, article, kind (1 direct, 2 partial, 3 paraphrase), start (-1: none).
 */
const QUOTE_FACTS = `group_concat(id), group_concat(ifnull(speaker_id, 0)),
  group_concat(ifnull(cited_outlet_id, 0)), group_concat(article_id),
  group_concat(CASE kind WHEN 'direct' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END),
  group_concat(ifnull(start, -1))`

function prepare(db: Db) {
  const sqlite = db.$client
  sqlite.function('quotedb_keep', { deterministic: false, directOnly: true }, (id: unknown) =>
    keeping !== null && typeof id === 'number' && id < keeping.length && keeping[id] === 1 ? 1 : 0,
  )
  sqlite.function('quotedb_lift', { deterministic: false, directOnly: true }, (id: unknown) =>
    lifting !== null && typeof id === 'number' && id < lifting.length ? lifting[id]! : 0,
  )
  // One ranked page: among the rows `keep` marks (or all from `fromId`), the most lifted first,
  // then by bm25.
  const ranked = (keep: boolean, lift: boolean) =>
    sqlite
      .prepare(
        `SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid >= ?
         ${keep ? 'AND quotedb_keep(rowid)' : ''}
         ORDER BY ${lift ? 'quotedb_lift(rowid) DESC, ' : ''}${RANK}, rowid DESC LIMIT ? OFFSET ?`,
      )
      .pluck()
  return {
    ids: sqlite
      // In ascending order: FTS5 walks its posting lists that way, and the ranking window needs it.
      .prepare(
        'SELECT group_concat(rowid) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid >= ? ORDER BY rowid)',
      )
      .pluck(),
    ranked: {
      all: ranked(false, false),
      kept: ranked(true, false),
      lifted: ranked(false, true),
      keptLifted: ranked(true, true),
    },
    namesById: {
      speaker: sqlite.prepare(
        'SELECT id, slug, name FROM speakers WHERE id IN (SELECT value FROM json_each(?))',
      ),
      outlet: sqlite.prepare(
        'SELECT id, slug, name FROM outlets WHERE id IN (SELECT value FROM json_each(?))',
      ),
    },
    idsBySlug: {
      speaker: sqlite.prepare(
        'SELECT id, slug FROM speakers WHERE slug IN (SELECT value FROM json_each(?))',
      ),
      outlet: sqlite.prepare(
        'SELECT id, slug FROM outlets WHERE slug IN (SELECT value FROM json_each(?))',
      ),
    },
    // The chains of one page: the drizzle query, compiled and prepared once.
    chains: selectChain(db)
      .where(sql`${quotes.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
      .prepare(),
    quoteFacts: sqlite.prepare(`SELECT ${QUOTE_FACTS} FROM quotes WHERE id > ? AND id <= ?`).raw(),
    quoteFactsOf: sqlite
      .prepare(`SELECT ${QUOTE_FACTS} FROM quotes WHERE id IN (SELECT value FROM json_each(?))`)
      .raw(),
    maxIds: sqlite.prepare(
      'SELECT (SELECT coalesce(max(id), 0) FROM quotes) AS quote, (SELECT coalesce(max(id), 0) FROM articles) AS article',
    ),
    articleFacts: sqlite
      .prepare(
        // The date as YYYYMMDD and the precision as the length of its name (day 3, year 4,
        // month 5): cheap for SQLite to write; the days are counted in JavaScript.
        `SELECT group_concat(id), group_concat(outlet_id),
           group_concat(CAST(replace(published_on, '-', '') AS INTEGER)),
           group_concat(length(date_precision))
         FROM articles WHERE id > ? AND id <= ?`,
      )
      .raw(),
    speakerFacts: sqlite
      .prepare('SELECT group_concat(id), group_concat(anonymous) FROM speakers')
      .raw(),
    speakerFactsOf: sqlite
      .prepare(
        'SELECT group_concat(id), group_concat(anonymous) FROM speakers WHERE id IN (SELECT value FROM json_each(?))',
      )
      .raw(),
    articleFactsOf: sqlite
      .prepare(
        `SELECT group_concat(id), group_concat(outlet_id),
           group_concat(CAST(replace(published_on, '-', '') AS INTEGER)),
           group_concat(length(date_precision))
         FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .raw(),
  }
}

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>()
const statements = (db: Db) => {
  let found = prepared.get(db)
  if (!found) prepared.set(db, (found = prepare(db)))
  return found
}

/**
 * Runs `read` with `quotedb_keep(rowid)` true for exactly the ids in `keep`, and
 * `quotedb_lift(rowid)` giving each id's value in `lift`.
 */
function keepingAndLifting<T>(keep: Uint8Array | null, lift: Uint8Array | null, read: () => T): T {
  keeping = keep
  lifting = lift
  try {
    return read()
  } finally {
    keeping = null
    lifting = null
  }
}

/** The ids (of at least `fromId`) of every quote matching an FTS5 expression, in ascending order. */
export function matchingIds(db: Db, match: string, fromId = 0): Int32Array {
  return parseIntegers(statements(db).ids.get(match, fromId) as string | null)
}

/**
 * One page of the quotes matching `match`, among those with an id of at least `fromId` that `keep`
 * marks (all of them when `keep` is null): the most lifted first (by their value in `lift`), then
 * best bm25 rank first.
 */
export function rankedIds(db: Db, match: string, window: RankingWindow): number[] {
  const { fromId, keep, lift, limit, offset } = window
  const { ranked } = statements(db)
  const statement =
    keep === null
      ? lift === null
        ? ranked.all
        : ranked.lifted
      : lift === null
        ? ranked.kept
        : ranked.keptLifted
  return keepingAndLifting(
    keep,
    lift,
    () => statement.all(match, fromId, limit, offset) as number[],
  )
}

/** The quotes with these ids, with their chains, in the order given. */
export function quotesInOrder(db: Db, ids: number[]): QuoteResult[] {
  if (ids.length === 0) return []
  const byId = new Map(
    statements(db)
      .chains.all({ ids: JSON.stringify(ids) })
      .map((row) => [row.id, toQuoteResult(row)]),
  )
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Quote facts from their comma-separated lists (either engine's). */
export function toQuoteFactColumns(lists: Array<string | null>): QuoteFactColumns {
  const [ids, speakers, cited, articles, kinds, starts] = lists.map(parseIntegers)
  return {
    ids: ids!,
    speakers: speakers!,
    cited: cited!,
    articles: articles!,
    kinds: kinds!,
    starts: starts!,
  }
}

/** The facts of the quotes with ids in `(afterId, untilId]`. */
export function quoteFactColumns(db: Db, afterId: number, untilId: number): QuoteFactColumns {
  return toQuoteFactColumns(statements(db).quoteFacts.get(afterId, untilId) as Array<string | null>)
}

/** The facts of the quotes with these ids (unknown ids are left out). */
export function quoteFactColumnsOf(db: Db, ids: number[]): QuoteFactColumns {
  return toQuoteFactColumns(
    statements(db).quoteFactsOf.get(JSON.stringify(ids)) as Array<string | null>,
  )
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
  const rows = statements(db).namesById[kind].all(JSON.stringify(ids)) as Array<{
    id: number
    slug: string
    name: string
  }>
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]))
}

/** The ids of some speakers (or outlets), by slug; unknown slugs are left out. */
export function idsBySlug(
  db: Db,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Map<string, number> {
  if (slugs.length === 0) return new Map()
  const rows = statements(db).idsBySlug[kind].all(JSON.stringify(slugs)) as Array<{
    id: number
    slug: string
  }>
  return new Map(rows.map((r) => [r.slug, r.id]))
}

/** Whether each speaker is an unnamed source: of these ids, or of all speakers (null). */
export function speakerFactColumns(db: Db, ids: number[] | null): SpeakerFactColumns {
  const { speakerFacts, speakerFactsOf } = statements(db)
  const lists = (
    ids === null ? speakerFacts.get() : speakerFactsOf.get(JSON.stringify(ids))
  ) as Array<string | null>
  const [speakerIds, anonymous] = lists.map(parseIntegers) as [Int32Array, Int32Array]
  return { ids: speakerIds, anonymous }
}

/** The facts of the articles with ids in `(afterId, untilId]`. */

export function articleFactColumns(db: Db, afterId: number, untilId: number): ArticleFactColumns {
  return toArticleFactColumns(
    statements(db).articleFacts.get(afterId, untilId) as Array<string | null>,
  )
}

/** The facts of the articles with these ids (unknown ids are left out). */
export function articleFactColumnsOf(db: Db, ids: number[]): ArticleFactColumns {
  return toArticleFactColumns(
    statements(db).articleFactsOf.get(JSON.stringify(ids)) as Array<string | null>,
  )
}

/** Article facts from their comma-separated lists (either engine's). */
export function toArticleFactColumns(lists: Array<string | null>): ArticleFactColumns {
  const [ids, outlets, dates, precisions] = lists.map(parseIntegers) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ]
  const firstDays = new Int32Array(ids.length)
  const lastDays = new Int32Array(ids.length)
  const years = new Int32Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const [year, month, day] = [
      Math.floor(dates[i]! / 10000),
      Math.floor(dates[i]! / 100) % 100,
      dates[i]! % 100,
    ]
    const precision = precisions[i] === 3 ? 'day' : precisions[i] === 5 ? 'month' : 'year'
    const { first, last } = daysCovered(year, month, day, precision)
    firstDays[i] = first
    lastDays[i] = last
    years[i] = year
  }
  return { ids, outlets, firstDays, lastDays, years }
}
