/** A page's byline: the names, as the page prints them, without the "By" before them. */
import { describe, expect, it } from 'vitest'
import { articleFromPage } from '../../src/ingest/page-article'
import { ARTICLE_BODY, newsPage } from './pages'

const bylineOf = (printed: string) =>
  articleFromPage(
    newsPage(
      '<title>Budget passes</title><meta property="article:published_time" content="2025-03-04">',
      'Budget passes',
      printed + ARTICLE_BODY,
    ),
    'https://www.example.com/news/budget',
  )?.byline ?? null

describe('the byline', () => {
  it('is the names without the "By" printed before them', () => {
    expect(bylineOf('<p class="byline">By Jane Doe</p>')).toBe('Jane Doe')
    expect(
      bylineOf(
        '<div class="byline">by <a href="/a">Jane Doe</a> and <a href="/b">John Roe</a></div>',
      ),
    ).toBe('Jane Doe and John Roe')
    // A name that begins with the letters is kept whole.
    expect(bylineOf('<p class="byline">Byron Katz</p>')).toBe('Byron Katz')
  })
})
