/**
 * The articles an RSS or Atom feed links to: each item's `<link>` (RSS) or each entry's
 * `<link href>` (Atom; the `alternate` one when several), as absolute http(s) addresses, in the
 * feed's order, each once, at most `MAX_FEED_ITEMS`.
 */
import { DOMParser } from 'linkedom'

/** Whether a text is a feed rather than a page: it opens with `<rss`, `<feed` or RDF. */
export function isFeed(text: string): boolean {
  const start = text.slice(0, 2000).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|\s/g, '')
  return /^<(rss|feed|rdf:RDF)\b/i.test(start)
}

/** The addresses a feed links to; `base` resolves relative ones. */
export function feedLinks(xml: string, base: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml')
  const links: string[] = []
  for (const item of document.querySelectorAll('item')) {
    links.push(item.querySelector('link')?.textContent?.trim() ?? '')
  }
  for (const entry of document.querySelectorAll('entry')) {
    const all = [...entry.querySelectorAll('link')]
    const link = all.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? all[0]
    links.push(link?.getAttribute('href')?.trim() ?? '')
  }
  const addresses = links.flatMap((link) => {
    try {
      const url = new URL(link, base)
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.href] : []
    } catch {
      return []
    }
  })
  return [...new Set(addresses)].slice(0, MAX_FEED_ITEMS)
}

/** The most pages one feed adds: a feed is news of the moment, not an archive. Default: 500. */
const MAX_FEED_ITEMS = 500
