import { describe, expect, it } from 'vitest'
import { saidDate } from '../../src/extract/said-dates'

const said = (phrase: string, published: string | null) => {
  const text = `The minister spoke ${phrase}.`
  return saidDate(text, 0, text.length, published)
}

describe('saidDate', () => {
  // Wednesday 13 March 2024.
  it.each([
    ['last week', '2024-03-04', '2024-03-10'],
    ['this week', '2024-03-11', '2024-03-13'],
    ['earlier this month', '2024-03-01', '2024-03-13'],
    ['last month', '2024-02-01', '2024-02-29'],
    ['yesterday', '2024-03-12', '2024-03-12'],
    ['on Tuesday', '2024-03-12', '2024-03-12'],
    ['on Friday', '2024-03-08', '2024-03-08'],
    ['last year', '2023-01-01', '2023-12-31'],
    ['in January', '2024-01-01', '2024-01-31'],
    ['in November', '2023-11-01', '2023-11-30'],
    ['on February 3', '2024-02-03', '2024-02-03'],
  ])('resolves "%s" against a day', (phrase, earliest, latest) => {
    expect(said(phrase, '2024-03-13')).toEqual({ phrase, earliest, latest })
  })

  it('widens the range for an article dated only to its month', () => {
    expect(said('last week', '2025-02')).toEqual({
      phrase: 'last week',
      earliest: '2025-01-20',
      latest: '2025-02-23',
    })
    expect(said('recently', '2025-02')).toEqual({
      phrase: 'recently',
      earliest: null,
      latest: '2025-02-28',
    })
  })

  it('keeps the phrase when the article has no date, and finds nothing without a phrase', () => {
    expect(said('last week', null)).toEqual({ phrase: 'last week', earliest: null, latest: null })
    expect(said('about the budget', '2024-03-13')).toBeNull()
  })
})
