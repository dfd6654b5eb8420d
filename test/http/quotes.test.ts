import { beforeAll, describe, expect, it } from 'vitest'
import type { QuoteResult } from '../../src/domain/types'
import type { QuoteSearchResult } from '../../src/services/quotes'
import { entriesOf, importEntries } from '../../src/import/importer'
import { getJson, quotedbWith, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

const search = async (query: string) => {
  const { status, body } = await getJson<QuoteSearchResult>(app, `/api/quotes?${query}`)
  expect(status).toBe(200)
  return body
}
const texts = (result: QuoteSearchResult) => result.items.map((q) => q.text)

describe('GET /api/quotes', () => {
  it('finds Todd Zimmerman’s quote with its whole chain in one object', async () => {
    const result = await search('q=vaporized')
    expect(result.total).toBe(1)
    const [quote] = result.items as [QuoteResult]
    expect(quote).toMatchObject({
      kind: 'direct',
      cue: 'told',
      speaker: {
        slug: 'todd-zimmerman',
        name: 'Todd Zimmerman',
        title: 'the Drug Enforcement Administration’s special agent in Mexico City',
        anonymous: false,
      },
      citedOutlet: { slug: 'los-angeles-times', name: 'Los Angeles Times' },
      reportingOutlet: { slug: 'the-independent', name: 'The Independent' },
      article: {
        url: 'https://www.the-independent.com/news/world/americas/us-cia-drone-mexico-el-chapo-b2706887.html',
        published: { date: '2025-02', precision: 'month' },
      },
      verified: true,
    })
    expect(quote.text).toMatch(/^They know that at any time/)
    expect(quote.snippet).toContain('<mark>vaporized</mark>')
  })

  it('ignores accents, case and punctuation', async () => {
    const accented = await search('q=Joaquín Guzmán')
    expect(accented.total).toBeGreaterThan(0)
    expect(texts(await search('q=joaquin guzman'))).toEqual(texts(accented))
    expect(texts(await search('q=IVAN ACHIVALDO'))).toEqual([
      'U.S. drone intelligence assisted in the capture of the security chief for Iván Achivaldo Guzmán',
    ])
    expect(texts(await search(`q=${encodeURIComponent('aren’t authorized')}`))).toEqual(
      texts(await search(`q=${encodeURIComponent("aren't authorized")}`)),
    )
  })

  it('finds "U.S." by "US" and by "U.S." alike, and marks it', async () => {
    const dotted = await search('q=U.S. drone intelligence')
    const plain = await search('q=US drone intelligence')
    expect(texts(plain)).toEqual(texts(dotted))
    expect(plain.total).toBeGreaterThan(0)
    expect(dotted.items[0]?.snippet).toContain('<mark>U.S.</mark>')
  })

  it('requires every word', async () => {
    const both = await search('q=sovereign flights')
    expect(texts(both)).toEqual(['The flights go “well into sovereign Mexico,”'])
  })

  it('forgives a typo and says what it searched for instead', async () => {
    const result = await search('q=Sheinbaun')
    expect(result.query.corrections).toEqual([{ word: 'sheinbaun', alternatives: ['sheinbaum'] }])
    expect(result.items.every((q) => q.speaker?.slug === 'claudia-sheinbaum')).toBe(true)
    expect(result.total).toBe(7)
  })

  it('treats the last word as a prefix unless the query ends with a space', async () => {
    // "vaporiz" is no word, nor a form of one: only as the beginning of "vaporized".
    expect((await search('q=vaporiz')).total).toBe(1)
    expect((await search('q=vaporiz%20')).total).toBe(0)
  })

  it('matches a quoted phrase as a phrase', async () => {
    expect(texts(await search('q="options are on the table"'))).toEqual([
      'All options are on the table',
      'when it comes to taking on the cartels, “All options are on the table,” including cross-border raids',
    ])
    expect((await search('q="table the on"')).total).toBe(0)
  })

  it('excludes words marked with a minus', async () => {
    const all = await search('q=fentanyl')
    const without = await search('q=fentanyl -unmanned')
    expect(without.total).toBe(all.total - 1)
    expect(texts(without).some((t) => t.includes('unmanned'))).toBe(false)
  })

  it('finds a speaker’s quotes by alias and by title words', async () => {
    expect((await search('q=defense minister')).items.map((q) => q.speaker?.slug)).toEqual([
      'ricardo-trevilla',
      'ricardo-trevilla',
      'ricardo-trevilla',
    ])
    expect((await search('q=zimmerman')).total).toBe(2)
  })

  it('lists everything a speaker said, newest first, when browsing', async () => {
    const result = await search('speaker=claudia-sheinbaum')
    expect(result.query.sort).toBe('newest')
    expect(result.total).toBe(7)
    expect(result.items.every((q) => q.speaker?.slug === 'claudia-sheinbaum')).toBe(true)
    expect(result.items.every((q) => q.snippet === undefined)).toBe(true)
  })

  it('combines words with filters', async () => {
    // "drones" finds "drone" too, below the word as typed.
    expect(texts(await search('q=drones&cited=the-new-york-times'))).toEqual([
      'The unmanned drones, which aren’t presently authorized to take lethal action, are used to detect fentanyl labs, which emit chemical signatures visible from the air',
      'the existence of the CIA drone flights in Mexico',
    ])
    const direct = await search('q=flights&kind=direct')
    expect(direct.items.map((q) => q.kind)).toEqual(['direct'])
    const fromSpeakers = await search('kind=partial&speaker=ricardo-trevilla,pete-hegseth')
    expect(fromSpeakers.items.map((q) => q.speaker?.slug).sort()).toEqual([
      'pete-hegseth',
      'ricardo-trevilla',
    ])
    expect((await search('kind=partial&kind=direct')).total).toBe(
      (await search('kind=partial')).total + (await search('kind=direct')).total,
    )
  })

  it('filters by publication date, counting a month-precise date as its whole month', async () => {
    const all = (await search('')).total
    expect((await search('from=2025-02&to=2025-03')).total).toBe(all)
    expect((await search('from=2025-02-27&to=2025-02-27')).total).toBe(all)
    expect((await search('from=2025-03')).total).toBe(0)
    expect((await search('to=2025-01-31')).total).toBe(0)
  })

  it('counts facets over the whole result set, not only the page', async () => {
    const result = await search('q=drone*&limit=1')
    expect(result.items).toHaveLength(1)
    const facetTotal = result.facets.kind.values.reduce((sum, v) => sum + v.count, 0)
    expect(facetTotal).toBe(result.total)
    expect(result.total).toBeGreaterThan(1)
    expect(result.facets.year.values).toEqual([
      {
        value: '2025',
        label: '2025',
        count: result.total,
        selected: false,
        toggle: '?q=drone*&from=2025&to=2025&limit=1',
      },
    ])
    expect(result.facets.cited.values.map((v) => v.value)).toContain('the-wall-street-journal')
  })

  it('marks the selected facet values and still counts the others one may add', async () => {
    const result = await search('speaker=todd-zimmerman&from=2025&to=2025')
    expect(result.total).toBe(2)
    const speakers = result.facets.speaker.values
    expect(speakers.find((v) => v.value === 'todd-zimmerman')).toEqual({
      value: 'todd-zimmerman',
      label: 'Todd Zimmerman',
      count: 2,
      selected: true,
      // Following it removes the speaker, and keeps the rest of the search.
      toggle: '?from=2025&to=2025',
    })
    // The speaker facet is counted without the speaker filter: the other speakers are offered.
    expect(speakers.find((v) => v.value === 'claudia-sheinbaum')).toMatchObject({
      count: 7,
      selected: false,
    })
    expect(speakers.filter((v) => v.selected)).toHaveLength(1)
    expect(result.facets.year.values[0]).toMatchObject({ value: '2025', selected: true })
    // Other facets are counted under every filter, the speaker's included.
    expect(result.facets.kind.values).toEqual([
      {
        value: 'direct',
        label: 'Direct quotation',
        count: 2,
        selected: false,
        toggle: '?speaker=todd-zimmerman&kind=direct&from=2025&to=2025',
      },
    ])
  })

  it('pages through results with limit and offset, the total unchanged', async () => {
    const first = await search('limit=10&offset=0')
    const second = await search('limit=10&offset=10')
    const rest = await search('limit=10&offset=20')
    expect(first.total).toBe(27)
    expect(second.total).toBe(27)
    expect(rest.items).toHaveLength(7)
    const ids = [...first.items, ...second.items, ...rest.items].map((q) => q.id)
    expect(new Set(ids).size).toBe(27)
  })

  it('sorts newest, oldest or by relevance', async () => {
    const { app: twoArticles, store } = await seededQuotedb()
    await importEntries(
      store,
      entriesOf([
        {
          type: 'article',
          url: 'https://www.wsj.com/world/americas/secret-drone-program-mexico',
          outlet: 'WSJ',
          published: '2025-02-14',
          body: 'The drone program was essential to the arrests, the officials said. Mexico is a partner.',
          quotes: [
            {
              text: 'The drone program was essential to the arrests',
              kind: 'paraphrase',
              speaker: 'Officials',
            },
          ],
        },
      ]),
    )
    const sorted = async (sort: string) =>
      (await getJson<QuoteSearchResult>(twoArticles, `/api/quotes?q=drone&sort=${sort}&limit=100`))
        .body.items
    const newest = await sorted('newest')
    const oldest = await sorted('oldest')
    // The Independent's article is dated February 2025, day unknown: it was surely out only by 28
    // February, after the WSJ's of 14 February. (Its range starts earlier, but that is no proof.)
    expect(newest[0]!.reportingOutlet.slug).toBe('the-independent')
    expect(oldest[0]!.reportingOutlet.slug).toBe('the-wall-street-journal')
    expect(oldest.at(-1)!.reportingOutlet.slug).toBe('the-independent')
    // Relevance: "drone" in the quote outranks "drone" found only elsewhere.
    const relevance = await sorted('relevance')
    expect(
      relevance.every(
        (q, i) => i === 0 || /drone/i.test(q.text) || !/drone/i.test(relevance[i - 1]!.text),
      ),
    ).toBe(true)
    // The reporting-outlet filter keeps one outlet's statements only.
    const wsj = (
      await getJson<QuoteSearchResult>(twoArticles, '/api/quotes?outlet=the-wall-street-journal')
    ).body
    expect(wsj.items.map((q) => q.text)).toEqual(['The drone program was essential to the arrests'])
  })
})

describe('GET /api/quotes filtered by outlet and date', () => {
  // Three outlets, and dates known to the day, the month and the year.
  const article = (url: string, outlet: string, published: string, text: string) => ({
    type: 'article',
    url,
    outlet,
    published,
    body: `${text}, the spokesman said.`,
    quotes: [{ text, kind: 'paraphrase', speaker: 'A spokesman' }],
  })
  const corpus = [
    article(
      'https://alpha.example/1',
      'Alpha Post',
      '2024-12-31',
      'Alpha on the last day of the year',
    ),
    article('https://alpha.example/2', 'Alpha Post', '2025-01', 'Alpha some day in January'),
    article('https://beta.example/1', 'Beta News', '2025', 'Beta some day that year'),
    article('https://beta.example/2', 'Beta News', '2025-02-15', 'Beta in mid February'),
    article('https://gamma.example/1', 'Gamma Times', '2025-03-01', 'Gamma on the first of March'),
  ]
  const texts = async (query: string) => {
    const { app } = await quotedbWith(corpus)
    const { body } = await getJson<QuoteSearchResult>(app, `/api/quotes?${query}&limit=100`)
    return body.items.map((q) => q.text.split(' ')[0]! + ' ' + q.article.published.date).sort()
  }

  it('keeps the statements of the outlets named, and only theirs', async () => {
    expect(await texts('outlet=alpha-post')).toEqual(['Alpha 2024-12-31', 'Alpha 2025-01'])
    expect(await texts('outlet=alpha-post,gamma-times')).toEqual([
      'Alpha 2024-12-31',
      'Alpha 2025-01',
      'Gamma 2025-03-01',
    ])
    expect(await texts('outlet=beta-news&q=february')).toEqual(['Beta 2025-02-15'])
  })

  it('keeps a statement whose publication, to the day, month or year, overlaps the range', async () => {
    expect(await texts('from=2025-01-01&to=2025-01-31')).toEqual(['Alpha 2025-01', 'Beta 2025'])
    expect(await texts('from=2025-02-15&to=2025-02-15')).toEqual(['Beta 2025', 'Beta 2025-02-15'])
    expect(await texts('to=2024-12-31')).toEqual(['Alpha 2024-12-31'])
    expect(await texts('from=2025-03')).toEqual(['Beta 2025', 'Gamma 2025-03-01'])
    expect(await texts('from=2024&to=2024')).toEqual(['Alpha 2024-12-31'])
    expect(await texts('from=2025-01-02&to=2025-02-14')).toEqual(['Alpha 2025-01', 'Beta 2025'])
  })
})

describe('GET /api/quotes/:id', () => {
  it('returns one quote with its chain', async () => {
    const { items } = await search('q=vaporized')
    const { status, body } = await getJson<QuoteResult>(app, `/api/quotes/${items[0]!.id}`)
    expect(status).toBe(200)
    const { snippet: _snippet, ...withoutSnippet } = items[0]!
    expect(body).toEqual(withoutSnippet)
  })

  it('answers 404 for an unknown id', async () => {
    expect(await getJson(app, '/api/quotes/9999')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No quote has the id 9999.' } },
    })
  })
})
