/**
 * The PostgreSQL schema on a real PostgreSQL server (`.ci/postgres` starts one; its URL is
 * QUOTEDB_TEST_DATABASE_URL): migrations, full-text search read as quotedb reads it, constraints,
 * and the change feed with its wake-ups. Each run works in a database of its own, dropped after.
 */
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenForChanges, openPostgres, type PgConnections } from '../../../src/db/pg/client'
import { ADMIN_URL, freshDatabase } from './database'
import { tokenize } from '../../../src/search/normalize'

let url: string
let drop: (() => Promise<void>) | undefined
let opened: PgConnections

describe.runIf(ADMIN_URL)('the PostgreSQL schema', () => {
  beforeAll(async () => {
    const database = await freshDatabase()
    url = database.url
    drop = database.drop
    // Two servers starting over one new database at once: one migrates, the other waits for it.
    const [first, second] = await Promise.all([openPostgres(url), openPostgres(url)])
    await second.close()
    opened = first
  }, 60_000)

  afterAll(async () => {
    await opened?.close()
    await drop?.()
  })

  const query = async <R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ) => (await opened.pool.query<R>(text, values)).rows

  /** The quotes whose search document holds the words one after the other. */
  const exactly = async (words: string) =>
    (
      await query<{ id: number }>(
        `SELECT id FROM quotes WHERE search_words @@ phraseto_tsquery('quotedb_simple', $1) ORDER BY id`,
        [words],
      )
    ).map((r) => r.id)

  /** Stores an article with these statements in one transaction; their ids, in order. */
  async function article(url: string, texts: string[]): Promise<number[]> {
    const client = await opened.pool.connect()
    try {
      await client.query('BEGIN')
      const outlet = await client.query(
        `INSERT INTO outlets (slug, name) VALUES ($1, $1) ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id`,
        ['example-daily'],
      )
      const stored = await client.query(
        `INSERT INTO articles (outlet_id, url, published_on, date_precision, language, body)
         VALUES ($1, $2, '2025-03-04', 'day', 'en', $3) RETURNING id`,
        [outlet.rows[0].id, url, texts.join('\n\n')],
      )
      const ids: number[] = []
      for (const text of texts) {
        const quote = await client.query(
          `INSERT INTO quotes (article_id, text, kind) VALUES ($1, $2, 'direct') RETURNING id`,
          [stored.rows[0].id, text],
        )
        ids.push(quote.rows[0].id)
      }
      await client.query('COMMIT')
      return ids
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    } finally {
      client.release()
    }
  }

  it('finds exact phrases, words without their accents, and hyphenated words by their parts', async () => {
    const [vaporized, joaquin, wellKnown] = await article('https://example.com/search', [
      'They could be in a car, and they could be vaporized.',
      'Joaquín Guzmán was extradited.',
      'She is a well-known author.',
    ])
    expect(await exactly('could be vaporized')).toEqual([vaporized])
    expect(await exactly('vaporized could be')).toEqual([])
    // Words as written: other forms are asked for by the query (search/query.ts), not stemmed here.
    expect(await exactly('vaporize')).toEqual([])
    expect(await exactly('joaquin guzman')).toEqual([joaquin])
    expect(await exactly('well known author')).toEqual([wellKnown])
  })

  it('reads the words of any text as the search reads them: folded, split at anything but letters and digits', async () => {
    const texts = [
      'The government’s “quoted” «yes» — ΑΘΗΝΑ Σοφια Ёлка café1 Joaquín Łódź Straße U.S. e-mail 3.5',
      'κλειστός ΟΔΟΣ İstanbul ǅemal Ærø ﬁnal naïve Ångström Đorđe 中文字 ١٢٣ nation\u2019s',
      // Every Latin letter whose accents the search removes, in both cases.
      [...Array(0x250 - 0xc0).keys(), ...Array(0x100).keys()]
        .map((i) => String.fromCodePoint(i < 0x190 ? 0xc0 + i : 0x1e00 + i - 0x190))
        .join(' '),
    ]
    for (const text of texts) {
      const [row] = await query<{ words: string }>('SELECT quotedb_words($1) AS words', [text])
      const split = row!.words.split(' ').filter(Boolean)
      expect(split).toEqual(tokenize(text).flatMap((t) => (t.acronym ? [...t.text] : [t.text])))
    }
  })

  it('finds a quote by the names of its speaker and outlets, as they are renamed', async () => {
    const [said] = await article('https://example.com/names', ['Nothing more to add.'])
    const speaker = await query<{ id: number }>(
      `INSERT INTO speakers (slug, name, description) VALUES ('marta-quispe', 'Marta Quispe', 'harbour master') RETURNING id`,
    )
    await query('UPDATE quotes SET speaker_id = $1, speaker_title = $2 WHERE id = $3', [
      speaker[0]!.id,
      'spokeswoman',
      said,
    ])
    expect(await exactly('marta quispe')).toEqual([said])
    expect(await exactly('harbour master spokeswoman')).toEqual([])
    expect(await exactly('spokeswoman harbour master')).toEqual([said])
    expect(await exactly('example daily')).toContain(said)
    await query(`INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, 'La Capitana')`, [
      speaker[0]!.id,
    ])
    await query(`UPDATE outlets SET name = 'The Daily Example' WHERE slug = 'example-daily'`)
    expect(await exactly('la capitana')).toEqual([said])
    // Aliases replaced as a list, as the writer replaces them: the last list is what finds it.
    await query(`DELETE FROM speaker_aliases WHERE speaker_id = $1`, [speaker[0]!.id])
    await query(
      `INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, 'Capitana Quispe'), ($1, 'MQ')`,
      [speaker[0]!.id],
    )
    expect(await exactly('la capitana')).toEqual([])
    expect(await exactly('capitana quispe')).toEqual([said])
    expect(await exactly('daily example')).toContain(said)
    expect(await exactly('example daily')).not.toContain(said)
    await query('UPDATE quotes SET speaker_id = NULL WHERE id = $1', [said])
    expect(await exactly('marta quispe')).toEqual([])
    // Names kept in step are no changes of the quote: the feed records the speaker's, not its.
    const logged = await query<{ n: string }>(
      `SELECT count(*) AS n FROM change_log WHERE entity = 'quote' AND entity_id = $1 AND op = 'update'`,
      [said],
    )
    expect(Number(logged[0]!.n)).toBe(2)
  })

  it('refuses a statement that breaks a rule, and keeps nothing of its transaction', async () => {
    const before = (await query<{ n: string }>('SELECT count(*) AS n FROM articles'))[0]!.n
    await expect(
      article('https://example.com/refused', ['A fine statement.', '   ']),
    ).rejects.toThrow(/quotes_text_present/)
    expect((await query<{ n: string }>('SELECT count(*) AS n FROM articles'))[0]!.n).toBe(before)
    await expect(article('not a url', ['Words.'])).rejects.toThrow(/articles_url_format/)
    await expect(
      query(`INSERT INTO speakers (slug, name) VALUES ('Not A Slug', 'X')`),
    ).rejects.toThrow(/speakers_slug_format/)
    await expect(
      query(`INSERT INTO speakers (slug, name) VALUES ('josé-núñez', 'José Núñez') RETURNING id`),
    ).resolves.toHaveLength(1)
    await expect(
      query(
        `INSERT INTO articles (outlet_id, url, published_on, date_precision, language)
         SELECT id, 'https://example.com/feb-30', '2025-02-30', 'day', 'en' FROM outlets LIMIT 1`,
      ),
    ).rejects.toThrow()
    await expect(
      query(
        `INSERT INTO articles (outlet_id, url, published_on, date_precision, language)
         SELECT id, 'https://example.com/month', '2025-03-04', 'month', 'en' FROM outlets LIMIT 1`,
      ),
    ).rejects.toThrow(/articles_published_matches_precision/)
  })

  it('records every change in the feed, with the words a change took away', async () => {
    const [head] = await query<{ seq: string | null }>('SELECT max(seq) AS seq FROM change_log')
    const [id] = await article('https://example.com/feed', ['The bridge will open in May.'])
    await query(`UPDATE quotes SET text = 'The bridge opens in June.' WHERE id = $1`, [id])
    await query('DELETE FROM quotes WHERE id = $1', [id])
    const entries = await query<{ entity: string; op: string; removed_words: string | null }>(
      `SELECT entity, op, removed_words FROM change_log WHERE seq > $1 ORDER BY seq`,
      [head!.seq ?? 0],
    )
    expect(entries.filter((e) => e.entity === 'quote')).toEqual([
      { entity: 'quote', op: 'insert', removed_words: null },
      { entity: 'quote', op: 'update', removed_words: 'The bridge will open in May. ' },
      { entity: 'quote', op: 'delete', removed_words: 'The bridge opens in June. ' },
    ])
    expect(entries).toContainEqual({ entity: 'article', op: 'insert', removed_words: null })
    await query(`INSERT INTO speakers (slug, name) VALUES ('ana-ruiz', 'Ana Ruiz')`)
    await query(
      `INSERT INTO speaker_aliases (speaker_id, alias) SELECT id, 'Ruiz' FROM speakers WHERE slug = 'ana-ruiz'`,
    )
    await query(`UPDATE speakers SET name = 'Ana María Ruiz' WHERE slug = 'ana-ruiz'`)
    const speakerEntries = await query<{ op: string; removed_words: string | null }>(
      `SELECT op, removed_words FROM change_log WHERE entity = 'speaker' AND entity_id =
         (SELECT id FROM speakers WHERE slug = 'ana-ruiz') ORDER BY seq`,
    )
    expect(speakerEntries).toEqual([
      { op: 'insert', removed_words: null },
      { op: 'names', removed_words: null },
      { op: 'update', removed_words: 'Ana Ruiz ' },
    ])
  })

  it('wakes every listening server once per commit that changed anything', async () => {
    let wakes = 0
    const stop = await listenForChanges(url, () => wakes++)
    try {
      await article('https://example.com/wake', ['One.', 'Two.', 'Three.', 'Four.'])
      // The notification travels after the commit; wait for it, with a bound.
      for (let waited = 0; wakes === 0 && waited < 5000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20))
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(wakes).toBe(1)
    } finally {
      await stop()
    }
  })
})
