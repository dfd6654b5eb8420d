/**
 * A web page as an article to store: fetched safely from its address (or given as HTML with it),
 * its main text and metadata read out (see `ingest/`), its outlet named by what the page calls
 * its publisher, with the site's domain, so that it resolves to an outlet already stored (by name,
 * alias or domain) or makes one. The canonical address identifies it: the same page reached again
 * — by a redirect, with tracking parameters — is refused as already stored.
 */
import { AppError } from '../domain/errors'
import { fetchPage, type FetchOptions } from '../ingest/fetch-page'
import { articleFromPage } from '../ingest/page-article'
import type { NewArticle } from './write-operations'

export async function pageAsArticle(
  page: { url: string; html?: string | null },
  fetchOptions: Partial<FetchOptions>,
): Promise<NewArticle> {
  const fetched =
    page.html === undefined || page.html === null
      ? await fetchPage(page.url, fetchOptions)
      : { url: page.url, html: page.html, kind: 'page' as const }
  const article = articleFromPage(fetched.html, fetched.url)
  if (article === null) {
    throw new AppError(
      'no_article',
      'This page holds no article: too little main text to read as one.',
      'url',
    )
  }
  if (article.published === null) {
    throw new AppError(
      'no_article',
      'The page does not say when it was published (no datePublished, no date meta tag such as article:published_time or pubdate, no <time datetime>, no date in its address); add it as JSON with a published date.',
      'url',
    )
  }
  return {
    url: article.url,
    outlet: { name: article.outlet, domain: article.domain },
    title: article.title,
    published: article.published,
    language: article.language?.toLowerCase().split(/[-_]/)[0] ?? 'en',
    byline: article.byline,
    body: article.body,
    quotes: [],
  }
}
