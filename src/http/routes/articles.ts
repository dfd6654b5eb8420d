/**
 * `/api/articles`: add an article with its statements; `/api/articles/{id}`: its text with the
 * offsets of every statement in it, or remove it.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import { idPathParam, queryObject } from '../query-params'
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
import { articleSchema } from '../schemas'
import { newArticleBody } from '../write-schemas'

const getRoute = createRoute({
  method: 'get',
  path: '/articles/{id}',
  summary: 'One article: its body and every statement in it, with offsets',
  request: { params: z.object({ id: idPathParam }) },
  responses: { ...jsonResponse(articleSchema, 'The article.'), ...errorResponses },
})

const createArticleRoute = createRoute({
  method: 'post',
  path: '/articles',
  summary: 'Add an article, with its statements',
  description:
    'With extract=true, every attributed statement found in the body (quotations, quoted fragments and paraphrases, with speakers, cues, cited outlets and dates) is stored with the article, besides any quotes the body of the request lists.',
  security: bearerSecurity,
  request: {
    query: queryObject({
      extract: z
        .enum(['true', 'false'], { error: 'extract must be true or false.' })
        .optional()
        .openapi({
          param: { name: 'extract', in: 'query' },
          description: 'Find and store the statements in the body.',
        }),
    }),
    body: jsonBody(newArticleBody),
  },
  responses: {
    ...createdResponse(articleSchema, 'The article as stored.'),
    ...writeErrorResponses,
  },
})

const deleteArticleRoute = createRoute({
  method: 'delete',
  path: '/articles/{id}',
  summary: 'Remove an article and every statement in it',
  security: bearerSecurity,
  request: { params: z.object({ id: idPathParam }) },
  responses: { ...noContentResponse, ...writeErrorResponses },
})

export function articleRoutes(services: Services) {
  return createRouter()
    .openapi(getRoute, async (c) => c.json(await services.getArticle(c.req.valid('param').id), 200))
    .openapi(createArticleRoute, async (c) => {
      const article = await services.createArticle(c.req.valid('json'), {
        extract: c.req.valid('query').extract === 'true',
      })
      c.header('Location', `/api/articles/${article.id}`)
      return c.json(article, 201)
    })
    .openapi(deleteArticleRoute, async (c) => {
      await services.deleteArticle(c.req.valid('param').id)
      return c.body(null, 204)
    })
}
