import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { createApp } from '../../src/app'
import { CSV_HEADER } from '../../src/export/quote-rows'
import { readCsvRows } from '../../src/import/readers'
import { buildSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'
import { getJson, seededQuotedb, send, TOKEN } from '../helpers'

type App = Awaited<ReturnType<typeof seededQuotedb>>['app']

async function emptyApp(): Promise<App> {
  const store = createSqliteStore(openDatabase(':memory:'))
  return createApp(createServices({ store, indexes: await buildSearchIndexes(store) }), {
    writeToken: TOKEN,
  })
}

const importText = (app: App, text: string, query = '') =>
  send(app, 'POST', `/api/import${query}`, text, { 'Content-Type': 'application/octet-stream' })

const exportText = async (app: App, path: string) => {
  const response = await app.request(path)
  expect(response.status).toBe(200)
  return { text: await response.text(), type: response.headers.get('Content-Type') }
}

async function csvRows(text: string): Promise<string[][]> {
  const rows: string[][] = []
  for await (const row of readCsvRows(
    (async function* () {
      yield text
    })(),
  )) {
    if ('fields' in row) rows.push(row.fields)
  }
  return rows
}

describe('export and import round trip', () => {
  it('reproduces the whole database from its NDJSON export', async () => {
    const seeded = await seededQuotedb()
    const exported = await exportText(seeded.app, '/api/quotes.ndjson')
    expect(exported.type).toMatch(/^application\/x-ndjson/)
    const copy = await emptyApp()
    const imported = await importText(copy, exported.text)
    expect(imported).toMatchObject({
      status: 200,
      body: { committed: true, added: { outlets: 6, speakers: 9, articles: 1, quotes: 27 } },
    })
    expect((await exportText(copy, '/api/quotes.ndjson')).text).toBe(exported.text)
    expect((await getJson(copy, '/api/quotes?q=vaporized')).body.items[0]).toEqual(
      (await getJson(seeded.app, '/api/quotes?q=vaporized')).body.items[0],
    )
  })

  it('exports only what the filters select, with what it refers to first', async () => {
    const { app } = await seededQuotedb()
    const { text } = await exportText(app, '/api/quotes.ndjson?speaker=todd-zimmerman')
    const records = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(records.map((r) => r.type)).toEqual([
      'outlet',
      'outlet',
      'speaker',
      'article',
      'quote',
      'quote',
    ])
    expect(
      records.filter((r) => r.type === 'quote').every((r) => r.speaker === 'todd-zimmerman'),
    ).toBe(true)
  })

  it('refuses a bad export filter before sending anything', async () => {
    const { app } = await seededQuotedb()
    expect((await getJson(app, '/api/quotes.csv?speaker=nobody')).status).toBe(400)
  })

  it('writes no cell a spreadsheet would run, and reads its own export back unchanged', async () => {
    const { app } = await seededQuotedb()
    const formulas = [
      '=HYPERLINK("http://evil.example","Click")',
      "=cmd|' /C calc'!A0",
      '+1+1',
      '@SUM(A1)',
    ]
    const article = {
      url: 'https://formula.example/a',
      outlet: 'Formula Gazette',
      published: '2024-06-01',
      body: formulas.map((f) => `${f} was typed.`).join(' '),
      quotes: formulas.map((text) => ({ text, kind: 'direct', speaker: '-Dash Person' })),
    }
    expect((await send(app, 'POST', '/api/articles', article)).status).toBe(201)
    const exported = await exportText(app, '/api/quotes.csv?outlet=formula-gazette')
    const rows = (await csvRows(exported.text)).slice(1)
    const field = (row: string[], name: string) => row[CSV_HEADER.indexOf(name as never)]!
    expect(rows.map((r) => field(r, 'text')).sort()).toEqual(formulas.map((f) => `'${f}`).sort())
    expect(rows.every((r) => field(r, 'speaker_name') === "'-Dash Person")).toBe(true)

    const copy = await emptyApp()
    expect((await importText(copy, exported.text, '?format=csv')).status).toBe(200)
    const again = await exportText(copy, '/api/quotes.csv?outlet=formula-gazette')
    const texts = (await csvRows(again.text)).slice(1).map((r) => field(r, 'text'))
    expect(texts.sort()).toEqual(formulas.map((f) => `'${f}`).sort())
    const stored = (await getJson(copy, '/api/quotes?limit=10')).body.items.map(
      (q: { text: string }) => q.text,
    )
    expect(stored.sort()).toEqual([...formulas].sort())
  })

  it('writes CSV whose fields survive: quotation marks, commas and line breaks', async () => {
    const { app } = await seededQuotedb()
    const text = 'He said, "no"\nand left'
    const article = {
      url: 'https://csv.example/a',
      outlet: 'CSV Gazette',
      published: '2024',
      body: `Intro. ${text} Outro.`,
      quotes: [{ text, speaker: 'Jane "JJ" Roe, Jr.' }],
    }
    expect((await send(app, 'POST', '/api/articles', article)).status).toBe(201)
    const exported = await exportText(app, '/api/quotes.csv?outlet=csv-gazette')
    expect(exported.type).toMatch(/^text\/csv/)
    const [header, row] = await csvRows(exported.text)
    expect(header).toEqual([...CSV_HEADER])
    const field = (name: string) => row![CSV_HEADER.indexOf(name as never)]
    expect(field('text')).toBe(text)
    expect(field('speaker_name')).toBe('Jane "JJ" Roe, Jr.')
    expect(field('verified')).toBe('true')

    // Imported into an empty database, the rows come back (unverified: CSV carries no article text).
    const copy = await emptyApp()
    const imported = await importText(copy, exported.text, '?format=csv')
    expect(imported.body).toMatchObject({ committed: true, unverified: 1, added: { quotes: 1 } })
    const quote = (await getJson(copy, '/api/quotes?q=left')).body.items[0]
    expect(quote).toMatchObject({ text, speaker: { name: 'Jane "JJ" Roe, Jr.' }, verified: false })
  })
})

describe('POST /api/import', () => {
  const csv = [
    'quote,author,url,outlet,date',
    '"Hello, ""world""",Jane Roe,https://example.com/a,Example News,2024-05-01',
    'missing date,John Roe,https://example.com/b,Example News,',
    '"Second",Jane Roe,https://example.com/a,Example News,2024-05-01',
  ].join('\r\n')

  it('imports nothing when one record is bad, and lists every problem with its line', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await importText(app, csv)
    expect(status).toBe(400)
    expect(body.error.message).toBe(
      '1 of 3 records are not valid; nothing was imported. Line 3, article.published: published must be a date written YYYY, YYYY-MM or YYYY-MM-DD.',
    )
    expect(body.error.report).toMatchObject({
      committed: false,
      problemCount: 1,
      added: { quotes: 0 },
    })
    expect((await getJson(app, '/api/quotes?q=world')).body.total).toBe(0)
  })

  it('with skipInvalid=true imports the valid records, and a second time adds nothing', async () => {
    const { app } = await seededQuotedb()
    const first = await importText(app, csv, '?skipInvalid=true')
    expect(first.body).toMatchObject({
      committed: true,
      rejected: 1,
      added: { quotes: 2, speakers: 1, outlets: 1 },
    })
    const again = await importText(app, csv, '?skipInvalid=true')
    expect(again.body).toMatchObject({
      committed: true,
      added: { quotes: 0, speakers: 0, outlets: 0, articles: 0 },
    })
    expect((await getJson(app, '/api/quotes?speaker=jane-roe')).body.total).toBe(2)
    expect((await getJson(app, '/api/speakers?q=jane')).body.items[0].slug).toBe('jane-roe')
  })

  it('reads Quotebank lines, with a format named or detected', async () => {
    const { app } = await seededQuotedb()
    const line = JSON.stringify({
      quoteID: '2025-02-20-000001',
      quotation: 'there is cooperation with the United States',
      speaker: 'Claudia Sheinbaum',
      qids: ['Q5127014'],
      date: '2025-02-20 10:00:00',
      numOccurrences: 2,
      probas: [
        ['Claudia Sheinbaum', '0.9'],
        ['None', '0.1'],
      ],
      urls: ['https://www.reuters.com/world/x', 'https://apnews.com/article/y'],
      phase: 'E',
    })
    const { body } = await importText(app, `${line}\n`)
    expect(body).toMatchObject({
      committed: true,
      added: { quotes: 2, articles: 2, speakers: 0 },
      unverified: 2,
    })
    const found = (await getJson(app, '/api/quotes?q=cooperation%20united%20states')).body
    expect(
      found.items.map((q: { reportingOutlet: { slug: string } }) => q.reportingOutlet.slug).sort(),
    ).toEqual(['reuters', 'the-associated-press'])
    expect((await getJson(app, '/api/speakers/claudia-sheinbaum')).body.quoteCount).toBe(9)
  })

  it('takes a CSV slug column as a slug: the speaker that has it, never one named like it', async () => {
    const { app } = await seededQuotedb()
    const seedUrl =
      'https://www.the-independent.com/news/world/americas/us-cia-drone-mexico-el-chapo-b2706887.html'
    const csv = (slug: string) =>
      `text,url,published,speaker_slug\ninvade our sovereignty,${seedUrl},2025-02,${slug}\n`
    // "president-sheinbaum" reads like her alias, but no speaker has it as a slug.
    const refused = await importText(app, csv('president-sheinbaum'), '?format=csv')
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toBe(
      '1 of 1 records are not valid; nothing was imported. Line 2, speaker: no speaker has the slug "president-sheinbaum".',
    )
    const taken = await importText(app, csv('claudia-sheinbaum'), '?format=csv')
    expect(taken).toMatchObject({ status: 200, body: { added: { quotes: 1, speakers: 0 } } })
  })

  it('gives a speaker known by name alone the Wikidata id Quotebank names them by', async () => {
    const { app } = await seededQuotedb()
    const line = (qid: string, id: string) =>
      JSON.stringify({
        quoteID: id,
        quotation: `a statement ${id}`,
        speaker: 'Claudia Sheinbaum',
        qids: [qid],
        date: '2025-02-20 10:00:00',
        probas: [['Claudia Sheinbaum', '0.9']],
        urls: [`https://www.reuters.com/world/${id}`],
      })
    const first = await importText(app, `${line('Q5127014', 'one')}\n`)
    expect(first.body).toMatchObject({ committed: true, added: { speakers: 0 } })
    expect((await getJson(app, '/api/speakers/claudia-sheinbaum')).body.wikidataId).toBe('Q5127014')
    // Another id is another person of that name.
    const second = await importText(app, `${line('Q999', 'two')}\n`)
    expect(second.body).toMatchObject({ committed: true, added: { speakers: 1 } })
    expect((await getJson(app, '/api/speakers/claudia-sheinbaum-2')).body.wikidataId).toBe('Q999')
  })

  it('reads a gzipped upload, and refuses one that unpacks past the body limit', async () => {
    const { app } = await seededQuotedb()
    const file = gzipSync(
      `text,url,published,speaker\nA gzipped statement,https://gz.example/1,2025-01-01,Jane Roe\n`,
    )
    const post = async (body: Uint8Array, headers: Record<string, string> = {}) => {
      const response = await app.request('/api/import?format=csv', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/octet-stream',
          ...headers,
        },
        body,
      })
      return { status: response.status, body: (await response.json()) as any }
    }
    // Sent as a .gz file is, and with Content-Encoding: gzip.
    expect(await post(file)).toMatchObject({ status: 200, body: { added: { quotes: 1 } } })
    expect(await post(file, { 'Content-Encoding': 'gzip' })).toMatchObject({
      status: 200,
      body: { existing: { quotes: 1 } },
    })
    const bomb = await post(gzipSync(Buffer.alloc(17 * 1024 * 1024)))
    expect(bomb).toMatchObject({
      status: 413,
      body: {
        error: {
          code: 'payload_too_large',
          message: `The file unpacks to more than ${16 * 1024 * 1024} bytes; import larger files with "npm run import".`,
        },
      },
    })
    const broken = await post(Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 250, 251]))
    expect(broken).toMatchObject({
      status: 400,
      body: { error: { message: 'The body is not a valid gzip file.' } },
    })
  })

  it('refuses a file it cannot read as a whole, and a format it does not know', async () => {
    const { app } = await seededQuotedb()
    const noText = await importText(app, 'speaker,url\nJane,https://x.example/1\n', '?format=csv')
    expect(noText.status).toBe(400)
    expect(noText.body.error.message).toMatch(
      /^The file cannot be imported: the CSV header has no column for the quote text/,
    )
    expect((await importText(app, '[]', '?format=xml')).body.error.param).toBe('format')
  })

  it('answers 413 for a body over the limit', async () => {
    const store = createSqliteStore(openDatabase(':memory:'))
    const app = createApp(createServices({ store, indexes: await buildSearchIndexes(store) }), {
      writeToken: TOKEN,
      maxBodyBytes: 2048,
    })
    const { status, body } = await importText(app, 'x'.repeat(4096))
    expect(status).toBe(413)
    expect(body.error.code).toBe('payload_too_large')
  })
})
