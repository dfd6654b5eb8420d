/**
 * `/api/review`: the statements the extractor stored and no person has accepted yet, least sure
 * first, each with the stretch of its article that holds it; accept, correct or reject each.
 * Accepted and corrected statements become curated; rejected ones are removed.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import { articleIdParam, idPathParam, limitParam, offsetParam, queryObject } from '../query-params'
import {
  bearerSecurity,
  createRouter,
  errorResponses,
  jsonBody,
  jsonResponse,
  noContentResponse,
  writeErrorResponses,
} from '../router'
import { bodySpanSchema, pageOf, quoteSchema } from '../schemas'
import { reviewCorrectionBody } from '../write-schemas'

const reviewItemSchema = z
  .object({
    statement: quoteSchema,
    excerpt: bodySpanSchema.nullable().openapi({
      description:
        'The paragraph(s) of the article body holding the statement, its cue and the words naming its source (offsets into the body); null when the body is unknown.',
    }),
  })
  .openapi('ReviewItem')

const idParams = z.object({ id: idPathParam })

const queueRoute = createRoute({
  method: 'get',
  path: '/review',
  summary: 'The statements awaiting review, least sure first',
  description: 'Of every article, or with article=ID of one.',
  request: {
    query: queryObject({ article: articleIdParam, limit: limitParam, offset: offsetParam }),
  },
  responses: {
    ...jsonResponse(pageOf(reviewItemSchema, 'ReviewPage'), 'One page of the review queue.'),
    ...errorResponses,
  },
})

const acceptRoute = createRoute({
  method: 'post',
  path: '/review/{id}/accept',
  summary: 'Accept an extracted statement as it is: it becomes curated',
  security: bearerSecurity,
  request: { params: idParams },
  responses: {
    ...jsonResponse(quoteSchema, 'The statement, now curated.'),
    ...writeErrorResponses,
  },
})

const correctRoute = createRoute({
  method: 'post',
  path: '/review/{id}/correct',
  summary: 'Correct an extracted statement: it becomes curated as corrected',
  security: bearerSecurity,
  request: { params: idParams, body: jsonBody(reviewCorrectionBody) },
  responses: {
    ...jsonResponse(quoteSchema, 'The statement as corrected, now curated.'),
    ...writeErrorResponses,
  },
})

const rejectRoute = createRoute({
  method: 'post',
  path: '/review/{id}/reject',
  summary: 'Reject an extracted statement: it is removed',
  security: bearerSecurity,
  request: { params: idParams },
  responses: { ...noContentResponse, ...writeErrorResponses },
})

export function reviewRoutes(services: Services) {
  return createRouter()
    .openapi(queueRoute, async (c) => c.json(await services.reviewQueue(c.req.valid('query')), 200))
    .openapi(acceptRoute, async (c) =>
      c.json(await services.acceptStatement(c.req.valid('param').id), 200),
    )
    .openapi(correctRoute, async (c) =>
      c.json(await services.correctStatement(c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(rejectRoute, async (c) => {
      await services.rejectStatement(c.req.valid('param').id)
      return c.body(null, 204)
    })
}
