import { beforeAll, describe, expect, it } from 'vitest'
import { entriesOf, importEntries } from '../../src/import/importer'
import type { ClaimReport } from '../../src/services/claims'
import { getJson, seededQuotedb } from '../helpers'

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
  it('groups the statements carrying a claim by cited source and reporting outlet', async () => {
    const report = await check('drones were flown over Mexico for years')
    const outlets = report.items.map((g) => [g.outlet.slug, g.roles])
    expect(outlets).toEqual([
      ['the-wall-street-journal', ['cited']],
      ['the-new-york-times', ['cited']],
      ['the-independent', ['reported']],
    ])
    expect(report.items.every((g) => g.earliest.date === '2025-02')).toBe(true)
    // All in February 2025, day unknown: which came first is not known, and the report says so.
    expect(report.items.every((g) => !g.certain)).toBe(true)
    const independent = report.items.at(-1)!
    expect(independent.statements.map((s) => s.kind)).toContain('paraphrase')
    expect(report.statementCount).toBe(independent.statements.length)
  })

  it('orders outlets by the day by which each surely carried the claim, and says when it cannot', async () => {
    const { app: withMore, store } = await seededQuotedb()
    const carrying = (url: string, outlet: string, published: string) => ({
      type: 'article',
      url,
      outlet,
      published,
      quotes: [
        {
          text: 'drones were flown over Mexico for years',
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
    const order = body.items.map((g) => [g.outlet.name, g.earliest.date, g.certain])
    // Newser's 18 February comes before the end of February, when The Independent's article
    // (February, day unknown) was surely out; but it may have been earlier: not certain. The
    // March article is after every February: its place is known.
    expect(order.findIndex(([name]) => name === 'Newser')).toBeLessThan(
      order.findIndex(([name]) => name === 'The Independent'),
    )
    expect(order.find(([name]) => name === 'Newser')?.[2]).toBe(false)
    expect(order.at(-1)).toEqual(['Latin Times', '2025-03-05', true])
  })

  it('finds a claim phrased differently from the article', async () => {
    const report = await check('Trump did not order the drone flights')
    const statements = report.items.flatMap((g) => g.statements)
    expect(statements.map((s) => s.speaker?.slug)).toContain('ricardo-trevilla')
  })

  it('finds claims sourced to an outlet with no named speaker', async () => {
    const report = await check('fentanyl labs can be seen from the air')
    expect(report.items[0]).toMatchObject({
      outlet: { slug: 'the-new-york-times' },
      roles: ['cited'],
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
