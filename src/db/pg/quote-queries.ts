/**
 * Quotes in SQL alone, as SQLite's `../quote-queries.ts`: one by id, a thread's statements, and
 * the review queue. (Claim candidates are a search: `search-queries.ts`.)
 */
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm'
import type { PageRequest } from '../../domain/store'
import type { QuoteResult } from '../../domain/types'
import type { PgDb } from './client'
import { selectChain, toQuoteResult } from './quote-chain'
import { quotes } from './schema'

/** One quote with its chain, or null. */
export async function getQuote(db: PgDb, id: number): Promise<QuoteResult | null> {
  const [row] = await selectChain(db).where(eq(quotes.id, id))
  return row ? toQuoteResult(row) : null
}

/**
 * The ids of a thread's statements, the earliest published first, at most `limit`; a statement the
 * threads have not taken in yet is a thread of its own, under its own id.
 */
export async function threadStatementIds(
  db: PgDb,
  threadId: number,
  limit: number,
): Promise<number[]> {
  const { rows } = await db.$client.query<{ id: number }>(
    `SELECT t.quote_id AS id, a.published_on FROM quote_threads t
       JOIN quotes q ON q.id = t.quote_id JOIN articles a ON a.id = q.article_id
     WHERE t.thread_id = $1
     UNION ALL SELECT q.id, a.published_on FROM quotes q JOIN articles a ON a.id = q.article_id
       WHERE q.id = $1 AND NOT EXISTS (SELECT 1 FROM quote_threads WHERE quote_id = $1)
     ORDER BY 2, 1 LIMIT $2`,
    [threadId, limit],
  )
  return rows.map((r) => r.id)
}

/**
 * Confidence as stored in an extracted statement's evidence: the review queue's order, as the
 * index quotes_review_queue holds it (a `real`, where SQLite compares the stored double).
 */
const confidence = sql`(${quotes.extraction}::jsonb ->> 'confidence')::real`

/**
 * The statements awaiting review, least sure first (then oldest first), and how many there are;
 * with `articleId`, only that article's. As in SQLite.
 */
export async function reviewQueue(
  db: PgDb,
  page: PageRequest,
  articleId: number | null = null,
): Promise<{ total: number; ids: number[] }> {
  const awaiting =
    articleId === null
      ? isNotNull(quotes.extraction)
      : and(isNotNull(quotes.extraction), eq(quotes.articleId, articleId))
  const rows = await db
    .select({ id: quotes.id })
    .from(quotes)
    .where(awaiting)
    .orderBy(asc(confidence), asc(quotes.id))
    .limit(page.limit)
    .offset(page.offset)
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(quotes)
    .where(awaiting)
  return { total, ids: rows.map((r) => r.id) }
}
