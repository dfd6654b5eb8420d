/**
 * The article out of a web page: its main text with Mozilla's Readability (over linkedom's DOM),
 * paragraphs kept apart by blank lines and the page's furniture (navigation, ads, related links,
 * comments, footers) left out; and what the page says about it, best source first — JSON-LD
 * (`NewsArticle` and kin: headline, datePublished, author, publisher), OpenGraph and meta tags
 * (`og:site_name`, `og:title`, `article:published_time`, `author`), `<link rel="canonical">` (on
 * the same site as the page was read from), the article's `<time datetime>`, `<html lang>`.
 */
import { Readability } from '@mozilla/readability'
import { isPageFurniture } from './furniture'
import { withoutSiteName } from './site-name'
import { parseHTML } from 'linkedom'
import { domainOf } from '../domain/identity'
import { parsePartialDate } from '../domain/partial-dates'

/** An article as a page gives it; `null` fields the page does not say. */
export interface PageArticle {
  /** The canonical address, tracking parameters and fragment removed. */
  url: string
  title: string | null
  /** `YYYY-MM-DD` (the day in the page's own time zone), `YYYY-MM` or `YYYY`. */
  published: string | null
  /** The outlet's name (publisher, site name), or the site's domain. */
  outlet: string
  /** The domain of the site the page was read from; null for a bare address. */
  domain: string | null
  byline: string | null
  language: string | null
  /** Paragraphs separated by blank lines. */
  body: string
}

/** The fewest characters of main text a page must hold to be an article. Default: 300. */
const MIN_ARTICLE_CHARS = 300

/** Query parameters that say where a reader came from, not which page it is. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ito)$/i

/** An address without its tracking parameters and fragment. */
function withoutTracking(address: string): string {
  const url = new URL(address)
  url.hash = ''
  for (const key of [...url.searchParams.keys()])
    if (TRACKING.test(key)) url.searchParams.delete(key)
  return url.href
}

type Json = Record<string, unknown>
type Page = ReturnType<typeof parseHTML>['document']

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|WebPage)$/

/** The JSON-LD object describing the article, if the page has one. */
function jsonLdArticle(document: Page): Json | null {
  const found: Json[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    const object = value as Json
    const types = [object['@type']].flat().map(String)
    if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(object)
    if (object['@graph']) visit(object['@graph'])
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''))
    } catch {
      // A broken block says nothing; the others may.
    }
  }
  // A news article before a mere web page.
  return found.find((o) => String(o['@type']) !== 'WebPage') ?? found[0] ?? null
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return text(value[0])
  if (value && typeof value === 'object') return text((value as Json).name)
  return null
}

const names = (value: unknown): string | null => {
  const list = [value]
    .flat()
    .map(text)
    .filter((n): n is string => n !== null)
  return list.length > 0 ? list.join(', ') : null
}

/** The date a datetime gives, as the page wrote it: its own day, in its own time zone. */
function dateOf(written: string | null): string | null {
  if (!written) return null
  // ISO 8601 only, extended or basic ("20250304"): "1709654400" is no year, "2024-3-5" no month.
  const match =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(written.trim()) ??
    /^(\d{4})(\d{2})(\d{2})(?=$|T)/.exec(written.trim())
  if (!match) return null
  const date = [match[1], match[2], match[3]].filter(Boolean).join('-')
  return parsePartialDate(date) ? date : null
}

/**
 * The date an article's address gives, as news sites write it: "/2025/03/04/", "/2025-03-04/"
 * (a path segment of its own), or only the month ("/2025/03/"), which is then the date's
 * precision. Not a magazine's issue ("/magazine/archive/2025/03/": it went online before), nor
 * a day after `now` (an event's date, not the article's).
 */
export function dateInAddress(address: URL, now = new Date()): string | null {
  const path = address.pathname
  if (/\/(?:magazine|issues?)\//i.test(path)) return null
  const match =
    /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])(?:\/(0[1-9]|[12]\d|3[01])(?=[/-]|$)|\/)/.exec(path) ??
    /\/((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\/|$)/.exec(path)
  if (!match) return null
  const date = dateOf([match[1], match[2], match[3]].filter(Boolean).join('-'))
  return date !== null && date <= now.toISOString().slice(0, 10) ? date : null
}

/**
 * Meta tags that carry the publication date on sites without JSON-LD, most common first, by the
 * name or property they are given (compared without case: "DC.date" and "dc.date" are one).
 */
const DATE_METAS = [
  'article:published_time',
  'date',
  'datepublished',
  'pubdate',
  'publish-date',
  'publishdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date',
  'dc.date.issued',
  'og:published_time',
]

/** The content of each meta tag by its name, property or itemprop, in lower case: the first of each. */
function metasByName(document: Page): Map<string, string> {
  const found = new Map<string, string>()
  for (const element of document.querySelectorAll('meta[content]')) {
    const key = (
      element.getAttribute('name') ??
      element.getAttribute('property') ??
      element.getAttribute('itemprop') ??
      ''
    ).toLowerCase()
    const content = element.getAttribute('content')?.trim()
    if (key && content && !found.has(key)) found.set(key, content)
  }
  return found
}

/** The main text as paragraphs, from Readability's HTML, without the furniture it kept. */
function paragraphs(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`)
  const blocks = [...document.querySelectorAll('p, h2, h3, h4, h5, h6, li, blockquote, pre')]
    // A block inside another is read with it.
    .filter((block) => !block.parentElement?.closest('p, li, blockquote, pre'))
    .map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && !isPageFurniture(line))
  return blocks.join('\n\n')
}

/** The host a site goes by: its domain without "www." (`domainOf`), else the host as written. */
const siteOf = (url: URL) => domainOf(url.href) ?? url.hostname

/**
 * Whether a page at `fetched` may name `claimed` as its address: the same site, or one of its
 * subdomains or parents ("amp.example.com" for "example.com"). A page cannot claim another
 * site's address, nor so its outlet.
 */
function sameSite(claimed: URL, fetched: URL): boolean {
  const [a, b] = [siteOf(claimed), siteOf(fetched)]
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)
}

/** Most elements Readability reads: a page with more is no article it can read in time. */
const MAX_ELEMENTS = 30_000

/** Limits of the article's fields, as the store takes them: longer ones are cut. */
const FIELD_LIMITS = { title: 1000, byline: 1000, outlet: 200 } as const

const cut = (value: string | null, max: number) =>
  value === null ? null : value.length > max ? `${value.slice(0, max - 1)}…` : value

/** A language tag the store takes ("en", "pt-BR"), or null. */
const languageTag = (lang: string | null | undefined) => {
  const tag = lang?.trim() ?? ''
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null
}

/**
 * The addresses a page gives for itself, best first: `<link rel="canonical">`, then `og:url`;
 * http(s) only, relative ones resolved against `base`.
 */
function addressesClaimed(document: Page, base?: string): URL[] {
  const given = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ]
  return given.flatMap((written) => {
    try {
      const url = new URL(written?.trim() ?? '', base)
      return written && (url.protocol === 'http:' || url.protocol === 'https:') ? [url] : []
    } catch {
      return []
    }
  })
}

/** The address a saved page gives for itself (see `addressesClaimed`), or null. */
export function addressOfSavedPage(html: string): string | null {
  return addressesClaimed(parseHTML(html).document)[0]?.href ?? null
}

/** The article a page holds, or null when it holds none (too little main text). */
export function articleFromPage(html: string, address: string): PageArticle | null {
  const fetched = new URL(address)
  const { document } = parseHTML(html)
  // A page of more elements than are read in time holds no article to read: refused before any
  // walk of them. (Readability's own maxElemsToParse counts getElementsByTagName('*'), which
  // linkedom answers with none.)
  if (document.querySelectorAll('*').length > MAX_ELEMENTS) return null
  const ld = jsonLdArticle(document)
  const metas = metasByName(document)
  const meta = (name: string) => metas.get(name) ?? null
  const claimed = addressesClaimed(document, address).find((url) => sameSite(url, fetched))
  let url = claimed?.href ?? address
  url = withoutTracking(url)
  // The site the page was read from names the outlet, whatever the page claims (a bare address,
  // an intranet's, names none).
  const domain = domainOf(fetched.href)

  // Readability changes the document it reads: it reads a copy.
  // (Its types speak of the browser's Document, which linkedom's stands in for.)
  const readable = new Readability(parseHTML(html).document as never, {
    charThreshold: 100,
  }).parse()
  const body = readable?.content ? paragraphs(readable.content) : ''
  if (body.length < MIN_ARTICLE_CHARS) return null

  const siteNames = [text(ld?.publisher), meta('og:site_name'), readable?.siteName ?? null]
  const written =
    text(ld?.headline) ??
    meta('og:title') ??
    meta('twitter:title') ??
    (readable?.title?.trim() || null) ??
    (document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null)
  const titled = written === null ? null : withoutSiteName(written, siteNames, domain)
  const title = titled?.title || written
  const published =
    dateOf(text(ld?.datePublished)) ??
    DATE_METAS.map((name) => dateOf(meta(name))).find(Boolean) ??
    // A <time> of the article's own, not the header's today or a comment's.
    dateOf(
      document
        .querySelector('article time[datetime], time[itemprop="datePublished"], time[pubdate]')
        ?.getAttribute('datetime') ?? null,
    ) ??
    dateInAddress(new URL(url))
  const outlet = siteNames.find(Boolean) ?? titled?.site ?? domain ?? fetched.hostname
  const printedByline = names(ld?.author) ?? meta('author') ?? readable?.byline?.trim() ?? null
  // The names, without the "By" the page prints before them.
  const byline = printedByline?.replace(/^by\s+/i, '').trim() || null
  const language =
    languageTag(document.documentElement?.getAttribute('lang')) ?? languageTag(readable?.lang)
  return {
    url,
    title: cut(title, FIELD_LIMITS.title),
    published,
    outlet: cut(outlet, FIELD_LIMITS.outlet)!,
    domain,
    byline: cut(byline, FIELD_LIMITS.byline),
    language,
    body,
  }
}
