/**
 * `/api/articles/{id}`: an article's text with the offsets of every statement in it.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import { idPathParam } from '../query-params'
import { createRouter, errorResponses, jsonResponse } from '../router'
import { articleSchema } from '../schemas'

const getRoute = createRoute({
  method: 'get',
  path: '/articles/{id}',
  summary: 'One article: its body and every statement in it, with offsets',
  request: { params: z.object({ id: idPathParam }) },
  responses: { ...jsonResponse(articleSchema, 'The article.'), ...errorResponses },
})

export function articleRoutes(services: Services) {
  return createRouter().openapi(getRoute, async (c) =>
    c.json(await services.getArticle(c.req.valid('param').id), 200),
  )
}
