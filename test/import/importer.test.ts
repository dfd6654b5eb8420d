import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { entriesOf, importEntries } from '../../src/import/importer'
import { readJsonLines } from '../../src/import/readers'
import { seededQuotedb } from '../helpers'

const body =
  'Officials said the flights continue. "We are watching," a spokesman said. "We are watching."'
const article = {
  url: 'https://planet.example/a',
  outlet: 'The Daily Planet',
  published: '2025-02-03',
  body,
}

function emptyStore() {
  const db = openDatabase(':memory:')
  return { db, store: createSqliteStore(db) }
}

const ndjson = (values: unknown[]) =>
  readJsonLines(
    (async function* () {
      yield values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n')
    })(),
  )

describe('importEntries', () => {
  it('finds a quote in its article when no offsets are given, and checks them when they are', async () => {
    const { store } = emptyStore()
    const report = await importEntries(
      store,
      entriesOf([
        {
          type: 'article',
          ...article,
          quotes: [{ text: 'the flights continue', kind: 'paraphrase', speaker: 'Officials' }],
        },
      ]),
    )
    expect(report.committed).toBe(true)
    const [id] = report.added.quoteIds
    expect((await store.getQuote(id!))?.offsets).toEqual({ start: 15, end: 35 })
  })

  it('finds an article stored by an earlier import for a quote record without a type', async () => {
    const { store } = emptyStore()
    expect(
      (await importEntries(store, entriesOf([{ type: 'article', ...article }]))).committed,
    ).toBe(true)
    const report = await importEntries(
      store,
      entriesOf([{ article: article.url, text: 'the flights continue', kind: 'paraphrase' }]),
    )
    expect(report.problems).toEqual([])
    expect(report.summary.quotes.added).toBe(1)
  })

  it('imports a batch of more quotes than a function call takes arguments', async () => {
    const { store } = emptyStore()
    const articles = Array.from({ length: 13 }, (_, a) => ({
      type: 'article',
      url: `https://many.example/${a}`,
      outlet: 'Many Times',
      published: '2025-01-01',
      quotes: Array.from({ length: 10_000 }, (_, q) => ({ text: `Statement ${a}-${q}` })),
    }))
    const report = await importEntries(store, entriesOf(articles))
    expect(report.committed).toBe(true)
    expect(report.added.quoteIds).toHaveLength(130_000)
    expect((await store.counts()).quotes).toBe(130_000)
  }, 60_000)

  it('refuses an article of more than 10,000 quotes, saying so', async () => {
    const { store } = emptyStore()
    const report = await importEntries(
      store,
      entriesOf([
        {
          type: 'article',
          ...article,
          quotes: Array.from({ length: 10_001 }, () => ({ text: 'We are watching' })),
        },
      ]),
    )
    expect(report.problems).toEqual([
      {
        line: 1,
        field: 'quotes',
        message: 'an article holds at most 10,000 quotes; import the rest as quote records',
      },
    ])
  })

  it('lists the first thousand problems and counts them all', async () => {
    const { store } = emptyStore()
    const lines = [...Array(1500).keys()].map((i) => (i % 2 ? 'not json' : '{"text": 1}'))
    const report = await importEntries(store, ndjson(lines))
    expect(report.committed).toBe(false)
    // A line that is not JSON has one problem; {"text": 1} two (the text, the missing article).
    expect(report.problemCount).toBe(750 * 1 + 750 * 2)
    expect(report.problems).toHaveLength(1000)
    expect(report.problems.slice(0, 3).map((p) => [p.line, p.field])).toEqual([
      [1, 'article'],
      [1, 'text'],
      [2, ''],
    ])
    const listed = report.problems.map((p) => p.line)
    expect(listed).toEqual([...listed].sort((a, b) => a - b))
    expect(listed.at(-1)).toBe(667)
  })

  it('refuses a text not in the body, and an ambiguous one without offsets', async () => {
    const { store } = emptyStore()
    const report = await importEntries(
      store,
      entriesOf([
        { type: 'article', ...article },
        { article: article.url, text: 'we are not watching' },
        { article: article.url, text: 'We are watching' },
      ]),
    )
    expect(report.committed).toBe(false)
    expect(report.problems).toEqual([
      { line: 2, field: 'text', message: 'the text is not found in the article body' },
      {
        line: 3,
        field: 'start',
        message:
          'the text occurs more than once in the article body; give start and end to say which',
      },
    ])
  })

  it('is atomic: one bad record and nothing is written, with every problem by line', async () => {
    const { db, store } = emptyStore()
    const report = await importEntries(
      store,
      ndjson([
        { type: 'article', ...article },
        { article: article.url, text: 'the flights continue', kind: 'paraphrase' },
        '{"article": "https://planet.example/a", "text": ',
        { article: article.url, text: 'Officials said', kind: 'rumour' },
        { article: 'https://nowhere.example/x', text: 'Officials said' },
      ]),
    )
    expect(report.committed).toBe(false)
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [3, ''],
      [4, 'kind'],
      [5, 'article'],
    ])
    expect(report.summary.quotes.added).toBe(0)
    expect(await store.counts()).toEqual({ quotes: 0, speakers: 0, outlets: 0, articles: 0 })
    expect(db.$client.prepare('SELECT count(*) FROM quotes_fts').pluck().get()).toBe(0)
  })

  it('with skipInvalid, writes the valid records and hands back each rejected line', async () => {
    const { store } = emptyStore()
    const rejected: Array<[number, string]> = []
    const report = await importEntries(
      store,
      ndjson([
        { type: 'article', ...article },
        {
          article: article.url,
          text: 'the flights continue',
          kind: 'paraphrase',
          speaker: 'Ana Lopez',
        },
        { article: article.url, text: 'not in the body', speaker: 'Rejected Person' },
      ]),
      { skipInvalid: true, onRejected: (line, raw) => void rejected.push([line, raw]) },
    )
    expect(report).toMatchObject({ committed: true, itemsRead: 3, rejected: 1 })
    expect(rejected).toEqual([[3, expect.stringContaining('not in the body')]])
    expect(await store.counts()).toMatchObject({ quotes: 1, articles: 1 })
    // The speaker named only by the rejected line was not created.
    expect((await store.listSpeakers({ limit: 10, offset: 0 })).items.map((s) => s.slug)).toEqual([
      'ana-lopez',
    ])
  })

  it('adds nothing when the same file is imported again', async () => {
    const { store } = emptyStore()
    const items = [
      { type: 'article', ...article },
      {
        article: article.url,
        text: 'the flights continue',
        kind: 'paraphrase',
        speaker: 'Officials',
      },
      {
        article: { url: 'https://planet.example/b', outlet: 'Daily Planet', published: '2025' },
        text: 'No body here',
        speaker: 'Ana',
      },
    ]
    const first = await importEntries(store, entriesOf(items))
    const again = await importEntries(store, entriesOf(items))
    expect(first.summary.quotes).toEqual({ added: 2, existing: 0 })
    expect(again.summary).toEqual({
      outlets: { added: 0, existing: 0 },
      speakers: { added: 0, existing: 0 },
      // The article given as its own record; the one given inside a quote is simply found.
      articles: { added: 0, existing: 1 },
      quotes: { added: 0, existing: 2 },
    })
    expect(await store.counts()).toEqual({ quotes: 2, speakers: 2, outlets: 1, articles: 2 })
  })

  it('stores a quote without offsets, unverified, when its article has no text', async () => {
    const { store } = emptyStore()
    const report = await importEntries(
      store,
      entriesOf([
        {
          article: { url: 'https://x.example/1', outlet: 'x.example', published: '2020-01' },
          text: 'Hello',
          start: 3,
          end: 8,
        },
      ]),
    )
    expect(report.unverified).toBe(1)
    const quote = await store.getQuote(report.added.quoteIds[0]!)
    expect(quote).toMatchObject({ offsets: null, verified: false })
  })

  it('reuses stored speakers and outlets named differently', async () => {
    const { store } = await seededQuotedb()
    const report = await importEntries(
      store,
      entriesOf([
        {
          article: {
            url: 'https://www.nytimes.com/2025/02/18/cia-drones.html',
            outlet: 'NYT',
            published: '2025-02-18',
          },
          text: 'well into sovereign Mexico',
          speaker: 'President Sheinbaum',
          citedOutlet: 'Wall Street Journal',
        },
      ]),
    )
    expect(report.summary).toMatchObject({ outlets: { added: 0 }, speakers: { added: 0 } })
    expect(await store.getQuote(report.added.quoteIds[0]!)).toMatchObject({
      speaker: { slug: 'claudia-sheinbaum' },
      reportingOutlet: { slug: 'the-new-york-times' },
      citedOutlet: { slug: 'the-wall-street-journal' },
    })
  })
})
