/**
 * Outlets: listing, finding by any name or domain, and an outlet's counts.
 */
import { notFound } from '../domain/errors'
import type { PageRequest } from '../domain/store'
import type { ArticleListing, Outlet, Page } from '../domain/types'
import type { ServiceContext } from './context'

/**
 * Outlets matching `q` by name, alias or domain, best match first; without `q`, every outlet, those
 * with the most statements first.
 */
export async function listOutlets(
  context: ServiceContext,
  params: PageRequest & { q?: string | null },
): Promise<Page<Outlet>> {
  const q = params.q?.trim()
  // Names come from the name index, which may still be loading just after start.
  if (q) await context.indexes.complete
  if (!q) return context.store.listOutlets(params)
  const matches = context.indexes.names.search('outlet', q)
  const slugs = matches.slice(params.offset, params.offset + params.limit).map((m) => m.slug)
  return {
    total: matches.length,
    limit: params.limit,
    offset: params.offset,
    items: await context.store.getOutlets(slugs),
  }
}

/** An outlet with the counts of statements it published and was cited for; 404 when unknown. */
export async function getOutlet(context: ServiceContext, slug: string): Promise<Outlet> {
  const outlet = await context.store.getOutlet(slug)
  if (!outlet) throw notFound(`No outlet has the slug "${slug}".`)
  return outlet
}

/** An outlet's articles, newest first; 404 when no outlet has the slug. */
export async function listOutletArticles(
  context: ServiceContext,
  slug: string,
  page: PageRequest,
): Promise<Page<ArticleListing>> {
  const articles = await context.store.listOutletArticles(slug, page)
  if (!articles) throw notFound(`No outlet has the slug "${slug}".`)
  return articles
}
