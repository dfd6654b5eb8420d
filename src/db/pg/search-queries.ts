/**
 * The search side of the PostgreSQL store, as SQLite's `../match-queries.ts` and the index reads of
 * `../entity-queries.ts`: the ids of the quotes a tsquery matches, a ranked page of a window of
 * them, the facts the in-memory filters work on, names of facet values, and the vocabulary.
 *
 * Ranking is `ts_rank` over the search document with the column weights of the search options
 * (A text, B speaker, C title, D outlets), where SQLite ranks by bm25 with the same weights: both
 * put the quotes holding the words in their text first, but ties and near ties may fall apart.
 */
import { inArray } from 'drizzle-orm'
import type {
  ClaimCandidate,
  RankingWindow,
  SpeakerFactColumns,
  VocabularyEntry,
  WordTerm,
} from '../../domain/store'
import type { QuoteResult } from '../../domain/types'
import { COLUMN_WEIGHTS } from '../../search/options'
import { parseIntegers } from '../integer-lists'
import { toArticleFactColumns, toQuoteFactColumns } from '../match-queries'
import type { PgDb } from './client'
import { selectChain, toQuoteResult } from './quote-chain'
import { quotes } from './schema'
import { termQuery } from './tsquery'

/** `ts_rank`'s weights, D to A, from the bm25 weights of the text, speaker, title and outlets. */
const RANK_WEIGHTS = `'{${[...COLUMN_WEIGHTS]
  .reverse()
  .map((w) => w / Math.max(...COLUMN_WEIGHTS))
  .join(',')}}'::real[]`

const RANK = `ts_rank(${RANK_WEIGHTS}, q.search_words, $1::tsquery)`

/** Rows of a raw query. */
async function rows<R>(db: PgDb, text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.$client.query(text, values)).rows as R[]
}

/** The one row of a raw query that lists integers (`string_agg`) in each column, as strings. */
async function integerLists(
  db: PgDb,
  text: string,
  values: unknown[],
): Promise<Array<string | null>> {
  // As arrays: the columns are all named string_agg.
  const result = await db.$client.query<Array<string | null>>({ text, values, rowMode: 'array' })
  return result.rows[0] ?? []
}

/** The ids (of at least `fromId`) of every quote a tsquery matches, in ascending order. */
export async function matchingIds(db: PgDb, query: string, fromId = 0): Promise<Int32Array> {
  const [ids] = await integerLists(
    db,
    `SELECT ${listed('id')} FROM quotes q
     WHERE q.search_words @@ $1::tsquery AND q.id >= $2`,
    [query, fromId],
  )
  return parseIntegers(ids)
}

/** The ids marked in `marks` (a 1, or any value above 0) from `fromId` on, and their values. */
function marked(marks: Uint8Array, fromId: number): { ids: number[]; values: number[] } {
  const ids: number[] = []
  const values: number[] = []
  for (let id = fromId; id < marks.length; id++) {
    if (marks[id]! > 0) {
      ids.push(id)
      values.push(marks[id]!)
    }
  }
  return { ids, values }
}

/**
 * One page of the quotes a tsquery matches, among those of at least `fromId` that `keep` marks
 * (all of them when null): the most lifted first, then the best ranked, then the newest.
 */
export async function rankedIds(
  db: PgDb,
  query: string,
  { fromId, keep, lift, limit, offset }: RankingWindow,
): Promise<number[]> {
  const lifted = lift === null ? { ids: [], values: [] } : marked(lift, fromId)
  const kept = keep === null ? null : marked(keep, fromId).ids
  const found = await rows<{ id: number }>(
    db,
    `SELECT q.id FROM quotes q
     LEFT JOIN unnest($3::int[], $4::int[]) AS l(id, lift) ON l.id = q.id
     WHERE q.search_words @@ $1::tsquery AND q.id >= $2
       AND ($5::int[] IS NULL OR q.id = ANY($5::int[]))
     ORDER BY coalesce(l.lift, 0) DESC, ${RANK} DESC, q.id DESC
     LIMIT $6 OFFSET $7`,
    [query, fromId, lifted.ids, lifted.values, kept, limit, offset],
  )
  return found.map((r) => r.id)
}

/** The quotes with these ids, with their chains, in the order given. */
export async function quotesInOrder(db: PgDb, ids: number[]): Promise<QuoteResult[]> {
  if (ids.length === 0) return []
  const found = await selectChain(db).where(inArray(quotes.id, ids))
  const byId = new Map(found.map((row) => [row.id, toQuoteResult(row)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Each column as one comma-separated list in id order (`string_agg`, the list built in SQL). */
const listed = (...columns: string[]) =>
  columns.map((column) => `string_agg((${column})::text, ',' ORDER BY id)`).join(', ')

/** Quotes' facts, one integer list per column, as SQLite's `QUOTE_FACTS`. */
const QUOTE_FACTS = listed(
  'id',
  'coalesce(speaker_id, 0)',
  'coalesce(cited_outlet_id, 0)',
  'article_id',
  "CASE kind WHEN 'direct' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END",
  'coalesce(start, -1)',
)

/** Articles' facts: the date as YYYYMMDD, the precision as the length of its name (as SQLite's). */
const ARTICLE_FACTS = listed(
  'id',
  'outlet_id',
  "replace(published_on, '-', '')",
  'length(date_precision)',
)

/** The rows facts are read for: ids in `(after, until]`, or these ids (unknown ones left out). */
type FactRows = { after: number; until: number } | { ids: number[] }

/** The facts `lists` of the rows of `table` that `rows` names. */
function factLists(db: PgDb, lists: string, table: string, rows: FactRows) {
  return 'ids' in rows
    ? integerLists(db, `SELECT ${lists} FROM ${table} WHERE id = ANY($1::int[])`, [rows.ids])
    : integerLists(db, `SELECT ${lists} FROM ${table} WHERE id > $1 AND id <= $2`, [
        rows.after,
        rows.until,
      ])
}

/** The facts of the quotes with ids in `(afterId, untilId]`. */
export const quoteFactColumns = async (db: PgDb, after: number, until: number) =>
  toQuoteFactColumns(await factLists(db, QUOTE_FACTS, 'quotes', { after, until }))

/** The facts of the quotes with these ids (unknown ids are left out). */
export const quoteFactColumnsOf = async (db: PgDb, ids: number[]) =>
  toQuoteFactColumns(await factLists(db, QUOTE_FACTS, 'quotes', { ids }))

/** The facts of the articles with ids in `(afterId, untilId]`. */
export const articleFactColumns = async (db: PgDb, after: number, until: number) =>
  toArticleFactColumns(await factLists(db, ARTICLE_FACTS, 'articles', { after, until }))

/** The facts of the articles with these ids (unknown ids are left out). */
export const articleFactColumnsOf = async (db: PgDb, ids: number[]) =>
  toArticleFactColumns(await factLists(db, ARTICLE_FACTS, 'articles', { ids }))

/** Whether each speaker is an unnamed source: of these ids, or of all speakers (null). */
export async function speakerFactColumns(
  db: PgDb,
  ids: number[] | null,
): Promise<SpeakerFactColumns> {
  const [speakerIds, anonymous] = await integerLists(
    db,
    `SELECT ${listed('id', 'anonymous::int')}
     FROM speakers WHERE $1::int[] IS NULL OR id = ANY($1::int[])`,
    [ids],
  )
  return { ids: parseIntegers(speakerIds), anonymous: parseIntegers(anonymous) }
}

/** The largest quote and article ids in use (0 when there are none). */
export async function maxIds(db: PgDb): Promise<{ quote: number; article: number }> {
  const [row] = await rows<{ quote: number; article: number }>(
    db,
    `SELECT (SELECT coalesce(max(id), 0) FROM quotes) AS quote,
            (SELECT coalesce(max(id), 0) FROM articles) AS article`,
  )
  return row!
}

const TABLES = { speaker: 'speakers', outlet: 'outlets' } as const

/** Slug and name of some speakers (or outlets), by id. */
export async function namesById(
  db: PgDb,
  kind: 'speaker' | 'outlet',
  ids: number[],
): Promise<Map<number, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map()
  const found = await rows<{ id: number; slug: string; name: string }>(
    db,
    `SELECT id, slug, name FROM ${TABLES[kind]} WHERE id = ANY($1::int[])`,
    [ids],
  )
  return new Map(found.map((r) => [r.id, { slug: r.slug, name: r.name }]))
}

/** The ids of some speakers (or outlets), by slug; unknown slugs are left out. */
export async function idsBySlug(
  db: PgDb,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map()
  const found = await rows<{ id: number; slug: string }>(
    db,
    `SELECT id, slug FROM ${TABLES[kind]} WHERE slug = ANY($1::text[])`,
    [slugs],
  )
  return new Map(found.map((r) => [r.slug, r.id]))
}

/**
 * The best-ranked statements of a loose match, with the text a claim is compared with: what was
 * said and who said it (titles and outlet names only help find it), as SQLite's.
 */
export async function findClaimCandidates(
  db: PgDb,
  query: string,
  limit: number,
): Promise<ClaimCandidate[]> {
  const ranked = await rows<{ id: number; rank: number; searchable: string }>(
    db,
    `SELECT q.id, -${RANK} AS rank, q.text || ' ' || q.search_speaker AS searchable
     FROM quotes q WHERE q.search_words @@ $1::tsquery
     ORDER BY ${RANK} DESC, q.id LIMIT $2`,
    [query, limit],
  )
  const chains = await quotesInOrder(
    db,
    ranked.map((r) => r.id),
  )
  const byId = new Map(chains.map((quote) => [quote.id, quote]))
  return ranked.flatMap(({ id, rank, searchable }) => {
    const quote = byId.get(id)
    return quote ? [{ quote, rank, searchableText: searchable }] : []
  })
}

/** The search documents of some quotes, by id: their own words (text, title), and the names. */
export async function searchDocumentsOf(
  db: PgDb,
  ids: number[],
): Promise<Map<number, { own: string; names: string }>> {
  const found = await rows<{ id: number; own: string; names: string }>(
    db,
    `SELECT id, text || ' ' || search_title AS own, search_speaker || ' ' || search_outlets AS names
     FROM quotes WHERE id = ANY($1::int[])`,
    [ids],
  )
  return new Map(found.map((r) => [r.id, { own: r.own, names: r.names }]))
}

/** The words a speaker's names and description (or an outlet's names) put in its quotes' documents. */
export async function entityWords(
  db: PgDb,
  kind: 'speaker' | 'outlet',
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const found = await rows<{ id: number; words: string }>(
    db,
    kind === 'speaker'
      ? `SELECT id, quotedb_speaker_words(id) || ' ' || coalesce(description, '') AS words
         FROM speakers WHERE id = ANY($1::int[])`
      : `SELECT id, quotedb_outlet_words(id) AS words FROM outlets WHERE id = ANY($1::int[])`,
    [ids],
  )
  return new Map(found.map((r) => [r.id, r.words]))
}

/**
 * Every indexed word with the number of quotes holding it, in order. PostgreSQL has no term list
 * to seek in (FTS5's vocabulary table): `ts_stat` reads every search document, so the whole
 * vocabulary is read in one pass and handed out in the slices asked for.
 */
export async function vocabulary(db: PgDb): Promise<VocabularyEntry[]> {
  const found = await rows<{ term: string; documents: number }>(
    db,
    `SELECT word AS term, ndoc AS documents FROM ts_stat('SELECT search_words FROM quotes')
     ORDER BY word`,
  )
  return found
}

/** Whether the index holds each word (or, for a prefix, a word beginning with it). */
export async function termsExist(db: PgDb, terms: WordTerm[]): Promise<boolean[]> {
  if (terms.length === 0) return []
  const [row] = await rows<{ found: boolean[] }>(
    db,
    `SELECT array_agg(EXISTS (SELECT 1 FROM quotes WHERE search_words @@ t.query::tsquery)
       ORDER BY t.n) AS found
     FROM unnest($1::text[]) WITH ORDINALITY AS t(query, n)`,
    [terms.map(termQuery)],
  )
  return row!.found
}

/** How many quotes hold each of `terms` now (0 for a word no longer indexed). */
export async function termCounts(db: PgDb, terms: string[]): Promise<VocabularyEntry[]> {
  const unique = [...new Set(terms)]
  if (unique.length === 0) return []
  return rows<VocabularyEntry>(
    db,
    `SELECT t.term, (SELECT count(*)::int FROM quotes WHERE search_words @@ t.query::tsquery)
       AS documents
     FROM unnest($1::text[], $2::text[]) AS t(term, query)`,
    [unique, unique.map((word) => termQuery({ word, prefix: false }))],
  )
}
