import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasWantedClause, parseQuery } from '../../src/search/query'
import { toAnyWordExpression, toMatchExpression } from '../../src/db/fts-expression'

const compile = (q: string) => toMatchExpression(parseQuery(q))

describe('parseQuery and toMatchExpression', () => {
  // Input → the FTS5 expression it must compile to.
  const cases: Array<[string, string | null]> = [
    ['vaporized ', '"vaporized"'],
    ['vaporized', '"vaporized"*'],
    ['drone flights ', '("drone" AND "flights")'],
    ['drone fli', '("drone" AND "fli"*)'],
    // Short words are initials only when typed in capitals: "FBI", not "fbi" or "curb".
    ['drone FLI', '("drone" AND ("fli"* OR "f l i"))'],
    ['curb ', '"curb"'],
    ['drone vapor', '("drone" AND "vapor"*)'],
    ['US', '("us"* OR "u s")'],
    // A single letter typed last is a word, not a prefix of half the language.
    ['drone b', '("drone" AND "b")'],
    ['"drone b', '"drone b"'],
    ['U.S.', '("us" OR "u s")'],
    ["Chapo's", '"chapo s"'],
    ['"all options" ', '"all options"'],
    ['"all options"', '"all options"'],
    ['“all options are', '"all options are"*'],
    ['fentanyl -unmanned', '("fentanyl" NOT "unmanned")'],
    ['fentanyl -"lethal action" -CIA', '(("fentanyl" NOT "lethal action") NOT ("cia" OR "c i a"))'],
    ['U.S. ', '("us" OR "u s")'],
    ['US drones ', '(("us" OR "u s") AND "drones")'],
    ['us drones ', '("us" AND "drones")'],
    ['U.S.-Mexico ', '("us mexico" OR "u s mexico")'],
    ["there's ", '"there s"'],
    ['drone*', '"drone"*'],
    ['Joaquín ', '"joaquin"'],
    ['!!! ', null],
    ['', null],
    ['-drones', null],
  ]

  it.each(cases)('compiles %j to %j', (input, expected) => {
    expect(compile(input)).toBe(expected)
  })

  it('treats a query of exclusions alone as wanting nothing', () => {
    expect(hasWantedClause(parseQuery('-drones -"el chapo"'))).toBe(false)
    expect(hasWantedClause(parseQuery('cartels -drones'))).toBe(true)
  })

  it('never throws and always yields an expression FTS5 accepts', () => {
    const db = new Database(':memory:')
    db.exec("CREATE VIRTUAL TABLE f USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")
    db.prepare('INSERT INTO f(text) VALUES (?)').run('The U.S. drone flights “were not ordered”')
    const search = db.prepare('SELECT count(*) AS n FROM f WHERE f MATCH ?')
    const queryText = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc
        .array(
          fc.constantFrom(
            '"',
            '-',
            '*',
            ' ',
            'U.S.',
            'OR',
            'AND',
            'NOT',
            '(',
            ')',
            'drone',
            '’',
            ':',
            '^',
          ),
          {
            maxLength: 12,
          },
        )
        .map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(queryText, (q) => {
        const expression = compile(q)
        if (expression !== null) expect(() => search.get(expression)).not.toThrow()
      }),
      { numRuns: 500 },
    )
  })

  it('parses a megabyte of adversarial input in linear time', () => {
    const hostile = '"-*'.repeat(350_000) + 'a'.repeat(1000)
    const started = performance.now()
    parseQuery(hostile)
    // Generous: a quadratic parser would take minutes on this input.
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('toAnyWordExpression', () => {
  it('joins words with OR, prefixes marked', () => {
    expect(
      toAnyWordExpression({
        terms: [
          { word: 'dron', prefix: true },
          { word: 'mexico', prefix: true },
          { word: 'cia', prefix: false },
        ],
        required: null,
      }),
    ).toBe('"dron"* OR "mexico"* OR "cia"')
  })

  it('asks for one of the required words besides any of all', () => {
    expect(
      toAnyWordExpression({
        terms: [
          { word: 'dron', prefix: true },
          { word: 'the', prefix: false },
        ],
        required: [{ word: 'dron', prefix: true }],
      }),
    ).toBe('("dron"*) AND ("dron"* OR "the")')
  })

  it('gives null for no words', () => {
    expect(toAnyWordExpression({ terms: [], required: null })).toBeNull()
  })
})
