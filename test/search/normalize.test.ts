import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldWord, tokenize, words } from '../../src/search/normalize'

describe('foldWord', () => {
  it('removes accents and lower-cases', () => {
    expect(foldWord('Joaquín')).toBe('joaquin')
    expect(foldWord('GUZMÁN')).toBe('guzman')
    expect(foldWord('Culiacán')).toBe('culiacan')
  })

  it('folds a decomposed accent the same as a composed one', () => {
    expect(foldWord('Joaqui\u0301n')).toBe(foldWord('Joaquín'))
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

  it('keeps the offsets of each word in the original text', () => {
    const input = 'Sheinbaum said: “U.S.-Mexico cooperation”'
    for (const token of tokenize(input)) {
      expect(foldWord(input.slice(token.start, token.end).replaceAll('.', ''))).toBe(token.text)
    }
  })

  it('folds every word and never yields an empty one, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (input) => {
        for (const token of tokenize(input)) {
          expect(token.text.length).toBeGreaterThan(0)
          expect(token.text).toBe(token.text.toLowerCase())
          expect(token.start).toBeLessThan(token.end)
        }
      }),
    )
  })
})
