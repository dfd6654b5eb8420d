/**
 * `/api/outlets`: every outlet, or those matching `q` by name, alias or domain;
 * `/api/outlets/{slug}`: one outlet with what it published and what it is cited for.
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
import { createRouter, errorResponses, jsonResponse } from '../router'
import { outletSchema, pageOf } from '../schemas'

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
  request: { params: z.object({ slug: slugPathParam }) },
  responses: { ...jsonResponse(outletSchema, 'The outlet.'), ...errorResponses },
})

export function outletRoutes(services: Services) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await services.listOutlets(c.req.valid('query')), 200))
    .openapi(getRoute, async (c) =>
      c.json(await services.getOutlet(c.req.valid('param').slug), 200),
    )
}
