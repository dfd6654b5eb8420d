/**
 * The web pages: search, speaker, outlet, "who reported this?", article — server-rendered with
 * Hono's JSX, working without JavaScript — and the one stylesheet and optional script they use.
 */
import { readFileSync } from 'node:fs'
import { Hono, type Context } from 'hono'
import { AppError } from '../../domain/errors'
import type { QuoteKind } from '../../domain/vocabulary'
import type { Services } from '../../services'
import { ArticlePage } from '../../web/pages/article'
import { ClaimsPage } from '../../web/pages/claims'
import { NotFoundPage } from '../../web/pages/not-found'
import { OutletPage } from '../../web/pages/outlet'
import { PAGE_SIZE, SearchPage, type SearchForm } from '../../web/pages/search'
import { SpeakerPage } from '../../web/pages/speaker'

const STATIC = {
  'style.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('../../web/static/style.css', import.meta.url), 'utf8'),
  },
  'app.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('../../web/static/app.js', import.meta.url), 'utf8'),
  },
} as const

/** A list parameter as typed: repeated, or comma-separated in one box. */
const listOf = (params: URLSearchParams, name: string) =>
  params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)

/** Offsets in page links are whole pages of results; anything else starts at the first. */
function offsetOf(params: URLSearchParams): number {
  const offset = Number(params.get('offset') ?? 0)
  return Number.isInteger(offset) && offset >= 0 && offset <= 1_000_000 ? offset : 0
}

/** The message of an error a user can act on; other errors go on to the error handler. */
function userError(error: unknown): string {
  if (error instanceof AppError && error.status < 500) return error.message
  throw error
}

const notFound = (c: Context, message: string) => c.html(<NotFoundPage message={message} />, 404)

export function pageRoutes(services: Services) {
  const app = new Hono()

  app.get('/static/:file', (c) => {
    const file = STATIC[c.req.param('file') as keyof typeof STATIC]
    if (!file) return notFound(c, 'No such file.')
    return c.body(file.body, 200, {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=3600',
    })
  })

  app.get('/', async (c) => {
    const params = new URL(c.req.url).searchParams
    const form: SearchForm = {
      q: (params.get('q') ?? '').slice(0, 500),
      speaker: listOf(params, 'speaker'),
      outlet: listOf(params, 'outlet'),
      cited: listOf(params, 'cited'),
      kind: listOf(params, 'kind'),
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      sort: params.get('sort') ?? '',
    }
    try {
      const result = await services.searchQuotes({
        q: form.q,
        speakers: await services.slugsFor('speaker', form.speaker),
        outlets: await services.slugsFor('outlet', form.outlet),
        cited: await services.slugsFor('outlet', form.cited),
        kinds: form.kind.filter((k): k is QuoteKind =>
          ['direct', 'partial', 'paraphrase'].includes(k),
        ),
        from: form.from || null,
        to: form.to || null,
        sort: form.sort === 'newest' || form.sort === 'oldest' ? form.sort : null,
        limit: PAGE_SIZE,
        offset: offsetOf(params),
      })
      return c.html(<SearchPage form={form} result={result} params={params} error={null} />)
    } catch (error) {
      return c.html(
        <SearchPage form={form} result={null} params={params} error={userError(error)} />,
        400,
      )
    }
  })

  app.get('/speakers/:slug', async (c) => {
    const slug = c.req.param('slug')
    const params = new URL(c.req.url).searchParams
    try {
      const speaker = await services.getSpeaker(slug)
      const quotes = await services.searchQuotes({
        speakers: [slug],
        sort: 'newest',
        limit: PAGE_SIZE,
        offset: offsetOf(params),
      })
      return c.html(<SpeakerPage speaker={speaker} quotes={quotes} params={params} />)
    } catch (error) {
      return notFound(c, userError(error))
    }
  })

  app.get('/outlets/:slug', async (c) => {
    const slug = c.req.param('slug')
    try {
      const outlet = await services.getOutlet(slug)
      const published = await services.searchQuotes({
        outlets: [slug],
        sort: 'newest',
        limit: 10,
        offset: 0,
      })
      const cited = await services.searchQuotes({
        cited: [slug],
        sort: 'newest',
        limit: 10,
        offset: 0,
      })
      return c.html(<OutletPage outlet={outlet} published={published} cited={cited} />)
    } catch (error) {
      return notFound(c, userError(error))
    }
  })

  app.get('/claims', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 500)
    if (!q.trim()) return c.html(<ClaimsPage q="" report={null} error={null} />)
    try {
      const report = await services.checkClaim({ q, limit: 50, offset: 0 })
      return c.html(<ClaimsPage q={q} report={report} error={null} />)
    } catch (error) {
      return c.html(<ClaimsPage q={q} report={null} error={userError(error)} />, 400)
    }
  })

  app.get('/articles/:id', async (c) => {
    const id = Number(c.req.param('id'))
    if (!Number.isSafeInteger(id) || id < 1) return notFound(c, 'No article has this address.')
    try {
      return c.html(<ArticlePage article={await services.getArticle(id)} />)
    } catch (error) {
      return notFound(c, userError(error))
    }
  })

  return app
}

/** The page for any other address outside `/api`. */
export const pageNotFound = (c: Context) => notFound(c, `Nothing is at ${c.req.path}.`)
