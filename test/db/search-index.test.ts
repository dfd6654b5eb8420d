import { describe, expect, it } from 'vitest'
import { entriesOf, importEntries } from '../../src/import/importer'
import { seededQuotedb } from '../helpers'

/** Quote ids the FTS index returns for a MATCH expression. */
async function matching(expression: string) {
  const quotedb = await seededQuotedb()
  const ids = (match: string) =>
    quotedb.db.$client
      .prepare('SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid')
      .pluck()
      .all(match) as number[]
  return { ...quotedb, ids, before: ids(expression) }
}

const speakerQuoteIds = (db: Awaited<ReturnType<typeof seededQuotedb>>['db'], slug: string) =>
  db.$client
    .prepare(
      'SELECT q.id FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE s.slug = ? ORDER BY q.id',
    )
    .pluck()
    .all(slug) as number[]

describe('the quotes_fts index', () => {
  it('holds for every quote exactly the row the view quote_search_documents defines', async () => {
    const { db, store } = await seededQuotedb()
    await importEntries(
      store,
      entriesOf([
        {
          article: { url: 'https://www.nytimes.com/x', outlet: 'NYT', published: '2025-02-18' },
          text: 'well into sovereign Mexico',
          speaker: { name: 'Jane Roe', aliases: ['J. Roe', 'Roe'], description: 'A spokesperson' },
          speakerTitle: 'spokeswoman',
          citedOutlet: 'Los Angeles Times',
        },
      ]),
    )
    const index = db.$client
      .prepare('SELECT rowid AS id, text, speaker, title, outlets FROM quotes_fts ORDER BY rowid')
      .all()
    const view = db.$client
      .prepare('SELECT id, text, speaker, title, outlets FROM quote_search_documents ORDER BY id')
      .all()
    expect(index).toHaveLength(28)
    expect(index).toEqual(view)
  })

  it('holds each quote with its speaker names, title and outlet names', async () => {
    const { db } = await seededQuotedb()
    const row = db.$client
      .prepare(
        `SELECT f.* FROM quotes_fts f JOIN quotes q ON q.id = f.rowid WHERE q.text LIKE 'They know that%'`,
      )
      .get() as Record<string, string>
    expect(row.speaker).toBe('Todd Zimmerman Zimmerman')
    expect(row.title).toContain('special agent in Mexico City')
    expect(row.outlets).toContain('The Independent')
    expect(row.outlets).toContain('Los Angeles Times')
  })

  it('follows a new speaker alias at once', async () => {
    const { db, ids, before } = await matching('amlo')
    expect(before).toEqual([])
    db.$client
      .prepare(
        `INSERT INTO speaker_aliases (speaker_id, alias) SELECT id, 'AMLO' FROM speakers WHERE slug = 'claudia-sheinbaum'`,
      )
      .run()
    expect(ids('amlo')).toEqual(speakerQuoteIds(db, 'claudia-sheinbaum'))
  })

  it('follows a removed alias, a renamed speaker and a renamed outlet', async () => {
    const { db, ids } = await matching('zimmerman')
    const hegseth = speakerQuoteIds(db, 'pete-hegseth')
    expect(ids('speaker:pete')).toEqual(hegseth)
    db.$client
      .prepare(`DELETE FROM speaker_aliases WHERE alias = 'Defense Secretary Pete Hegseth'`)
      .run()
    db.$client
      .prepare(`UPDATE speakers SET name = 'Peter Hegseth' WHERE slug = 'pete-hegseth'`)
      .run()
    expect(ids('speaker:peter')).toEqual(hegseth)
    expect(ids('speaker:pete')).toEqual([])
    db.$client
      .prepare(`UPDATE outlets SET name = 'The L.A. Times' WHERE slug = 'los-angeles-times'`)
      .run()
    expect(ids('"l a times"')).toEqual(speakerQuoteIds(db, 'todd-zimmerman'))
  })

  it('drops a deleted quote and re-indexes an edited one', async () => {
    const { db, ids, before } = await matching('vaporized')
    expect(before).toHaveLength(1)
    db.$client
      .prepare(`UPDATE quotes SET text = 'they could be evaporated' WHERE id = ?`)
      .run(before[0])
    expect(ids('vaporized')).toEqual([])
    expect(ids('evaporated')).toEqual(before)
    db.$client.prepare('DELETE FROM quotes WHERE id = ?').run(before[0])
    expect(ids('evaporated')).toEqual([])
  })
})

describe('the speaker_titles table', () => {
  /** What the table holds, against what the quotes say, for every speaker. */
  const titles = (db: Awaited<ReturnType<typeof seededQuotedb>>['db']) => ({
    held: db.$client
      .prepare('SELECT speaker_id, title FROM speaker_titles ORDER BY 1, 2')
      .raw()
      .all(),
    used: db.$client
      .prepare(
        `SELECT DISTINCT speaker_id, speaker_title FROM quotes
         WHERE speaker_id IS NOT NULL AND speaker_title IS NOT NULL ORDER BY 1, 2`,
      )
      .raw()
      .all(),
  })

  it('holds exactly the titles the quotes use, through inserts, changes and deletions', async () => {
    const { db, services } = await seededQuotedb()
    expect(titles(db).held).toEqual(titles(db).used)
    expect(titles(db).held.length).toBeGreaterThan(3)
    const [first] = (await services.searchQuotes({ q: 'vaporized', limit: 1, offset: 0 })).items
    await services.updateQuote(first!.id, { speakerTitle: 'a new title for the test' })
    expect(titles(db).held).toEqual(titles(db).used)
    await services.deleteQuote(first!.id)
    expect(titles(db).held).toEqual(titles(db).used)
    await services.deleteArticle(1)
    expect(titles(db).held).toEqual([])
  })
})

describe('the name index documents', () => {
  it('reads every speaker, however many: more than one statement can bind', async () => {
    const { openDatabase } = await import('../../src/db/client')
    const { createSqliteStore } = await import('../../src/db/sqlite-store')
    const db = openDatabase(':memory:')
    const insert = db.$client.prepare('INSERT INTO speakers (slug, name) VALUES (?, ?)')
    const alias = db.$client.prepare(
      'INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)',
    )
    db.$client.transaction(() => {
      for (let i = 1; i <= 33_000; i++) {
        insert.run(`speaker-${i}`, `Speaker ${i}`)
        if (i % 1000 === 0) alias.run(i, `Alias ${i}`)
      }
    })()
    const documents = await createSqliteStore(db).nameDocuments()
    expect(documents.filter((d) => d.kind === 'speaker')).toHaveLength(33_000)
    expect(documents.find((d) => d.slug === 'speaker-33000')?.aliases).toEqual(['Alias 33000'])
  })
})
