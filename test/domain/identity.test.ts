import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SLUG_PATTERN, slugify } from '../../src/domain/identity'

describe('slugify', () => {
  it.each([
    ['Claudia Sheinbaum', 'claudia-sheinbaum'],
    ['Joaquín "El Chapo" Guzmán', 'joaquin-el-chapo-guzman'],
    ['Łódź Times', 'lodz-times'],
    ['Recep Tayyip Erdoğan', 'recep-tayyip-erdogan'],
    ['Nguyễn Phú Trọng', 'nguyen-phu-trong'],
    ['Владимир Путин', 'vladimir-putin'],
    ['Κυριάκος Μητσοτάκης', 'kyriakos-mitsotakis'],
    ['محمد بن سلمان', 'mhmd-bn-slman'],
    // Scripts without a usual Latin spelling here keep their own letters.
    ['习近平', '习近平'],
    ['김정은', '김정은'],
    ['בנימין נתניהו', 'בנימין-נתניהו'],
    ['नरेंद्र मोदी', 'नरेंद्र-मोदी'],
    ['A U.S. official', 'a-us-official'],
    ['L.A. Times', 'la-times'],
    ['!!!', 'unnamed'],
    // Compatibility forms: mathematical letters, ligatures.
    ['𝐋𝐚𝐫𝐬 𝚨', 'lars-a'],
    ['ﬁnance', 'finance'],
  ])('gives "%s" the slug %s', (name, slug) => {
    expect(slugify(name)).toBe(slug)
  })

  it('gives every name a slug of the slug pattern, at most 80 characters, named by its letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const slug = slugify(name)
        expect(slug).toMatch(SLUG_PATTERN)
        expect([...slug].length).toBeLessThanOrEqual(80)
        if (/[\p{L}\p{N}]/u.test(name)) expect(slug).not.toBe('unnamed')
      }),
      { numRuns: 500 },
    )
  })
})
