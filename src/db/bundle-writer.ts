/**
 * Writing bundles of resolved, checked records with prepared statements. Records are matched to what
 * is stored by natural key — slug, url, and a quote's article with its span and kind (or, without
 * offsets, its text and speaker) — so writing the same records twice adds nothing the second time.
 * The caller owns the transaction.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { AppError } from '../domain/errors'
import type { Bundle } from '../domain/bundle'
import type { BundleWrite } from '../domain/store'
import { parsePartialDate } from '../domain/partial-dates'
import type { Db } from './client'
import { articles, outletAliases, outlets, quotes, speakerAliases, speakers } from './schema'

const p = sql.placeholder

function prepareStatements(db: Db) {
  return {
    outletId: db
      .select({ id: outlets.id })
      .from(outlets)
      .where(eq(outlets.slug, p('slug')))
      .prepare(),
    insertOutlet: db
      .insert(outlets)
      .values({
        slug: p('slug'),
        name: p('name'),
        kind: p('kind'),
        country: p('country'),
        domain: p('domain'),
      })
      .returning({ id: outlets.id })
      .prepare(),
    insertOutletAlias: db
      .insert(outletAliases)
      .values({ outletId: p('outletId'), alias: p('alias') })
      .onConflictDoNothing()
      .prepare(),
    speakerId: db
      .select({ id: speakers.id })
      .from(speakers)
      .where(eq(speakers.slug, p('slug')))
      .prepare(),
    insertSpeaker: db
      .insert(speakers)
      .values({
        slug: p('slug'),
        name: p('name'),
        description: p('description'),
        wikidataId: p('wikidataId'),
        anonymous: p('anonymous'),
      })
      .returning({ id: speakers.id })
      .prepare(),
    insertSpeakerAlias: db
      .insert(speakerAliases)
      .values({ speakerId: p('speakerId'), alias: p('alias') })
      .onConflictDoNothing()
      .prepare(),
    articleId: db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.url, p('url')))
      .prepare(),
    insertArticle: db
      .insert(articles)
      .values({
        outletId: p('outletId'),
        url: p('url'),
        title: p('title'),
        publishedOn: p('publishedOn'),
        datePrecision: p('datePrecision'),
        language: p('language'),
        byline: p('byline'),
        body: p('body'),
      })
      .prepare(),
    quoteAtSpan: db
      .select({ id: quotes.id })
      .from(quotes)
      .where(
        and(
          eq(quotes.articleId, p('articleId')),
          eq(quotes.start, p('start')),
          eq(quotes.end, p('end')),
          eq(quotes.kind, p('kind')),
        ),
      )
      .prepare(),
    unplacedQuote: db
      .select({ id: quotes.id })
      .from(quotes)
      .where(
        and(
          eq(quotes.articleId, p('articleId')),
          eq(quotes.text, p('text')),
          eq(quotes.kind, p('kind')),
          sql`${quotes.speakerId} IS ${p('speakerId')}`,
          isNull(quotes.start),
        ),
      )
      .prepare(),
    insertQuote: db
      .insert(quotes)
      .values({
        articleId: p('articleId'),
        speakerId: p('speakerId'),
        text: p('text'),
        kind: p('kind'),
        cue: p('cue'),
        speakerTitle: p('speakerTitle'),
        audience: p('audience'),
        citedOutletId: p('citedOutletId'),
        saidPhrase: p('saidPhrase'),
        saidEarliest: p('saidEarliest'),
        saidLatest: p('saidLatest'),
        start: p('start'),
        end: p('end'),
      })
      .returning({ id: quotes.id })
      .prepare(),
  }
}

function missing(what: string, key: string): never {
  throw new AppError('invalid_parameter', `No ${what} has the key "${key}".`)
}

/**
 * A writer for one session: prepared statements and caches of the ids it has looked up. Every
 * reference in a bundle must resolve to a stored record or one earlier in the bundle.
 */
export function createBundleWriter(db: Db) {
  const statements = prepareStatements(db)
  const outletIds = new Map<string, number>()
  const speakerIds = new Map<string, number>()
  const articleIds = new Map<string, number>()

  const cached = (
    cache: Map<string, number>,
    key: string,
    find: () => { id: number } | undefined,
  ) => {
    const known = cache.get(key)
    if (known !== undefined) return known
    const id = find()?.id
    if (id !== undefined) cache.set(key, id)
    return id
  }
  const outletId = (slug: string) =>
    cached(outletIds, slug, () => statements.outletId.get({ slug }))
  const speakerId = (slug: string) =>
    cached(speakerIds, slug, () => statements.speakerId.get({ slug }))
  const articleId = (url: string) =>
    cached(articleIds, url, () => statements.articleId.get({ url }))

  return function write(bundle: Bundle): BundleWrite {
    const tally = () => ({ added: 0, existing: 0 })
    const result: BundleWrite = {
      summary: { outlets: tally(), speakers: tally(), articles: tally(), quotes: tally() },
      outlets: [],
      speakers: [],
      articles: [],
      quoteIds: [],
      existingQuoteIds: [],
    }
    for (const { aliases, ...outlet } of bundle.outlets) {
      if (outletId(outlet.slug) !== undefined) {
        result.summary.outlets.existing++
        continue
      }
      const { id } = statements.insertOutlet.get(outlet)!
      outletIds.set(outlet.slug, id)
      for (const alias of aliases) statements.insertOutletAlias.run({ outletId: id, alias })
      result.summary.outlets.added++
      result.outlets.push(outlet.slug)
    }
    for (const { aliases, ...speaker } of bundle.speakers) {
      if (speakerId(speaker.slug) !== undefined) {
        result.summary.speakers.existing++
        continue
      }
      const { id } = statements.insertSpeaker.get({
        ...speaker,
        anonymous: speaker.anonymous ? 1 : 0,
      })!
      speakerIds.set(speaker.slug, id)
      for (const alias of aliases) statements.insertSpeakerAlias.run({ speakerId: id, alias })
      result.summary.speakers.added++
      result.speakers.push(speaker.slug)
    }
    for (const article of bundle.articles) {
      if (articleId(article.url) !== undefined) {
        result.summary.articles.existing++
        continue
      }
      const published = parsePartialDate(article.published) ?? missing('date', article.published)
      statements.insertArticle.run({
        outletId: outletId(article.outlet) ?? missing('outlet', article.outlet),
        url: article.url,
        title: article.title,
        publishedOn: published.firstDay,
        datePrecision: published.precision,
        language: article.language,
        byline: article.byline,
        body: article.body,
      })
      result.summary.articles.added++
      result.articles.push(article.url)
    }
    for (const quote of bundle.quotes) {
      const ids = {
        articleId: articleId(quote.article) ?? missing('article', quote.article),
        speakerId:
          quote.speaker === null
            ? null
            : (speakerId(quote.speaker) ?? missing('speaker', quote.speaker)),
      }
      const existing =
        quote.start !== null && quote.end !== null
          ? statements.quoteAtSpan.get({
              articleId: ids.articleId,
              start: quote.start,
              end: quote.end,
              kind: quote.kind,
            })
          : statements.unplacedQuote.get({ ...ids, text: quote.text, kind: quote.kind })
      if (existing) {
        result.summary.quotes.existing++
        result.existingQuoteIds.push(existing.id)
        continue
      }
      const { id } = statements.insertQuote.get({
        ...ids,
        text: quote.text,
        kind: quote.kind,
        cue: quote.cue,
        speakerTitle: quote.speakerTitle,
        audience: quote.audience,
        citedOutletId:
          quote.citedOutlet === null
            ? null
            : (outletId(quote.citedOutlet) ?? missing('outlet', quote.citedOutlet)),
        saidPhrase: quote.said?.phrase ?? null,
        saidEarliest: quote.said?.earliest ?? null,
        saidLatest: quote.said?.latest ?? null,
        start: quote.start,
        end: quote.end,
      })!
      result.summary.quotes.added++
      result.quoteIds.push(id)
    }
    return result
  }
}
