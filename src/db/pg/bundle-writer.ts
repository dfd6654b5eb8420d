/**
 * Writing bundles of resolved, checked records in PostgreSQL, as SQLite's `../bundle-writer.ts`:
 * records are matched to what is stored by natural key, and records already stored are kept as
 * they are. The caller owns the transaction.
 *
 * This is the import's hot path, and every statement is a round trip: each kind of record is
 * looked up and inserted a bundle at a time, with the rows as one array per column
 * (`unnest`), never a statement per row. `ON CONFLICT DO NOTHING` keeps a record another
 * transaction stored meanwhile. The names copied into the quotes' search documents and the change
 * feed are the triggers' (migrations-pg/0002, 0003); a new quote's title joins its speaker's
 * titles here, as in SQLite.
 */
import type { Bundle } from '../../domain/bundle'
import { parsePartialDate } from '../../domain/partial-dates'
import type { BundleWrite } from '../../domain/store'
import { missing } from '../bundle-writer'
import type { PgDb } from './client'
import { keepTitles, type TitleUse } from './entity-writes'

/** Rows per insert: one statement's arrays stay a few megabytes. */
const ROWS_PER_STATEMENT = 5000

/** The columns of `rows` as arrays, one per column: what `unnest` takes as parameters. */
function columnsOf(rows: readonly unknown[][], width: number): unknown[][] {
  const columns = Array.from({ length: width }, () => new Array<unknown>(rows.length))
  rows.forEach((row, i) => row.forEach((value, c) => (columns[c]![i] = value)))
  return columns
}

/**
 * A writer for one session. Every reference in a bundle must resolve to a stored record or one
 * earlier in the bundle. Ids are looked up once per speaker, outlet and article.
 */
export function createBundleWriter(db: PgDb) {
  const client = db.$client
  const outletIds = new Map<string, number>()
  const speakerIds = new Map<string, number>()
  const articleIds = new Map<string, number>()

  /** Looks up, in one statement, the ids of the keys not yet known; remembers those found. */
  async function lookUp(
    known: Map<string, number>,
    from: 'outlets' | 'speakers' | 'articles',
    keys: Iterable<string | null>,
  ): Promise<void> {
    const unknown = new Set<string>()
    for (const key of keys) if (key !== null && !known.has(key)) unknown.add(key)
    if (unknown.size === 0) return
    const column = from === 'articles' ? 'url' : 'slug'
    const { rows } = await client.query<{ id: number; key: string }>(
      `SELECT id, ${column} AS key FROM ${from} WHERE ${column} = ANY($1::text[])`,
      [[...unknown]],
    )
    for (const { id, key } of rows) known.set(key, id)
  }

  /**
   * Inserts `rows` (arrays of `types`' columns) into `table`, skipping those whose `conflict` key
   * is already stored; the keys and ids of the rows inserted.
   */
  async function insertNew(
    table: 'outlets' | 'speakers' | 'articles',
    columns: string,
    types: string[],
    rows: unknown[][],
    key: 'slug' | 'url',
  ): Promise<Map<string, number>> {
    const added = new Map<string, number>()
    const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const slice = rows.slice(i, i + ROWS_PER_STATEMENT)
      const { rows: inserted } = await client.query<{ id: number; key: string }>(
        `INSERT INTO ${table} (${columns}) SELECT * FROM unnest(${unnest})
         ON CONFLICT (${key}) DO NOTHING RETURNING id, ${key} AS key`,
        columnsOf(slice, types.length),
      )
      for (const { id, key } of inserted) added.set(key, id)
    }
    return added
  }

  /** Adds `aliases` (pairs of record id and alias) to `table`, keeping those already there. */
  async function insertAliases(
    table: 'outlet_aliases' | 'speaker_aliases',
    aliases: Array<[number, string]>,
  ): Promise<void> {
    const idColumn = table === 'outlet_aliases' ? 'outlet_id' : 'speaker_id'
    for (let i = 0; i < aliases.length; i += ROWS_PER_STATEMENT) {
      await client.query(
        `INSERT INTO ${table} (${idColumn}, alias) SELECT * FROM unnest($1::int[], $2::text[])
         ON CONFLICT DO NOTHING`,
        columnsOf(aliases.slice(i, i + ROWS_PER_STATEMENT), 2),
      )
    }
  }

  return async function write(bundle: Bundle): Promise<BundleWrite> {
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
    await writeOutlets(bundle, result)
    await writeSpeakers(bundle, result)
    await identifySpeakers(bundle, result)
    const articlesAdded = await writeArticles(bundle, result)
    await writeQuotes(bundle, result, articlesAdded)
    return result
  }

  /** The records of `records` not stored (nor earlier in the bundle), counting the others. */
  function newRecords<R>(
    records: R[],
    keyOf: (record: R) => string,
    known: Map<string, number>,
    tally: { existing: number },
  ): R[] {
    const seen = new Set<string>()
    return records.filter((record) => {
      const key = keyOf(record)
      if (known.has(key) || seen.has(key)) {
        tally.existing++
        return false
      }
      seen.add(key)
      return true
    })
  }

  /** Takes in the ids of the records inserted, in the bundle's order; counts the others stored. */
  function settle<R>(
    records: R[],
    keyOf: (record: R) => string,
    added: Map<string, number>,
    known: Map<string, number>,
    tally: { added: number; existing: number },
    keys: string[],
  ): R[] {
    const inserted: R[] = []
    for (const record of records) {
      const key = keyOf(record)
      const id = added.get(key)
      // Another transaction stored it first: it is kept as it is.
      if (id === undefined) {
        tally.existing++
        continue
      }
      known.set(key, id)
      tally.added++
      keys.push(key)
      inserted.push(record)
    }
    return inserted
  }

  async function writeOutlets(bundle: Bundle, result: BundleWrite): Promise<void> {
    if (bundle.outlets.length === 0) return
    const slug = (o: { slug: string }) => o.slug
    await lookUp(outletIds, 'outlets', bundle.outlets.map(slug))
    const fresh = newRecords(bundle.outlets, slug, outletIds, result.summary.outlets)
    if (fresh.length === 0) return
    const added = await insertNew(
      'outlets',
      'slug, name, kind, country, domain',
      ['text', 'text', 'text', 'text', 'text'],
      fresh.map((o) => [o.slug, o.name, o.kind, o.country, o.domain]),
      'slug',
    )
    const inserted = settle(fresh, slug, added, outletIds, result.summary.outlets, result.outlets)
    await insertAliases(
      'outlet_aliases',
      inserted.flatMap((o) =>
        o.aliases.map((alias): [number, string] => [added.get(o.slug)!, alias]),
      ),
    )
  }

  async function writeSpeakers(bundle: Bundle, result: BundleWrite): Promise<void> {
    if (bundle.speakers.length === 0) return
    const slug = (s: { slug: string }) => s.slug
    await lookUp(speakerIds, 'speakers', bundle.speakers.map(slug))
    const fresh = newRecords(bundle.speakers, slug, speakerIds, result.summary.speakers)
    if (fresh.length === 0) return
    const added = await insertNew(
      'speakers',
      'slug, name, description, wikidata_id, anonymous',
      ['text', 'text', 'text', 'text', 'boolean'],
      fresh.map((s) => [s.slug, s.name, s.description, s.wikidataId, s.anonymous]),
      'slug',
    )
    const inserted = settle(
      fresh,
      slug,
      added,
      speakerIds,
      result.summary.speakers,
      result.speakers,
    )
    await insertAliases(
      'speaker_aliases',
      inserted.flatMap((s) =>
        s.aliases.map((alias): [number, string] => [added.get(s.slug)!, alias]),
      ),
    )
  }

  /** A speaker known by name alone takes the first Wikidata id a record gives for them. */
  async function identifySpeakers(bundle: Bundle, result: BundleWrite): Promise<void> {
    const identities = bundle.identities ?? []
    if (identities.length === 0) return
    const { rows } = await client.query<{ slug: string }>(
      `UPDATE speakers s SET wikidata_id = i.wikidata_id
       FROM (SELECT DISTINCT ON (slug) slug, wikidata_id
             FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS i(slug, wikidata_id, n)
             ORDER BY slug, n) i
       WHERE s.slug = i.slug AND s.wikidata_id IS NULL
       RETURNING s.slug`,
      [identities.map((i) => i.slug), identities.map((i) => i.wikidataId)],
    )
    const identified = new Set(rows.map((row) => row.slug))
    for (const { slug } of identities) {
      if (identified.delete(slug)) result.identified.push(slug)
    }
  }

  /** Writes the new articles; their ids. */
  async function writeArticles(bundle: Bundle, result: BundleWrite): Promise<Set<number>> {
    const articlesAdded = new Set<number>()
    if (bundle.articles.length === 0) return articlesAdded
    const url = (a: { url: string }) => a.url
    await lookUp(articleIds, 'articles', bundle.articles.map(url))
    const fresh = newRecords(bundle.articles, url, articleIds, result.summary.articles)
    if (fresh.length === 0) return articlesAdded
    await lookUp(
      outletIds,
      'outlets',
      fresh.map((a) => a.outlet),
    )
    const rows = fresh.map((article) => {
      const published = parsePartialDate(article.published) ?? missing('date', article.published)
      return [
        outletIds.get(article.outlet) ?? missing('outlet', article.outlet),
        article.url,
        article.title,
        published.firstDay,
        published.precision,
        article.language,
        article.byline,
        article.body,
      ]
    })
    const added = await insertNew(
      'articles',
      'outlet_id, url, title, published_on, date_precision, language, byline, body',
      ['int', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
      rows,
      'url',
    )
    settle(fresh, url, added, articleIds, result.summary.articles, result.articles)
    for (const id of added.values()) articlesAdded.add(id)
    return articlesAdded
  }

  /**
   * Writes the new quotes: those whose natural key — the article with span and kind, or without
   * offsets its text, kind and speaker — is neither stored nor earlier in the bundle.
   */
  async function writeQuotes(
    bundle: Bundle,
    result: BundleWrite,
    articlesAdded: Set<number>,
  ): Promise<void> {
    if (bundle.quotes.length === 0) return
    await lookUp(
      articleIds,
      'articles',
      bundle.quotes.map((q) => q.article),
    )
    await lookUp(
      speakerIds,
      'speakers',
      bundle.quotes.map((q) => q.speaker),
    )
    await lookUp(
      outletIds,
      'outlets',
      bundle.quotes.map((q) => q.citedOutlet),
    )
    const resolved = bundle.quotes.map((quote) => {
      const articleId = articleIds.get(quote.article) ?? missing('article', quote.article)
      const speakerId =
        quote.speaker === null
          ? null
          : (speakerIds.get(quote.speaker) ?? missing('speaker', quote.speaker))
      const citedOutletId =
        quote.citedOutlet === null
          ? null
          : (outletIds.get(quote.citedOutlet) ?? missing('outlet', quote.citedOutlet))
      const placed = quote.start !== null && quote.end !== null
      const key = placed
        ? `${articleId} ${quote.start} ${quote.end} ${quote.kind}`
        : `${articleId} ${speakerId} ${quote.kind} ${quote.text}`
      return { quote, articleId, speakerId, citedOutletId, placed, key }
    })
    // Quotes of articles this bundle adds can only match quotes this bundle adds.
    const stored = await storedQuotes(resolved.filter((q) => !articlesAdded.has(q.articleId)))

    const pending: unknown[][] = []
    const titles: TitleUse[] = []
    /** New quotes by natural key, as their place in `pending`. */
    const pendingKeys = new Map<string, number>()
    /** Quotes found again among the new ones, by their place in `pending`. */
    const repeated: number[] = []
    for (const { quote, articleId, speakerId, citedOutletId, key } of resolved) {
      const again = pendingKeys.get(key)
      if (again !== undefined) {
        result.summary.quotes.existing++
        repeated.push(again)
        continue
      }
      const storedId = stored.get(key)
      if (storedId !== undefined) {
        result.summary.quotes.existing++
        result.existingQuoteIds.push(storedId)
        continue
      }
      pendingKeys.set(key, pending.length)
      pending.push([
        articleId,
        speakerId,
        quote.text,
        quote.kind,
        quote.cue,
        quote.speakerTitle,
        quote.audience,
        citedOutletId,
        quote.said?.phrase ?? null,
        quote.said?.earliest ?? null,
        quote.said?.latest ?? null,
        quote.start,
        quote.end,
        quote.extraction === null ? null : JSON.stringify(quote.extraction),
      ])
      titles.push({ speakerId, title: quote.speakerTitle })
    }
    if (pending.length === 0) return
    const ids = await insertQuotes(pending)
    result.quoteIds.push(...ids)
    for (const i of repeated) result.existingQuoteIds.push(ids[i]!)
    result.summary.quotes.added += pending.length
    await keepTitles(db, titles)
  }

  /** The stored quotes with the natural keys of `quotes`, by key (the first, when several). */
  async function storedQuotes(
    quotes: Array<{
      quote: Bundle['quotes'][number]
      articleId: number
      speakerId: number | null
      placed: boolean
      key: string
    }>,
  ): Promise<Map<string, number>> {
    const found = new Map<string, number>()
    const byKey = new Map(quotes.map((q) => [q.key, q]))
    const placed = [...byKey.values()].filter((q) => q.placed)
    const unplaced = [...byKey.values()].filter((q) => !q.placed)
    if (placed.length > 0) {
      const { rows } = await client.query<{ n: string; id: number }>(
        `SELECT k.n, q.id
         FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])
           WITH ORDINALITY AS k(article_id, start, "end", kind, n)
         JOIN quotes q ON q.article_id = k.article_id AND q.start = k.start
           AND q."end" = k."end" AND q.kind = k.kind`,
        columnsOf(
          placed.map(({ articleId, quote }) => [articleId, quote.start, quote.end, quote.kind]),
          4,
        ),
      )
      for (const { n, id } of rows) found.set(placed[Number(n) - 1]!.key, id)
    }
    if (unplaced.length > 0) {
      const { rows } = await client.query<{ n: string; id: number }>(
        `SELECT k.n, min(q.id) AS id
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])
           WITH ORDINALITY AS k(article_id, speaker_id, text, kind, n)
         JOIN quotes q ON q.article_id = k.article_id AND q.text = k.text AND q.kind = k.kind
           AND q.speaker_id IS NOT DISTINCT FROM k.speaker_id AND q.start IS NULL
         GROUP BY k.n`,
        columnsOf(
          unplaced.map(({ articleId, speakerId, quote }) => [
            articleId,
            speakerId,
            quote.text,
            quote.kind,
          ]),
          4,
        ),
      )
      for (const { n, id } of rows) found.set(unplaced[Number(n) - 1]!.key, id)
    }
    return found
  }

  /** Inserts quotes (rows in column order); their ids, in the same order. */
  async function insertQuotes(pending: unknown[][]): Promise<number[]> {
    const ids: number[] = []
    for (let i = 0; i < pending.length; i += ROWS_PER_STATEMENT) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO quotes (article_id, speaker_id, text, kind, cue, speaker_title, audience,
           cited_outlet_id, said_phrase, said_earliest, said_latest, start, "end", extraction)
         SELECT article_id, speaker_id, text, kind, cue, speaker_title, audience,
           cited_outlet_id, said_phrase, said_earliest, said_latest, start, "end", extraction
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[],
           $14::text[])
           WITH ORDINALITY AS q(article_id, speaker_id, text, kind, cue, speaker_title, audience,
             cited_outlet_id, said_phrase, said_earliest, said_latest, start, "end", extraction, n)
         ORDER BY n
         RETURNING id`,
        columnsOf(pending.slice(i, i + ROWS_PER_STATEMENT), 14),
      )
      // The rows take their ids from the sequence in the order they are inserted, which is `n`'s.
      ids.push(...rows.map((row) => row.id).sort((a, b) => a - b))
    }
    return ids
  }
}
