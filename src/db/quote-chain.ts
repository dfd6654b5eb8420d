/**
 * Reading a quote with its whole attribution chain in one row: the quote, its speaker, the outlet
 * it cites, its article and the article's outlet. Shared by search, claims and single reads.
 */
import { eq } from 'drizzle-orm'
import { alias, type SQLiteSelect } from 'drizzle-orm/sqlite-core'
import type { Extraction, QuoteResult } from '../domain/types'
import type { Db } from './client'
import { formatPartialDate } from '../domain/partial-dates'
import { articles, outlets, quotes, quoteThreads, speakers, threads } from './schema'

export const citedOutlets = alias(outlets, 'cited_outlets')
export const reportingOutlets = alias(outlets, 'reporting_outlets')

/** The columns of a quote's chain, for `db.select()`. */
export const chainColumns = {
  id: quotes.id,
  text: quotes.text,
  kind: quotes.kind,
  cue: quotes.cue,
  speakerTitle: quotes.speakerTitle,
  audience: quotes.audience,
  saidPhrase: quotes.saidPhrase,
  saidEarliest: quotes.saidEarliest,
  saidLatest: quotes.saidLatest,
  start: quotes.start,
  end: quotes.end,
  extraction: quotes.extraction,
  speakerSlug: speakers.slug,
  speakerName: speakers.name,
  speakerAnonymous: speakers.anonymous,
  citedSlug: citedOutlets.slug,
  citedName: citedOutlets.name,
  reportingSlug: reportingOutlets.slug,
  reportingName: reportingOutlets.name,
  articleId: articles.id,
  articleTitle: articles.title,
  articleUrl: articles.url,
  publishedOn: articles.publishedOn,
  datePrecision: articles.datePrecision,
  citedOutletId: quotes.citedOutletId,
  reportingOutletId: articles.outletId,
  threadId: threads.id,
  threadStatements: threads.statements,
  threadOutlets: threads.outlets,
}

/**
 * Joins a `SELECT … FROM quotes` to everything in the quote's chain: article, reporting outlet,
 * speaker and cited outlet. Call it with a dynamic query: `joinChain(db.select(c).from(quotes).$dynamic())`.
 */
export function joinChain<T extends SQLiteSelect>(query: T) {
  return query
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .innerJoin(reportingOutlets, eq(reportingOutlets.id, articles.outletId))
    .leftJoin(speakers, eq(speakers.id, quotes.speakerId))
    .leftJoin(citedOutlets, eq(citedOutlets.id, quotes.citedOutletId))
    .leftJoin(quoteThreads, eq(quoteThreads.quoteId, quotes.id))
    .leftJoin(threads, eq(threads.id, quoteThreads.threadId))
}

/** `SELECT <chain columns> FROM quotes` with the chain joined; add `where` and order to it. */
export const selectChain = (db: Db) => joinChain(db.select(chainColumns).from(quotes).$dynamic())

type ChainRow = ReturnType<ReturnType<typeof selectChain>['all']>[number]

/** The outlets of a thread of one statement: the one that reported it, and the one it cites. */
export const outletsOfOne = (citedOutletId: number | null, reportingOutletId: number): number =>
  citedOutletId === null || citedOutletId === reportingOutletId ? 1 : 2

/** Shapes a chain row as the API's quote. */
export function toQuoteResult(row: ChainRow): QuoteResult {
  const hasSaid = row.saidPhrase !== null || row.saidEarliest !== null || row.saidLatest !== null
  return {
    id: row.id,
    text: row.text,
    kind: row.kind,
    cue: row.cue,
    speaker:
      row.speakerSlug === null
        ? null
        : {
            slug: row.speakerSlug,
            name: row.speakerName!,
            anonymous: row.speakerAnonymous!,
            title: row.speakerTitle,
          },
    audience: row.audience,
    citedOutlet: row.citedSlug === null ? null : { slug: row.citedSlug, name: row.citedName! },
    reportingOutlet: { slug: row.reportingSlug!, name: row.reportingName! },
    article: {
      id: row.articleId!,
      title: row.articleTitle,
      url: row.articleUrl!,
      published: formatPartialDate(row.publishedOn!, row.datePrecision!),
    },
    said: hasSaid
      ? { phrase: row.saidPhrase, earliest: row.saidEarliest, latest: row.saidLatest }
      : null,
    offsets: row.start === null || row.end === null ? null : { start: row.start, end: row.end },
    verified: row.start !== null,
    // Written only from a checked Extraction (the import's schema), so read back as one.
    extraction: row.extraction === null ? null : (JSON.parse(row.extraction) as Extraction),
    // A statement the threads have not taken in yet (a read-only copy of an older database) is a
    // thread of its own.
    thread:
      row.threadId === null
        ? {
            id: row.id,
            statements: 1,
            outlets: outletsOfOne(row.citedOutletId, row.reportingOutletId),
          }
        : { id: row.threadId, statements: row.threadStatements!, outlets: row.threadOutlets! },
  }
}
