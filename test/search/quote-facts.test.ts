import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QuoteFacts, type FactFilters } from '../../src/search/quote-facts'

interface Quote {
  id: number
  speaker: number
  cited: number
  article: number
  kind: number
  start: number
}
interface Article {
  id: number
  outlet: number
  firstDay: number
  lastDay: number
  year: number
}

const articleArb = (id: number) =>
  fc
    .record({
      outlet: fc.integer({ min: 1, max: 4 }),
      firstDay: fc.integer({ min: 0, max: 40 }),
      span: fc.integer({ min: 0, max: 30 }),
    })
    .map(({ outlet, firstDay, span }) => ({
      id,
      outlet,
      firstDay,
      lastDay: firstDay + span,
      year: 2000 + Math.floor(firstDay / 10),
    }))

const world = fc.integer({ min: 1, max: 6 }).chain((articleCount) =>
  fc.record({
    articles: fc.tuple(...Array.from({ length: articleCount }, (_, i) => articleArb(i + 1))),
    quotes: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 60 }),
        speaker: fc.integer({ min: 0, max: 5 }),
        cited: fc.integer({ min: 0, max: 4 }),
        article: fc.integer({ min: 1, max: articleCount }),
        kind: fc.integer({ min: 1, max: 3 }),
        start: fc.integer({ min: -1, max: 50 }),
      }),
      { selector: (q) => q.id, maxLength: 40 },
    ),
  }),
)

const filtersArb: fc.Arbitrary<FactFilters> = fc.record({
  speakers: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 2 }),
  outlets: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
  cited: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
  kinds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
  fromDay: fc.option(fc.integer({ min: 0, max: 70 })),
  toDay: fc.option(fc.integer({ min: 0, max: 70 })),
  anonymous: fc.option(fc.boolean()),
})

/** Speakers 4 and 5 are unnamed sources. */
const UNNAMED = [4, 5]

function factsOf(articles: Article[], quotes: Quote[]): QuoteFacts {
  const facts = new QuoteFacts()
  const ints = (values: number[]) => Int32Array.from(values)
  facts.setArticles({
    ids: ints(articles.map((a) => a.id)),
    outlets: ints(articles.map((a) => a.outlet)),
    firstDays: ints(articles.map((a) => a.firstDay)),
    lastDays: ints(articles.map((a) => a.lastDay)),
    years: ints(articles.map((a) => a.year)),
  })
  facts.setQuotes({
    ids: ints(quotes.map((q) => q.id)),
    speakers: ints(quotes.map((q) => q.speaker)),
    cited: ints(quotes.map((q) => q.cited)),
    articles: ints(quotes.map((q) => q.article)),
    kinds: ints(quotes.map((q) => q.kind)),
    starts: ints(quotes.map((q) => q.start)),
  })
  facts.setSpeakers({
    ids: ints([1, 2, 3, 4, 5]),
    anonymous: ints([1, 2, 3, 4, 5].map((id) => (UNNAMED.includes(id) ? 1 : 0))),
  })
  return facts
}

/** The same counts, the slow and obvious way. */
function naive(articles: Article[], quotes: Quote[], f: FactFilters) {
  const article = (q: Quote) => articles.find((a) => a.id === q.article)!
  const tests = {
    speaker: (q: Quote) => f.speakers.length === 0 || f.speakers.includes(q.speaker),
    outlet: (q: Quote) => f.outlets.length === 0 || f.outlets.includes(article(q).outlet),
    cited: (q: Quote) => f.cited.length === 0 || f.cited.includes(q.cited),
    kind: (q: Quote) => f.kinds.length === 0 || f.kinds.includes(q.kind),
    date: (q: Quote) =>
      article(q).lastDay >= (f.fromDay ?? -Infinity) &&
      article(q).firstDay <= (f.toDay ?? Infinity),
    anonymous: (q: Quote) =>
      f.anonymous === null || (q.speaker !== 0 && UNNAMED.includes(q.speaker) === f.anonymous),
  }
  const passesAllBut = (q: Quote, skip: keyof typeof tests | null) =>
    Object.entries(tests).every(([name, test]) => name === skip || test(q))
  // A value of -1 is not counted (no speaker, no cited outlet).
  const count = (skip: keyof typeof tests | null, value: (q: Quote) => number) => {
    const counts = new Map<number, number>()
    for (const q of quotes) {
      if (!passesAllBut(q, skip) || value(q) === -1) continue
      counts.set(value(q), (counts.get(value(q)) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])
  }
  const orNone = (value: number) => (value === 0 ? -1 : value)
  return {
    passing: quotes
      .filter((q) => passesAllBut(q, null))
      .map((q) => q.id)
      .sort((a, b) => a - b),
    counts: {
      speaker: count('speaker', (q) => orNone(q.speaker)),
      outlet: count('outlet', (q) => article(q).outlet),
      cited: count('cited', (q) => orNone(q.cited)),
      kind: count('kind', (q) => q.kind),
      // Only years within the date range.
      year: count(null, (q) => article(q).year),
      anonymous: count('anonymous', (q) =>
        q.speaker === 0 ? -1 : UNNAMED.includes(q.speaker) ? 1 : 0,
      ),
    },
  }
}

describe('QuoteFacts', () => {
  it('counts every facet over the quotes passing every other filter, as the slow way does', () => {
    fc.assert(
      fc.property(world, filtersArb, ({ articles, quotes }, filters) => {
        const facts = factsOf(articles, quotes)
        const ids = Int32Array.from(quotes.map((q) => q.id).sort((a, b) => a - b))
        const { passing, counts } = facts.count(ids, filters)
        const expected = naive(articles, quotes, filters)
        expect([...passing]).toEqual(expected.passing)
        expect(counts).toEqual(expected.counts)
      }),
    )
  })

  it('forgets deleted quotes, and knows every quote it holds', () => {
    fc.assert(
      fc.property(world, ({ articles, quotes }) => {
        const facts = factsOf(articles, quotes)
        const removed = quotes.filter((_, i) => i % 3 === 0).map((q) => q.id)
        facts.removeQuotes(removed)
        const kept = quotes
          .map((q) => q.id)
          .filter((id) => !removed.includes(id))
          .sort((a, b) => a - b)
        expect([...facts.allIds()]).toEqual(kept)
        expect(facts.size).toBe(kept.length)
      }),
    )
  })

  it('pages by date: by the end of each article date, then its start, then by article and place', () => {
    fc.assert(
      fc.property(
        world,
        fc.constantFrom('newest', 'oldest') as fc.Arbitrary<'newest' | 'oldest'>,
        fc.nat(10),
        fc.integer({ min: 1, max: 15 }),
        ({ articles, quotes }, sort, offset, limit) => {
          const facts = factsOf(articles, quotes)
          const article = (q: Quote) => articles.find((a) => a.id === q.article)!
          const sign = sort === 'newest' ? 1 : -1
          const expected = [...quotes]
            .sort(
              (a, b) =>
                sign * (article(b).lastDay - article(a).lastDay) ||
                sign * (article(b).firstDay - article(a).firstDay) ||
                sign * (b.article - a.article) ||
                a.start - b.start ||
                a.id - b.id,
            )
            .map((q) => q.id)
            .slice(offset, offset + limit)
          const ids = Int32Array.from(quotes.map((q) => q.id).sort((a, b) => a - b))
          expect(facts.byDate(ids, sort, offset, limit)).toEqual(expected)
        },
      ),
    )
  })
})
