/**
 * Reading speakers, outlets and articles, with the counts their pages show: SQLite's
 * `../entity-queries.ts` in PostgreSQL, giving the same rows in the same order. (The reads of the
 * search index are in `search-queries.ts`.)
 */
import { asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { ArticleRecord } from '../../domain/bundle'
import { formatPartialDate } from '../../domain/partial-dates'
import type { NameDocument, PageRequest } from '../../domain/store'
import type {
  Article,
  ArticleListing,
  Counts,
  Outlet,
  Page,
  Speaker,
  SpeakerDetail,
} from '../../domain/types'
import { inSlugOrder, outletNameDocument, speakerNameDocument, toArticle } from '../entity-queries'
import { inSlices } from '../slices'
import type { PgDb } from './client'
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

/**
 * `column = ANY(values)`: a list of any length, bound as one array parameter (of the column's type,
 * as PostgreSQL infers it).
 */
const anyOf = (column: AnyPgColumn, values: readonly number[] | readonly string[]): SQL =>
  sql`${column} = ANY(${sql.param(values)})`

/** Quotes per speaker, as a subquery to join. */
function selectSpeakers(db: PgDb) {
  // Counted per speaker through the quotes_speaker index, as in SQLite.
  const quoteCount =
    sql<number>`(SELECT count(*) FROM "quotes" AS "q" WHERE "q"."speaker_id" = "speakers"."id")`.mapWith(
      Number,
    )
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

/** Aliases of the given speakers (or outlets), by id, in alphabetical order; `every` reads all. */
async function aliasesOf(
  db: PgDb,
  kind: 'speaker' | 'outlet',
  ids: number[],
  every = false,
): Promise<Map<number, string[]>> {
  const byId = new Map<number, string[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return byId
  const table = kind === 'speaker' ? speakerAliases : outletAliases
  const owner = kind === 'speaker' ? speakerAliases.speakerId : outletAliases.outletId
  const query = db.select({ id: owner, alias: table.alias }).from(table).$dynamic()
  const rows = await (every ? query : query.where(anyOf(owner, ids))).orderBy(asc(table.alias))
  for (const row of rows) byId.get(row.id)?.push(row.alias)
  return byId
}

async function withSpeakerAliases(db: PgDb, rows: SpeakerRow[]): Promise<Speaker[]> {
  const aliases = await aliasesOf(
    db,
    'speaker',
    rows.map((r) => r.id),
  )
  return rows.map(({ id, ...speaker }) => ({ ...speaker, aliases: aliases.get(id) ?? [] }))
}

/** Speakers, most quoted first. */
export async function listSpeakers(db: PgDb, page: PageRequest): Promise<Page<Speaker>> {
  const { query, quoteCount } = selectSpeakers(db)
  const rows = await query
    .orderBy(desc(quoteCount), asc(speakers.name), asc(speakers.id))
    .limit(page.limit)
    .offset(page.offset)
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(speakers)
  return { total, ...page, items: await withSpeakerAliases(db, rows) }
}

/** The speakers with these slugs, in the order of `slugs`, leaving out those not found. */
export async function getSpeakers(db: PgDb, slugs: string[]): Promise<Speaker[]> {
  if (slugs.length === 0) return []
  const rows = await selectSpeakers(db).query.where(anyOf(speakers.slug, slugs))
  return inSlugOrder(slugs, await withSpeakerAliases(db, rows))
}

/** A speaker with its titles and the outlets that quoted it, as in SQLite. */
export async function getSpeaker(db: PgDb, slug: string): Promise<SpeakerDetail | null> {
  const [row] = await selectSpeakers(db).query.where(eq(speakers.slug, slug)).limit(1)
  if (!row) return null
  const [speaker] = (await withSpeakerAliases(db, [row])) as [Speaker]
  const titles = await db
    .select({ title: speakerTitles.title })
    .from(speakerTitles)
    .where(eq(speakerTitles.speakerId, row.id))
    .orderBy(asc(speakerTitles.title))
  const n = count()
  const quotedBy = await db
    .select({ slug: outlets.slug, name: outlets.name, n })
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(eq(quotes.speakerId, row.id))
    .groupBy(outlets.id)
    // By id last: SQLite's groups come in id order and keep it through the sort.
    .orderBy(desc(n), asc(outlets.name), asc(outlets.id))
  return {
    ...speaker,
    titles: titles.map((t) => t.title),
    outlets: quotedBy.map(({ slug, name, n }) => ({ outlet: { slug, name }, count: n })),
  }
}

/** Outlets with their counts; add `where`, order and paging to it. */
function selectOutlets(db: PgDb) {
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
  const publishedCount = sql<number>`coalesce(${published.n}, 0)`.mapWith(Number)
  const citedCount = sql<number>`coalesce(${cited.n}, 0)`.mapWith(Number)
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
      articleCount: sql<number>`coalesce(${articleCounts.n}, 0)`.mapWith(Number),
    })
    .from(outlets)
    .leftJoin(published, eq(published.outletId, outlets.id))
    .leftJoin(cited, eq(cited.outletId, outlets.id))
    .leftJoin(articleCounts, eq(articleCounts.outletId, outlets.id))
    .$dynamic()
  return { query, statementCount: sql<number>`${publishedCount} + ${citedCount}` }
}

type OutletRow = { id: number } & Omit<Outlet, 'aliases'>

async function withOutletAliases(db: PgDb, rows: OutletRow[]): Promise<Outlet[]> {
  const aliases = await aliasesOf(
    db,
    'outlet',
    rows.map((r) => r.id),
  )
  return rows.map(({ id, ...outlet }) => ({ ...outlet, aliases: aliases.get(id) ?? [] }))
}

/** Outlets, those with the most statements (published or cited) first. */
export async function listOutlets(db: PgDb, page: PageRequest): Promise<Page<Outlet>> {
  const { query, statementCount } = selectOutlets(db)
  const rows = await query
    .orderBy(desc(statementCount), asc(outlets.name), asc(outlets.id))
    .limit(page.limit)
    .offset(page.offset)
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(outlets)
  return { total, ...page, items: await withOutletAliases(db, rows) }
}

/** The outlets with these slugs, in the order of `slugs`, leaving out those not found. */
export async function getOutlets(db: PgDb, slugs: string[]): Promise<Outlet[]> {
  if (slugs.length === 0) return []
  const rows = await selectOutlets(db).query.where(anyOf(outlets.slug, slugs))
  return inSlugOrder(slugs, await withOutletAliases(db, rows))
}

export async function getOutlet(db: PgDb, slug: string): Promise<Outlet | null> {
  return (await getOutlets(db, [slug]))[0] ?? null
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
export async function listOutletArticles(
  db: PgDb,
  outletSlug: string,
  page: PageRequest,
): Promise<Page<ArticleListing> | null> {
  const [outlet] = await db
    .select({ id: outlets.id })
    .from(outlets)
    .where(eq(outlets.slug, outletSlug))
  if (!outlet) return null
  const rows = await db
    .select({
      ...ARTICLE_REF_COLUMNS,
      statementCount:
        sql<number>`(SELECT count(*) FROM quotes WHERE quotes.article_id = articles.id)`.mapWith(
          Number,
        ),
    })
    .from(articles)
    .where(eq(articles.outletId, outlet.id))
    .orderBy(desc(articles.outletId), desc(articles.publishedOn), desc(articles.id))
    .limit(page.limit)
    .offset(page.offset)
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(articles)
    .where(eq(articles.outletId, outlet.id))
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
export async function getArticle(db: PgDb, id: number): Promise<Article | null> {
  const [row] = await db
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
  if (!row) return null
  // Statements without offsets first, as SQLite sorts nulls first (PostgreSQL, last).
  const statements = await selectChain(db)
    .where(eq(quotes.articleId, id))
    .orderBy(
      sql`${quotes.start} ASC NULLS FIRST`,
      sql`${quotes.end} DESC NULLS LAST`,
      asc(quotes.id),
    )
  return toArticle(row, statements.map(toQuoteResult))
}

/** The slugs of `slugs` no speaker (or outlet) has, in their order. */
export async function unknownSlugs(
  db: PgDb,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Promise<string[]> {
  if (slugs.length === 0) return []
  const table = kind === 'speaker' ? speakers : outlets
  const rows = await db.select({ slug: table.slug }).from(table).where(anyOf(table.slug, slugs))
  const known = new Set(rows.map((r) => r.slug))
  return slugs.filter((slug) => !known.has(slug))
}

/**
 * Speakers with the titles they were quoted under, by all their names, in id order; all, or those
 * with the ids `only`. Each speaker's titles in alphabetical order.
 */
async function speakerNameDocuments(db: PgDb, only?: number[]): Promise<NameDocument[]> {
  const query = db.select().from(speakers).$dynamic()
  const rows = await (only ? query.where(anyOf(speakers.id, only)) : query).orderBy(
    asc(speakers.id),
  )
  const ids = rows.map((s) => s.id)
  const aliases = await aliasesOf(db, 'speaker', ids, !only)
  const titleQuery = db.select().from(speakerTitles).$dynamic()
  const titleRows = await (
    only ? titleQuery.where(anyOf(speakerTitles.speakerId, ids)) : titleQuery
  ).orderBy(asc(speakerTitles.speakerId), asc(speakerTitles.title))
  const titlesById = new Map<number, string[]>()
  for (const { speakerId, title } of titleRows) {
    const known = titlesById.get(speakerId)
    if (known) known.push(title)
    else titlesById.set(speakerId, [title])
  }
  return rows.map((s) =>
    speakerNameDocument(s, aliases.get(s.id) ?? [], titlesById.get(s.id) ?? []),
  )
}

/** Outlets by all their names and their domain, in id order; all, or those with the ids `only`. */
async function outletNameDocuments(db: PgDb, only?: number[]): Promise<NameDocument[]> {
  const query = db.select().from(outlets).$dynamic()
  const rows = await (only ? query.where(anyOf(outlets.id, only)) : query).orderBy(asc(outlets.id))
  const aliases = await aliasesOf(
    db,
    'outlet',
    rows.map((o) => o.id),
    !only,
  )
  return rows.map((o) => outletNameDocument(o, aliases.get(o.id) ?? []))
}

/** Every speaker and outlet by all their names, for the name index. */
export async function nameDocuments(db: PgDb): Promise<NameDocument[]> {
  return [...(await speakerNameDocuments(db)), ...(await outletNameDocuments(db))]
}

/** The name-index documents of some speakers or outlets; unknown ids are left out. */
export async function nameDocumentsOf(
  db: PgDb,
  kind: 'speaker' | 'outlet',
  ids: number[],
): Promise<NameDocument[]> {
  if (ids.length === 0) return []
  const documents =
    kind === 'speaker' ? await speakerNameDocuments(db, ids) : await outletNameDocuments(db, ids)
  // In the order SQLite gives them, reading `ids` a slice at a time: each slice's in id order.
  const byId = new Map(documents.map((d) => [d.id, d]))
  return inSlices(ids, (slice) =>
    [...new Set(slice)].sort((a, b) => a - b).flatMap((id) => byId.get(id) ?? []),
  )
}

/** How many quotes, speakers, outlets and articles there are. */
export async function counts(db: PgDb): Promise<Counts> {
  const { rows } = await db.$client.query(
    `SELECT (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM speakers) AS speakers,
            (SELECT count(*) FROM outlets) AS outlets, (SELECT count(*) FROM articles) AS articles`,
  )
  const row = rows[0] as Record<keyof Counts, string>
  return {
    quotes: Number(row.quotes),
    speakers: Number(row.speakers),
    outlets: Number(row.outlets),
    articles: Number(row.articles),
  }
}

/** Articles as records an import reads back (body included), by url, in url order. */
export async function getArticleRecords(db: PgDb, urls: string[]): Promise<ArticleRecord[]> {
  if (urls.length === 0) return []
  const rows = await db
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
    .where(anyOf(articles.url, urls))
    // SQLite reads them through the url index, in url order.
    .orderBy(asc(articles.url))
  return rows.map(({ publishedOn, datePrecision, ...article }) => ({
    ...article,
    published: formatPartialDate(publishedOn, datePrecision).date,
  }))
}

/** The urls of the next `limit` articles after the article `afterId`, in id order (for exports). */
export async function articlesAfter(
  db: PgDb,
  afterId: number,
  limit: number,
): Promise<Array<{ id: number; url: string }>> {
  return db
    .select({ id: articles.id, url: articles.url })
    .from(articles)
    .where(gt(articles.id, afterId))
    .orderBy(asc(articles.id))
    .limit(limit)
}

/** Every outlet's name and aliases. */
export async function outletNames(db: PgDb): Promise<Array<{ name: string; aliases: string[] }>> {
  return (await outletNameDocuments(db)).map(({ name, aliases }) => ({ name, aliases }))
}
