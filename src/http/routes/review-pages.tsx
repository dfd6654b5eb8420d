/**
 * The review pages: the queue (`/review`), a decision on a statement (`POST /review/:id`), and
 * signing in and out of the pages with the write token (see `page-session.ts`). They work without
 * JavaScript: every decision is a form post answered with a redirect back to the queue.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError } from '../../domain/errors'
import type { QuoteResult } from '../../domain/types'
import type { Services } from '../../services'
import type { ReviewCorrection } from '../../services/review-operations'
import { REVIEW_PAGE_SIZE, ReviewPage, SignInPage } from '../../web/pages/review'
import { readParam } from '../../search/search-request'
import { fromThisSite, PageSessions } from '../page-session'
import { idFromPath } from '../query-params'
import { reviewCorrectionBody } from '../write-schemas'

/** The largest form accepted: a correction's words and a few short fields. */
const MAX_FORM_BYTES = 256 * 1024

const DONE = { accept: 'accepted', correct: 'corrected', reject: 'rejected' } as const
type Decision = keyof typeof DONE

/** A page of this site to go back to: a local path, or the queue when it is not one. */
function localPath(given: unknown, fallback: string): string {
  if (typeof given !== 'string' || given.length > 2000) return fallback
  // One leading slash, and no backslash a browser would read as one ("//evil", "/\evil"); no
  // space or control character (a header cannot carry one).
  return /^\/(?![/\\])[^\\\s\p{Cc}]*$/u.test(given) ? given : fallback
}

/** The queue's address to go back to from a decision (the queue itself when not one of its). */
function queuePath(given: unknown): string {
  const path = localPath(given, '/review')
  return path === '/review' || path.startsWith('/review?') ? path : '/review'
}

/** The queue's offset from the address; a bad one starts at the beginning. */
function offsetOf(params: URLSearchParams): number {
  try {
    const offset = readParam.offset(params.get('offset') ?? undefined)
    return offset - (offset % REVIEW_PAGE_SIZE)
  } catch {
    return 0
  }
}

/**
 * What the correction form changed, as a correction: each field compared with the statement as
 * stored (an empty box means none: no speaker, no title, no cited outlet), checked as the API
 * checks it.
 */
function correctionFrom(form: Record<string, unknown>, current: QuoteResult): ReviewCorrection {
  const field = (name: string) => {
    const value = form[name]
    return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : undefined
  }
  const changes: Record<string, unknown> = {}
  // Compared with what the form showed (its hidden "was" fields), else with what is stored: a
  // field the reviewer left alone is not changed, even if someone changed it meanwhile.
  const compare = (name: string, stored: string | null) => {
    const given = field(name)
    const shown = field(`was-${name}`) ?? (stored ?? '').replace(/\r\n?/g, '\n').trim()
    if (given !== undefined && given !== shown) changes[name] = given === '' ? null : given
  }
  compare('speaker', current.speaker?.name ?? null)
  compare('speakerTitle', current.speaker?.title ?? null)
  compare('citedOutlet', current.citedOutlet?.name ?? null)
  compare('kind', current.kind)
  compare('text', current.text)
  // A text box left empty is words taken away, not "no words".
  if (changes.text === null) changes.text = ''
  const checked = reviewCorrectionBody.safeParse(changes)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const name = issue?.path[0]
    const message = issue?.message ?? 'The correction is not valid.'
    throw new AppError(
      'invalid_parameter',
      `${message[0]!.toUpperCase()}${message.slice(1)}.`,
      typeof name === 'string' ? name : undefined,
    )
  }
  return checked.data
}

/**
 * What the queue says was just done (from its address, after a decision's redirect), when the
 * statement bears it out: curated now, or gone.
 */
async function noticeOf(
  services: Services,
  done: string | null,
  written: string | null,
): Promise<string | null> {
  const id = written === null ? null : idFromPath(written)
  if (id === null || !Object.values(DONE).includes(done as never)) return null
  const statement = await services.getQuote(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null
    throw error
  })
  if (done === 'rejected')
    return statement === null ? `Statement ${id} rejected and removed.` : null
  return statement?.extraction === null ? `Statement ${id} ${done}: it is curated now.` : null
}

export function reviewPageRoutes(services: Services, options: { writeToken: string | null }) {
  const sessions = new PageSessions(options.writeToken)
  const app = new Hono()
  const formBodies = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', 'The form is too large to send.')
    },
  })
  // The pages carry a form token: never kept by a cache. (Only these: a sub-app's middleware for
  // '*' would run for every page of the app it is mounted in.)
  const noStore: MiddlewareHandler = async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  }
  for (const path of ['/review', '/review/*', '/sign-in', '/sign-out']) app.use(path, noStore)

  const queuePage = async (
    c: Context,
    params: URLSearchParams,
    say: { notice?: string | null; error?: string | null; status?: ContentfulStatusCode } = {},
  ) => {
    // One article's statements (`?article=ID`, as an ingest with extraction leads to), or all.
    const written = params.get('article')
    const articleId = written === null ? null : idFromPath(written)
    const article =
      articleId === null
        ? null
        : await services.getArticle(articleId).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'not_found') return null
            throw error
          })
    if (written !== null && article === null) {
      const all = await services.reviewQueue({ limit: REVIEW_PAGE_SIZE, offset: 0 })
      return c.html(
        <ReviewPage
          queue={all}
          params={new URLSearchParams()}
          formToken={sessions.formToken(c)}
          notice={null}
          error="No article has this address: every statement awaiting review is listed instead."
          article={null}
        />,
        404,
      )
    }
    const queue = await services.reviewQueue({
      limit: REVIEW_PAGE_SIZE,
      offset: offsetOf(params),
      article: article?.id ?? null,
    })
    return c.html(
      <ReviewPage
        queue={queue}
        article={article}
        params={params}
        formToken={sessions.formToken(c)}
        notice={say.notice ?? null}
        error={say.error ?? null}
      />,
      say.status ?? 200,
    )
  }

  app.get('/review', async (c) => {
    const params = new URL(c.req.url).searchParams
    const notice = await noticeOf(services, params.get('done'), params.get('statement'))
    // The notice is for the page it is shown on; its links go without it.
    params.delete('done')
    params.delete('statement')
    return queuePage(c, params, { notice })
  })

  app.post('/review/:id', formBodies, async (c) => {
    const form = await c.req.parseBody()
    const back = queuePath(form.back)
    const backParams = new URL(back, 'http://x').searchParams
    const id = idFromPath(c.req.param('id'))
    try {
      sessions.checkForm(c, form.form)
      if (id === null) throw new AppError('not_found', 'No statement has this address.')
      const decision = form.decision
      if (typeof decision !== 'string' || !Object.hasOwn(DONE, decision)) {
        throw new AppError('invalid_parameter', 'Choose accept, correct or reject.', 'decision')
      }
      if (decision === 'accept') await services.acceptStatement(id)
      else if (decision === 'reject') await services.rejectStatement(id)
      else {
        const current = await services.getQuote(id)
        await services.correctStatement(id, correctionFrom(form, current))
      }
      backParams.set('done', DONE[decision as Decision])
      backParams.set('statement', String(id))
      return c.redirect(`/review?${backParams}`, 303)
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error
      return queuePage(c, backParams, {
        error: error.message,
        status: error.status as ContentfulStatusCode,
      })
    }
  })

  app.get('/sign-in', (c) => {
    const next = localPath(c.req.query('next'), '/review')
    return c.html(<SignInPage next={next} error={null} enabled={sessions.enabled} />)
  })

  app.post('/sign-in', formBodies, async (c) => {
    const form = await c.req.parseBody()
    const next = localPath(form.next, '/review')
    if (!sessions.enabled)
      return c.html(<SignInPage next={next} error={null} enabled={false} />, 403)
    if (!fromThisSite(c)) {
      return c.html(
        <SignInPage next={next} error="This form was sent from another site." enabled />,
        403,
      )
    }
    const token = typeof form.token === 'string' ? form.token.trim() : ''
    if (!sessions.signIn(c, token)) {
      const wrong = token === '' ? 'Type the write token.' : 'That is not the write token.'
      return c.html(<SignInPage next={next} error={wrong} enabled />, 401)
    }
    return c.redirect(next, 303)
  })

  app.post('/sign-out', formBodies, async (c) => {
    const form = await c.req.parseBody()
    try {
      sessions.checkForm(c, form.form)
      sessions.signOut(c)
    } catch (error) {
      // Not signed in, or not from a page of this site: nothing to end.
      if (!(error instanceof AppError)) throw error
    }
    return c.redirect('/review', 303)
  })

  return app
}
