/**
 * `/api/quotes`: search and browse quotes; `/api/quotes/{id}`: one quote with its chain.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import {
  citedListParam,
  fromParam,
  idPathParam,
  kindListParam,
  limitParam,
  offsetParam,
  outletListParam,
  queryObject,
  searchTextParam,
  sortParam,
  speakerListParam,
  toParam,
} from '../query-params'
import { createRouter, errorResponses, jsonResponse } from '../router'
import { quoteSchema, quoteSearchSchema } from '../schemas'

const searchRoute = createRoute({
  method: 'get',
  path: '/quotes',
  summary: 'Search and browse quotes',
  description:
    'Every word must match (accents, case and punctuation aside; typos in longer words forgiven; the last word a prefix). ' +
    'Filters combine with the words. Without q, quotes are listed newest first. Facet counts cover the whole result set.',
  request: {
    query: queryObject({
      q: searchTextParam,
      speaker: speakerListParam,
      outlet: outletListParam,
      cited: citedListParam,
      kind: kindListParam,
      from: fromParam,
      to: toParam,
      sort: sortParam,
      limit: limitParam,
      offset: offsetParam,
    }),
  },
  responses: {
    ...jsonResponse(quoteSearchSchema, 'One page of quotes, the total and facets.'),
    ...errorResponses,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/quotes/{id}',
  summary: 'One quote with its whole attribution chain',
  request: { params: z.object({ id: idPathParam }) },
  responses: { ...jsonResponse(quoteSchema, 'The quote.'), ...errorResponses },
})

export function quoteRoutes(services: Services) {
  return createRouter()
    .openapi(searchRoute, async (c) => {
      const query = c.req.valid('query')
      const result = await services.searchQuotes({
        q: query.q,
        speakers: query.speaker,
        outlets: query.outlet,
        cited: query.cited,
        kinds: query.kind,
        from: query.from,
        to: query.to,
        sort: query.sort,
        limit: query.limit,
        offset: query.offset,
      })
      return c.json(result, 200)
    })
    .openapi(getRoute, async (c) => c.json(await services.getQuote(c.req.valid('param').id), 200))
}
