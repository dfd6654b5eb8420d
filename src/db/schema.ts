/**
 * The database schema: the attribution model as drizzle tables.
 *
 * A quote's chain is speaker → cited outlet → article → reporting outlet. The database enforces what
 * it can (foreign keys, unique keys, check constraints); the import path checks the rest, such as a
 * quote's text standing verbatim at its offsets in the article body.
 *
 * The full-text index (`quotes_fts`) and the triggers that keep it in step are not expressible in
 * drizzle; they live in a hand-written migration (`migrations/0001_*.sql`).
 */
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { DATE_PRECISIONS, OUTLET_KINDS, QUOTE_KINDS } from '../domain/vocabulary'

export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

/** A slug is lower-case ASCII words joined by single hyphens. */
/**
 * A slug: words joined by single hyphens, of lower-case letters (of any script: see `SLUG_PATTERN`)
 * and digits. Of ASCII only a-z, 0-9 and the hyphen; beyond ASCII, `slugify` keeps letters only.
 */
const isSlug = (column: ReturnType<typeof text>) =>
  sql`${column} <> '' AND ${column} NOT GLOB ('*[^-0-9a-z' || char(128) || '-' || char(1114111) || ']*') AND ${column} NOT LIKE '-%' AND ${column} NOT LIKE '%-' AND ${column} NOT LIKE '%--%'`

/** An ISO calendar date, `YYYY-MM-DD`, that SQLite itself accepts as a real date. */
const isIsoDate = (column: ReturnType<typeof text>) =>
  sql`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(${column}) IS ${column}`

export const outlets = sqliteTable(
  'outlets',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Null when not known, as for an outlet known only by a web domain. */
    kind: text('kind', { enum: OUTLET_KINDS }),
    /** ISO 3166-1 alpha-2 country code, upper case. */
    country: text('country'),
    /** The outlet's web domain without `www.`, e.g. `nytimes.com`. */
    domain: text('domain').unique(),
  },
  (t) => [
    check('outlets_slug_format', isSlug(t.slug)),
    check('outlets_name_present', sql`trim(${t.name}) <> ''`),
    check('outlets_kind_known', sql`${t.kind} IS NULL OR ${t.kind} IN (${inList(OUTLET_KINDS)})`),
    check('outlets_country_format', sql`${t.country} IS NULL OR ${t.country} GLOB '[A-Z][A-Z]'`),
    check(
      'outlets_domain_format',
      sql`${t.domain} IS NULL OR (${t.domain} LIKE '%.%' AND ${t.domain} = lower(${t.domain}))`,
    ),
  ],
)

export const outletAliases = sqliteTable(
  'outlet_aliases',
  {
    outletId: integer('outlet_id')
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.outletId, t.alias] }),
    check('outlet_aliases_present', sql`trim(${t.alias}) <> ''`),
  ],
)

export const speakers = sqliteTable(
  'speakers',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** A short description: who the speaker is, in a few words. */
    description: text('description'),
    /** Wikidata item id, e.g. `Q5127014`. */
    wikidataId: text('wikidata_id'),
    /** An anonymous source, such as "a U.S. official" or "U.S. and Mexican officials". */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    check('speakers_slug_format', isSlug(t.slug)),
    check('speakers_name_present', sql`trim(${t.name}) <> ''`),
    check(
      'speakers_wikidata_format',
      sql`${t.wikidataId} IS NULL OR (${t.wikidataId} GLOB 'Q[1-9]*' AND ${t.wikidataId} NOT GLOB 'Q*[^0-9]*')`,
    ),
  ],
)

export const speakerAliases = sqliteTable(
  'speaker_aliases',
  {
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.speakerId, t.alias] }),
    check('speaker_aliases_present', sql`trim(${t.alias}) <> ''`),
  ],
)

/**
 * Every title a speaker has been quoted under, once: what the name index finds speakers by
 * ("defense minister"). Derived from `quotes` by triggers (migration 0004), so reading a speaker's
 * titles never scans the quotes.
 */
export const speakerTitles = sqliteTable(
  'speaker_titles',
  {
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.speakerId, t.title] })],
)

export const articles = sqliteTable(
  'articles',
  {
    // AUTOINCREMENT: an id, once given, is never given again, so a link to an article stays true.
    id: integer('id').primaryKey({ autoIncrement: true }),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => outlets.id),
    url: text('url').notNull().unique(),
    title: text('title'),
    /** The first day of the publication period: the day, or the 1st of the month, or 1 January. */
    publishedOn: text('published_on').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull(),
    /** BCP 47 language tag, e.g. `en`. */
    language: text('language').notNull(),
    byline: text('byline'),
    /** The full text; null for an article known only by its url (its quotes are then unverified). */
    body: text('body'),
  },
  (t) => [
    // An outlet's articles, newest first, read from the index in order.
    index('articles_outlet').on(t.outletId, t.publishedOn, t.id),
    index('articles_published').on(t.publishedOn),
    check('articles_url_format', sql`${t.url} LIKE 'http://%' OR ${t.url} LIKE 'https://%'`),
    check('articles_published_date', isIsoDate(t.publishedOn)),
    check('articles_precision_known', sql`${t.datePrecision} IN (${inList(DATE_PRECISIONS)})`),
    check(
      'articles_published_matches_precision',
      sql`${t.datePrecision} = 'day' OR (${t.datePrecision} = 'month' AND ${t.publishedOn} LIKE '%-01') OR (${t.datePrecision} = 'year' AND ${t.publishedOn} LIKE '%-01-01')`,
    ),
    check(
      'articles_language_format',
      sql`${t.language} GLOB '[a-z][a-z]*' AND length(${t.language}) <= 35`,
    ),
  ],
)

export const quotes = sqliteTable(
  'quotes',
  {
    // AUTOINCREMENT: a deleted quote's id is never reused, so a link to a quote stays true.
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Null when the article attributes the statement to an outlet or a report, not a person. */
    speakerId: integer('speaker_id').references(() => speakers.id),
    /** The text exactly as printed, without the enclosing quotation marks. */
    text: text('text').notNull(),
    kind: text('kind', { enum: QUOTE_KINDS }).notNull(),
    /** The attribution verb or phrase as printed: "said", "told", "according to". */
    cue: text('cue'),
    /** The speaker's title as this article gives it, e.g. "Mexico’s defense minister". */
    speakerTitle: text('speaker_title'),
    /** Whom it was said to, when that is not an outlet: "reporters". */
    audience: text('audience'),
    /** The outlet the article names as the source of the statement. */
    citedOutletId: integer('cited_outlet_id').references(() => outlets.id),
    /** The earliest and latest day it can have been said, where the article says ("last week"). */
    saidEarliest: text('said_earliest'),
    saidLatest: text('said_latest'),
    /** The article's words for when it was said: "last week", "earlier this month". */
    saidPhrase: text('said_phrase'),
    /** JavaScript string offsets of `text` in the article body; null when the body is unknown. */
    start: integer('start'),
    end: integer('end'),
    /**
     * How the extractor attributed the statement, as JSON (`Extraction`: method, confidence, cue
     * and mention spans); null for a statement a person entered. Checked where it is written.
     */
    extraction: text('extraction'),
  },
  (t) => [
    // One statement per span and kind: a partial quote may sit inside a paraphrase, never twice.
    // Also the index for a quote's article (its first column).
    uniqueIndex('quotes_article_span_kind').on(t.articleId, t.start, t.end, t.kind),
    index('quotes_speaker').on(t.speakerId),
    index('quotes_cited_outlet').on(t.citedOutletId),
    // The review queue: extracted statements no person has accepted yet, least sure first.
    index('quotes_review_queue')
      .on(sql`json_extract(${t.extraction}, '$.confidence')`, t.id)
      .where(sql`${t.extraction} IS NOT NULL`),
    check('quotes_text_present', sql`trim(${t.text}) <> ''`),
    check('quotes_kind_known', sql`${t.kind} IN (${inList(QUOTE_KINDS)})`),
    check('quotes_offsets_paired', sql`(${t.start} IS NULL) = (${t.end} IS NULL)`),
    check(
      'quotes_offsets_order',
      sql`${t.start} IS NULL OR (${t.start} >= 0 AND ${t.end} > ${t.start})`,
    ),
    check(
      'quotes_said_earliest_date',
      sql`${t.saidEarliest} IS NULL OR (${isIsoDate(t.saidEarliest)})`,
    ),
    check('quotes_said_latest_date', sql`${t.saidLatest} IS NULL OR (${isIsoDate(t.saidLatest)})`),
    check(
      'quotes_said_order',
      sql`${t.saidEarliest} IS NULL OR ${t.saidLatest} IS NULL OR ${t.saidEarliest} <= ${t.saidLatest}`,
    ),
  ],
)

export type OutletRow = typeof outlets.$inferSelect
export type SpeakerRow = typeof speakers.$inferSelect
export type ArticleRow = typeof articles.$inferSelect
export type QuoteRow = typeof quotes.$inferSelect

/** What a change-log entry is about. */
export const CHANGED_ENTITIES = ['quote', 'article', 'speaker', 'outlet'] as const

/**
 * What happened to it: the row was inserted, updated or deleted; its aliases (`names`) or its
 * speaker titles (`titles`) changed; or a quote's reference to it was added or taken away (`refs`).
 */
export const CHANGE_OPS = ['insert', 'update', 'delete', 'names', 'titles', 'refs'] as const

/**
 * The change feed: one entry for every change to quotes, articles, speakers and outlets, written by
 * triggers in the writing transaction (migration 0008), whatever made the change. Everything kept
 * in memory catches up by reading it forward from the last entry it applied.
 */
export const changeLog = sqliteTable('change_log', {
  // AUTOINCREMENT: positions only grow, even after every entry is pruned.
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  entity: text('entity', { enum: CHANGED_ENTITIES }).notNull(),
  entityId: integer('entity_id').notNull(),
  op: text('op', { enum: CHANGE_OPS }).notNull(),
  /** Words the change took out of search documents (an old text, an old name); else null. */
  removedWords: text('removed_words'),
})

/**
 * The processes following the feed and how far each has applied it: entries every live reader has
 * passed are pruned. A reader not heard from for a while is dropped (and rebuilds if it returns).
 */
export const changeReaders = sqliteTable('change_readers', {
  reader: text('reader').primaryKey(),
  position: integer('position').notNull(),
  /** When the reader last reported, in milliseconds since 1970. */
  seenAt: integer('seen_at').notNull(),
})

/**
 * One row: `deferred` is 1 while a bulk writer writes new quotes' index rows itself, a batch at a
 * time, and the index trigger stands aside (migration 0008). It is 0 outside that writer's
 * transaction, so any other insert, a hand-run statement included, is indexed as it happens.
 */
export const searchIndexState = sqliteTable('search_index_state', {
  deferred: integer('deferred').notNull(),
})

/**
 * Threads: statements that are one statement (the same quotation in several outlets, a fragment
 * of it, a paraphrase of the claim), linked by the rule in `threads/same-statement.ts`. Every
 * statement the threads have taken in has a row here; a thread's id is the smallest id among its
 * statements. Kept by the writer from the change feed, in the writing transaction
 * (`db/thread-upkeep.ts`); no foreign key, so a deleted quote's row is there for the upkeep to
 * find which thread to form again.
 */
export const quoteThreads = sqliteTable(
  'quote_threads',
  {
    quoteId: integer('quote_id').primaryKey(),
    threadId: integer('thread_id').notNull(),
  },
  (t) => [index('quote_threads_thread').on(t.threadId)],
)

/** Each thread's size, for the counts every statement carries. */
export const threads = sqliteTable('threads', {
  id: integer('id').primaryKey(),
  statements: integer('statements').notNull(),
  /** Outlets that reported or were cited for any of its statements. */
  outlets: integer('outlets').notNull(),
})

/**
 * The candidate index of threads: the fingerprints of each statement (`threads/fingerprints.ts`).
 * A statement edited or deleted leaves its old fingerprints behind: a candidate is always checked
 * against its current text, and a posting whose quote is gone is removed when it is met.
 */
export const quoteFingerprints = sqliteTable(
  'quote_fingerprints',
  {
    fingerprint: integer('fingerprint').notNull(),
    quoteId: integer('quote_id').notNull(),
    /** The statement's named speaker, or 0 for an unknown or anonymous one: candidates of another
     * named speaker are passed over unread. */
    speaker: integer('speaker').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fingerprint, t.quoteId] })],
)

/**
 * One row: how far in the change feed the threads have been kept; null when every statement is
 * to be threaded afresh (a database made before threads, or one whose feed was pruned past it).
 */
export const threadState = sqliteTable('thread_state', {
  position: integer('position'),
})
