/**
 * The PostgreSQL writes on a real server: a refused change leaves nothing behind and the
 * transaction usable, a bundle written again keeps what was stored, merges move quotes with their
 * titles, and the kept directory catches up with the names a write changed.
 */
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bundle, QuoteRecord } from '../../../src/domain/bundle'
import { createBundleWriter } from '../../../src/db/pg/bundle-writer'
import { drizzleOn, openPostgres, type PgConnections, type PgDb } from '../../../src/db/pg/client'
import * as writes from '../../../src/db/pg/entity-writes'
import { readArticles } from '../../../src/db/pg/import-session'
import { keepDirectory } from '../../../src/db/pg/kept-directory'
import { ADMIN_URL, freshDatabase } from './database'

let drop: (() => Promise<void>) | undefined
let opened: PgConnections

const body = 'The mayor said "We will build the bridge." Later she said it again.'

const quote = (changes: Partial<QuoteRecord> = {}): QuoteRecord => ({
  article: 'https://planet.example/bridge',
  speaker: 'jane-doe',
  text: 'We will build the bridge.',
  kind: 'direct',
  cue: 'said',
  speakerTitle: 'Mayor',
  audience: null,
  citedOutlet: null,
  said: null,
  start: 17,
  end: 42,
  extraction: null,
  ...changes,
})

const bundle = (): Bundle => ({
  outlets: [
    {
      slug: 'daily-planet',
      name: 'The Daily Planet',
      kind: 'newspaper',
      country: 'US',
      domain: 'planet.example',
      aliases: ['Planet', 'Planet'],
    },
  ],
  speakers: [
    {
      slug: 'jane-doe',
      name: 'Jane Doe',
      description: null,
      wikidataId: null,
      anonymous: false,
      aliases: ['J. Doe'],
    },
  ],
  articles: [
    {
      url: 'https://planet.example/bridge',
      outlet: 'daily-planet',
      title: 'The bridge',
      published: '2025-02',
      language: 'en',
      byline: null,
      body,
    },
  ],
  quotes: [
    quote(),
    // Again in the same bundle: one quote.
    quote({ cue: 'repeated' }),
    // Without offsets: matched by text, kind and speaker.
    quote({ text: 'it again', kind: 'paraphrase', start: null, end: null, speakerTitle: null }),
  ],
})

/** Runs `work` in a transaction of its own, committed unless `rollback`. */
async function inTransaction<T>(work: (db: PgDb) => Promise<T>, rollback = false): Promise<T> {
  const client = await opened.pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(drizzleOn(client))
    await client.query(rollback ? 'ROLLBACK' : 'COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  (await opened.pool.query<R>(text, values)).rows

const titlesOf = async (slug: string) =>
  (
    await query<{ title: string }>(
      `SELECT title FROM speaker_titles t JOIN speakers s ON s.id = t.speaker_id
       WHERE s.slug = $1 ORDER BY title`,
      [slug],
    )
  ).map((row) => row.title)

describe.runIf(ADMIN_URL)('the PostgreSQL writes', () => {
  beforeAll(async () => {
    const database = await freshDatabase()
    drop = database.drop
    opened = await openPostgres(database.url)
  }, 60_000)

  afterAll(async () => {
    await opened?.close()
    await drop?.()
  })

  it('writes a bundle, and keeps what is stored when it is written again', async () => {
    const first = await inTransaction((db) => createBundleWriter(db)(bundle()))
    expect(first.summary).toEqual({
      outlets: { added: 1, existing: 0 },
      speakers: { added: 1, existing: 0 },
      articles: { added: 1, existing: 0 },
      quotes: { added: 2, existing: 1 },
    })
    expect(first.outlets).toEqual(['daily-planet'])
    expect(first.speakers).toEqual(['jane-doe'])
    expect(first.articles).toEqual(['https://planet.example/bridge'])
    expect(first.quoteIds).toHaveLength(2)
    expect(first.quoteIds[0]).toBeLessThan(first.quoteIds[1]!)
    expect(first.existingQuoteIds).toEqual([first.quoteIds[0]])
    expect(await titlesOf('jane-doe')).toEqual(['Mayor'])

    const changed = bundle()
    changed.outlets[0]!.name = 'Renamed'
    changed.quotes.push(quote({ start: 0, end: 3, text: 'The', cue: null }))
    const second = await inTransaction((db) => createBundleWriter(db)(changed))
    expect(second.summary).toEqual({
      outlets: { added: 0, existing: 1 },
      speakers: { added: 0, existing: 1 },
      articles: { added: 0, existing: 1 },
      quotes: { added: 1, existing: 3 },
    })
    expect(second.outlets).toEqual([])
    expect(second.existingQuoteIds).toEqual([
      first.quoteIds[0],
      first.quoteIds[0],
      first.quoteIds[1],
    ])
    const [outlet] = await query<{ name: string }>(
      "SELECT name FROM outlets WHERE slug = 'daily-planet'",
    )
    expect(outlet!.name).toBe('The Daily Planet')
    const [{ n }] = (await query<{ n: string }>('SELECT count(*) AS n FROM quotes')) as [
      { n: string },
    ]
    expect(Number(n)).toBe(3)
    // The names the triggers copy into the search document.
    const [document] = await query<{ search_speaker: string; search_outlets: string }>(
      'SELECT search_speaker, search_outlets FROM quotes WHERE id = $1',
      [first.quoteIds[0]],
    )
    expect(document).toEqual({
      search_speaker: 'Jane Doe J. Doe',
      search_outlets: 'The Daily Planet Planet',
    })
    expect(
      await inTransaction((db) => readArticles(db, ['https://planet.example/bridge', 'x'])),
    ).toEqual(new Map([['https://planet.example/bridge', { body }]]))
  })

  it('identifies a speaker known by name alone with the first id given, once', async () => {
    const written = await inTransaction((db) =>
      createBundleWriter(db)({
        outlets: [],
        speakers: [],
        articles: [],
        quotes: [],
        identities: [
          { slug: 'nobody-stored', wikidataId: 'Q1' },
          { slug: 'jane-doe', wikidataId: 'Q42' },
          { slug: 'jane-doe', wikidataId: 'Q43' },
        ],
      }),
    )
    expect(written.identified).toEqual(['jane-doe'])
    const [speaker] = await query<{ wikidata_id: string }>(
      "SELECT wikidata_id FROM speakers WHERE slug = 'jane-doe'",
    )
    expect(speaker!.wikidata_id).toBe('Q42')
  })

  it('refuses a missing reference before writing the bundle', async () => {
    const broken = bundle()
    broken.articles[0]!.url = 'https://planet.example/other'
    broken.articles[0]!.outlet = 'no-such-outlet'
    await expect(inTransaction((db) => createBundleWriter(db)(broken))).rejects.toMatchObject({
      code: 'invalid_parameter',
      message: 'No outlet has the key "no-such-outlet".',
    })
  })

  it('refuses a conflict, changing nothing, and leaves the transaction usable', async () => {
    await inTransaction(async (db) => {
      await writes.createOutlet(db, {
        slug: 'other-outlet',
        name: 'Other',
        kind: null,
        country: null,
        domain: 'other.example',
        aliases: ['Other Times'],
      })
      // The aliases are replaced before the domain conflicts: that too is undone.
      await expect(
        writes.updateOutlet(db, 'other-outlet', {
          aliases: ['Changed'],
          domain: 'planet.example',
        }),
      ).rejects.toMatchObject({ code: 'conflict', param: 'domain' })
      await expect(
        writes.createOutlet(db, { ...bundle().outlets[0]!, domain: null }),
      ).rejects.toMatchObject({
        code: 'conflict',
        param: 'slug',
        message: 'Another record already has this slug.',
      })
      await expect(
        writes.updateOutlet(db, 'other-outlet', { country: 'usa' }),
      ).rejects.toMatchObject({
        code: 'invalid_parameter',
        message: 'The change breaks the rule outlets_country_format.',
      })
      await expect(writes.deleteOutlet(db, 'daily-planet')).rejects.toMatchObject({
        code: 'conflict',
      })
      expect(await writes.updateOutlet(db, 'no-such-outlet', { name: 'x' })).toBe(false)
      // Still usable: this write is kept.
      expect(await writes.updateOutlet(db, 'other-outlet', { name: 'Other Renamed' })).toBe(true)
    })
    const [outlet] = await query<{ name: string; domain: string; country: string | null }>(
      "SELECT name, domain, country FROM outlets WHERE slug = 'other-outlet'",
    )
    expect(outlet).toEqual({ name: 'Other Renamed', domain: 'other.example', country: null })
    const aliases = await query<{ alias: string }>(
      `SELECT alias FROM outlet_aliases a JOIN outlets o ON o.id = a.outlet_id
       WHERE o.slug = 'other-outlet'`,
    )
    expect(aliases).toEqual([{ alias: 'Other Times' }])
  })

  it('refuses a quote moved onto the span of another, and one naming an unknown speaker', async () => {
    const [moving] = await query<{ id: number }>(
      'SELECT id FROM quotes WHERE start = 0 AND "end" = 3',
    )
    await inTransaction(async (db) => {
      await expect(
        writes.updateQuote(db, moving!.id, { start: 17, end: 42 }),
      ).rejects.toMatchObject({
        code: 'conflict',
        param: 'start',
        message: 'The article already holds a statement of this kind at these offsets.',
      })
      await expect(writes.updateQuote(db, moving!.id, { speaker: 'nobody' })).rejects.toMatchObject(
        { code: 'invalid_parameter', param: 'speaker' },
      )
      expect(await writes.updateQuote(db, 999_999, { cue: 'x' })).toBe(false)
      expect(await writes.quoteForChange(db, moving!.id)).toEqual({
        text: 'The',
        start: 0,
        end: 3,
        body,
      })
    })
  })

  it('keeps speakers’ titles in step with their quotes', async () => {
    const ids = (await query<{ id: number }>('SELECT id FROM quotes ORDER BY id')).map(
      (row) => row.id,
    )
    await inTransaction(async (db) => {
      // Two quotes say "Mayor"; changing one keeps the title, changing both drops it.
      expect(await writes.updateQuote(db, ids[0]!, { speakerTitle: 'Former mayor' })).toBe(true)
    })
    expect(await titlesOf('jane-doe')).toEqual(['Former mayor', 'Mayor'])
    await inTransaction((db) => writes.deleteQuote(db, ids[2]!))
    expect(await titlesOf('jane-doe')).toEqual(['Former mayor'])
  })

  it('merges speakers: quotes, titles, names and Wikidata id move to the target', async () => {
    await inTransaction(async (db) => {
      await writes.createSpeaker(db, {
        slug: 'j-doe',
        name: 'J. D.',
        description: null,
        wikidataId: null,
        anonymous: false,
        aliases: [],
      })
      await writes.createSpeaker(db, {
        slug: 'someone-else',
        name: 'Someone Else',
        description: null,
        wikidataId: 'Q7',
        anonymous: false,
        aliases: [],
      })
    })
    await expect(
      inTransaction((db) => writes.mergeSpeakers(db, 'j-doe', ['jane-doe', 'someone-else'])),
    ).rejects.toMatchObject({ code: 'conflict', param: 'from' })
    const kept = await inTransaction(keepDirectory)
    const moved = await inTransaction((db) => writes.mergeSpeakers(db, 'j-doe', ['jane-doe']))
    expect(moved).toBe(true)
    const speakers = await query<{ slug: string; quotes: string; wikidata_id: string }>(
      `SELECT s.slug, s.wikidata_id, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes
       FROM speakers s ORDER BY slug`,
    )
    expect(speakers).toEqual([
      { slug: 'j-doe', wikidata_id: 'Q42', quotes: '2' },
      { slug: 'someone-else', wikidata_id: 'Q7', quotes: '0' },
    ])
    expect(await titlesOf('j-doe')).toEqual(['Former mayor'])
    const [document] = await query<{ search_speaker: string }>(
      'SELECT DISTINCT search_speaker FROM quotes WHERE speaker_id IS NOT NULL',
    )
    expect(document!.search_speaker.split(' ').sort()).toEqual(
      ['D.', 'Doe', 'Doe', 'J.', 'J.', 'Jane'].sort(),
    )

    // The kept directory takes the merge in from the change feed.
    expect(await inTransaction((db) => kept.catchUp(db))).toBe(true)
    expect(kept.directory.speakers.map((s) => [s.slug, s.aliases.sort()])).toEqual([
      ['j-doe', ['J. Doe', 'Jane Doe']],
      ['someone-else', []],
    ])
    expect(kept.directory.restated.map((r) => [r.kind, r.before?.slug, r.after?.slug])).toEqual([
      ['speaker', 'jane-doe', undefined],
      ['speaker', 'j-doe', 'j-doe'],
    ])
    await expect(inTransaction((db) => writes.deleteSpeaker(db, 'j-doe'))).rejects.toMatchObject({
      code: 'conflict',
    })
  })

  it('merges outlets: articles and citations move, names become aliases', async () => {
    const [article] = await query<{ id: number }>('SELECT id FROM articles')
    await inTransaction(async (db) => {
      expect(await writes.mergeOutlets(db, 'other-outlet', ['daily-planet'])).toBe(true)
      expect(await writes.mergeOutlets(db, 'other-outlet', ['gone'])).toBe(false)
    })
    const [moved] = await query<{ slug: string }>(
      'SELECT o.slug FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = $1',
      [article!.id],
    )
    expect(moved!.slug).toBe('other-outlet')
    const aliases = await query<{ alias: string }>('SELECT alias FROM outlet_aliases')
    expect(aliases.map((a) => a.alias).sort()).toEqual([
      'Other Times',
      'Planet',
      'The Daily Planet',
      'planet.example',
    ])
    await inTransaction(async (db) => {
      expect(await writes.articleIdByUrl(db, 'https://planet.example/bridge')).toBe(article!.id)
      expect(await writes.deleteArticle(db, article!.id)).toBe(true)
      expect(await writes.deleteArticle(db, article!.id)).toBe(false)
    })
    expect(await query('SELECT * FROM quotes')).toEqual([])
    expect(await titlesOf('j-doe')).toEqual([])
    expect(await inTransaction((db) => writes.deleteOutlet(db, 'other-outlet'))).toBe(true)
  })
})
