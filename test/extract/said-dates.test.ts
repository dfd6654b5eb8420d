import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePartialDate } from '../../src/domain/partial-dates'
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

  it.each([
    // Monday 17 February 2025: the weekend before is the 15th and 16th.
    ['last weekend', '2025-02-17', '2025-02-15', '2025-02-16'],
    ['last weekend', '2025-02-23', '2025-02-15', '2025-02-16'],
    ['this weekend', '2025-02-17', '2025-02-15', '2025-02-23'],
    // Month ends and leap years.
    ['yesterday', '2024-03-01', '2024-02-29', '2024-02-29'],
    ['yesterday', '2025-03-01', '2025-02-28', '2025-02-28'],
    ['yesterday', '2025-01-01', '2024-12-31', '2024-12-31'],
    ['last month', '2025-03-31', '2025-02-01', '2025-02-28'],
    ['last month', '2025-01-15', '2024-12-01', '2024-12-31'],
    ['last week', '2025-01-01', '2024-12-23', '2024-12-29'],
    ['last year', '2025-01-01', '2024-01-01', '2024-12-31'],
    ['in December', '2025-01-10', '2024-12-01', '2024-12-31'],
    ['in February 2024', '2025-06-01', '2024-02-01', '2024-02-29'],
    ['on February 29', '2024-03-10', '2024-02-29', '2024-02-29'],
    // Weekdays: "on" the one just past or the day itself; "last" the one before the day, or the
    // week before that.
    ['on Monday', '2025-02-17', '2025-02-17', '2025-02-17'],
    ['on Sunday', '2025-02-17', '2025-02-16', '2025-02-16'],
    ['last Monday', '2025-02-17', '2025-02-03', '2025-02-10'],
    ['last Friday', '2025-02-17', '2025-02-07', '2025-02-14'],
    ['next week', '2025-02-19', '2025-02-24', '2025-03-02'],
  ])(
    'resolves "%s" in an article of %s through the calendar',
    (phrase, published, earliest, latest) => {
      expect(said(phrase, published)).toEqual({ phrase, earliest, latest })
    },
  )

  it('keeps a phrase that names no real day, without a range', () => {
    for (const [phrase, published] of [
      ['on June 31', '2025-07-10'],
      ['on February 29', '2025-03-10'],
      ['on April 31', '2024-05-02'],
    ]) {
      expect(said(phrase!, published!)).toEqual({ phrase, earliest: null, latest: null })
    }
  })

  it('gives only real days, earliest first, none after the article for what was already said', () => {
    const past = ['yesterday', 'last night', 'last week', 'last weekend', 'last month', 'last year']
    const any = [
      ...past,
      'this week',
      'this weekend',
      'earlier this month',
      'later this month',
      'this year',
      'next week',
      'today',
      'recently',
      ...['Monday', 'Wednesday', 'Sunday'].flatMap((d) => [`on ${d}`, `last ${d}`]),
      ...['February', 'June', 'December'].flatMap((m) => [`in ${m}`, `on ${m} 29`, `on ${m} 31`]),
    ]
    const published = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2040-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString().slice(0, 10),
          d.toISOString().slice(0, 7),
          d.toISOString().slice(0, 4),
        ),
      )
    fc.assert(
      fc.property(published, fc.constantFrom(...any), (date, phrase) => {
        const range = said(phrase, date)!
        expect(range.phrase).toBe(phrase)
        for (const day of [range.earliest, range.latest]) {
          if (day !== null)
            expect(parsePartialDate(day), `${phrase} in ${date}: ${day}`).not.toBeNull()
        }
        if (range.earliest && range.latest) expect(range.earliest <= range.latest).toBe(true)
        const lastDay = date.length === 10 ? date : null
        if (lastDay && range.latest && past.includes(phrase))
          expect(range.latest < lastDay).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the phrase when the article has no date, and finds nothing without a phrase', () => {
    expect(said('last week', null)).toEqual({ phrase: 'last week', earliest: null, latest: null })
    expect(said('about the budget', '2024-03-13')).toBeNull()
  })
})
