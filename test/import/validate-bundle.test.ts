import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeProblems, validateBundle } from '../../src/import/validate-bundle'

const body = 'Officials said the flights continue. "We are watching," a spokesman said.'
const base = () => ({
  outlets: [{ slug: 'daily-planet', name: 'The Daily Planet', kind: 'newspaper' }],
  speakers: [{ slug: 'a-spokesman', name: 'A spokesman', anonymous: true }],
  articles: [
    { url: 'https://planet.example/a', outlet: 'daily-planet', published: '2025-02', body },
  ],
  quotes: [
    {
      article: 'https://planet.example/a',
      speaker: 'a-spokesman',
      text: 'We are watching',
      kind: 'direct',
      cue: 'said',
      start: body.indexOf('We are watching'),
      end: body.indexOf('We are watching') + 'We are watching'.length,
    },
  ],
})

describe('validateBundle', () => {
  it('accepts a consistent bundle and fills defaults', () => {
    const result = validateBundle(base())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.bundle.articles[0]).toMatchObject({ language: 'en', title: null, byline: null })
    expect(result.bundle.quotes[0]).toMatchObject({ citedOutlet: null, said: null, audience: null })
  })

  it('refuses a quote whose text is not in the article at its offsets, naming it', () => {
    const bundle = base()
    bundle.quotes[0]!.start += 1
    bundle.quotes[0]!.end += 1
    const result = validateBundle(bundle)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      {
        record: 'quotes[0] ("We are watching")',
        field: 'text',
        message:
          'the text is not found at offsets 39–54 of the article body, which read "e are watching,"',
      },
    ])
  })

  it('refuses offsets outside the body', () => {
    const bundle = base()
    bundle.quotes[0]!.end = 10_000
    const result = validateBundle(bundle)
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['end'])
  })

  it('reports every problem, not only the first', () => {
    const bundle = base()
    bundle.outlets.push({ slug: 'daily-planet', name: 'Again', kind: 'newspaper' })
    bundle.speakers.push({ slug: 'Not A Slug', name: 'x', anonymous: false })
    bundle.quotes.push({ ...bundle.quotes[0]!, speaker: 'nobody', kind: 'rumour' })
    bundle.quotes.push({ ...bundle.quotes[0]!, article: 'https://planet.example/missing' })
    const result = validateBundle(bundle)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(describeProblems(result.problems).split('\n')).toEqual([
      'outlets[1] slug: slug "daily-planet" is already used by outlets[0]',
      'speakers[1] slug: a slug is lower-case letters and digits in words joined by single hyphens',
      'quotes[1] kind: kind must be one of direct, partial, paraphrase',
      'quotes[2] ("We are watching") article: no article has the url "https://planet.example/missing"',
    ])
  })

  it('refuses references to outlets and speakers that do not exist', () => {
    const bundle = base()
    bundle.articles[0]!.outlet = 'nowhere'
    bundle.quotes[0] = { ...bundle.quotes[0]!, speaker: 'ghost', citedOutlet: 'gazette' } as never
    const result = validateBundle(bundle)
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'outlet: no outlet has the slug "nowhere"',
      'speaker: no speaker has the slug "ghost"',
      'citedOutlet: no outlet has the slug "gazette"',
    ])
  })

  it('refuses impossible dates and a said range that ends before it starts', () => {
    const bundle = base()
    bundle.articles[0]!.published = '2025-02-30'
    ;(bundle.quotes[0] as Record<string, unknown>).said = {
      earliest: '2025-02-10',
      latest: '2025-02-01',
    }
    const result = validateBundle(bundle)
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['published', 'said'])
  })

  it('refuses text holding control characters', () => {
    const bundle = base()
    bundle.quotes[0]!.text = 'We are\u0002 watching'
    const result = validateBundle(bundle)
    expect(result.ok ? [] : result.problems[0]?.message).toBe(
      'text must not hold control characters',
    )
  })

  it('never throws, whatever the records hold', () => {
    fc.assert(
      fc.property(
        fc.record({
          outlets: fc.array(fc.anything(), { maxLength: 3 }),
          speakers: fc.array(fc.anything(), { maxLength: 3 }),
          articles: fc.array(fc.anything(), { maxLength: 3 }),
          quotes: fc.array(fc.anything(), { maxLength: 3 }),
        }),
        (unchecked) => {
          const result = validateBundle(unchecked)
          const empty = Object.values(unchecked).every((records) => records.length === 0)
          expect(result.ok).toBe(empty)
        },
      ),
    )
  })
})
