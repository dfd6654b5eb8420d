/**
 * Reading speakers, outlets and articles, with the counts their pages show.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm'
import type { NameDocument, PageRequest, VocabularyEntry } from '../domain/store'
import type {
  Article,
  ArticleListing,
  Counts,
  Outlet,
  Page,
  QuoteResult,
  Speaker,
  SpeakerDetail,
} from '../domain/types'
import { formatPartialDate } from '../domain/partial-dates'
import type { DatePrecision } from '../domain/vocabulary'
import type { ArticleRecord } from '../domain/bundle'
import type { Statement } from 'better-sqlite3'
import type { Db } from './client'
import { inSlices } from './slices'
import { quotesFts, quotesFtsVocabulary } from './fts-table'
import { reportingOutlets, selectChain, toQuoteResult } from './quote-chain'
import {
  articles,
  outletAliases,
  outlets,
  quotes,
  speakerAliases,
  speakers,
  speakerTitles,
} from './schema'

/** Quotes per speaker, as a subquery to join. */
function selectSpeakers(db: Db) {
  // Counted per speaker through the quotes_speaker index: one speaker's page reads that speaker's
  // quotes, not a count of every quote by every speaker.
  // (Spelt out: drizzle would leave the columns unqualified, and inside the subquery "id" is the
  // quote's.)
  const quoteCount = sql<number>`(SELECT count(*) FROM "quotes" AS "q" WHERE "q"."speaker_id" = "speakers"."id")`
  const query = db
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      anonymous: speakers.anonymous,
      description: speakers.description,
      wikidataId: speakers.wikidataId,
      quoteCount,
    })
    .from(speakers)
    .$dynamic()
  return { query, quoteCount }
}

type SpeakerRow = { id: number } & Omit<Speaker, 'aliases'>

/**
 * Aliases of the given speakers (or outlets), by id, in alphabetical order. `every` reads them
 * all at once rather than by id (tens of thousands of ids are more than a statement can bind).
 */
function aliasesOf(
  db: Db,
  kind: 'speaker' | 'outlet',
  ids: number[],
  every = false,
): Map<number, string[]> {
  const byId = new Map<number, string[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return byId
  const table = kind === 'speaker' ? speakerAliases : outletAliases
  const owner = kind === 'speaker' ? speakerAliases.speakerId : outletAliases.outletId
  const query = db.select({ id: owner, alias: table.alias }).from(table).$dynamic()
  const rows = (every ? query : query.where(inArray(owner, ids))).orderBy(asc(table.alias)).all()
  for (const row of rows) byId.get(row.id)?.push(row.alias)
  return byId
}

function withSpeakerAliases(db: Db, rows: SpeakerRow[]): Speaker[] {
  const aliases = aliasesOf(
    db,
    'speaker',
    rows.map((r) => r.id),
  )
  return rows.map(({ id, ...speaker }) => ({ ...speaker, aliases: aliases.get(id) ?? [] }))
}

/** Speakers, most quoted first. */
export function listSpeakers(db: Db, page: PageRequest): Page<Speaker> {
  const { query, quoteCount } = selectSpeakers(db)
  const rows = query
    .orderBy(desc(quoteCount), asc(speakers.name), asc(speakers.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const [{ total } = { total: 0 }] = db.select({ total: count() }).from(speakers).all()
  return { total, ...page, items: withSpeakerAliases(db, rows) }
}

/** Keeps the order of `slugs`, leaving out those not found. */
export function inSlugOrder<T extends { slug: string }>(slugs: string[], rows: T[]): T[] {
  const bySlug = new Map(rows.map((row) => [row.slug, row]))
  return slugs.flatMap((slug) => bySlug.get(slug) ?? [])
}

export function getSpeakers(db: Db, slugs: string[]): Speaker[] {
  if (slugs.length === 0) return []
  const rows = selectSpeakers(db).query.where(inArray(speakers.slug, slugs)).all()
  return inSlugOrder(slugs, withSpeakerAliases(db, rows))
}

export function getSpeaker(db: Db, slug: string): SpeakerDetail | null {
  const row = selectSpeakers(db).query.where(eq(speakers.slug, slug)).get()
  if (!row) return null
  const [speaker] = withSpeakerAliases(db, [row]) as [Speaker]
  const titles = db
    .select({ title: speakerTitles.title })
    .from(speakerTitles)
    .where(eq(speakerTitles.speakerId, row.id))
    .orderBy(asc(speakerTitles.title))
    .all()
    .map((t) => t.title)
  const n = count()
  const quotedBy = db
    .select({ slug: outlets.slug, name: outlets.name, n })
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(eq(quotes.speakerId, row.id))
    .groupBy(outlets.id)
    .orderBy(desc(n), asc(outlets.name))
    .all()
  return {
    ...speaker,
    titles,
    outlets: quotedBy.map(({ slug, name, n }) => ({ outlet: { slug, name }, count: n })),
  }
}

/** Outlets with their counts; add `where`, order and paging to it. */
function selectOutlets(db: Db) {
  const published = db
    .select({ outletId: articles.outletId, n: count().as('published_count') })
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .groupBy(articles.outletId)
    .as('published_per_outlet')
  const cited = db
    .select({ outletId: quotes.citedOutletId, n: count().as('cited_count') })
    .from(quotes)
    .groupBy(quotes.citedOutletId)
    .as('cited_per_outlet')
  const articleCounts = db
    .select({ outletId: articles.outletId, n: count().as('article_count') })
    .from(articles)
    .groupBy(articles.outletId)
    .as('articles_per_outlet')
  const publishedCount = sql<number>`coalesce(${published.n}, 0)`
  const citedCount = sql<number>`coalesce(${cited.n}, 0)`
  const query = db
    .select({
      id: outlets.id,
      slug: outlets.slug,
      name: outlets.name,
      kind: outlets.kind,
      country: outlets.country,
      domain: outlets.domain,
      publishedCount,
      citedCount,
      articleCount: sql<number>`coalesce(${articleCounts.n}, 0)`,
    })
    .from(outlets)
    .leftJoin(published, eq(published.outletId, outlets.id))
    .leftJoin(cited, eq(cited.outletId, outlets.id))
    .leftJoin(articleCounts, eq(articleCounts.outletId, outlets.id))
    .$dynamic()
  return { query, statementCount: sql<number>`${publishedCount} + ${citedCount}` }
}

type OutletRow = { id: number } & Omit<Outlet, 'aliases'>

function withOutletAliases(db: Db, rows: OutletRow[]): Outlet[] {
  const aliases = aliasesOf(
    db,
    'outlet',
    rows.map((r) => r.id),
  )
  return rows.map(({ id, ...outlet }) => ({ ...outlet, aliases: aliases.get(id) ?? [] }))
}

/** Outlets, those with the most statements (published or cited) first. */
export function listOutlets(db: Db, page: PageRequest): Page<Outlet> {
  const { query, statementCount } = selectOutlets(db)
  const rows = query
    .orderBy(desc(statementCount), asc(outlets.name), asc(outlets.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const [{ total } = { total: 0 }] = db.select({ total: count() }).from(outlets).all()
  return { total, ...page, items: withOutletAliases(db, rows) }
}

export function getOutlets(db: Db, slugs: string[]): Outlet[] {
  if (slugs.length === 0) return []
  const rows = selectOutlets(db).query.where(inArray(outlets.slug, slugs)).all()
  return inSlugOrder(slugs, withOutletAliases(db, rows))
}

export function getOutlet(db: Db, slug: string): Outlet | null {
  return getOutlets(db, [slug])[0] ?? null
}

/** The columns an article's reference is made of (its date as stored: day and precision). */
const ARTICLE_REF_COLUMNS = {
  id: articles.id,
  title: articles.title,
  url: articles.url,
  publishedOn: articles.publishedOn,
  datePrecision: articles.datePrecision,
}

/** An outlet's articles, newest first (by the first day of their date), with statement counts. */
export function listOutletArticles(
  db: Db,
  outletSlug: string,
  page: PageRequest,
): Page<ArticleListing> | null {
  const outlet = db
    .select({ id: outlets.id })
    .from(outlets)
    .where(eq(outlets.slug, outletSlug))
    .get()
  if (!outlet) return null
  const rows = db
    .select({
      ...ARTICLE_REF_COLUMNS,
      // Written out: drizzle leaves the table off the columns of a one-table select.
      statementCount: sql<number>`(SELECT count(*) FROM quotes WHERE quotes.article_id = articles.id)`,
    })
    .from(articles)
    .where(eq(articles.outletId, outlet.id))
    .orderBy(desc(articles.outletId), desc(articles.publishedOn), desc(articles.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  const [{ total } = { total: 0 }] = db
    .select({ total: count() })
    .from(articles)
    .where(eq(articles.outletId, outlet.id))
    .all()
  return {
    total,
    ...page,
    items: rows.map(({ publishedOn, datePrecision, ...row }) => ({
      ...row,
      published: formatPartialDate(publishedOn, datePrecision),
    })),
  }
}

/** An article with its body and every statement in it, in reading order. */
export function getArticle(db: Db, id: number): Article | null {
  const row = db
    .select({
      ...ARTICLE_REF_COLUMNS,
      language: articles.language,
      byline: articles.byline,
      body: articles.body,
      outletSlug: reportingOutlets.slug,
      outletName: reportingOutlets.name,
    })
    .from(articles)
    .innerJoin(reportingOutlets, eq(reportingOutlets.id, articles.outletId))
    .where(eq(articles.id, id))
    .get()
  if (!row) return null
  const statements = selectChain(db)
    .where(eq(quotes.articleId, id))
    .orderBy(asc(quotes.start), desc(quotes.end), asc(quotes.id))
    .all()
    .map(toQuoteResult)
  return toArticle(row, statements)
}

/** Shapes an article's row and its statements (in reading order) as the API's article. */
export function toArticle(
  row: {
    id: number
    title: string | null
    url: string
    publishedOn: string
    datePrecision: DatePrecision
    outletSlug: string
    outletName: string
    language: string
    byline: string | null
    body: string | null
  },
  statements: QuoteResult[],
): Article {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    published: formatPartialDate(row.publishedOn, row.datePrecision),
    outlet: { slug: row.outletSlug, name: row.outletName },
    language: row.language,
    byline: row.byline,
    body: row.body,
    statements: statements.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      start: q.offsets?.start ?? null,
      end: q.offsets?.end ?? null,
      cue: q.cue,
      speaker: q.speaker,
      citedOutlet: q.citedOutlet,
    })),
  }
}

export function unknownSlugs(db: Db, kind: 'speaker' | 'outlet', slugs: string[]): string[] {
  if (slugs.length === 0) return []
  const table = kind === 'speaker' ? speakers : outlets
  const known = new Set(
    db
      .select({ slug: table.slug })
      .from(table)
      .where(inArray(table.slug, slugs))
      .all()
      .map((r) => r.slug),
  )
  return slugs.filter((slug) => !known.has(slug))
}

export function vocabularyBetween(db: Db, from: string, to: string | null): VocabularyEntry[] {
  const term = quotesFtsVocabulary.term
  return db
    .select()
    .from(quotesFtsVocabulary)
    .where(to === null ? gte(term, from) : and(gte(term, from), lt(term, to)))
    .all()
}

/**
 * Whether the index holds each word, or for a prefix a word beginning with it: a seek in the
 * index's term list each, without counting documents.
 */
export function termsExist(db: Db, terms: Array<{ word: string; prefix: boolean }>): boolean[] {
  const term = quotesFtsVocabulary.term
  return terms.map(({ word, prefix }) => {
    const holds = prefix ? and(gte(term, word), lt(term, `${word}\u{10ffff}`)) : eq(term, word)
    return db.select({ term }).from(quotesFtsVocabulary).where(holds).limit(1).all().length > 0
  })
}

/** Speakers with the titles they were quoted under, by all their names; all, or those with the ids `only`. */
function speakerNameDocuments(db: Db, only?: number[]): NameDocument[] {
  const rows = (
    only ? db.select().from(speakers).where(inArray(speakers.id, only)) : db.select().from(speakers)
  ).all()
  const ids = rows.map((s) => s.id)
  const aliases = aliasesOf(db, 'speaker', ids, !only)
  const titlesById = new Map<number, string[]>()
  const titleQuery = db.select().from(speakerTitles)
  const titleRows = (
    only ? titleQuery.where(inArray(speakerTitles.speakerId, ids)) : titleQuery
  ).all()
  for (const { speakerId, title } of titleRows) {
    const known = titlesById.get(speakerId)
    if (known) known.push(title)
    else titlesById.set(speakerId, [title])
  }
  return rows.map((s) =>
    speakerNameDocument(s, aliases.get(s.id) ?? [], titlesById.get(s.id) ?? []),
  )
}

/** A speaker's name-index document: its description is the first of its titles. */
export const speakerNameDocument = (
  s: { id: number; slug: string; name: string; description: string | null; anonymous: boolean },
  aliases: string[],
  titles: string[],
): NameDocument => ({
  kind: 'speaker',
  id: s.id,
  slug: s.slug,
  name: s.name,
  aliases,
  titles: [...(s.description ? [s.description] : []), ...titles],
  anonymous: s.anonymous,
})

/** Outlets by all their names and their domain; all, or those with the ids `only`. */
function outletNameDocuments(db: Db, only?: number[]): NameDocument[] {
  const rows = (
    only ? db.select().from(outlets).where(inArray(outlets.id, only)) : db.select().from(outlets)
  ).all()
  const aliases = aliasesOf(
    db,
    'outlet',
    rows.map((o) => o.id),
    !only,
  )
  return rows.map((o) => outletNameDocument(o, aliases.get(o.id) ?? []))
}

/** An outlet's name-index document: its domain is the last of its aliases. */
export const outletNameDocument = (
  o: { id: number; slug: string; name: string; domain: string | null },
  aliases: string[],
): NameDocument => ({
  kind: 'outlet',
  id: o.id,
  slug: o.slug,
  name: o.name,
  aliases: [...aliases, ...(o.domain ? [o.domain] : [])],
  titles: [],
  anonymous: false,
})

/** Every speaker and outlet by all their names, for the name index. */
export function nameDocuments(db: Db): NameDocument[] {
  return [...speakerNameDocuments(db), ...outletNameDocuments(db)]
}

export function nameDocumentsOf(db: Db, kind: 'speaker' | 'outlet', ids: number[]): NameDocument[] {
  if (ids.length === 0) return []
  return inSlices(ids, (slice) =>
    kind === 'speaker' ? speakerNameDocuments(db, slice) : outletNameDocuments(db, slice),
  )
}

/** The search documents of some quotes as indexed: their own words (text, title) and the names. */
export function searchDocumentsOf(
  db: Db,
  ids: number[],
): Map<number, { own: string; names: string }> {
  const rows = inSlices(ids, (slice) =>
    db
      .select({
        id: quotesFts.rowid,
        own: sql<string>`${quotesFts.text} || ' ' || ${quotesFts.title}`,
        names: sql<string>`${quotesFts.speaker} || ' ' || ${quotesFts.outlets}`,
      })
      .from(quotesFts)
      .where(inArray(quotesFts.rowid, slice))
      .all(),
  )
  return new Map(rows.map((r) => [r.id, { own: r.own, names: r.names }]))
}

/**
 * The words a speaker's names and description (or an outlet's names) put in the search documents
 * of its quotes, by id.
 */
export function entityWords(
  db: Db,
  kind: 'speaker' | 'outlet',
  ids: number[],
): Map<number, string> {
  if (ids.length === 0) return new Map()
  // The same pieces as the view quote_search_documents takes from a speaker or an outlet.
  const query =
    kind === 'speaker'
      ? `SELECT id, name || ' ' || coalesce(description, '') || ' ' ||
           coalesce((SELECT group_concat(alias, ' ') FROM speaker_aliases WHERE speaker_id = s.id), '')
         FROM speakers s WHERE id IN (SELECT value FROM json_each(?))`
      : `SELECT id, name || ' ' ||
           coalesce((SELECT group_concat(alias, ' ') FROM outlet_aliases WHERE outlet_id = o.id), '')
         FROM outlets o WHERE id IN (SELECT value FROM json_each(?))`
  const rows = db.$client.prepare(query).raw().all(JSON.stringify(ids)) as Array<[number, string]>
  return new Map(rows)
}

/** Document counts of `terms` in the index now; a term no quote holds any more counts 0. */
export function termCounts(db: Db, terms: string[]): VocabularyEntry[] {
  const found = new Map<string, number>()
  const lookup = db
    .select({ documents: quotesFtsVocabulary.documents })
    .from(quotesFtsVocabulary)
    .where(eq(quotesFtsVocabulary.term, sql.placeholder('term')))
    .prepare()
  for (const term of new Set(terms)) found.set(term, lookup.get({ term })?.documents ?? 0)
  return [...found].map(([term, documents]) => ({ term, documents }))
}

export function counts(db: Db): Counts {
  const one = (table: typeof quotes | typeof speakers | typeof outlets | typeof articles) =>
    db.select({ n: count() }).from(table).get()?.n ?? 0
  return {
    quotes: one(quotes),
    speakers: one(speakers),
    outlets: one(outlets),
    articles: one(articles),
  }
}

/** Articles as records an import reads back (body included), by url. */
export function getArticleRecords(db: Db, urls: string[]): ArticleRecord[] {
  if (urls.length === 0) return []
  return db
    .select({
      url: articles.url,
      outlet: reportingOutlets.slug,
      title: articles.title,
      publishedOn: articles.publishedOn,
      datePrecision: articles.datePrecision,
      language: articles.language,
      byline: articles.byline,
      body: articles.body,
    })
    .from(articles)
    .innerJoin(reportingOutlets, eq(reportingOutlets.id, articles.outletId))
    .where(inArray(articles.url, urls))
    .all()
    .map(({ publishedOn, datePrecision, ...article }) => ({
      ...article,
      published: formatPartialDate(publishedOn, datePrecision).date,
    }))
}

/** The urls of the next `limit` articles after the article `afterId`, in id order (for exports). */
export function articlesAfter(
  db: Db,
  afterId: number,
  limit: number,
): Array<{ id: number; url: string }> {
  return db
    .select({ id: articles.id, url: articles.url })
    .from(articles)
    .where(gt(articles.id, afterId))
    .orderBy(asc(articles.id))
    .limit(limit)
    .all()
}

/** Every outlet's name and aliases. */
export function outletNames(db: Db): Array<{ name: string; aliases: string[] }> {
  return outletNameDocuments(db).map(({ name, aliases }) => ({ name, aliases }))
}
