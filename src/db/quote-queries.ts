/**
 * Finding quotes: full-text matches through FTS5 or browsing through plain SQL, with filters,
 * sorting, paging and facet counts over the whole match set.
 */
import { and, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm'
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core'
import type {
  ClaimCandidate,
  QuoteCriteria,
  QuoteFilters,
  QuoteMatches,
  StoredFacet,
} from '../domain/store'
import type { FacetName, QuoteResult } from '../domain/types'
import type { Db } from './client'
import { ftsMatches, ftsRank, ftsSnippet, quotesFts } from './fts-table'
import {
  chainColumns,
  citedOutlets,
  joinChain,
  reportingOutlets,
  selectChain,
  toQuoteResult,
} from './quote-chain'
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

/** Restricts a `SELECT … FROM quotes` to the quotes matching the criteria. */
function matching<T extends SQLiteSelect>(query: T, criteria: QuoteCriteria) {
  return joinChain(query).where(matchingCondition(criteria))
}

function chronological(sort: QuoteCriteria['sort']) {
  const byDate = sort === 'oldest' ? asc : desc
  return [byDate(articles.publishedOn), byDate(articles.id), asc(quotes.start), asc(quotes.id)]
}

const KIND_LABELS: Record<string, string> = {
  direct: 'Direct quotation',
  partial: 'Partial quotation',
  paraphrase: 'Paraphrase',
}

/** For each facet: the value a filter takes, and the label a person reads. */
const FACET_COLUMNS: Record<FacetName, { value: SQL<string | null>; label: SQL<string | null> }> = {
  speaker: { value: sql`${speakers.slug}`, label: sql`${speakers.name}` },
  outlet: { value: sql`${reportingOutlets.slug}`, label: sql`${reportingOutlets.name}` },
  cited: { value: sql`${citedOutlets.slug}`, label: sql`${citedOutlets.name}` },
  kind: { value: sql`${quotes.kind}`, label: sql`${quotes.kind}` },
  year: {
    value: sql`substr(${articles.publishedOn}, 1, 4)`,
    label: sql`substr(${articles.publishedOn}, 1, 4)`,
  },
}

/**
 * The filters a facet is counted under: all but its own, so that a facet with a value selected
 * still lists the other values one may add (speaker=a shows how many quotes speaker b has too).
 */
function withoutOwnFilter(filters: QuoteFilters, name: FacetName): QuoteFilters {
  switch (name) {
    case 'speaker':
      return { ...filters, speakers: [] }
    case 'outlet':
      return { ...filters, outlets: [] }
    case 'cited':
      return { ...filters, cited: [] }
    case 'kind':
      return { ...filters, kinds: [] }
    case 'year':
      return { ...filters, from: null, to: null }
  }
}

function facet(db: Db, criteria: QuoteCriteria, name: FacetName): StoredFacet {
  criteria = { ...criteria, filters: withoutOwnFilter(criteria.filters, name) }
  const { value, label } = FACET_COLUMNS[name]
  const n = count()
  const rows = matching(db.select({ value, label, n }).from(quotes).$dynamic(), criteria)
    .groupBy(value)
    .having(sql`${value} IS NOT NULL`)
    .orderBy(desc(n), asc(label))
    .limit(criteria.facetSize + 1)
    .all()
  return {
    values: rows.slice(0, criteria.facetSize).map((row) => ({
      value: row.value!,
      label: name === 'kind' ? KIND_LABELS[row.value!]! : row.label!,
      count: row.n,
    })),
    truncated: rows.length > criteria.facetSize,
  }
}

/** One page of the matching quotes, best match first, each with its snippet. */
function rankedPage(db: Db, criteria: QuoteCriteria & { match: string }) {
  return joinChain(
    db
      .select({ ...chainColumns, snippet: ftsSnippet })
      .from(quotes)
      .$dynamic()
      .innerJoin(quotesFts, eq(quotesFts.rowid, quotes.id)),
  )
    .where(and(ftsMatches(criteria.match), ...filterConditions(criteria.filters)))
    .orderBy(
      ...(criteria.sort === 'relevance' ? [asc(ftsRank)] : []),
      ...chronological(criteria.sort),
    )
    .limit(criteria.limit)
    .offset(criteria.offset)
    .all()
}

/** One page of the filtered quotes in date order, for browsing without text. */
function browsedPage(db: Db, criteria: QuoteCriteria) {
  return matching(db.select(chainColumns).from(quotes).$dynamic(), criteria)
    .orderBy(...chronological(criteria.sort))
    .limit(criteria.limit)
    .offset(criteria.offset)
    .all()
    .map((row) => ({ ...row, snippet: null }))
}

/** Quotes matching the criteria: one page of them, the total, and facet counts over all of them. */
export function findQuotes(db: Db, criteria: QuoteCriteria): QuoteMatches {
  const { match } = criteria
  const rows = match === null ? browsedPage(db, criteria) : rankedPage(db, { ...criteria, match })
  const total =
    matching(db.select({ total: count() }).from(quotes).$dynamic(), criteria).get()?.total ?? 0
  return {
    total,
    items: rows.map((row) => ({ quote: toQuoteResult(row), snippet: row.snippet })),
    facets: {
      speaker: facet(db, criteria, 'speaker'),
      outlet: facet(db, criteria, 'outlet'),
      cited: facet(db, criteria, 'cited'),
      kind: facet(db, criteria, 'kind'),
      year: facet(db, criteria, 'year'),
    },
  }
}

/** One quote with its chain, or null. */
export function getQuote(db: Db, id: number): QuoteResult | null {
  const row = selectChain(db).where(eq(quotes.id, id)).get()
  return row ? toQuoteResult(row) : null
}

/** The best-ranked statements for a loose (any-word) match, with the text they can be found by. */
export function findClaimCandidates(db: Db, match: string, limit: number): ClaimCandidate[] {
  // A claim is carried by what was said and who said it; titles and outlet names only help find it.
  const searchable = sql<string>`${quotesFts.text} || ' ' || ${quotesFts.speaker}`
  return joinChain(
    db
      .select({ ...chainColumns, rank: ftsRank, searchable })
      .from(quotes)
      .$dynamic()
      .innerJoin(quotesFts, eq(quotesFts.rowid, quotes.id)),
  )
    .where(ftsMatches(match))
    .orderBy(asc(ftsRank), asc(quotes.id))
    .limit(limit)
    .all()
    .map((row) => ({ quote: toQuoteResult(row), rank: row.rank, searchableText: row.searchable }))
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
