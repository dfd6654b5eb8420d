/**
 * Reading a quote with its whole attribution chain in one row, as SQLite's `../quote-chain.ts`:
 * the quote, its speaker, the outlet it cites, its article and the article's outlet. The row is
 * shaped as the API's quote by the same code for both engines.
 */
import { eq } from 'drizzle-orm'
import { alias, type PgSelect } from 'drizzle-orm/pg-core'
import type { PgDb } from './client'
import { articles, outlets, quotes, quoteThreads, speakers, threads } from './schema'

export { outletsOfOne, toQuoteResult } from '../quote-chain'

export const citedOutlets = alias(outlets, 'cited_outlets')
export const reportingOutlets = alias(outlets, 'reporting_outlets')

/** The columns of a quote's chain, for `db.select()`, as in SQLite. */
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
 * speaker, cited outlet and thread.
 */
export function joinChain<T extends PgSelect>(query: T) {
  return query
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .innerJoin(reportingOutlets, eq(reportingOutlets.id, articles.outletId))
    .leftJoin(speakers, eq(speakers.id, quotes.speakerId))
    .leftJoin(citedOutlets, eq(citedOutlets.id, quotes.citedOutletId))
    .leftJoin(quoteThreads, eq(quoteThreads.quoteId, quotes.id))
    .leftJoin(threads, eq(threads.id, quoteThreads.threadId))
}

/** `SELECT <chain columns> FROM quotes` with the chain joined; add `where` and order, and await it. */
export const selectChain = (db: PgDb) => joinChain(db.select(chainColumns).from(quotes).$dynamic())
