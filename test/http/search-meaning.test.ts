/**
 * Search that finds what people mean, over a small newsroom of its own (not the seed): word forms,
 * everyday questions, partial matches, unnamed sources and facets that open.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { QuoteSearchResult } from '../../src/services/quotes'
import { stem } from '../../src/search/stem'
import { getJson, quotedbWith } from '../helpers'

/** One statement, as one article of its own. */
const statement = (
  n: number,
  text: string,
  speaker: unknown,
  published = '2025-03-01',
  more: Record<string, unknown> = {},
) => ({
  type: 'article',
  url: `https://news.example/${n}`,
  outlet: n % 2 === 0 ? 'Example News' : 'Daily Courier',
  published,
  body: text,
  quotes: [{ text, speaker, start: 0, end: text.length, ...more }],
})

const unnamed = (name: string) => ({ name, anonymous: true })

const NEWSROOM = [
  statement(1, 'The drones flew over the border every night', 'Maria Lopez'),
  statement(2, 'A drone was seen above the port', 'Omar Reyes'),
  statement(3, 'We arrested four men after the raid', 'Dana Whitfield', '2024-06-10', {
    speakerTitle: 'Federal Bureau of Investigation special agent',
  }),
  statement(4, 'Police arrest two suspects near the border', null, '2023-02-01'),
  statement(5, 'The new policies take effect in May', 'Maria Lopez', '2022-05-01'),
  statement(6, 'This policy protects every child', 'Omar Reyes', '2021-01-01'),
  statement(7, 'Sovereignty is not up for negotiation', 'Maria Lopez', '2025-03-02', {
    speakerTitle: 'Minister of Foreign Affairs',
  }),
  statement(8, 'Talks on sovereignty will resume in April', 'Omar Reyes'),
  statement(9, 'The flights were coordinated with Mexico', unnamed('a U.S. official')),
  statement(10, 'No strike was ordered', unnamed('a U.S. official')),
  statement(11, 'The program will continue', unnamed('a U.S. official')),
  statement(12, 'The border stays open for trade', unnamed('a senior administration official')),
  statement(13, '"drone strike" rumours were false', 'Omar Reyes'),
]

let app: Awaited<ReturnType<typeof quotedbWith>>['app']
beforeAll(async () => {
  ;({ app } = await quotedbWith(NEWSROOM))
})

const search = async (query: string) => {
  const { status, body } = await getJson<QuoteSearchResult>(app, `/api/quotes?${query}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return body
}
const texts = (result: QuoteSearchResult) => result.items.map((q) => q.text)

describe('word forms', () => {
  it('finds every form of a word, the form as typed first', async () => {
    const drone = await search('q=drone%20')
    expect(texts(drone).slice(0, 2).sort()).toEqual([
      '"drone strike" rumours were false',
      'A drone was seen above the port',
    ])
    expect(texts(drone)[2]).toBe('The drones flew over the border every night')
    expect(drone.query.forms).toEqual([{ word: 'drone', forms: ['drones'] }])
    const drones = await search('q=drones%20')
    expect(texts(drones)[0]).toBe('The drones flew over the border every night')
    expect(drones.total).toBe(3)
    // Snippets mark the other forms too.
    expect(drones.items.map((q) => q.snippet).join(' ')).toContain('<mark>drone</mark>')
  })

  it('finds inflections of verbs and irregular plurals', async () => {
    expect(texts(await search('q=arrest%20')).sort()).toEqual([
      'Police arrest two suspects near the border',
      'We arrested four men after the raid',
    ])
    expect(texts(await search('q=policy%20')).sort()).toEqual([
      'The new policies take effect in May',
      'This policy protects every child',
    ])
  })

  it('keeps a quoted phrase and exact=true to the words as typed', async () => {
    expect(texts(await search('q=%22drone%20strike%22'))).toEqual([
      '"drone strike" rumours were false',
    ])
    expect(texts(await search('q=%22drones%20strike%22'))).toEqual([])
    expect(texts(await search('q=drone%20&exact=true')).sort()).toEqual([
      '"drone strike" rumours were false',
      'A drone was seen above the port',
    ])
  })

  it('excludes every form of an excluded word', async () => {
    expect(texts(await search('q=border%20-drone%20')).sort()).toEqual([
      'Police arrest two suspects near the border',
      'The border stays open for trade',
    ])
  })

  it('finds, as a property, exactly the statements holding a word with the same stem', async () => {
    const words = NEWSROOM.flatMap((item) =>
      item.quotes[0]!.text.toLowerCase().match(/[a-z]+/g)!,
    ).filter((w) => w.length > 3)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...words), async (word) => {
        const found = await search(`q=${word}%20&limit=100`)
        const expected = NEWSROOM.map((item) => item.quotes[0]!.text).filter((text) =>
          text
            .toLowerCase()
            .match(/[a-z]+/g)!
            .some((w) => stem(w) === stem(word)),
        )
        expect(texts(found).sort()).toEqual(expected.sort())
      }),
      { numRuns: 40 },
    )
  })
})

describe('everyday questions', () => {
  it('drops common words, recognises the speaker and lifts their statements', async () => {
    const result = await search(`q=${encodeURIComponent('what did Lopez say about sovereignty')}`)
    expect(result.query).toMatchObject({
      mode: 'all',
      dropped: ['what', 'did', 'say', 'about'],
      speakers: [{ slug: 'maria-lopez', name: 'Maria Lopez' }],
    })
    expect(texts(result)).toEqual(['Sovereignty is not up for negotiation'])
    // Without the name both statements on sovereignty, hers not first by name alone.
    const both = await search(`q=${encodeURIComponent('what was said about sovereignty')}`)
    expect(both.total).toBe(2)
  })

  it('recognises a speaker by title, initials of an agency spelt out included', async () => {
    const result = await search(`q=${encodeURIComponent('what did the FBI agent say')}`)
    expect(result.query.speakers.map((s) => s.slug)).toEqual(['dana-whitfield'])
    expect(texts(result)).toEqual(['We arrested four men after the raid'])
    const minister = await search(`q=${encodeURIComponent('foreign minister on negotiations')}`)
    expect(minister.query.speakers.map((s) => s.slug)).toEqual(['maria-lopez'])
    expect(texts(minister)[0]).toBe('Sovereignty is not up for negotiation')
  })

  it('falls back to partial matches, the most words held first, and says so', async () => {
    const result = await search(`q=${encodeURIComponent('drones border zeppelin')}`)
    expect(result.query.mode).toBe('partial')
    expect(result.query.matched).toEqual({ held: 2, wanted: 3 })
    expect(texts(result)[0]).toBe('The drones flew over the border every night')
    // Every statement holding any of the words follows.
    expect(result.total).toBe(5)
    // exact=true asks for every word: nothing.
    expect(
      (await search(`q=${encodeURIComponent('drones border zeppelin')}&exact=true`)).total,
    ).toBe(0)
  })

  it('keeps negations: "not" turns a statement around', async () => {
    const result = await search('q=sovereignty%20not%20')
    expect(result.query.dropped).toEqual([])
    expect(texts(result)).toEqual(['Sovereignty is not up for negotiation'])
  })

  it('excludes words from the statements of a speaker named by title too', async () => {
    const named = await search(`q=${encodeURIComponent('what did the FBI agent say')}`)
    expect(named.total).toBe(1)
    const excluded = await search(`q=${encodeURIComponent('what did the FBI agent say -raid')}`)
    expect(excluded.total).toBe(0)
  })

  it('keeps the words as typed in the links it gives, a trailing space included', async () => {
    const result = await search('q=drone%20')
    expect(result.facets.kind.values[0]!.toggle).toMatch(/^\?q=drone\+&kind=/)
  })

  it('corrects, with exact=true, a word the index holds only in other forms', async () => {
    const exact = await search('q=arrests%20&exact=true')
    expect(exact.query.corrections.map((c) => c.word)).toEqual(['arrests'])
    expect(exact.total).toBeGreaterThan(0)
  })

  it('keeps a query of common words alone', async () => {
    const result = await search('q=was%20')
    expect(result.query.dropped).toEqual([])
    expect(result.total).toBe(2)
  })
})

describe('unnamed sources', () => {
  it('filters by anonymous=true|false and counts a facet', async () => {
    const unnamedOnly = await search('anonymous=true&limit=100')
    expect(unnamedOnly.total).toBe(4)
    expect(unnamedOnly.items.every((q) => q.speaker?.anonymous)).toBe(true)
    const named = await search('anonymous=false&limit=100')
    expect(named.total).toBe(8)
    expect(named.items.every((q) => q.speaker && !q.speaker.anonymous)).toBe(true)
    const all = await search('')
    expect(all.facets.anonymous.values.map(({ value, count }) => ({ value, count }))).toEqual([
      { value: 'false', count: 8 },
      { value: 'true', count: 4 },
    ])
    expect(all.facets.anonymous.values[1]!.toggle).toBe('?anonymous=true')
    const csv = await app.request('/api/quotes.csv?anonymous=true')
    expect((await csv.text()).trim().split('\n')).toHaveLength(5)
    // An export of some statements carries only their speakers, outlets and articles.
    const ndjson = await (await app.request('/api/quotes.ndjson?anonymous=true')).text()
    expect(ndjson).not.toContain('Maria Lopez')
    expect((await app.request('/api/quotes?anonymous=maybe')).status).toBe(400)
  })

  it('counts unnamed sources described alike as one speaker value', async () => {
    const result = await search('facetSize=100')
    const officials = result.facets.speaker.values.filter((v) => v.label === 'a U.S. official')
    expect(officials).toHaveLength(1)
    expect(officials[0]!.count).toBe(3)
    expect(officials[0]!.value.split(',')).toHaveLength(3)
    const selected = await search(officials[0]!.toggle.slice(1))
    expect(selected.total).toBe(3)
    const again = selected.facets.speaker.values.find((v) => v.label === 'a U.S. official')!
    expect(again.selected).toBe(true)
    expect(again.toggle).toBe('?facetSize=100')
  })
})

describe('unnamed sources described alike, on the pages and in suggestions', () => {
  it('suggests a description once', async () => {
    const { body } = await getJson(app, '/api/speakers?q=official')
    const names = body.items.map((s: { name: string }) => s.name)
    expect(names.filter((n: string) => n === 'a U.S. official')).toHaveLength(1)
    expect(names).toContain('a senior administration official')
  })

  it('reads a description typed in the speaker box as every source so described', async () => {
    const typed = await app.request(`/?speaker=${encodeURIComponent('a U.S. official')}`)
    expect(typed.status).toBe(302)
    const address = typed.headers.get('location')!
    expect(new URL(address, 'http://x').searchParams.getAll('speaker')).toHaveLength(3)
    const html = await (await app.request(address)).text()
    expect(html).toContain('value="a U.S. official"')
    expect(html).toContain('3 quotes')
  })
})

describe('facets that open', () => {
  it('lists more values on asking, with the link that does', async () => {
    const first = await search('facetSize=1')
    expect(first.facets.speaker.values).toHaveLength(1)
    expect(first.facets.speaker.truncated).toBe(true)
    expect(first.facets.speaker.more).toBe('?facetSize=2')
    const more = await search(first.facets.speaker.more!.slice(1))
    expect(more.facets.speaker.values).toHaveLength(2)
    expect((await getJson(app, '/api/quotes?facetSize=101')).status).toBe(400)
  })

  it('lists years newest first, only those in the date range', async () => {
    const all = await search('')
    expect(all.facets.year.values.map((v) => v.value)).toEqual([
      '2025',
      '2024',
      '2023',
      '2022',
      '2021',
    ])
    const ranged = await search('from=2022&to=2024')
    expect(ranged.facets.year.values.map((v) => v.value)).toEqual(['2024', '2023', '2022'])
    const year = ranged.facets.year.values[0]!
    expect(year.toggle).toBe('?from=2024&to=2024')
    const selected = await search(year.toggle.slice(1))
    expect(selected.facets.year.values).toEqual([
      { value: '2024', label: '2024', count: 1, selected: true, toggle: '?' },
    ])
  })
})
