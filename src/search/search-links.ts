/**
 * The query string of a search (`?q=drones&speaker=claudia-sheinbaum`): the one way a search is
 * written as a link, by the facets' toggle and "more" links the API returns and the pages follow.
 * `/api/quotes` and the search page take the same parameters, so the same string serves both.
 */
import { FACET_SIZE, PAGE_LIMIT, type QuoteQuery } from './search-request'

/** A search as its parameters say it (the page offset apart: a changed search starts again). */
export type SearchLinkParams = Omit<QuoteQuery, 'offset'>

/** The query string of a search, `?` alone for none; defaults and the page offset are left out. */
export function searchLink(params: SearchLinkParams): string {
  const link = new URLSearchParams()
  // As typed: a trailing space says the last word is complete.
  if (params.q !== null && params.q.trim() !== '') link.set('q', params.q)
  for (const [name, values] of [
    ['speaker', params.speakers],
    ['outlet', params.outlets],
    ['cited', params.cited],
    ['kind', params.kinds],
  ] as const) {
    for (const value of values) link.append(name, value)
  }
  if (params.from !== null) link.set('from', params.from)
  if (params.to !== null) link.set('to', params.to)
  if (params.anonymous !== null) link.set('anonymous', String(params.anonymous))
  if (params.exact) link.set('exact', 'true')
  if (params.sort !== null) link.set('sort', params.sort)
  if (params.limit !== PAGE_LIMIT.default) link.set('limit', String(params.limit))
  if (params.facetSize !== FACET_SIZE.default) link.set('facetSize', String(params.facetSize))
  const query = link.toString()
  return query ? `?${query}` : '?'
}

/** A list with `values` added (when not all are in it) or removed (when all are). */
export function toggled<T>(list: T[], values: T[]): T[] {
  return values.every((v) => list.includes(v))
    ? list.filter((v) => !values.includes(v))
    : [...list, ...values.filter((v) => !list.includes(v))]
}
