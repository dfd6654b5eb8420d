/**
 * The web pages: search, speaker, outlet, "who reported this?", article — server-rendered with
 * Hono's JSX, working without JavaScript — and the one stylesheet and optional script they use.
 */
import { readFileSync } from 'node:fs'
import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError } from '../../domain/errors'
import { LIMITS } from '../../search/options'
import {
  MAX_LIST_VALUES,
  parseQuoteQuery,
  readParam,
  type ParamProblem,
  type QuoteQuery,
} from '../../search/search-request'
import type { Services } from '../../services'
import type { QuoteSearchResult } from '../../services/quotes'
import { withParams } from '../../web/format'
import { idFromPath } from '../query-params'
import { ArticlePage } from '../../web/pages/article'
import { ClaimsPage } from '../../web/pages/claims'
import { ThreadPage } from '../../web/pages/thread'
import { FailurePage, NotFoundPage } from '../../web/pages/not-found'
import { OutletArticlesPage, OutletPage } from '../../web/pages/outlet'
import { QuotePage } from '../../web/pages/quote'
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

/**
 * Offsets in page links are whole pages of results; an offset that is not one starts at its page,
 * and one that cannot be read at the first.
 */
function offsetOf(params: URLSearchParams): number {
  let offset: number
  try {
    offset = readParam.offset(params.get('offset') ?? undefined)
  } catch {
    return 0
  }
  return offset - (offset % PAGE_SIZE)
}

function readForm(params: URLSearchParams): SearchForm {
  return {
    q: (params.get('q') ?? '').trim(),
    speaker: listOf(params, 'speaker'),
    outlet: listOf(params, 'outlet'),
    cited: listOf(params, 'cited'),
    kind: listOf(params, 'kind'),
    from: (params.get('from') ?? '').trim(),
    to: (params.get('to') ?? '').trim(),
    anonymous: params.get('anonymous') ?? '',
    exact: params.get('exact') ?? '',
    sort: params.get('sort') ?? '',
    facetSize: params.get('facetSize') ?? '',
  }
}

const NAME_FILTERS = [
  { name: 'speaker', kind: 'speaker', what: 'speaker' },
  { name: 'outlet', kind: 'outlet', what: 'outlet' },
  { name: 'cited', kind: 'outlet', what: 'cited outlet' },
] as const

/**
 * The names typed into the filter boxes as slugs. `changed` when the address does not say them
 * that way — a name rather than a slug, or several in one box ("a, b"); `unknown` lists what
 * names nothing.
 */
async function resolveNames(services: Services, form: SearchForm, params: URLSearchParams) {
  const slugs: Record<string, string[]> = {}
  const unknown: string[] = []
  let changed = false
  for (const { name, kind, what } of NAME_FILTERS) {
    const found = await services.slugsFor(kind, form[name])
    slugs[name] = [...new Set(found.flatMap((named) => named ?? []))]
    found.forEach((named, i) => {
      if (named === null) unknown.push(`No ${what} is called “${form[name][i]}”.`)
      else if (named.length !== 1 || named[0] !== form[name][i]) changed = true
    })
    if (params.getAll(name).length !== form[name].length) changed = true
  }
  return { slugs, unknown, changed }
}

/**
 * The names of the speakers and outlets in the filters, by slug, for the page to show them by:
 * only those that read back as the same filter (a name two speakers go by stays a slug, and a
 * description of unnamed sources names them only when all of them so described are chosen).
 */
async function filterLabels(services: Services, form: SearchForm) {
  const labels: Record<string, string> = {}
  for (const { name, kind } of NAME_FILTERS) {
    if (form[name].length === 0) continue
    const names = await services.namesBySlug(kind, form[name])
    const slugs = [...names.keys()]
    const readBack = await services.slugsFor(kind, [...names.values()])
    const chosen = new Set(form[name])
    slugs.forEach((slug, i) => {
      const back = readBack[i]
      if (back?.includes(slug) && back.every((s) => chosen.has(s))) labels[slug] = names.get(slug)!
    })
  }
  return labels
}

/**
 * The form read as a search (the name boxes apart: they take names, not only slugs), or what is
 * wrong with it in the words of its labels. Empty fields count as not filled in.
 */
function readQuery(
  form: SearchForm,
): { ok: true; query: QuoteQuery } | { ok: false; problems: string[] } {
  // The fields the form has, as it shows them (the first of a repeated one); an empty field is
  // not filled in. Any other parameter in the address is no business of the page.
  const filled = (value: string) => (value === '' ? undefined : value)
  const read = parseQuoteQuery({
    q: filled(form.q),
    kind: form.kind,
    from: filled(form.from),
    to: filled(form.to),
    anonymous: filled(form.anonymous),
    exact: filled(form.exact),
    sort: filled(form.sort),
    facetSize: filled(form.facetSize),
  })
  const problems = read.ok ? [] : read.problems.map(inPageWords)
  for (const { name, what } of NAME_FILTERS) {
    if (form[name].length > MAX_LIST_VALUES) {
      problems.push(
        `Name at most ${MAX_LIST_VALUES} of each: there are ${form[name].length} ${what}s.`,
      )
    }
  }
  return read.ok && problems.length === 0 ? read : { ok: false, problems }
}

/** A parameter's problem in the words of the form's labels. */
function inPageWords(problem: ParamProblem): string {
  switch (problem.param) {
    case 'q':
      return `The words to find are longer than ${LIMITS.queryLength} characters; shorten them.`
    case 'kind':
      return 'Kind must be quotes, quoted fragments or paraphrases.'
    case 'sort':
      return 'Order must be best match, newest or oldest first.'
    case 'anonymous':
      return 'Source must be any, unnamed sources or named speakers.'
    default:
      return inFormWords(new AppError('invalid_parameter', problem.message, problem.param))
  }
}

/** A service's complaint about a field, in the words of the form's labels. */
function inFormWords(error: unknown): string {
  const message = userError(error)
  const param = error instanceof AppError ? error.param : undefined
  const dateFormat = 'written YYYY, YYYY-MM or YYYY-MM-DD, such as 2025-02'
  if (param === 'from') return `The From date must be ${dateFormat}.`
  if (param === 'to') {
    return message.includes('before')
      ? 'The To date must not be before the From date.'
      : `The To date must be ${dateFormat}.`
  }
  if (param === 'q') return message.replace(/^q /, 'The search ')
  return message
}

/** The message of an error a user can act on; other errors go on to the error handler. */
function userError(error: unknown): string {
  if (error instanceof AppError && error.status < 500) return error.message
  throw error
}

const notFound = (c: Context, message: string) => c.html(<NotFoundPage message={message} />, 404)

/**
 * The not-found page for a record the address names and the store does not have, in plain words
 * (the API's message speaks of slugs and ids); any other refusal as the service gave it.
 */
function missing(c: Context, error: unknown, plainly: string) {
  return notFound(
    c,
    error instanceof AppError && error.code === 'not_found' ? plainly : userError(error),
  )
}

export function pageRoutes(services: Services) {
  const app = new Hono()

  app.get('/static/:file', (c) => {
    const name = c.req.param('file')
    if (!Object.hasOwn(STATIC, name)) return notFound(c, 'No such file.')
    const file = STATIC[name as keyof typeof STATIC]
    return c.body(file.body, 200, {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=3600',
    })
  })

  app.get('/', async (c) => {
    const params = new URL(c.req.url).searchParams
    const form = readForm(params)
    const page = (
      result: QuoteSearchResult | null,
      error: string | null,
      more: { fix?: { label: string; href: string }; names?: Record<string, string> } = {},
    ) => <SearchPage form={form} result={result} params={params} error={error} {...more} />
    // What can be refused without looking anything up is refused first.
    const read = readQuery(form)
    if (!read.ok) return c.html(page(null, read.problems.join(' ')), 400)
    const names = await resolveNames(services, form, params)
    const canonical = `/${withParams(params, { ...names.slugs, offset: params.get('offset') })}`
    // Names typed into a filter box become slugs in the address, so that the page, its facets
    // and a shared link all say the same search.
    if (names.changed && names.unknown.length === 0) return c.redirect(canonical, 302)
    if (names.unknown.length > 0) {
      const fix = { label: 'Search without it.', href: canonical }
      return c.html(page(null, names.unknown.join(' '), { fix }), 400)
    }
    try {
      // The filter boxes and "nothing found" name speakers and outlets as people know them.
      const labels = await filterLabels(services, form)
      const result = await services.searchQuotes({
        ...read.query,
        q: form.q,
        speakers: form.speaker,
        outlets: form.outlet,
        cited: form.cited,
        limit: PAGE_SIZE,
        offset: offsetOf(params),
      })
      return c.html(page(result, null, { names: labels }))
    } catch (error) {
      // A pasted quotation too long to search for word by word is a claim to check.
      const tooManyWords =
        error instanceof AppError &&
        error.param === 'q' &&
        /more than \d+ words/.test(error.message)
      const fix = tooManyWords
        ? {
            label: 'Check it as a claim: who reported this?',
            href: `/claims${withParams(new URLSearchParams(), { q: form.q })}`,
          }
        : undefined
      return c.html(page(null, inFormWords(error), { fix }), 400)
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
      return missing(
        c,
        error,
        'No one is at this address: the person may have been merged with another or removed. Search for them by name.',
      )
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
      const articles = await services.listOutletArticles(slug, { limit: 10, offset: 0 })
      return c.html(
        <OutletPage outlet={outlet} articles={articles} published={published} cited={cited} />,
      )
    } catch (error) {
      return missing(
        c,
        error,
        'No outlet is at this address: it may have been merged with another or removed. Search for it by name.',
      )
    }
  })

  app.get('/outlets/:slug/articles', async (c) => {
    const slug = c.req.param('slug')
    const params = new URL(c.req.url).searchParams
    try {
      const outlet = await services.getOutlet(slug)
      const articles = await services.listOutletArticles(slug, {
        limit: PAGE_SIZE,
        offset: offsetOf(params),
      })
      return c.html(<OutletArticlesPage outlet={outlet} articles={articles} params={params} />)
    } catch (error) {
      return missing(
        c,
        error,
        'No outlet is at this address: it may have been merged with another or removed. Search for it by name.',
      )
    }
  })

  app.get('/claims', async (c) => {
    const q = (c.req.query('q') ?? '').trim()
    if (!q) return c.html(<ClaimsPage q="" report={null} error={null} params={null} />)
    if (q.length > LIMITS.queryLength) {
      const tooLong = `The claim is longer than ${LIMITS.queryLength} characters; shorten it to what it turns on.`
      return c.html(<ClaimsPage q={q} report={null} error={tooLong} params={null} />, 400)
    }
    try {
      const params = new URL(c.req.url).searchParams
      const report = await services.checkClaim({ q, limit: PAGE_SIZE, offset: offsetOf(params) })
      return c.html(<ClaimsPage q={q} report={report} error={null} params={params} />)
    } catch (error) {
      return c.html(
        <ClaimsPage q={q} report={null} error={inFormWords(error)} params={null} />,
        400,
      )
    }
  })

  app.get('/articles/:id', async (c) => {
    const id = idFromPath(c.req.param('id'))
    if (id === null) return notFound(c, 'No article has this address.')
    try {
      return c.html(<ArticlePage article={await services.getArticle(id)} />)
    } catch (error) {
      return missing(c, error, 'No article is at this address: it may have been removed.')
    }
  })

  app.get('/quotes/:id', async (c) => {
    const id = idFromPath(c.req.param('id'))
    if (id === null) return notFound(c, 'No statement has this address.')
    try {
      const quote = await services.getQuote(id)
      // A write may have moved the thread since the statement was read: the page goes without it.
      const thread =
        quote.thread.statements > 1
          ? await services.getThread(quote.thread.id).catch((error: unknown) => {
              if (error instanceof AppError && error.code === 'not_found') return null
              throw error
            })
          : null
      return c.html(<QuotePage quote={quote} thread={thread} />)
    } catch (error) {
      return missing(c, error, 'No statement is at this address: it may have been removed.')
    }
  })

  app.get('/threads/:id', async (c) => {
    const id = idFromPath(c.req.param('id'))
    if (id === null) return notFound(c, 'No statement has this address.')
    try {
      return c.html(<ThreadPage thread={await services.getThread(id)} />)
    } catch (error) {
      return missing(
        c,
        error,
        'No statement is at this address: it may have been removed, or joined to another and found under its address.',
      )
    }
  })

  return app
}

/** The page for a request under no `/api` that failed: its reason if a user can act on it. */
export function pageFailure(c: Context, error: Error) {
  if (error instanceof AppError) {
    return c.html(<FailurePage message={error.message} />, error.status as ContentfulStatusCode)
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, error)
  return c.html(
    <FailurePage message="Something went wrong on our side; the error has been logged." />,
    500,
  )
}

/** The page for any other address outside `/api`. */
export const pageNotFound = (c: Context) => notFound(c, `Nothing is at ${c.req.path}.`)
