/**
 * Quotes in SQL alone: one by id, the candidates for a claim, and the stream of an export, each
 * with its whole chain. (Searches go through the search plan: `match-queries.ts`.)
 */
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm'
import type { ClaimCandidate, QuoteCriteria, QuoteFilters } from '../domain/store'
import type { QuoteResult } from '../domain/types'
import type { Db } from './client'
import { ftsMatches, ftsRank, quotesFts } from './fts-table'
import { citedOutlets, reportingOutlets, selectChain, toQuoteResult } from './quote-chain'
import { articles, quotes, speakers } from './schema'

/** The last day an article's publication period covers, computed from its first day and precision. */
const publishedUntil = sql<string>`CASE ${articles.datePrecision}
  WHEN 'day' THEN ${articles.publishedOn}
  WHEN 'month' THEN date(${articles.publishedOn}, '+1 month', '-1 day')
  ELSE date(${articles.publishedOn}, '+1 year', '-1 day') END`

function filterConditions(filters: QuoteFilters): SQL[] {
  const conditions: SQL[] = []
  if (filters.speakers.length > 0) conditions.push(inArray(speakers.slug, filters.speakers))
  if (filters.outlets.length > 0) conditions.push(inArray(reportingOutlets.slug, filters.outlets))
  if (filters.cited.length > 0) conditions.push(inArray(citedOutlets.slug, filters.cited))
  if (filters.kinds.length > 0) conditions.push(inArray(quotes.kind, filters.kinds))
  // A month- or year-precise date is in range when its period overlaps the range.
  if (filters.from) conditions.push(sql`${publishedUntil} >= ${filters.from}`)
  if (filters.to) conditions.push(sql`${articles.publishedOn} <= ${filters.to}`)
  return conditions
}

/** The WHERE clause for the criteria; the text match as a set of FTS5 rowids. */
function matchingCondition(criteria: QuoteCriteria): SQL | undefined {
  const conditions = filterConditions(criteria.filters)
  if (criteria.match !== null) {
    conditions.unshift(
      sql`${quotes.id} IN (SELECT ${quotesFts.rowid} FROM ${quotesFts} WHERE ${ftsMatches(criteria.match)})`,
    )
  }
  return and(...conditions)
}

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

/** The next quotes matching the criteria after the quote `afterId`, in id order: for streaming exports. */
export function exportQuotes(
  db: Db,
  criteria: Pick<QuoteCriteria, 'match' | 'filters'>,
  afterId: number,
  limit: number,
): QuoteResult[] {
  const condition = matchingCondition({
    ...criteria,
    sort: 'newest',
    limit,
    offset: 0,
    facetSize: 0,
  })
  return selectChain(db)
    .where(and(condition, gt(quotes.id, afterId)))
    .orderBy(asc(quotes.id))
    .limit(limit)
    .all()
    .map(toQuoteResult)
}
