/**
 * Writing bundles of resolved, checked records. Records are matched to what is stored by natural
 * key — slug, url, and a quote's article with its span and kind (or, without offsets, its text and
 * speaker) — so writing the same records twice adds nothing the second time. The new quotes' rows
 * of the FTS5 index are written once per bundle, from the one definition of a quote's search
 * document, the view `quote_search_documents` (see migration 0008). The caller owns the
 * transaction.
 *
 * This is the import's hot path: statements are prepared once per session and run bare (see
 * `raw-statement.ts`), and names are looked up once per speaker, outlet and article.
 */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Bundle } from '../domain/bundle'
import { AppError } from '../domain/errors'
import { parsePartialDate } from '../domain/partial-dates'
import type { BundleWrite } from '../domain/store'
import type { Db } from './client'
import { rawStatement } from './raw-statement'
import {
  articles,
  outletAliases,
  outlets,
  quotes,
  searchIndexState,
  speakerAliases,
  speakers,
} from './schema'

const p = sql.placeholder

function prepareStatements(db: Db) {
  const raw = (query: Parameters<typeof rawStatement>[1]) => rawStatement(db, query)
  return {
    outletId: raw(
      db
        .select({ id: outlets.id })
        .from(outlets)
        .where(eq(outlets.slug, p('slug'))),
    ),
    insertOutlet: raw(
      db.insert(outlets).values({
        slug: p('slug'),
        name: p('name'),
        kind: p('kind'),
        country: p('country'),
        domain: p('domain'),
      }),
    ),
    insertOutletAlias: raw(
      db
        .insert(outletAliases)
        .values({ outletId: p('outletId'), alias: p('alias') })
        .onConflictDoNothing(),
    ),
    speakerId: raw(
      db
        .select({ id: speakers.id })
        .from(speakers)
        .where(eq(speakers.slug, p('slug'))),
    ),
    insertSpeaker: raw(
      db.insert(speakers).values({
        slug: p('slug'),
        name: p('name'),
        description: p('description'),
        wikidataId: p('wikidataId'),
        anonymous: p('anonymous'),
      }),
    ),
    identifySpeaker: raw(
      db
        .update(speakers)
        .set({ wikidataId: sql`${p('wikidataId')}` })
        .where(and(eq(speakers.slug, p('slug')), isNull(speakers.wikidataId))),
    ),
    insertSpeakerAlias: raw(
      db
        .insert(speakerAliases)
        .values({ speakerId: p('speakerId'), alias: p('alias') })
        .onConflictDoNothing(),
    ),
    articleId: raw(
      db
        .select({ id: articles.id })
        .from(articles)
        .where(eq(articles.url, p('url'))),
    ),
    insertArticle: raw(
      db.insert(articles).values({
        outletId: p('outletId'),
        url: p('url'),
        title: p('title'),
        publishedOn: p('publishedOn'),
        datePrecision: p('datePrecision'),
        language: p('language'),
        byline: p('byline'),
        body: p('body'),
      }),
    ),
    quoteAtSpan: raw(
      db
        .select({ id: quotes.id })
        .from(quotes)
        .where(
          and(
            eq(quotes.articleId, p('articleId')),
            eq(quotes.start, p('start')),
            eq(quotes.end, p('end')),
            eq(quotes.kind, p('kind')),
          ),
        ),
    ),
    unplacedQuote: raw(
      db
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
        ),
    ),
    // A bundle's new quotes in one statement, from a JSON array of rows in column order.
    insertQuotes: db.$client.prepare<[rows: string]>(
      `INSERT INTO quotes (article_id, speaker_id, text, kind, cue, speaker_title, audience,
         cited_outlet_id, said_phrase, said_earliest, said_latest, start, "end", extraction)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
         value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11,
         value ->> 12, value ->> 13
       FROM json_each(?) ORDER BY key`,
    ),
    insertSpeakerTitles: db.$client.prepare<[pairs: string]>(
      `INSERT OR IGNORE INTO speaker_titles (speaker_id, title)
       SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY key`,
    ),
    deferIndexing: raw(db.update(searchIndexState).set({ deferred: sql`${p('deferred')}` })),
    // The index rows of the quotes with ids from `first` to `last`, from the one definition.
    indexQuotes: db.$client.prepare<[first: number, last: number]>(
      `INSERT INTO quotes_fts (rowid, text, speaker, title, outlets)
       SELECT id, text, speaker, title, outlets FROM quote_search_documents
       WHERE id BETWEEN ? AND ?`,
    ),
  }
}

/** The refusal of a record that refers to one neither stored nor earlier in its bundle. */
export function missing(what: string, key: string): never {
  throw new AppError('invalid_parameter', `No ${what} has the key "${key}".`)
}

/** Looks `key` up once; later calls answer from memory. */
function memo<K, V>(
  find: (key: K) => V | undefined,
): { get(key: K): V | undefined; set(key: K, value: V): void } {
  const known = new Map<K, V>()
  return {
    get(key) {
      if (known.has(key)) return known.get(key)
      const value = find(key)
      if (value !== undefined) known.set(key, value)
      return value
    },
    set: (key, value) => void known.set(key, value),
  }
}

/**
 * A writer for one session. Every reference in a bundle must resolve to a stored record or one
 * earlier in the bundle.
 */
export function createBundleWriter(db: Db) {
  const statements = prepareStatements(db)
  const outletIds = memo((slug: string) => statements.outletId.value<number>({ slug }))
  const speakerIds = memo((slug: string) => statements.speakerId.value<number>({ slug }))
  const articleIds = memo((url: string) => statements.articleId.value<number>({ url }))
  return function write(bundle: Bundle): BundleWrite {
    const tally = () => ({ added: 0, existing: 0 })
    const result: BundleWrite = {
      summary: { outlets: tally(), speakers: tally(), articles: tally(), quotes: tally() },
      outlets: [],
      speakers: [],
      articles: [],
      quoteIds: [],
      existingQuoteIds: [],
      identified: [],
    }
    // The index trigger stands aside while the bundle's quotes are inserted; their index rows are
    // written together at the end (even after a failure: the caller may roll back only part).
    // Quote ids only grow, so the new ones are one range.
    statements.deferIndexing.run({ deferred: 1 })
    try {
      writeRecords(bundle, result)
    } finally {
      const ids = result.quoteIds
      if (ids.length > 0) statements.indexQuotes.run(ids[0]!, ids.at(-1)!)
      statements.deferIndexing.run({ deferred: 0 })
    }
    return result
  }

  function writeRecords(bundle: Bundle, result: BundleWrite): void {
    const articlesAdded = new Set<number>()
    for (const { aliases, ...outlet } of bundle.outlets) {
      if (outletIds.get(outlet.slug) !== undefined) {
        result.summary.outlets.existing++
        continue
      }
      const id = Number(statements.insertOutlet.run(outlet).lastInsertRowid)
      outletIds.set(outlet.slug, id)
      for (const alias of aliases) statements.insertOutletAlias.run({ outletId: id, alias })
      result.summary.outlets.added++
      result.outlets.push(outlet.slug)
    }
    for (const { aliases, ...speaker } of bundle.speakers) {
      if (speakerIds.get(speaker.slug) !== undefined) {
        result.summary.speakers.existing++
        continue
      }
      const id = Number(
        statements.insertSpeaker.run({ ...speaker, anonymous: speaker.anonymous ? 1 : 0 })
          .lastInsertRowid,
      )
      speakerIds.set(speaker.slug, id)
      for (const alias of aliases) statements.insertSpeakerAlias.run({ speakerId: id, alias })
      result.summary.speakers.added++
      result.speakers.push(speaker.slug)
    }
    // A speaker known by name alone takes the first Wikidata id a record gives for them.
    for (const identity of bundle.identities ?? []) {
      if (statements.identifySpeaker.run({ ...identity }).changes > 0)
        result.identified.push(identity.slug)
    }
    for (const article of bundle.articles) {
      if (articleIds.get(article.url) !== undefined) {
        result.summary.articles.existing++
        continue
      }
      const published = parsePartialDate(article.published) ?? missing('date', article.published)
      const outletId = outletIds.get(article.outlet) ?? missing('outlet', article.outlet)
      const id = Number(
        statements.insertArticle.run({
          ...article,
          outletId,
          publishedOn: published.firstDay,
          datePrecision: published.precision,
        }).lastInsertRowid,
      )
      articleIds.set(article.url, id)
      articlesAdded.add(id)
      result.summary.articles.added++
      result.articles.push(article.url)
    }
    // New quotes are inserted together, in one statement at the end: the triggers on a quote
    // insert (the change feed's) then run inside one statement, not each in a statement of its
    // own, which would copy every page it touches into a statement journal for every quote.
    const pending: unknown[][] = []
    const titles: Array<[number, string]> = []
    /** New quotes by natural key, as their place in `pending`. */
    const pendingKeys = new Map<string, number>()
    /** Quotes found again among the new ones, by their place in `pending`. */
    const repeated: number[] = []
    for (const quote of bundle.quotes) {
      const ids = {
        articleId: articleIds.get(quote.article) ?? missing('article', quote.article),
        speakerId:
          quote.speaker === null
            ? null
            : (speakerIds.get(quote.speaker) ?? missing('speaker', quote.speaker)),
        citedOutletId:
          quote.citedOutlet === null
            ? null
            : (outletIds.get(quote.citedOutlet) ?? missing('outlet', quote.citedOutlet)),
      }
      const placed = quote.start !== null && quote.end !== null
      const key = placed
        ? `${ids.articleId} ${quote.start} ${quote.end} ${quote.kind}`
        : `${ids.articleId} ${ids.speakerId} ${quote.kind} ${quote.text}`
      const again = pendingKeys.get(key)
      if (again !== undefined) {
        result.summary.quotes.existing++
        repeated.push(again)
        continue
      }
      // Quotes of articles this bundle adds can only match quotes this bundle adds.
      const stored = articlesAdded.has(ids.articleId)
        ? undefined
        : placed
          ? statements.quoteAtSpan.value<number>({
              ...ids,
              start: quote.start,
              end: quote.end,
              kind: quote.kind,
            })
          : statements.unplacedQuote.value<number>({ ...ids, text: quote.text, kind: quote.kind })
      if (stored !== undefined) {
        result.summary.quotes.existing++
        result.existingQuoteIds.push(stored)
        continue
      }
      pendingKeys.set(key, pending.length)
      pending.push([
        ids.articleId,
        ids.speakerId,
        quote.text,
        quote.kind,
        quote.cue,
        quote.speakerTitle,
        quote.audience,
        ids.citedOutletId,
        quote.said?.phrase ?? null,
        quote.said?.earliest ?? null,
        quote.said?.latest ?? null,
        quote.start,
        quote.end,
        quote.extraction === null ? null : JSON.stringify(quote.extraction),
      ])
      if (ids.speakerId !== null && quote.speakerTitle !== null) {
        titles.push([ids.speakerId, quote.speakerTitle])
      }
    }
    if (pending.length === 0) return
    // Ids only grow and nothing else writes meanwhile: the new quotes have the ids up to the last.
    const last = Number(statements.insertQuotes.run(JSON.stringify(pending)).lastInsertRowid)
    const first = last - pending.length + 1
    for (let i = 0; i < pending.length; i++) result.quoteIds.push(first + i)
    for (const i of repeated) result.existingQuoteIds.push(first + i)
    result.summary.quotes.added += pending.length
    // The titles join the speakers' titles here rather than by a trigger on the quote insert.
    if (titles.length > 0) statements.insertSpeakerTitles.run(JSON.stringify(titles))
  }
}
