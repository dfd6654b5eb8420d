import { describe, expect, it } from 'vitest'
import { safeHref, withParams, writtenDate, writtenDayRange } from '../../src/web/format'

describe('safeHref', () => {
  it('links only to http and https addresses', () => {
    expect(safeHref('https://www.nytimes.com/a?b=c')).toBe('https://www.nytimes.com/a?b=c')
    expect(safeHref('http://example.org')).toBe('http://example.org/')
    for (const hostile of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      '//evil.example',
      'not a url',
    ]) {
      expect(safeHref(hostile), hostile).toBeNull()
    }
  })
})

describe('dates as people write them', () => {
  it('writes a date as precisely as it is known', () => {
    expect(writtenDate({ date: '2025-02-17', precision: 'day' })).toBe('17 February 2025')
    expect(writtenDate({ date: '2025-02-01', precision: 'month' })).toBe('February 2025')
    expect(writtenDate({ date: '2025-01-01', precision: 'year' })).toBe('2025')
  })

  it('writes a range of days without repeating what they share', () => {
    expect(writtenDayRange('2025-02-10', '2025-02-10')).toBe('10 February 2025')
    expect(writtenDayRange('2025-02-10', '2025-02-16')).toBe('10–16 February 2025')
    expect(writtenDayRange('2025-01-28', '2025-02-03')).toBe('28 January – 3 February 2025')
    expect(writtenDayRange('2024-12-30', '2025-01-02')).toBe('30 December 2024 – 2 January 2025')
  })
})

describe('withParams', () => {
  it('changes one parameter in place and keeps the rest of the search', () => {
    const search = new URLSearchParams('q=drone&speaker=a&speaker=b&offset=40')
    expect(withParams(search, { q: 'cartel' })).toBe('?q=cartel&speaker=a&speaker=b')
    expect(withParams(search, { speaker: ['a'] })).toBe('?q=drone&speaker=a')
    expect(withParams(search, { speaker: null, q: null })).toBe('?')
    expect(withParams(search, { offset: '20' })).toBe('?q=drone&speaker=a&speaker=b&offset=20')
  })
})
