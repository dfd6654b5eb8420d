import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldWord, indexTerms, tokenize, words } from '../../src/search/normalize'

describe('foldWord', () => {
  it('removes the accents of Latin letters and lower-cases', () => {
    expect(foldWord('Joaquín')).toBe('joaquin')
    expect(foldWord('GUZMÁN')).toBe('guzman')
    expect(foldWord('Culiacán')).toBe('culiacan')
    expect(foldWord('Łódź')).toBe('łodz')
  })

  it('keeps the marks of other scripts, as the index does', () => {
    expect(foldWord('κλειστός')).toBe('κλειστόσ')
    expect(foldWord('Зеленский')).toBe('зеленский')
  })
})

describe('tokenize', () => {
  it('splits at punctuation, curly or straight', () => {
    expect(words('“They’ve seen it,” he said.')).toEqual(['they', 've', 'seen', 'it', 'he', 'said'])
    expect(words('"They\'ve seen it," he said.')).toEqual([
      'they',
      've',
      'seen',
      'it',
      'he',
      'said',
    ])
  })

  it('joins dotted initials into one word marked as an acronym', () => {
    const tokens = tokenize('U.S. drones over D.C.')
    expect(tokens.map((t) => [t.text, t.acronym])).toEqual([
      ['us', true],
      ['drones', false],
      ['over', false],
      ['dc', true],
    ])
  })

  it('composes an accent typed as a separate mark with its letter', () => {
    expect(words('Joaqui\u0301n')).toEqual(['joaquin'])
  })

  it('keeps the offsets of each word in the text', () => {
    const input = 'Sheinbaum said: “U.S.-Mexico cooperation”'
    for (const token of tokenize(input)) {
      expect(foldWord(input.slice(token.start, token.end).replaceAll('.', ''))).toBe(token.text)
    }
  })
})

describe('indexTerms', () => {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2');
           CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance');`)
  const insert = db.prepare('INSERT INTO f(rowid, t) VALUES (1, ?)')
  const indexed = db.prepare('SELECT term FROM v ORDER BY "offset"').pluck()
  const ftsTerms = (text: string) => {
    db.exec('DELETE FROM f')
    insert.run(text)
    return indexed.all() as string[]
  }

  it('gives exactly the words FTS5 indexes, in any script', () => {
    const letters = [...'aZéÉñÑøßẞİıłŁǅĳﬁ²ⅫσςΣόйЁёעִבנमस्ते١٢中文😀 .,’\'"-_\t\n']
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(fc.constantFrom(...letters), { maxLength: 30 }).map((chars) => chars.join('')),
    )
    fc.assert(
      fc.property(text, (t) => {
        expect(indexTerms(t)).toEqual(ftsTerms(t))
      }),
      { numRuns: 1000 },
    )
  })

  it('splits "U.S." into its letters, as the index holds it', () => {
    expect(indexTerms('U.S. drones')).toEqual(['u', 's', 'drones'])
  })
})
