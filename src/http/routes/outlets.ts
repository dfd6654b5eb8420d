/**
 * `/api/outlets`: every outlet, or those matching `q` by name, alias or domain; add one.
 * `/api/outlets/{slug}`: one outlet with what it published and what it is cited for; change or
 * remove it, or merge others into it.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import {
  limitParam,
  offsetParam,
  queryObject,
  searchTextParam,
  slugPathParam,
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
import { articleListingSchema, outletSchema, pageOf } from '../schemas'
import { mergeBody, newOutletBody, outletChangesBody } from '../write-schemas'

const slugParams = z.object({ slug: slugPathParam })

const listRoute = createRoute({
  method: 'get',
  path: '/outlets',
  summary: 'List outlets, or find them by name, alias or domain',
  request: {
    query: queryObject({
      q: searchTextParam.openapi({ param: { name: 'q', in: 'query' }, example: 'wsj' }),
      limit: limitParam,
      offset: offsetParam,
    }),
  },
  responses: {
    ...jsonResponse(pageOf(outletSchema, 'OutletPage'), 'One page of outlets.'),
    ...errorResponses,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/outlets/{slug}',
  summary: 'One outlet: statements it published and statements it is cited for',
  request: { params: slugParams },
  responses: { ...jsonResponse(outletSchema, 'The outlet.'), ...errorResponses },
})

const articlesRoute = createRoute({
  method: 'get',
  path: '/outlets/{slug}/articles',
  summary: 'The articles an outlet published, newest first',
  request: {
    params: slugParams,
    query: queryObject({ limit: limitParam, offset: offsetParam }),
  },
  responses: {
    ...jsonResponse(pageOf(articleListingSchema, 'ArticleListingPage'), 'One page of articles.'),
    ...errorResponses,
  },
})

const createOutletRoute = createRoute({
  method: 'post',
  path: '/outlets',
  summary: 'Add an outlet',
  description:
    'The slug is made from the name when not given. A name another outlet already goes by is refused unless a slug is given.',
  security: bearerSecurity,
  request: { body: jsonBody(newOutletBody) },
  responses: { ...createdResponse(outletSchema, 'The outlet as stored.'), ...writeErrorResponses },
})

const updateOutletRoute = createRoute({
  method: 'patch',
  path: '/outlets/{slug}',
  summary: 'Change an outlet',
  security: bearerSecurity,
  request: { params: slugParams, body: jsonBody(outletChangesBody) },
  responses: { ...jsonResponse(outletSchema, 'The outlet as changed.'), ...writeErrorResponses },
})

const deleteOutletRoute = createRoute({
  method: 'delete',
  path: '/outlets/{slug}',
  summary: 'Remove an outlet nothing refers to',
  security: bearerSecurity,
  request: { params: slugParams },
  responses: { ...noContentResponse, ...writeErrorResponses },
})

const mergeOutletsRoute = createRoute({
  method: 'post',
  path: '/outlets/{slug}/merge',
  summary: 'Merge outlets that are one into this one',
  description:
    'Their articles and citations move to this outlet, their names and domains become its aliases, and they are removed.',
  security: bearerSecurity,
  request: { params: slugParams, body: jsonBody(mergeBody) },
  responses: {
    ...jsonResponse(outletSchema, 'The outlet after the merge.'),
    ...writeErrorResponses,
  },
})

export function outletRoutes(services: Services) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await services.listOutlets(c.req.valid('query')), 200))
    .openapi(getRoute, async (c) =>
      c.json(await services.getOutlet(c.req.valid('param').slug), 200),
    )
    .openapi(articlesRoute, async (c) =>
      c.json(
        await services.listOutletArticles(c.req.valid('param').slug, c.req.valid('query')),
        200,
      ),
    )
    .openapi(createOutletRoute, async (c) => {
      const outlet = await services.createOutlet(c.req.valid('json'))
      c.header('Location', `/api/outlets/${encodeURIComponent(outlet.slug)}`)
      return c.json(outlet, 201)
    })
    .openapi(updateOutletRoute, async (c) =>
      c.json(await services.updateOutlet(c.req.valid('param').slug, c.req.valid('json')), 200),
    )
    .openapi(deleteOutletRoute, async (c) => {
      await services.deleteOutlet(c.req.valid('param').slug)
      return c.body(null, 204)
    })
    .openapi(mergeOutletsRoute, async (c) =>
      c.json(await services.mergeOutlets(c.req.valid('param').slug, c.req.valid('json').from), 200),
    )
}
