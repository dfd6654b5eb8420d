import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldWord } from '../../src/search/normalize'
import { SNIPPET } from '../../src/search/options'
import { highlightPhrases, parseQuery } from '../../src/search/query'
import { snippetOf } from '../../src/search/snippet'

const marked = (text: string) => `${SNIPPET.open}${text}${SNIPPET.close}`
/** The snippet for a query as typed (no typo correction). */
const snippet = (text: string, q: string) => snippetOf(text, highlightPhrases(parseQuery(q)))

describe('snippetOf', () => {
  it('marks the matched words of a short quote and keeps all of it', () => {
    expect(snippet('They could be vaporized, he said.', 'vaporized ')).toBe(
      `They could be ${marked('vaporized')}, he said.`,
    )
  })

  it('marks a prefix by the whole word it begins, and folds case and accents', () => {
    expect(snippet('Joaquín Guzmán was vaporized', 'joaquin vapor')).toBe(
      `${marked('Joaquín')} Guzmán was ${marked('vaporized')}`,
    )
  })

  it('marks a phrase as one mark, and dotted initials by their letters', () => {
    expect(snippet('U.S. drone intelligence assisted', '"drone intelligence" US ')).toBe(
      `${marked('U.S')}. ${marked('drone intelligence')} assisted`,
    )
  })

  it('marks nothing for an excluded word', () => {
    expect(snippet('drones and cartels', 'drones -cartels')).toBe(`${marked('drones')} and cartels`)
  })

  it('cuts a long quote around its matches, with ellipses where it was cut', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
    words[60] = 'fentanyl'
    const result = snippet(words.join(' '), 'fentanyl ')
    expect(result.startsWith(SNIPPET.ellipsis)).toBe(true)
    expect(result.endsWith(SNIPPET.ellipsis)).toBe(true)
    expect(result).toContain(marked('fentanyl'))
    const shown = result.replaceAll(SNIPPET.ellipsis, '').trim().split(/\s+/)
    expect(shown).toHaveLength(SNIPPET.maxWords)
  })

  it('shows the window with the most matches', () => {
    const words = Array.from({ length: 120 }, (_, i) => `w${i}`)
    words[5] = 'drone'
    words[80] = 'drone'
    words[84] = 'cartel'
    const result = snippet(words.join(' '), 'drone cartel ')
    expect(result).toContain(`${marked('drone')} w81 w82 w83 ${marked('cartel')}`)
  })

  it('shows text of the quote only, and marks only words the query asked for', () => {
    const word = fc.constantFrom(
      'drone',
      'Drones',
      'cartel',
      'Mexico',
      'U.S.',
      'vaporized',
      'the',
      'é',
    )
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 80 }),
        fc.constantFrom('drone', 'cartel ', 'mexico', '"the drone"', 'vapor'),
        (words, q) => {
          const text = words.join(' ')
          const result = snippet(text, q)
          const plain = result
            .replaceAll(SNIPPET.open, '')
            .replaceAll(SNIPPET.close, '')
            .split(SNIPPET.ellipsis)
            .filter(Boolean)
          for (const part of plain) expect(text).toContain(part)
          const wanted = q.replace(/["\s]/g, ' ').trim().split(' ').map(foldWord)
          for (const [, inner] of result.matchAll(
            new RegExp(`${SNIPPET.open}([^${SNIPPET.close}]*)${SNIPPET.close}`, 'g'),
          )) {
            const folded = inner!.split(/\s+/).map(foldWord)
            expect(folded.every((w) => wanted.some((v) => w.startsWith(v)))).toBe(true)
          }
        },
      ),
    )
  })
})
