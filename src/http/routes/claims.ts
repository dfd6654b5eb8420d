/**
 * `/api/claims`: who reported a claim, and whom they cited, earliest first.
 */
import { createRoute } from '@hono/zod-openapi'
import type { Services } from '../../services'
import { claimTextParam, limitParam, offsetParam, queryObject } from '../query-params'
import { createRouter, errorResponses, jsonResponse } from '../router'
import { claimReportSchema } from '../schemas'

const checkRoute = createRoute({
  method: 'get',
  path: '/claims',
  summary: 'Who reported this claim, and whom did they cite?',
  description:
    'Statements of every kind that share enough of the claim’s words (rarer words count more), grouped by outlet: ' +
    'outlets that published them and outlets cited as their source, earliest first, a cited source before those who reported it.',
  request: { query: queryObject({ q: claimTextParam, limit: limitParam, offset: offsetParam }) },
  responses: {
    ...jsonResponse(claimReportSchema, 'Outlets that carried the claim.'),
    ...errorResponses,
  },
})

export function claimRoutes(services: Services) {
  return createRouter().openapi(checkRoute, async (c) =>
    c.json(await services.checkClaim(c.req.valid('query')), 200),
  )
}
