/**
 * Writing a bundle of outlets, speakers, articles and quotes in one transaction. Records are matched
 * to what is stored by natural key, so writing the same bundle twice adds nothing the second time.
 */
import { and, eq, isNull, type SQL } from 'drizzle-orm'
import { AppError } from '../domain/errors'
import type { Bundle, BundleSummary, QuoteRecord } from '../domain/bundle'
import { parsePartialDate } from '../domain/partial-dates'
import type { Db } from './client'
import { articles, outletAliases, outlets, quotes, speakerAliases, speakers } from './schema'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

const tally = () => ({ added: 0, existing: 0 })

function missing(what: string, key: string): never {
  throw new AppError(
    'invalid_parameter',
    `The bundle refers to ${what} "${key}", which does not exist.`,
  )
}

function outletId(tx: Tx, slug: string): number {
  return (
    tx.select({ id: outlets.id }).from(outlets).where(eq(outlets.slug, slug)).get()?.id ??
    missing('the outlet', slug)
  )
}

function speakerId(tx: Tx, slug: string): number {
  return (
    tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.slug, slug)).get()?.id ??
    missing('the speaker', slug)
  )
}

function articleId(tx: Tx, url: string): number {
  return (
    tx.select({ id: articles.id }).from(articles).where(eq(articles.url, url)).get()?.id ??
    missing('the article', url)
  )
}

/** A quote's natural key: its span and kind in the article, or without offsets its text and speaker. */
function sameQuote(
  record: QuoteRecord,
  ids: { article: number; speaker: number | null },
): SQL | undefined {
  if (record.start !== null && record.end !== null) {
    return and(
      eq(quotes.articleId, ids.article),
      eq(quotes.start, record.start),
      eq(quotes.end, record.end),
      eq(quotes.kind, record.kind),
    )
  }
  return and(
    eq(quotes.articleId, ids.article),
    eq(quotes.text, record.text),
    eq(quotes.kind, record.kind),
    ids.speaker === null ? isNull(quotes.speakerId) : eq(quotes.speakerId, ids.speaker),
    isNull(quotes.start),
  )
}

/** Writes `bundle` in one transaction; on any error nothing of it is written. */
export function writeBundle(db: Db, bundle: Bundle): BundleSummary {
  return db.transaction((tx) => {
    const summary: BundleSummary = {
      outlets: tally(),
      speakers: tally(),
      articles: tally(),
      quotes: tally(),
    }
    for (const { aliases, ...outlet } of bundle.outlets) {
      if (tx.select({ id: outlets.id }).from(outlets).where(eq(outlets.slug, outlet.slug)).get()) {
        summary.outlets.existing++
        continue
      }
      const { id } = tx.insert(outlets).values(outlet).returning({ id: outlets.id }).get()
      for (const alias of new Set(aliases))
        tx.insert(outletAliases).values({ outletId: id, alias }).run()
      summary.outlets.added++
    }
    for (const { aliases, ...speaker } of bundle.speakers) {
      if (
        tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.slug, speaker.slug)).get()
      ) {
        summary.speakers.existing++
        continue
      }
      const { id } = tx.insert(speakers).values(speaker).returning({ id: speakers.id }).get()
      for (const alias of new Set(aliases))
        tx.insert(speakerAliases).values({ speakerId: id, alias }).run()
      summary.speakers.added++
    }
    for (const article of bundle.articles) {
      if (
        tx.select({ id: articles.id }).from(articles).where(eq(articles.url, article.url)).get()
      ) {
        summary.articles.existing++
        continue
      }
      const published =
        parsePartialDate(article.published) ?? missing('the date', article.published)
      tx.insert(articles)
        .values({
          outletId: outletId(tx, article.outlet),
          url: article.url,
          title: article.title,
          publishedOn: published.firstDay,
          datePrecision: published.precision,
          language: article.language,
          byline: article.byline,
          body: article.body,
        })
        .run()
      summary.articles.added++
    }
    for (const record of bundle.quotes) {
      const ids = {
        article: articleId(tx, record.article),
        speaker: record.speaker === null ? null : speakerId(tx, record.speaker),
      }
      if (tx.select({ id: quotes.id }).from(quotes).where(sameQuote(record, ids)).get()) {
        summary.quotes.existing++
        continue
      }
      tx.insert(quotes)
        .values({
          articleId: ids.article,
          speakerId: ids.speaker,
          text: record.text,
          kind: record.kind,
          cue: record.cue,
          speakerTitle: record.speakerTitle,
          audience: record.audience,
          citedOutletId: record.citedOutlet === null ? null : outletId(tx, record.citedOutlet),
          saidPhrase: record.said?.phrase ?? null,
          saidEarliest: record.said?.earliest ?? null,
          saidLatest: record.said?.latest ?? null,
          start: record.start,
          end: record.end,
        })
        .run()
      summary.quotes.added++
    }
    return summary
  })
}
