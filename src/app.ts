/**
 * The HTTP application: every resource's sub-app under `/api`, the OpenAPI document, and the one
 * error shape. A pure factory with no I/O of its own, so tests call it directly with `app.request()`.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { handleError, handleNotFound } from './http/errors'
import { articleRoutes } from './http/routes/articles'
import { claimRoutes } from './http/routes/claims'
import { requireWriteToken } from './http/auth'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import { healthRoutes } from './http/routes/health'
import { importRoutes } from './http/routes/import'
import { pageRoutes } from './http/routes/pages'
import { reviewPageRoutes } from './http/routes/review-pages'
import { receiveBodies } from './http/request-body'
import { outletRoutes } from './http/routes/outlets'
import { quoteRoutes } from './http/routes/quotes'
import { reviewRoutes } from './http/routes/review'
import { threadRoutes } from './http/routes/threads'
import { speakerRoutes } from './http/routes/speakers'
import type { Services } from './services'

export const API_VERSION = '0.1.0'

export interface AppOptions {
  /** The bearer token writes need; null turns writes off. Default: null. */
  writeToken?: string | null
  /** The largest request body accepted, in bytes. Default: 16 MiB. */
  maxBodyBytes?: number
  /** How long a request body may take to arrive in full, in ms. Default: 120 s. */
  uploadTimeoutMs?: number
  /** How long a request body may send nothing, in ms. Default: 15 s. */
  uploadStallMs?: number
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
export const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000
export const DEFAULT_UPLOAD_STALL_MS = 15_000
/** How many bodies of the largest size may be held in memory at once. */
const UPLOADS_HELD_AT_ONCE = 4

/**
 * Headers on every response. The pages use one stylesheet and one script, both from this server,
 * and nothing inline, so the policy allows nothing else; no page may be framed.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  // The API is open to reading from other sites (see the CORS rule), so its answers may be too.
  crossOriginResourcePolicy: 'cross-origin',
  xFrameOptions: 'DENY',
}

/** Builds the app around a set of services. */
export function createApp(services: Services, options: AppOptions = {}) {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const app = new OpenAPIHono()
  // Pages, JSON and exports (CSV, NDJSON) go out gzipped to a client that accepts it: a page of
  // results over the seed is a quarter of its size (9.5 KB, 2.4 KB gzipped). Streams stay streams.
  app.use(
    '*',
    compress({
      contentTypeFilter: (type) =>
        COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || type.startsWith('application/x-ndjson'),
    }),
  )
  app.use('*', secureHeaders(SECURITY_HEADERS))
  // Anyone may read from anywhere; a browser elsewhere may not write (no other method is allowed).
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }))
  app.use('/openapi.json', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }))
  app.use('/api/*', requireWriteToken(options.writeToken ?? null))
  app.use(
    '/api/*',
    receiveBodies({
      maxBytes: maxBodyBytes,
      timeoutMs: options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
      stallMs: Math.min(
        options.uploadStallMs ?? DEFAULT_UPLOAD_STALL_MS,
        options.uploadTimeoutMs ?? Infinity,
      ),
      // Room for a few uploads of the largest size at once, and no more.
      budgetBytes: UPLOADS_HELD_AT_ONCE * maxBodyBytes,
    }),
  )
  app.route('/api', quoteRoutes(services))
  app.route('/api', speakerRoutes(services))
  app.route('/api', outletRoutes(services))
  app.route('/api', articleRoutes(services))
  app.route('/api', claimRoutes(services))
  app.route('/api', threadRoutes(services))
  app.route('/api', reviewRoutes(services))
  app.route('/api', importRoutes(services, { maxBodyBytes }))
  app.route('/', reviewPageRoutes(services, { writeToken: options.writeToken ?? null }))
  app.route('/', pageRoutes(services))
  app.route('/api', healthRoutes(services))
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token set in QUOTEDB_TOKEN; writes need it, reads do not.',
  })
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
