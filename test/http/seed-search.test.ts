import { beforeAll, describe, expect, it } from 'vitest'
import type { QuoteSearchResult } from '../../src/services/quotes'
import { getJson, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

/**
 * Every attributed statement of the seed article as a reader would look for it (words typed without
 * accents or punctuation), with the attribution the article gives it. Written from the article,
 * independently of seed/quotes.json: if the curation changes an attribution, this table disagrees.
 */
const STATEMENTS: Array<
  [query: string, kind: string, speaker: string | null, cited: string | null]
> = [
  [
    'US is using unarmed drones',
    'paraphrase',
    'us-and-mexican-officials',
    'the-wall-street-journal',
  ],
  [
    'highly secretive operations',
    'paraphrase',
    'us-and-mexican-officials',
    'the-wall-street-journal',
  ],
  [
    'launched from airfields inside Mexico',
    'paraphrase',
    'us-and-mexican-officials',
    'the-wall-street-journal',
  ],
  ['drone intelligence assisted in the capture', 'paraphrase', 'ricardo-trevilla', null],
  ['helping locate another Chapo son', 'paraphrase', 'unnamed-officials', null],
  ['taking place since the early 2000s', 'paraphrase', null, null],
  ['"there s a cooperation"', 'direct', 'claudia-sheinbaum', null],
  [
    'coordinated operation between the US and Mexican governments',
    'direct',
    'claudia-sheinbaum',
    null,
  ],
  ['regular part of US Mexico security cooperation', 'paraphrase', 'ricardo-trevilla', null],
  [
    '"were not ordered by Donald Trump to watch Mexican cartels"',
    'partial',
    'ricardo-trevilla',
    null,
  ],
  [
    'the flights go well into sovereign Mexico',
    'paraphrase',
    'a-us-official',
    'the-new-york-times',
  ],
  ['"well into sovereign Mexico"', 'partial', 'a-us-official', 'the-new-york-times'],
  ['existence of the CIA drone flights', 'paraphrase', null, 'the-new-york-times'],
  ['used to detect fentanyl labs', 'paraphrase', null, 'the-new-york-times'],
  [
    'Northern Command has also been flying surveillance flights',
    'paraphrase',
    null,
    'the-new-york-times',
  ],
  ['Drones above Mexico are unarmed', 'paraphrase', 'unnamed-officials', null],
  ['they could be vaporized', 'direct', 'todd-zimmerman', 'los-angeles-times'],
  ['seen it in the Afghan and Iraq wars', 'direct', 'todd-zimmerman', 'los-angeles-times'],
  ['taking on the cartels including cross border raids', 'paraphrase', 'pete-hegseth', null],
  ['"all options are on the table"', 'partial', 'pete-hegseth', null],
  ['part of longstanding US Mexico cooperating', 'paraphrase', 'claudia-sheinbaum', null],
  ['major tariffs', 'paraphrase', 'the-trump-administration', null],
  ['reform the Mexican constitution', 'paraphrase', 'morena', null],
  ['send thousands of national guard troops', 'paraphrase', 'claudia-sheinbaum', null],
  [
    'an opportunity for the United States to invade our sovereignty',
    'direct',
    'claudia-sheinbaum',
    null,
  ],
  ['Mexico sought collaboration not subordination', 'paraphrase', 'claudia-sheinbaum', null],
  ['"subordination"', 'partial', 'claudia-sheinbaum', null],
]

describe('every attributed statement of the seed article', () => {
  it('is in the table, once', async () => {
    const { body } = await getJson<QuoteSearchResult>(app, '/api/quotes?limit=100')
    expect(body.total).toBe(STATEMENTS.length)
  })

  it.each(STATEMENTS)(
    '%s: a %s statement by %s, cited to %s',
    async (query, kind, speaker, cited) => {
      const { body } = await getJson<QuoteSearchResult>(
        app,
        `/api/quotes?q=${encodeURIComponent(`${query} `)}&kind=${kind}&limit=100`,
      )
      const found = body.items.filter(
        (q) => (q.speaker?.slug ?? null) === speaker && (q.citedOutlet?.slug ?? null) === cited,
      )
      expect(
        found.length,
        `"${query}" found ${JSON.stringify(body.items.map((q) => [q.text, q.speaker?.slug]))}`,
      ).toBeGreaterThanOrEqual(1)
      expect(found.every((q) => q.verified && q.reportingOutlet.slug === 'the-independent')).toBe(
        true,
      )
    },
  )
})

describe('invisible characters in what is typed or pasted', () => {
  // A soft hyphen, a zero-width space, a zero-width joiner, a word joiner, a byte-order mark.
  const hidden = ['\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF']

  it('finds the same statements with them as without, in search, claims and names', async () => {
    const { app } = await seededQuotedb()
    const total = async (path: string) => ((await getJson(app, path)).body as any).total as number
    const plain = await total('/api/quotes?q=vaporized')
    expect(plain).toBeGreaterThan(0)
    const claim = await total(`/api/claims?q=${encodeURIComponent('cartels could be vaporized')}`)
    expect(claim).toBeGreaterThan(0)
    for (const mark of hidden) {
      expect(await total(`/api/quotes?q=${encodeURIComponent(`vapo${mark}rized`)}`), mark).toBe(
        plain,
      )
      expect(
        await total(`/api/claims?q=${encodeURIComponent(`cartels could be vapo${mark}rized`)}`),
        mark,
      ).toBe(claim)
      const { body } = await getJson(
        app,
        `/api/speakers?q=${encodeURIComponent(`Shein${mark}baum`)}`,
      )
      expect((body as any).items[0]?.slug, mark).toBe('claudia-sheinbaum')
    }
  })
})
