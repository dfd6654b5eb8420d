/**
 * The site's name in a page's title: taken off the article's title, and the outlet of a page that
 * names its site nowhere else.
 */
import { describe, expect, it } from 'vitest'
import { articleFromPage } from '../../src/ingest/page-article'
import { withoutSiteName } from '../../src/ingest/site-name'

const BODY = Array.from(
  { length: 5 },
  (_, n) =>
    `<p>The council met on Tuesday to discuss the budget for the coming year, part ${n}, with many residents speaking about buses, roads and schools.</p>`,
).join('')

const page = (head: string, h1 = 'Budget passes') =>
  articleFromPage(
    `<!DOCTYPE html><html lang="en"><head>${head}<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head><body><article><h1>${h1}</h1>${BODY}</article></body></html>`,
    'https://www.exampledaily.com/news/budget',
  )!

describe("the site's name in a title", () => {
  it('is taken off the title, wherever the page puts it', () => {
    for (const head of [
      '<title>Budget passes | Example Daily</title>',
      '<title>Budget passes - Example Daily</title>',
      '<meta property="og:title" content="Budget passes – Example Daily">',
      '<title>Example Daily: Budget passes</title>',
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
