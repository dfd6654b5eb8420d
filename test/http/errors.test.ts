import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { getJson, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

describe('bad parameters', () => {
  // Request → the parameter named and the exact sentence the user reads.
  const cases: Array<[string, string, string]> = [
    ['/api/quotes?limit=0', 'limit', 'limit must be a whole number from 1 to 100.'],
    ['/api/quotes?limit=101', 'limit', 'limit must be a whole number from 1 to 100.'],
    ['/api/quotes?limit=ten', 'limit', 'limit must be a whole number from 1 to 100.'],
    ['/api/quotes?limit=1.5', 'limit', 'limit must be a whole number from 1 to 100.'],
    ['/api/quotes?limit=5&limit=6', 'limit', 'limit must be given once.'],
    ['/api/quotes?q=a&q=b', 'q', 'q must be given once.'],
    ['/api/quotes?q=%22%20*%20-', 'q', 'q has no letters or digits to search for.'],
    ['/api/quotes?offset=-1', 'offset', 'offset must be a whole number from 0 to 10000000.'],
    ['/api/quotes?from=2025-02-30', 'from', 'from must be a date: YYYY, YYYY-MM or YYYY-MM-DD.'],
    ['/api/quotes?to=last%20week', 'to', 'to must be a date: YYYY, YYYY-MM or YYYY-MM-DD.'],
    ['/api/quotes?from=2025-03&to=2025-02', 'to', 'to must not be before from.'],
    ['/api/quotes?sort=best', 'sort', 'sort must be one of relevance, newest, oldest.'],
    ['/api/quotes?kind=quote', 'kind', 'kind must be one of direct, partial, paraphrase.'],
    ['/api/quotes?kind=direct,rumour', 'kind', 'kind must be one of direct, partial, paraphrase.'],
    ['/api/quotes?q=' + 'a'.repeat(501), 'q', 'q must be at most 500 characters.'],
    ['/api/quotes?q=-drones', 'q', 'q only excludes words; add at least one word to look for.'],
    [
      '/api/quotes?q=' + 'w '.repeat(40),
      'q',
      'q has more than 32 words and phrases; search with fewer.',
    ],
    [
      '/api/quotes?speaker=Claudia%20Sheinbaum',
      'speaker',
      'speaker must be a speaker slug, such as claudia-sheinbaum.',
    ],
    ['/api/quotes?speaker=nobody', 'speaker', 'No speaker has the slug "nobody".'],
    ['/api/quotes?cited=the-daily-bugle', 'cited', 'No outlet has the slug "the-daily-bugle".'],
    ['/api/quotes?outlet=' + 'x,'.repeat(21), 'outlet', 'outlet takes at most 20 values.'],
    [
      '/api/quotes?speakr=claudia-sheinbaum',
      'speakr',
      'Unknown parameter "speakr"; this endpoint takes q, speaker, outlet, cited, kind, from, to, anonymous, exact, sort, limit, offset, facetSize.',
    ],
    ['/api/quotes/0', 'id', 'id must be a whole number from 1 to 9007199254740991.'],
    ['/api/quotes/9007199254740993', 'id', 'id must be a whole number from 1 to 9007199254740991.'],
    ['/api/speakers?limit=-5', 'limit', 'limit must be a whole number from 1 to 100.'],
    ['/api/outlets?offset=x', 'offset', 'offset must be a whole number from 0 to 10000000.'],
    ['/api/claims', 'q', 'q is required.'],
    ['/api/claims?q=%20%20', 'q', 'q must be a claim in words; it is empty.'],
  ]

  it.each(cases)('%s → 400 on %s', async (path, param, message) => {
    expect(await getJson(app, path)).toEqual({
      status: 400,
      body: { error: { code: 'invalid_parameter', message, param } },
    })
  })
})

describe('unknown routes', () => {
  it('answers JSON 404 under /api', async () => {
    expect(await getJson(app, '/api/quotations')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No endpoint answers GET /api/quotations.' } },
    })
  })
})

describe('any query string', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '-1',
      '0',
      '1',
      '100',
      '101',
      '1e3',
      '2025',
      '2025-02',
      '2025-02-30',
      'direct',
      '"',
      "'; DROP TABLE quotes; --",
      'claudia-sheinbaum',
      'NaN',
      '%',
      'é',
    ),
  )
  const name = fc.constantFrom(
    'q',
    'speaker',
    'outlet',
    'cited',
    'kind',
    'from',
    'to',
    'sort',
    'limit',
    'offset',
    'x',
  )
  const queryString = fc
    .array(fc.tuple(name, value), { maxLength: 5 })
    .map((pairs) => new URLSearchParams(pairs).toString())

  it('gets a 200, or a 400 with the error shape — never a 500 or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/quotes', '/api/speakers', '/api/outlets', '/api/claims'),
        queryString,
        async (path, query) => {
          const response = await app.request(`${path}?${query}`)
          const text = await response.text()
          expect([200, 400]).toContain(response.status)
          expect(text).not.toMatch(/\bat .+\.ts:\d+|SqliteError|ZodError/)
          const body = JSON.parse(text)
          if (response.status === 400) {
            expect(body.error.code).toBe('invalid_parameter')
            expect(typeof body.error.message).toBe('string')
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
