/**
 * The HTTP application: every resource's sub-app under `/api`, the OpenAPI document, and the one
 * error shape. A pure factory with no I/O of its own, so tests call it directly with `app.request()`.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { handleError, handleNotFound } from './http/errors'
import { articleRoutes } from './http/routes/articles'
import { claimRoutes } from './http/routes/claims'
import { healthRoutes } from './http/routes/health'
import { outletRoutes } from './http/routes/outlets'
import { quoteRoutes } from './http/routes/quotes'
import { speakerRoutes } from './http/routes/speakers'
import type { Services } from './services'

export const API_VERSION = '0.1.0'

/** Builds the app around a set of services. */
export function createApp(services: Services) {
  const app = new OpenAPIHono()
  app.route('/api', quoteRoutes(services))
  app.route('/api', speakerRoutes(services))
  app.route('/api', outletRoutes(services))
  app.route('/api', articleRoutes(services))
  app.route('/api', claimRoutes(services))
  app.route('/api', healthRoutes(services))
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'quotedb',
      version: API_VERSION,
      description:
        'A quote and attribution database: who said what, which outlet reported it, and whom that outlet cited.',
    },
  })
  app.onError(handleError)
  app.notFound(handleNotFound)
  return app
}

export type App = ReturnType<typeof createApp>
