/**
 * Quotes in SQL alone: one by id, and the candidates for a claim, each with its whole chain.
 * (Searches and exports go through the search plan: `match-queries.ts`.)
 */
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { ClaimCandidate, PageRequest } from '../domain/store'
import type { QuoteResult } from '../domain/types'
import type { Db } from './client'
import { ftsMatches, ftsRank, quotesFts } from './fts-table'
import { selectChain, toQuoteResult } from './quote-chain'
import { quotes } from './schema'

/** One quote with its chain, or null. */
export function getQuote(db: Db, id: number): QuoteResult | null {
  const row = selectChain(db).where(eq(quotes.id, id)).get()
  return row ? toQuoteResult(row) : null
}

/**
 * The best-ranked statements for a loose (any-word) match, with the text they can be found by.
 * Ranked first on the index alone; only the chosen few are joined to their chains (joining every
 * match before the sort would read each one's article, outlet and speaker for nothing).
 */
export function findClaimCandidates(db: Db, match: string, limit: number): ClaimCandidate[] {
  const ranked = db
    .select({ id: quotesFts.rowid, rank: ftsRank })
    .from(quotesFts)
    .where(ftsMatches(match))
    .orderBy(asc(ftsRank), asc(quotesFts.rowid))
    .limit(limit)
    .all()
  if (ranked.length === 0) return []
  const ids = ranked.map((r) => r.id)
  // A claim is carried by what was said and who said it; titles and outlet names only help find it.
  const searchable = new Map(
    db
      .select({
        id: quotesFts.rowid,
        text: sql<string>`${quotesFts.text} || ' ' || ${quotesFts.speaker}`,
      })
      .from(quotesFts)
      .where(inArray(quotesFts.rowid, ids))
      .all()
      .map((r) => [r.id, r.text]),
  )
  const quotesById = new Map(
    selectChain(db)
      .where(inArray(quotes.id, ids))
      .all()
      .map((row) => [row.id, toQuoteResult(row)]),
  )
  return ranked.flatMap(({ id, rank }) => {
    const quote = quotesById.get(id)
    return quote ? [{ quote, rank, searchableText: searchable.get(id) ?? '' }] : []
  })
}

/**
 * The ids of a thread's statements, the earliest published first, at most `limit`. A statement the
 * threads have not taken in yet is a thread of its own, under its own id.
 */
export function threadStatementIds(db: Db, threadId: number, limit: number): number[] {
  return db.$client
    .prepare(
      `SELECT t.quote_id, a.published_on FROM quote_threads t JOIN quotes q ON q.id = t.quote_id
         JOIN articles a ON a.id = q.article_id
       WHERE t.thread_id = @threadId
       UNION ALL SELECT q.id, a.published_on FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.id = @threadId AND NOT EXISTS (SELECT 1 FROM quote_threads WHERE quote_id = @threadId)
       ORDER BY 2, 1 LIMIT @limit`,
    )
    .pluck()
    .all({ threadId, limit }) as number[]
}

/** Confidence as stored in an extracted statement's evidence: the review queue's order. */
const confidence = sql`json_extract(${quotes.extraction}, '$.confidence')`

/**
 * The statements awaiting review — stored by the extractor, not yet accepted by a person — least
 * sure first (then oldest first), read in order from their index; and how many there are. With
 * `articleId`, only that article's.
 */
export function reviewQueue(
  db: Db,
  page: PageRequest,
  articleId: number | null = null,
): { total: number; ids: number[] } {
  const awaiting =
    articleId === null
      ? isNotNull(quotes.extraction)
      : and(isNotNull(quotes.extraction), eq(quotes.articleId, articleId))
  const ids = db
    .select({ id: quotes.id })
    .from(quotes)
    .where(awaiting)
    .orderBy(asc(confidence), asc(quotes.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => r.id)
  const total = db.select({ n: count() }).from(quotes).where(awaiting).get()?.n ?? 0
  return { total, ids }
}
