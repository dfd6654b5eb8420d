/**
 * `/api/health`: the server answers, and what it serves.
 */
import { createRoute } from '@hono/zod-openapi'
import type { Services } from '../../services'
import { createRouter, jsonResponse } from '../router'
import { healthSchema } from '../schemas'

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Health and counts',
  responses: jsonResponse(healthSchema, 'The server is up; what it holds.'),
})

export function healthRoutes(services: Services) {
  return createRouter().openapi(healthRoute, async (c) =>
    c.json({ status: 'ok' as const, counts: await services.counts() }, 200),
  )
}
