/**
 * Page furniture Readability keeps inside an article's container: taken out of the body, while
 * the article's own sentences that begin the same way stay.
 */
import { describe, expect, it } from 'vitest'
import { isPageFurniture } from '../../src/ingest/furniture'
import { articleFromPage } from '../../src/ingest/page-article'
import { paragraph } from './pages'

/** A news page whose article container holds the furniture real sites put there. */
const PAGE = `<!DOCTYPE html><html lang="en"><head><title>Budget passes | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Budget passes</h1>
<ul class="share-tools"><li><a href="#">Share on Facebook</a></li><li><a href="#">Email</a></li></ul>
${paragraph(1)}
<div class="ad-slot"><p>Advertisement</p></div>
${paragraph(2)}
<p>Story continues below advertisement</p>
<p>Photo: Jane Doe/Reuters</p>
<p>“We will not cut the night buses,” Mayor Ana Ruiz said.</p>
<p><strong>Read more:</strong> <a href="/x">Council approves new parking rules</a></p>
<p>Sign up for our daily newsletter to get the news first.</p>
${paragraph(3)}
<p>Related: <a href="/y">Schools budget grows</a></p>
<div class="text-block">Text in a div, not a paragraph, that carries part of the story about the budget.<br><br>A second line in the same div about the schools and the roads.</div>
${paragraph(4)}
<p class="paywall">Subscribe to continue reading</p>
<p>Follow Example Daily on Bluesky</p>
<p>Copyright 2025 Example Daily. All rights reserved.</p>
</article></main><footer><p>About us</p></footer></body></html>`

describe('page furniture', () => {
  it('is taken out of the article body, and the article’s words are all kept', () => {
    const article = articleFromPage(PAGE, 'https://www.example.com/news/budget')!
    const blocks = article.body.split('\n\n')
    for (const furniture of [
      'Advertisement',
      'Story continues',
      'Read more',
      'Related',
      'Subscribe',
      'Sign up',
      'Copyright',
      'Follow Example',
      'Share on',
      'Photo:',
    ]) {
      expect(article.body, furniture).not.toContain(furniture)
    }
    expect(blocks).toHaveLength(7)
    expect(blocks).toContain('“We will not cut the night buses,” Mayor Ana Ruiz said.')
    expect(blocks).toContain('A second line in the same div about the schools and the roads.')
  })

  it('leaves the article’s own sentences that begin like furniture', () => {
    for (const sentence of [
      'Sign up rates for the program rose 20 percent this year, officials said.',
      'Copyright law changed in 2019, the judge said.',
      'Subscribers complained that the service was slow.',
      'Related costs rose too.',
      'Advertisement spending fell by a third in the last quarter, the company said.',
      'Share prices fell on Monday.',
      `Read more: ${'the report runs to many pages and many more words '.repeat(4)}`,
      'Related-party transactions were not disclosed, the auditor said.',
      'Register of Deeds Jane Smith said the records would be free to access online from Monday.',
      'Log in failures left thousands of customers unable to access their accounts on Monday.',
      'Sign up was free for the first year, the ministry said.',
      'Follow the money on X, he said.',
      'Credit: banks tighten lending',
      'Listen — we are not cutting buses.',
      'Advertising',
    ]) {
      expect(isPageFurniture(sentence), sentence).toBe(false)
    }
  })

  it('knows each shape of furniture', () => {
    for (const block of [
      'Advertisement',
      'Story continues below advertisement',
      'Read more: Council approves new parking rules',
      'Related: Schools budget grows',
      'Subscribe to continue reading',
      'Sign up for our daily newsletter to get the news first.',
      'Already a subscriber? Log in',
      '© 2025 Example Daily',
      'Copyright 2025 Example Daily. All rights reserved.',
      'Share on Facebook',
      'Print',
      'Photo: Jane Doe/Reuters',
      'Follow Example Daily on Bluesky',
      'Follow us on X',
    ]) {
      expect(isPageFurniture(block), block).toBe(true)
    }
  })
})
