/**
 * `/api/quotes`: search and browse quotes, export them, and add, change and remove them;
 * `/api/quotes/{id}`: one quote with its chain.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import {
  citedListParam,
  anonymousParam,
  exactParam,
  facetSizeParam,
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
import {
  bearerSecurity,
  createdResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonResponse,
  noContentResponse,
  writeErrorResponses,
} from '../router'
import { quoteSchema, quoteSearchSchema } from '../schemas'
import { textStream } from '../streams'
import { newQuoteBody, quoteChangesBody } from '../write-schemas'

const filterParams = {
  q: searchTextParam,
  speaker: speakerListParam,
  outlet: outletListParam,
  cited: citedListParam,
  kind: kindListParam,
  from: fromParam,
  to: toParam,
  anonymous: anonymousParam,
  exact: exactParam,
}

const searchRoute = createRoute({
  method: 'get',
  path: '/quotes',
  summary: 'Search and browse quotes',
  description:
    'Every word must match in any of its forms (drone, drones), accents, case and punctuation aside; typos in longer words forgiven; the last word a prefix. ' +
    'Common words (what, said, about) are dropped; speakers the words name rank first; when no quote holds every word, those holding the most follow (query.mode "partial"). ' +
    'Filters combine with the words. Without q, quotes are listed newest first. Facet counts cover the whole result set; each value carries the query string that toggles it.',
  request: {
    query: queryObject({
      ...filterParams,
      sort: sortParam,
      limit: limitParam,
      offset: offsetParam,
      facetSize: facetSizeParam,
    }),
  },
  responses: {
    ...jsonResponse(quoteSearchSchema, 'One page of quotes, the total and facets.'),
    ...errorResponses,
  },
})

const exportRoute = (format: 'ndjson' | 'csv') =>
  createRoute({
    method: 'get',
    path: `/quotes.${format}`,
    summary: format === 'ndjson' ? 'Export quotes as NDJSON' : 'Export quotes as CSV',
    description:
      format === 'ndjson'
        ? 'Every quote matching the filters, streamed as typed records (outlet, speaker, article, quote) that an import reads back into an equal database.'
        : 'Every quote matching the filters, streamed as RFC 4180 CSV with a header row, one row per quote with its whole chain.',
    request: { query: queryObject(filterParams) },
    responses: {
      200: {
        description: 'The quotes, streamed.',
        content: {
          [format === 'ndjson' ? 'application/x-ndjson' : 'text/csv']: { schema: z.string() },
        },
      },
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

const createQuoteRoute = createRoute({
  method: 'post',
  path: '/quotes',
  summary: 'Add a quote',
  security: bearerSecurity,
  request: { body: jsonBody(newQuoteBody) },
  responses: { ...createdResponse(quoteSchema, 'The quote as stored.'), ...writeErrorResponses },
})

const updateQuoteRoute = createRoute({
  method: 'patch',
  path: '/quotes/{id}',
  summary: 'Change some fields of a quote',
  security: bearerSecurity,
  request: { params: z.object({ id: idPathParam }), body: jsonBody(quoteChangesBody) },
  responses: { ...jsonResponse(quoteSchema, 'The quote as changed.'), ...writeErrorResponses },
})

const deleteQuoteRoute = createRoute({
  method: 'delete',
  path: '/quotes/{id}',
  summary: 'Remove a quote',
  security: bearerSecurity,
  request: { params: z.object({ id: idPathParam }) },
  responses: { ...noContentResponse, ...writeErrorResponses },
})

const EXPORT_TYPES = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

export function quoteRoutes(services: Services) {
  const router = createRouter()
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
        anonymous: query.anonymous,
        exact: query.exact,
        sort: query.sort,
        limit: query.limit,
        offset: query.offset,
        facetSize: query.facetSize,
      })
      return c.json(result, 200)
    })
    .openapi(getRoute, async (c) => c.json(await services.getQuote(c.req.valid('param').id), 200))
    .openapi(createQuoteRoute, async (c) => {
      const quote = await services.createQuote(c.req.valid('json'))
      c.header('Location', `/api/quotes/${quote.id}`)
      return c.json(quote, 201)
    })
    .openapi(updateQuoteRoute, async (c) =>
      c.json(await services.updateQuote(c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(deleteQuoteRoute, async (c) => {
      await services.deleteQuote(c.req.valid('param').id)
      return c.body(null, 204)
    })
  for (const format of ['ndjson', 'csv'] as const) {
    router.openapi(exportRoute(format), async (c) => {
      const query = c.req.valid('query')
      const chunks = await services.exportQuotes(format, {
        q: query.q,
        speakers: query.speaker,
        outlets: query.outlet,
        cited: query.cited,
        kinds: query.kind,
        from: query.from,
        to: query.to,
        anonymous: query.anonymous,
        exact: query.exact,
      })
      return new Response(textStream(chunks), {
        headers: {
          'Content-Type': EXPORT_TYPES[format],
          'Content-Disposition': `attachment; filename="quotes.${format}"`,
        },
      }) as never
    })
  }
  return router
}
