/**
 * `/api/articles`: add an article with its statements; `/api/articles/{id}`: its text with the
 * offsets of every statement in it, or remove it.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { AppError, invalidParameter } from '../../domain/errors'
import { charsetOf, decodePage, FETCH_DEFAULTS } from '../../ingest/fetch-page'
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

/**
 * `POST /api/articles` with a web page: `{"url": "…"}` (the server fetches it) or the page itself
 * as `text/html` with `?url=` for its address. Anything else goes on to the JSON article route.
 */
function pageBody(services: Services): MiddlewareHandler {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const extract = c.req.query('extract') === 'true'
    if (type === 'text/html') {
      const url = c.req.query('url')
      if (!url) {
        throw invalidParameter('url', 'url is required with an HTML body: the address of the page.')
      }
      checkPageAddress(url)
      const bytes = Buffer.from(await c.req.arrayBuffer())
      if (bytes.length > FETCH_DEFAULTS.maxBytes) {
        throw new AppError(
          'payload_too_large',
          `A page is read up to ${FETCH_DEFAULTS.maxBytes / 1024 / 1024} MB; this one is larger.`,
        )
      }
      const html = decodePage(bytes, charsetOf(c.req.header('content-type')))
      const article = await services.ingestPage({ url, html }, { extract })
      c.header('Location', `/api/articles/${article.id}`)
      return c.json(article, 201)
    }
    if (type !== 'application/json') return next()
    const body: unknown = await c.req.json().catch(() => null)
    if (!isUrlOnly(body)) return next()
    checkPageAddress(body.url)
    const article = await services.ingestPage({ url: body.url }, { extract })
    c.header('Location', `/api/articles/${article.id}`)
    return c.json(article, 201)
  }
}

/** A body that names only the page to fetch. */
const isUrlOnly = (body: unknown): body is { url: string } =>
  body !== null &&
  typeof body === 'object' &&
  Object.keys(body).length === 1 &&
  typeof (body as { url?: unknown }).url === 'string'

function checkPageAddress(url: string): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidParameter('url', 'url must be an absolute http or https address.')
  }
  if (url.length > 2000 || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalidParameter(
      'url',
      'url must be an http or https address of at most 2000 characters.',
    )
  }
}

export function articleRoutes(services: Services) {
  const router = createRouter()
  router.post('/articles', pageBody(services))
  return router
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
