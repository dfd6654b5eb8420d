/**
 * Web pages the ingest tests serve from a server of their own: a realistic news page (navigation,
 * ads, related links, comments, JSON-LD, a byline), a page with no article, a redirect chain, a
 * redirect to any address, a redirect loop, a server that never answers, a huge page, a PDF, windows-1252 pages and feeds.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story: the council met on Tuesday evening and argued for hours about the new transit budget, the fares and the routes that would be cut.</p>`

export const NEWS_PAGE = (canonical: string) => `<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Council passes transit budget | Example Tribune</title>
<link rel="canonical" href="${canonical}">
<meta property="og:site_name" content="Example Tribune">
<meta property="og:title" content="Council passes transit budget after long night">
<meta property="article:published_time" content="2025-03-05T06:30:00Z">
<meta name="author" content="Meta Author">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Example Tribune"},
  {"@type":"NewsArticle","headline":"Council passes transit budget","datePublished":"2025-03-04T22:30:00-08:00",
   "author":[{"@type":"Person","name":"Rita Moreno"},{"@type":"Person","name":"Sam Lee"}],
   "publisher":{"@type":"Organization","name":"The Example Tribune"}}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">ADVERTISEMENT Buy the best mattress today</div>
<article>
<h1>Council passes transit budget</h1>
<p class="byline">By Rita Moreno and Sam Lee</p>
${[1, 2, 3].map(paragraph).join('\n')}
<p>“We will not cut the night buses,” said Mayor Ana Ruiz.</p>
${[4, 5].map(paragraph).join('\n')}
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Ten things about trains</a></li></ul></aside>
<section id="comments"><h2>Comments</h2><p>First! This is a comment nobody should store.</p></section>
<footer>© 2025 Example Tribune. All rights reserved.</footer>
</body></html>`

export const NO_ARTICLE = `<!DOCTYPE html><html><head><title>Search</title></head><body>
<nav><a href="/">Home</a></nav><form><input name="q"></form><p>No results.</p></body></html>`

// The curly quotes of the page are outside Latin-1: write them as windows-1252 bytes.
export const toCp1252 = (text: string) =>
  Buffer.from([...text].map((ch) => ({ '“': 0x93, '”': 0x94, '©': 0xa9 })[ch] ?? ch.charCodeAt(0)))

/** Starts the page server on a free port of 127.0.0.1; `base` is its address. */
export async function startPageServer(): Promise<{ base: string; close: () => Promise<void> }> {
  let base = ''
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/'
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
      response.writeHead(200, { 'Content-Type': type })
      response.end(body)
    }
    if (path.startsWith('/news/story')) return html(NEWS_PAGE(`${base}/news/story`))
    if (path === '/redirect/1') {
      response.writeHead(301, { Location: '/redirect/2' })
      return response.end()
    }
    if (path === '/redirect/2') {
      response.writeHead(302, { Location: `${base}/news/story?utm_source=feed&utm_medium=rss` })
      return response.end()
    }
    // A redirect to wherever `to` says: an address inside the network, for the guard to refuse.
    if (path.startsWith('/redirect/away?to=')) {
      const to = new URL(path, base).searchParams.get('to')!
      response.writeHead(302, { Location: to })
      return response.end()
    }
    if (path === '/loop') {
      response.writeHead(302, { Location: '/loop' })
      return response.end()
    }
    if (path === '/slow') return // never answers
    if (path === '/huge') {
      response.writeHead(200, { 'Content-Type': 'text/html' })
      response.write('<html><body>')
      for (let i = 0; i < 500; i++) response.write(paragraph(i))
      return response.end('</body></html>')
    }
    if (path === '/report.pdf') return html('%PDF-1.4', 'application/pdf')
    if (path === '/search') return html(NO_ARTICLE)
    if (path === '/cp1252') {
      const page = NEWS_PAGE(`${base}/cp1252`).replace('Mayor Ana Ruiz', 'Mayor José Núñez')
      return html(toCp1252(page), 'text/html; charset=windows-1252')
    }
    if (path === '/cp1252-meta') {
      const page = NEWS_PAGE(`${base}/cp1252-meta`)
        .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
        .replace('Mayor Ana Ruiz', 'Mayor José Núñez')
      return html(toCp1252(page), 'text/html')
    }
    if (path === '/feed.rss') {
      const items = ['/news/story?utm_source=rss', '/search', '/news/story']
        .map((p) => `<item><title>t</title><link>${base}${p}</link></item>`)
        .join('')
      return html(
        `<?xml version="1.0"?><rss version="2.0"><channel>${items}</channel></rss>`,
        'application/rss+xml',
      )
    }
    if (path === '/feed.atom') {
      return html(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/cp1252"/></entry></feed>`,
        'application/atom+xml',
      )
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' })
    response.end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
