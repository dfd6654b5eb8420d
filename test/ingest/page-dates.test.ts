/**
 * An article's date on pages that say it in other ways than JSON-LD and OpenGraph: other meta
 * tags, the address, the date it was last changed — each at the precision it has.
 */
import { describe, expect, it } from 'vitest'
import { articleFromPage, dateInAddress } from '../../src/ingest/page-article'
import { newsPage } from './pages'

const published = (head: string, address = 'https://www.example.com/news/budget') =>
  articleFromPage(newsPage(`<title>Budget passes</title>${head}`), address)?.published ?? null

describe('the date of a page', () => {
  it('is read from the meta tags news sites use', () => {
    expect(published('<meta name="pubdate" content="20250304">')).toBe('2025-03-04')
    expect(published('<meta name="parsely-pub-date" content="2025-03-04T22:30:00-08:00">')).toBe(
      '2025-03-04',
    )
    expect(published('<meta name="sailthru.date" content="2025-03-04 10:00:00">')).toBe(
      '2025-03-04',
    )
    expect(published('<meta name="DC.date.issued" content="2025-03-04">')).toBe('2025-03-04')
    // A Unix time is no date.
    expect(published('<meta name="pubdate" content="1741082400">')).toBeNull()
  })

  it('is read from the address, to the day or only to the month', () => {
    expect(dateInAddress(new URL('https://example.com/2025/03/04/budget-passes'))).toBe(
      '2025-03-04',
    )
    expect(dateInAddress(new URL('https://example.com/news/2025/03/budget-passes'))).toBe('2025-03')
    expect(dateInAddress(new URL('https://example.com/2025-03-04/budget'))).toBe('2025-03-04')
    expect(dateInAddress(new URL('https://example.com/2025/03/04-budget'))).toBe('2025-03-04')
    expect(dateInAddress(new URL('https://example.com/news/2025/03/04'))).toBe('2025-03-04')
    expect(dateInAddress(new URL('https://example.com/2025/13/04/budget'))).toBeNull()
    expect(dateInAddress(new URL('https://example.com/items/2025/budget'))).toBeNull()
    expect(published('', 'https://www.example.com/news/2025/03/budget')).toBe('2025-03')
  })

  it('is never the day it was last changed, nor an issue’s month or an event’s day', () => {
    expect(
      published('<meta property="article:modified_time" content="2025-03-05T08:00:00Z">'),
    ).toBeNull()
    const now = new Date('2025-06-01T00:00:00Z')
    for (const address of [
      'https://www.theatlantic.com/magazine/archive/2025/03/budget/681000/',
      'https://example.com/sport/2025-05-11-cup-final-preview',
      'https://example.com/2025/07/04/independence-day-plans',
    ]) {
      expect(dateInAddress(new URL(address), now), address).toBeNull()
    }
  })
})
