/**
 * The PostgreSQL reads of speakers, outlets, articles, quotes and export records give what the
 * SQLite ones give for the same rows: the same shapes, the same order (ties, nulls and upper-case
 * letters included), the same counts as numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/db/client'
import * as sqliteEntities from '../../../src/db/entity-queries'
import * as sqliteExports from '../../../src/db/export-queries'
import * as sqliteQuotes from '../../../src/db/quote-queries'
import { openPostgres, type PgConnections } from '../../../src/db/pg/client'
import * as pgEntities from '../../../src/db/pg/entity-queries'
import * as pgExports from '../../../src/db/pg/export-queries'
import * as pgQuotes from '../../../src/db/pg/quote-queries'
import { ADMIN_URL, freshDatabase } from './database'

/** The same rows for both engines, in SQL both read alike. */
const ROWS = [
  `INSERT INTO outlets (id, slug, name, kind, country, domain) VALUES
     (1, 'zeta-news', 'Zeta News', 'newspaper', 'US', 'zeta.com'),
     (2, 'alpha-wire', 'alpha wire', NULL, NULL, NULL),
     (3, 'beta-times', 'Beta Times', 'newspaper', 'GB', 'beta.co.uk'),
     (4, 'beta-times-2', 'Beta Times', NULL, NULL, NULL)`,
  `INSERT INTO outlet_aliases (outlet_id, alias) VALUES
     (1, 'zn'), (1, 'ZN Daily'), (1, 'Zeta'), (3, 'the Times'), (3, 'BT')`,
  `INSERT INTO speakers (id, slug, name, description, wikidata_id, anonymous) VALUES
     (1, 'ana-ruiz', 'Ana Ruiz', 'minister', 'Q42', false),
     (2, 'a-us-official', 'a U.S. official', NULL, NULL, true),
     (3, 'bo-lee', 'Bo Lee', NULL, NULL, false),
     (4, 'bo-lee-2', 'Bo Lee', NULL, NULL, false),
     (5, 'cy-quiet', 'Cy Quiet', NULL, NULL, false)`,
  `INSERT INTO speaker_aliases (speaker_id, alias) VALUES
     (1, 'ruiz'), (1, 'Ana'), (1, 'A. Ruiz'), (3, 'Lee')`,
  `INSERT INTO speaker_titles (speaker_id, title) VALUES
     (1, 'Defense Minister'), (1, 'minister of defense'), (3, 'mayor')`,
  `INSERT INTO articles (id, outlet_id, url, title, published_on, date_precision, language, byline, body)
   VALUES
     (1, 1, 'https://zeta.com/b', 'B', '2024-05-01', 'month', 'en', 'Jo', 'Ana Ruiz said yes. Lee said no.'),
     (2, 1, 'https://zeta.com/a', NULL, '2024-05-01', 'day', 'en', NULL, NULL),
     (3, 3, 'https://beta.co.uk/Z', 'Z', '2023-01-01', 'year', 'en-GB', NULL, 'Body'),
     (4, 4, 'https://beta2.com/', NULL, '2023-02-01', 'day', 'en', NULL, NULL)`,
  `INSERT INTO quotes (id, article_id, speaker_id, text, kind, cue, speaker_title, audience,
       cited_outlet_id, said_earliest, said_latest, said_phrase, start, "end", extraction)
   VALUES
     (1, 1, 1, 'yes', 'direct', 'said', 'minister', NULL, NULL, NULL, NULL, NULL, 15, 18,
      '{"confidence":0.5,"method":"x"}'),
     (2, 1, 3, 'no', 'direct', 'said', NULL, 'reporters', 3, '2024-04-01', '2024-04-30', 'in April',
      28, 30, '{"confidence":0.25}'),
     (8, 4, 3, 'last', 'direct', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
     (3, 1, 2, 'an unplaced statement', 'paraphrase', NULL, NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL,
      '{"confidence":0.5}'),
     (4, 1, NULL, 'Ana Ruiz said yes', 'paraphrase', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 17, NULL),
     (5, 2, 1, 'another', 'direct', NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL),
     (6, 3, 4, 'far away', 'direct', NULL, NULL, NULL, 1, NULL, NULL, '2022', NULL, NULL,
      '{"confidence":0.1}'),
     (7, 3, 3, 'earlier', 'direct', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `INSERT INTO threads (id, statements, outlets) VALUES (1, 3, 2)`,
  `INSERT INTO quote_threads (quote_id, thread_id) VALUES (1, 1), (5, 1), (6, 1)`,
]

let sqlite: Db
let postgres: PgConnections
let drop: (() => Promise<void>) | undefined

describe.runIf(ADMIN_URL)('the PostgreSQL entity and quote reads', () => {
  beforeAll(async () => {
    const database = await freshDatabase()
    drop = database.drop
    postgres = await openPostgres(database.url)
    sqlite = openDatabase(':memory:')
    for (const statement of ROWS) {
      sqlite.$client.exec(statement)
      await postgres.pool.query(statement)
    }
  }, 60_000)

  afterAll(async () => {
    sqlite?.$client.close()
    await postgres?.close()
    await drop?.()
  })

  /** What a read gives on SQLite, checked against what it gives on PostgreSQL. */
  async function alike<A extends unknown[], R>(
    onSqlite: (db: Db, ...args: A) => R,
    onPostgres: (db: PgConnections['db'], ...args: A) => Promise<R>,
    ...args: A
  ): Promise<R> {
    const expected = onSqlite(sqlite, ...args)
    expect(await onPostgres(postgres.db, ...args)).toStrictEqual(expected)
    return expected
  }

  it('lists and reads speakers, ties by name and then id', async () => {
    for (const page of [
      { limit: 10, offset: 0 },
      { limit: 2, offset: 1 },
    ])
      await alike(sqliteEntities.listSpeakers, pgEntities.listSpeakers, page)
    const speaker = await alike(sqliteEntities.getSpeaker, pgEntities.getSpeaker, 'ana-ruiz')
    expect(speaker?.outlets.map((o) => o.outlet.slug)).toEqual(['zeta-news'])
    expect(speaker?.aliases).toEqual(['A. Ruiz', 'Ana', 'ruiz'])
    expect(
      (await alike(sqliteEntities.getSpeaker, pgEntities.getSpeaker, 'a-us-official'))?.anonymous,
    ).toBe(true)
    // Quoted by three outlets once each, two of one name: by name, then the first stored.
    const quoted = await alike(sqliteEntities.getSpeaker, pgEntities.getSpeaker, 'bo-lee')
    expect(quoted?.outlets.map((o) => o.outlet.slug)).toEqual([
      'beta-times',
      'beta-times-2',
      'zeta-news',
    ])
    expect(await pgEntities.getSpeaker(postgres.db, 'nobody')).toBeNull()
    await alike(sqliteEntities.getSpeakers, pgEntities.getSpeakers, [
      'bo-lee',
      'nobody',
      'ana-ruiz',
    ])
    await alike(sqliteEntities.getSpeakers, pgEntities.getSpeakers, [])
  })

  it('lists and reads outlets with their counts as numbers', async () => {
    const listed = await alike(sqliteEntities.listOutlets, pgEntities.listOutlets, {
      limit: 10,
      offset: 0,
    })
    expect(typeof listed.items[0]?.publishedCount).toBe('number')
    await alike(sqliteEntities.getOutlets, pgEntities.getOutlets, ['beta-times', 'zeta-news'])
    await alike(sqliteEntities.getOutlet, pgEntities.getOutlet, 'alpha-wire')
    await alike(sqliteEntities.getOutlet, pgEntities.getOutlet, 'nowhere')
  })

  it("lists an outlet's articles and reads an article, unplaced statements first", async () => {
    await alike(sqliteEntities.listOutletArticles, pgEntities.listOutletArticles, 'zeta-news', {
      limit: 10,
      offset: 0,
    })
    await alike(sqliteEntities.listOutletArticles, pgEntities.listOutletArticles, 'nowhere', {
      limit: 10,
      offset: 0,
    })
    const article = await alike(sqliteEntities.getArticle, pgEntities.getArticle, 1)
    expect(article?.statements.map((s) => s.id)).toEqual([3, 4, 1, 2])
    await alike(sqliteEntities.getArticle, pgEntities.getArticle, 3)
    await alike(sqliteEntities.getArticle, pgEntities.getArticle, 99)
  })

  it('tells unknown slugs, counts, and reads articles for imports and exports', async () => {
    await alike(sqliteEntities.unknownSlugs, pgEntities.unknownSlugs, 'speaker', [
      'x',
      'bo-lee',
      'a',
    ])
    await alike(sqliteEntities.unknownSlugs, pgEntities.unknownSlugs, 'outlet', ['zeta-news', 'y'])
    expect(await alike(sqliteEntities.counts, pgEntities.counts)).toEqual({
      quotes: 8,
      speakers: 5,
      outlets: 4,
      articles: 4,
    })
    const records = await alike(sqliteEntities.getArticleRecords, pgEntities.getArticleRecords, [
      'https://zeta.com/b',
      'https://beta.co.uk/Z',
      'https://zeta.com/a',
      'https://nowhere.org/',
    ])
    expect(records.map((r) => r.url)).toEqual([
      'https://beta.co.uk/Z',
      'https://zeta.com/a',
      'https://zeta.com/b',
    ])
    await alike(sqliteEntities.articlesAfter, pgEntities.articlesAfter, 1, 5)
  })

  it('reads the name documents, all or some, in the order SQLite gives them', async () => {
    await alike(sqliteEntities.nameDocuments, pgEntities.nameDocuments)
    await alike(sqliteEntities.outletNames, pgEntities.outletNames)
    await alike(sqliteEntities.nameDocumentsOf, pgEntities.nameDocumentsOf, 'speaker', [3, 1, 9, 3])
    await alike(sqliteEntities.nameDocumentsOf, pgEntities.nameDocumentsOf, 'outlet', [4, 1])
    // More ids than SQLite binds at once: read in slices there, each slice in id order.
    const many = [5, ...Array.from({ length: 600 }, (_, i) => 1000 - i), 2, 1]
    const documents = await alike(
      sqliteEntities.nameDocumentsOf,
      pgEntities.nameDocumentsOf,
      'speaker',
      many,
    )
    expect(documents.map((d) => d.id)).toEqual([5, 1, 2])
  })

  it('reads export records a page at a time and by slug', async () => {
    const after = async <R>(
      onSqlite: (db: Db, afterId: number, limit: number) => R,
      onPostgres: (db: PgConnections['db'], afterId: number, limit: number) => Promise<R>,
    ) => {
      await alike(onSqlite, onPostgres, 0, 2)
      await alike(onSqlite, onPostgres, 2, 10)
    }
    await after(sqliteExports.outletRecordsAfter, pgExports.outletRecordsAfter)
    await after(sqliteExports.speakerRecordsAfter, pgExports.speakerRecordsAfter)
    await alike(sqliteExports.outletRecordsOf, pgExports.outletRecordsOf, ['beta-times', 'x'])
    await alike(sqliteExports.speakerRecordsOf, pgExports.speakerRecordsOf, ['bo-lee', 'ana-ruiz'])
    await alike(sqliteExports.speakerRecordsOf, pgExports.speakerRecordsOf, [])
  })

  it('reads quotes, threads and the review queue', async () => {
    for (const id of [1, 2, 3, 4, 6, 99]) await alike(sqliteQuotes.getQuote, pgQuotes.getQuote, id)
    expect((await pgQuotes.getQuote(postgres.db, 1))?.extraction).toEqual({
      confidence: 0.5,
      method: 'x',
    })
    expect(
      await alike(sqliteQuotes.threadStatementIds, pgQuotes.threadStatementIds, 1, 10),
    ).toEqual([6, 1, 5])
    await alike(sqliteQuotes.threadStatementIds, pgQuotes.threadStatementIds, 1, 2)
    await alike(sqliteQuotes.threadStatementIds, pgQuotes.threadStatementIds, 7, 10)
    await alike(sqliteQuotes.threadStatementIds, pgQuotes.threadStatementIds, 5, 10)
    const queue = await alike(sqliteQuotes.reviewQueue, pgQuotes.reviewQueue, {
      limit: 10,
      offset: 0,
    })
    expect(queue).toEqual({ total: 4, ids: [6, 2, 1, 3] })
    await alike(sqliteQuotes.reviewQueue, pgQuotes.reviewQueue, { limit: 1, offset: 1 }, 1)
  })
})
