/**
 * The PostgreSQL schema: the same attribution model as the SQLite schema (`../schema.ts`), in
 * drizzle's PostgreSQL dialect, for deployments of several servers over one database.
 *
 * Full-text search is PostgreSQL's own: each quote carries a `tsvector` search document the
 * database computes (generated, stored, GIN-indexed) from its text and the names that find it, as
 * SQLite's FTS5 table holds them: its words read exactly as `search/normalize.ts` reads them
 * (`quotedb_words`: lower case, Latin accents folded, so "Joaquin" finds "Joaquín", and split at
 * anything not a letter or digit, so "U.S." is "u" "s" and "government’s" holds "government"),
 * held as written (`quotedb_simple`). Other word forms are found as in SQLite: the query asks
 * for each form the vocabulary holds (`search/query.ts`), so both engines answer alike. The
 * configuration, the change feed's triggers and those that keep the names are hand-written migrations (`migrations-pg/0000`, `0002`, `0003`).
 */
import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { DATE_PRECISIONS, OUTLET_KINDS, QUOTE_KINDS } from '../../domain/vocabulary'
import { CHANGE_OPS, CHANGED_ENTITIES, inList } from '../schema'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/** A regular expression as PostgreSQL reads it, quoted: backslashes stay backslashes. */
const pattern = (regex: string) => sql.raw(`'${regex}'`)

/** A slug, as SQLite's schema checks it: lower-case letters (any script) and digits, single hyphens. */
const isSlug = (column: AnyPgColumn) =>
  sql`${column} ~ ${pattern('^[a-z0-9\\u0080-\\U0010FFFF]+(-[a-z0-9\\u0080-\\U0010FFFF]+)*$')}`

/** An ISO calendar date, `YYYY-MM-DD`, that is a real day ("2025-02-30" is none). */
const isIsoDate = (column: AnyPgColumn) =>
  sql`${column} ~ ${pattern('^\\d{4}-\\d{2}-\\d{2}$')} AND to_char(${column}::date, 'YYYY-MM-DD') = ${column}`

export const outlets = pgTable(
  'outlets',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: OUTLET_KINDS }),
    country: text('country'),
    domain: text('domain').unique(),
  },
  (t) => [
    check('outlets_slug_format', isSlug(t.slug)),
    check('outlets_name_present', sql`btrim(${t.name}) <> ''`),
    check('outlets_kind_known', sql`${t.kind} IS NULL OR ${t.kind} IN (${inList(OUTLET_KINDS)})`),
    check('outlets_country_format', sql`${t.country} IS NULL OR ${t.country} ~ '^[A-Z]{2}$'`),
    check(
      'outlets_domain_format',
      sql`${t.domain} IS NULL OR (${t.domain} LIKE '%.%' AND ${t.domain} = lower(${t.domain}))`,
    ),
  ],
)

export const outletAliases = pgTable(
  'outlet_aliases',
  {
    outletId: integer('outlet_id')
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.outletId, t.alias] }),
    check('outlet_aliases_present', sql`btrim(${t.alias}) <> ''`),
  ],
)

export const speakers = pgTable(
  'speakers',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description'),
    wikidataId: text('wikidata_id'),
    anonymous: boolean('anonymous').notNull().default(false),
  },
  (t) => [
    check('speakers_slug_format', isSlug(t.slug)),
    check('speakers_name_present', sql`btrim(${t.name}) <> ''`),
    check(
      'speakers_wikidata_format',
      sql`${t.wikidataId} IS NULL OR ${t.wikidataId} ~ '^Q[1-9][0-9]*$'`,
    ),
  ],
)

export const speakerAliases = pgTable(
  'speaker_aliases',
  {
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.speakerId, t.alias] }),
    check('speaker_aliases_present', sql`btrim(${t.alias}) <> ''`),
  ],
)

export const speakerTitles = pgTable(
  'speaker_titles',
  {
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.speakerId, t.title] })],
)

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => outlets.id),
    url: text('url').notNull().unique(),
    title: text('title'),
    publishedOn: text('published_on').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull(),
    language: text('language').notNull(),
    byline: text('byline'),
    body: text('body'),
  },
  (t) => [
    index('articles_outlet').on(t.outletId, t.publishedOn, t.id),
    index('articles_published').on(t.publishedOn),
    check('articles_url_format', sql`${t.url} ~ '^https?://'`),
    check('articles_published_date', isIsoDate(t.publishedOn)),
    check('articles_precision_known', sql`${t.datePrecision} IN (${inList(DATE_PRECISIONS)})`),
    check(
      'articles_published_matches_precision',
      sql`${t.datePrecision} = 'day' OR (${t.datePrecision} = 'month' AND ${t.publishedOn} LIKE '%-01') OR (${t.datePrecision} = 'year' AND ${t.publishedOn} LIKE '%-01-01')`,
    ),
    check(
      'articles_language_format',
      sql`${t.language} ~ '^[a-z][A-Za-z0-9-]*$' AND length(${t.language}) <= 35`,
    ),
  ],
)

export const quotes = pgTable(
  'quotes',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    speakerId: integer('speaker_id').references(() => speakers.id),
    text: text('text').notNull(),
    kind: text('kind', { enum: QUOTE_KINDS }).notNull(),
    cue: text('cue'),
    speakerTitle: text('speaker_title'),
    audience: text('audience'),
    citedOutletId: integer('cited_outlet_id').references(() => outlets.id),
    saidEarliest: text('said_earliest'),
    saidLatest: text('said_latest'),
    saidPhrase: text('said_phrase'),
    start: integer('start'),
    end: integer('end'),
    extraction: text('extraction'),
    /**
     * The words that name the quote's speaker, title and outlets, as SQLite's document index holds
     * them (migrations/0001): kept by the triggers of `migrations-pg/0003_*.sql`, never written.
     */
    searchSpeaker: text('search_speaker').notNull().default(''),
    searchTitle: text('search_title').notNull().default(''),
    searchOutlets: text('search_outlets').notNull().default(''),
    /**
     * The quote's search document: its words as written, accents folded, weighted by where they
     * are (A the text, B the speaker, C the title, D the outlets) as bm25 weighs SQLite's columns.
     */
    searchWords: tsvector('search_words').generatedAlwaysAs(
      sql.raw(
        [
          ['text', 'A'],
          ['search_speaker', 'B'],
          ['search_title', 'C'],
          ['search_outlets', 'D'],
        ]
          .map(
            ([column, weight]) =>
              `setweight(to_tsvector('quotedb_simple'::regconfig, quotedb_words(${column})), '${weight}')`,
          )
          .join(' || '),
      ),
    ),
  },
  (t) => [
    uniqueIndex('quotes_article_span_kind').on(t.articleId, t.start, t.end, t.kind),
    index('quotes_speaker').on(t.speakerId),
    index('quotes_cited_outlet').on(t.citedOutletId),
    index('quotes_search_words').using('gin', t.searchWords),
    index('quotes_review_queue')
      .on(sql`((${t.extraction}::jsonb ->> 'confidence')::real)`, t.id)
      .where(sql`${t.extraction} IS NOT NULL`),
    check('quotes_text_present', sql`btrim(${t.text}) <> ''`),
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

/**
 * The change feed, as in SQLite: one entry per change, written by triggers in the writing
 * transaction; every server reads it forward, woken by `NOTIFY quotedb_changes`.
 */
export const changeLog = pgTable('change_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  entity: text('entity', { enum: CHANGED_ENTITIES }).notNull(),
  entityId: integer('entity_id').notNull(),
  op: text('op', { enum: CHANGE_OPS }).notNull(),
  removedWords: text('removed_words'),
})

/**
 * One row: the last position pruned from the feed. PostgreSQL's positions have holes (a
 * rolled-back write leaves its positions unused), so a reader cannot tell a pruned entry from one
 * never written by looking for `position + 1`: it compares its position with this instead.
 */
export const changeFeedState = pgTable('change_feed_state', {
  prunedThrough: bigint('pruned_through', { mode: 'number' }).notNull(),
})

export const changeReaders = pgTable('change_readers', {
  reader: text('reader').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull(),
  /** When the reader last reported, in milliseconds since 1970. */
  seenAt: bigint('seen_at', { mode: 'number' }).notNull(),
})

export const quoteThreads = pgTable(
  'quote_threads',
  {
    quoteId: integer('quote_id').primaryKey(),
    threadId: integer('thread_id').notNull(),
  },
  (t) => [index('quote_threads_thread').on(t.threadId)],
)

export const threads = pgTable('threads', {
  id: integer('id').primaryKey(),
  statements: integer('statements').notNull(),
  outlets: integer('outlets').notNull(),
})

/** The candidate index of threads, as in SQLite (see `../schema.ts`). */
export const quoteFingerprints = pgTable(
  'quote_fingerprints',
  {
    // 64-bit, as SQLite's integers are (see threads/fingerprints.ts).
    fingerprint: bigint('fingerprint', { mode: 'number' }).notNull(),
    quoteId: integer('quote_id').notNull(),
    speaker: integer('speaker').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fingerprint, t.quoteId] })],
)

/** One row: how far in the change feed the threads have been kept; null to thread afresh. */
export const threadState = pgTable('thread_state', {
  position: bigint('position', { mode: 'number' }),
})
