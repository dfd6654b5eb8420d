import { beforeAll, describe, expect, it } from 'vitest'
import { entriesOf, importEntries } from '../../src/import/importer'
import type { ClaimReport } from '../../src/services/claims'
import { getJson, quotedbWith, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

const check = async (claim: string) => {
  const { status, body } = await getJson<ClaimReport>(
    app,
    `/api/claims?q=${encodeURIComponent(claim)}`,
  )
  expect(status).toBe(200)
  return body
}

describe('GET /api/claims', () => {
  it('answers with threads, best match first, the words of the claim marked', async () => {
    const report = await check('drones were flown over Mexico for years')
    expect(report.items.length).toBeGreaterThan(1)
    const scores = report.items.map((i) => i.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(report.answer).toBe(report.items[0]!.answer)
    for (const item of report.items) {
      expect(item.snippet).toMatch(/<mark>/)
      expect(item.statements.map((s) => s.id)).toContain(item.statementId)
    }
    // A statement The Independent reported citing The Wall Street Journal: the Journal is its
    // origin, cited; the Independent re-reported it. Both February 2025: the order is unknown.
    const cited = report.items.find((i) => i.outlets.some((o) => o.roles.includes('cited')))!
    expect(cited.outlets.map((o) => [o.outlet.slug, o.roles, o.certain])).toEqual([
      ['the-wall-street-journal', ['origin', 'cited'], false],
      ['the-independent', ['reported'], false],
    ])
    expect(cited.outlets[1]!.citing).toEqual([
      { slug: 'the-wall-street-journal', name: 'The Wall Street Journal' },
    ])
  })

  it('joins the same statement in several outlets into one item, ordered by when each surely carried it', async () => {
    const { app: withMore, store } = await seededQuotedb()
    const carrying = (url: string, outlet: string, published: string) => ({
      type: 'article',
      url,
      outlet,
      published,
      body: 'Drones were flown over Mexico for years, the defense secretary said.',
      quotes: [
        {
          text: 'Drones were flown over Mexico for years',
          kind: 'paraphrase',
          speaker: 'Pete Hegseth',
        },
      ],
    })
    const report = await importEntries(
      store,
      entriesOf([
        carrying('https://www.newser.com/story/1', 'Newser', '2025-02-18'),
        carrying('https://www.latintimes.com/story/1', 'Latin Times', '2025-03-05'),
      ]),
    )
    expect(report.committed).toBe(true)
    const { body } = await getJson<ClaimReport>(
      withMore,
      `/api/claims?q=${encodeURIComponent('drones were flown over Mexico for years')}`,
    )
    const best = body.items[0]!
    expect(best.thread.statements).toBe(2)
    expect(best.statements).toHaveLength(2)
    expect(best.outlets.map((o) => [o.outlet.name, o.roles, o.earliest.date, o.certain])).toEqual([
      ['Newser', ['origin'], '2025-02-18', true],
      ['Latin Times', ['origin'], '2025-03-05', true],
    ])
    expect(body.answer).toBe(
      'Origin: Newser and Latin Times. First: Newser (2025-02-18). 2 outlets in all.',
    )
  })

  it('matches whole words in any form, never a prefix', async () => {
    const { app: own } = await quotedbWith([
      {
        type: 'article',
        url: 'https://example.com/1',
        outlet: 'Example News',
        published: '2025-03-01',
        body: 'Life is too short to wait. There is a shortage of housing. Shortcuts were taken.',
        quotes: [
          { text: 'Life is too short to wait', speaker: 'Ana Vargas' },
          { text: 'There is a shortage of housing', speaker: 'Ana Vargas' },
          { text: 'Shortcuts were taken', speaker: 'Ana Vargas' },
        ],
      },
    ])
    const { body } = await getJson<ClaimReport>(own, '/api/claims?q=life%20is%20too%20short')
    expect(body.items.map((i) => i.text)).toEqual(['Life is too short to wait'])
    expect(body.items[0]!.snippet).toBe('<mark>Life</mark> is too <mark>short</mark> to wait')
  })

  it('pages the threads', async () => {
    const all = await check('drones were flown over Mexico for years')
    const { body: second } = await getJson<ClaimReport>(
      app,
      `/api/claims?q=${encodeURIComponent('drones were flown over Mexico for years')}&limit=1&offset=1`,
    )
    expect(second.total).toBe(all.total)
    expect(second.items.map((i) => i.thread.id)).toEqual([all.items[1]!.thread.id])
    expect(second.answer).toBe(all.answer)
  })

  it('finds a claim phrased differently from the article', async () => {
    const report = await check('Trump did not order the drone flights')
    expect(report.items[0]!.speaker?.slug).toBe('ricardo-trevilla')
  })

  it('finds claims sourced to an outlet with no named speaker', async () => {
    const report = await check('fentanyl labs can be seen from the air')
    expect(report.items[0]!.outlets[0]).toMatchObject({
      outlet: { slug: 'the-new-york-times' },
      roles: ['origin', 'cited'],
    })
    expect(report.items[0]!.statements[0]).toMatchObject({ speaker: null, cue: 'according to' })
  })

  it('tolerates typos in the claim', async () => {
    const report = await check('Sheinbaum: drone flights are part of cooperatoin')
    expect(report.items.flatMap((g) => g.statements).map((s) => s.speaker?.slug)).toContain(
      'claudia-sheinbaum',
    )
  })

  it('finds nothing for a claim the database does not carry', async () => {
    const report = await check('penguins colonised the moon')
    expect(report).toMatchObject({ total: 0, statementCount: 0, items: [] })
  })

  it('refuses a claim made only of common words', async () => {
    expect(await getJson(app, '/api/claims?q=it%20was%20said%20that')).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_parameter',
          message: 'q has no words to look for beyond common ones such as "the" or "said".',
          param: 'q',
        },
      },
    })
  })
})
