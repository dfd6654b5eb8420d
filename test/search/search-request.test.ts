/**
 * The one reading of the search parameters, shared by the API, the pages and the command line.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/search/options'
import { MAX_OFFSET, parseQuoteQuery, type QuoteQuery } from '../../src/search/search-request'

/** A query string's values by name, repeated ones together, as a request brings them. */
function rawParams(params: URLSearchParams): Record<string, string[]> {
  const raw: Record<string, string[]> = {}
  for (const [name, value] of params) (raw[name] ??= []).push(value)
  return raw
}

const browse: QuoteQuery = {
  q: null,
  speakers: [],
  outlets: [],
  cited: [],
  kinds: [],
  from: null,
  to: null,
  anonymous: null,
  exact: false,
  sort: null,
  limit: 20,
  offset: 0,
  facetSize: 10,
}

const read = (query: string) => parseQuoteQuery(rawParams(new URLSearchParams(query)))

describe('reading the search parameters', () => {
  const accepted: Array<[string, Partial<QuoteQuery>]> = [
    ['', {}],
    ['q=drone%20strikes%20', { q: 'drone strikes ' }],
    ['q=%20%20', { q: '  ' }],
    ['speaker=a,b&speaker=c', { speakers: ['a', 'b', 'c'] }],
    ['speaker=a,,%20b%20', { speakers: ['a', 'b'] }],
    [
      'outlet=the-independent&cited=the-wall-street-journal',
      {
        outlets: ['the-independent'],
        cited: ['the-wall-street-journal'],
      },
    ],
    ['kind=direct,paraphrase', { kinds: ['direct', 'paraphrase'] }],
    ['from=2025&to=2025-02-28', { from: '2025', to: '2025-02-28' }],
    ['sort=oldest&limit=100&offset=10000000', { sort: 'oldest', limit: 100, offset: MAX_OFFSET }],
  ]
  it.each(accepted)('reads %s', (query, expected) => {
    expect(read(query)).toEqual({ ok: true, query: { ...browse, ...expected } })
  })

  const refused: Array<[string, string[]]> = [
    ['q=a&q=b', ['q must be given once.']],
    [
      `q=${'x'.repeat(LIMITS.queryLength + 1)}`,
      [`q must be at most ${LIMITS.queryLength} characters.`],
    ],
    ['speaker=Claudia%20Sheinbaum', ['speaker must be a speaker slug, such as claudia-sheinbaum.']],
    ['cited=WSJ', ['cited must be an outlet slug, such as the-wall-street-journal.']],
    [
      `outlet=${Array.from({ length: 21 }, (_, i) => `o${i}`).join(',')}`,
      ['outlet takes at most 20 values.'],
    ],
    ['kind=quote', ['kind must be one of direct, partial, paraphrase.']],
    ['from=2025-13', ['from must be a date: YYYY, YYYY-MM or YYYY-MM-DD.']],
    ['to=', ['to must be a date: YYYY, YYYY-MM or YYYY-MM-DD.']],
    ['sort=best', ['sort must be one of relevance, newest, oldest.']],
    ['limit=0', ['limit must be a whole number from 1 to 100.']],
    ['limit=1e2', ['limit must be a whole number from 1 to 100.']],
    ['offset=10000001', ['offset must be a whole number from 0 to 10000000.']],
    [
      'offset=-1&limit=101',
      [
        'limit must be a whole number from 1 to 100.',
        'offset must be a whole number from 0 to 10000000.',
      ],
    ],
  ]
  it.each(refused)('refuses %.60s, saying why', (query, messages) => {
    const result = read(query)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual(messages)
  })

  it('reads any query string without failing: a typed query or named problems', () => {
    const names = [
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
    ]
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 30 })), {
          maxLength: 8,
        }),
        (pairs) => {
          const result = read(new URLSearchParams(pairs).toString())
          if (result.ok) {
            expect(result.query.limit).toBeGreaterThanOrEqual(1)
            expect(result.query.offset).toBeLessThanOrEqual(MAX_OFFSET)
          } else {
            for (const problem of result.problems) {
              expect(names).toContain(problem.param)
              expect(problem.message.startsWith(problem.param)).toBe(true)
            }
          }
        },
      ),
    )
  })
})
