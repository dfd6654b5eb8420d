import { describe, expect, it } from 'vitest'
import { formatPartialDate, lastDayOf, parsePartialDate } from '../../src/domain/partial-dates'

describe('parsePartialDate', () => {
  it('reads the precision from the length of the date', () => {
    expect(parsePartialDate('2025')).toEqual({ firstDay: '2025-01-01', precision: 'year' })
    expect(parsePartialDate('2025-02')).toEqual({ firstDay: '2025-02-01', precision: 'month' })
    expect(parsePartialDate('2025-02-20')).toEqual({ firstDay: '2025-02-20', precision: 'day' })
  })

  it.each(['2025-02-30', '2025-13', '2025-00', '0000', '25-02', '2025/02', '2025-2', 'soon', ''])(
    'refuses %j',
    (written) => {
      expect(parsePartialDate(written)).toBeNull()
    },
  )

  it('knows leap days', () => {
    expect(parsePartialDate('2024-02-29')).not.toBeNull()
    expect(parsePartialDate('2025-02-29')).toBeNull()
  })
})

describe('lastDayOf', () => {
  it('gives the last day of the period', () => {
    expect(lastDayOf(parsePartialDate('2025-02')!)).toBe('2025-02-28')
    expect(lastDayOf(parsePartialDate('2024-02')!)).toBe('2024-02-29')
    expect(lastDayOf(parsePartialDate('2025')!)).toBe('2025-12-31')
    expect(lastDayOf(parsePartialDate('2025-02-20')!)).toBe('2025-02-20')
  })
})

describe('formatPartialDate', () => {
  it('writes a stored date back at its precision', () => {
    expect(formatPartialDate('2025-02-01', 'month')).toEqual({
      date: '2025-02',
      precision: 'month',
    })
    expect(formatPartialDate('2025-01-01', 'year')).toEqual({ date: '2025', precision: 'year' })
  })
})
