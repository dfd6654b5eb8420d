/**
 * The site's name in a page's title: taken off the article's title, and the outlet of a page that
 * names its site nowhere else.
 */
import { describe, expect, it } from 'vitest'
import { articleFromPage } from '../../src/ingest/page-article'
import { withoutSiteName } from '../../src/ingest/site-name'
import { newsPage } from './pages'

const page = (head: string, h1 = 'Budget passes') =>
  articleFromPage(
    newsPage(`${head}<meta property="article:published_time" content="2025-03-04T10:00:00Z">`, h1),
    'https://www.exampledaily.com/news/budget',
  )!

describe("the site's name in a title", () => {
  it('is taken off the title, wherever the page puts it', () => {
    for (const head of [
      '<title>Budget passes | Example Daily</title>',
      '<title>Budget passes - Example Daily</title>',
      '<meta property="og:title" content="Budget passes – Example Daily">',
      '<title>Example Daily: Budget passes</title><meta property="og:site_name" content="Example Daily">',
      '<title>Example Daily | Budget passes</title>',
      '<meta property="og:title" content="Budget passes · The Daily Paper"><meta property="og:site_name" content="The Daily Paper">',
    ]) {
      expect(page(head).title, head).toBe('Budget passes')
    }
  })

  it('names the outlet of a page that says its name nowhere else', () => {
    expect(page('<title>Budget passes | Example Daily</title>').outlet).toBe('Example Daily')
    expect(page('<title>Budget passes</title>').outlet).toBe('exampledaily.com')
  })

  it('leaves the rest of the title as written, and headlines that begin with a place', () => {
    expect(
      withoutSiteName('Man United 2 - 1 Liverpool | Example Daily', [], 'exampledaily.com').title,
    ).toBe('Man United 2 - 1 Liverpool')
    expect(withoutSiteName('Chicago - Bears fire coach', [], 'chicago.suntimes.com').title).toBe(
      'Chicago - Bears fire coach',
    )
    expect(withoutSiteName('Boston: A city braces for the storm', [], 'boston.com')).toEqual({
      title: 'Boston: A city braces for the storm',
      site: null,
    })
    expect(withoutSiteName('Storm hits the coast - BBC', [], 'bbc.co.uk').title).toBe(
      'Storm hits the coast',
    )
    // A title of a million spaces and bars is read in linear time, and left alone.
    const hostile = `a${' '.repeat(20_000)}|`.repeat(50)
    expect(withoutSiteName(hostile, [], 'example.com').site).toBeNull()
  })

  it('leaves a title whose parts are not the site', () => {
    expect(withoutSiteName('Budget passes - and buses stay', [], 'exampledaily.com').title).toBe(
      'Budget passes - and buses stay',
    )
    expect(withoutSiteName('Mayor: “We will not cut buses”', [], 'exampledaily.com').title).toBe(
      'Mayor: “We will not cut buses”',
    )
  })

  it('falls back to the heading when the page has no title', () => {
    expect(page('', 'Council passes the budget').title).toBe('Council passes the budget')
  })
})
