/**
 * The review pages over HTTP: anyone reads the queue; a reviewer signs in with the write token
 * (an HttpOnly, SameSite=Strict session cookie) and decides by form posts that another site
 * cannot forge.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QuoteResult } from '../../src/domain/types'
import { getJson, seededQuotedb, TOKEN } from '../helpers'
import { quotedbWithExtracted } from '../review-article'

type App = Awaited<ReturnType<typeof seededQuotedb>>['app']

const SAME_SITE = { 'Sec-Fetch-Site': 'same-origin' }

function form(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  }
}

/** Signs in and returns the session cookie as a request header sends it. */
async function signIn(app: App): Promise<string> {
  const response = await app.request('/sign-in', form({ token: TOKEN, next: '/review' }, SAME_SITE))
  expect(response.status).toBe(303)
  const setCookie = response.headers.get('set-cookie')!
  return setCookie.split(';')[0]!
}

/** The form token on the queue page a signed-in reviewer sees. */
async function formToken(app: App, cookie: string): Promise<string> {
  const html = await (await app.request('/review', { headers: { Cookie: cookie } })).text()
  const match = /name="form" value="([^"]+)"/.exec(html)
  expect(match).not.toBeNull()
  return match![1]!
}

/** Posts a decision from the signed-in reviewer's queue page, as the browser sends it. */
async function decide(app: App, cookie: string, id: number, fields: Record<string, string>) {
  const token = await formToken(app, cookie)
  return app.request(
    `/review/${id}`,
    form({ form: token, ...fields }, { ...SAME_SITE, Cookie: cookie }),
  )
}

const extractionOf = async (app: App, id: number) =>
  (await getJson<QuoteResult>(app, `/api/quotes/${id}`)).body.extraction

afterEach(() => {
  vi.restoreAllMocks()
})

describe('/review for a reader', () => {
  it('lists the statements awaiting review with their evidence marked, and no forms', async () => {
    const { app, article } = await quotedbWithExtracted()
    const response = await app.request('/review')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html).toContain(`${article.statements.length} statements found by the extractor`)
    expect(html).toContain('<mark class="statement">We have studied the tides for six years')
    expect(html).toContain('<mark class="cue">told</mark>')
    expect(html).toMatch(/<mark class="source">[^<]*Ingrid Solberg<\/mark>/)
    expect(html).not.toContain('name="decision"')
    expect(html).toContain('href="/sign-in?next=%2Freview"')
  })
})

describe('/review?article=ID', () => {
  it('reviews one article, and says so; an unknown one lists every statement instead', async () => {
    const { app, article } = await quotedbWithExtracted()
    const response = await app.request(`/review?article=${article.id}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`href="/articles/${article.id}"`)
    expect(html).toContain('href="/review">every article</a>')
    expect(html.match(/class="review-item"/g)).toHaveLength(article.statements.length)
    const unknown = await app.request('/review?article=999999')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('No article has this address')
  })
})

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict cookie that is not the token', async () => {
    const { app } = await quotedbWithExtracted()
    const response = await app.request(
      '/sign-in',
      form({ token: TOKEN, next: '/review?offset=20' }, SAME_SITE),
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/review?offset=20')
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toContain(TOKEN)
    // Over https (as a proxy says), the cookie is sent only over https.
    const proxies: Array<Record<string, string>> = [
      { 'X-Forwarded-Proto': 'https' },
      { Forwarded: 'for=1.2.3.4;proto=https' },
    ]
    for (const proxy of proxies) {
      const https = await app.request(
        '/sign-in',
        form({ token: TOKEN }, { ...SAME_SITE, ...proxy }),
      )
      expect(https.headers.get('set-cookie')).toMatch(/Secure/)
    }
  })

  it('refuses a wrong token, a post from another site and a redirect away from the site', async () => {
    const { app } = await quotedbWithExtracted()
    const wrong = await app.request('/sign-in', form({ token: 'guess' }, SAME_SITE))
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    expect(await wrong.text()).toContain('That is not the write token.')
    const crossSite = await app.request(
      '/sign-in',
      form({ token: TOKEN }, { 'Sec-Fetch-Site': 'cross-site' }),
    )
    expect(crossSite.status).toBe(403)
    expect(crossSite.headers.get('set-cookie')).toBeNull()
    for (const next of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      '/review\u0000x',
      '/review\r\nSet-Cookie: x=1',
    ]) {
      const response = await app.request('/sign-in', form({ token: TOKEN, next }, SAME_SITE))
      expect(response.headers.get('location'), next).toBe('/review')
    }
  })

  it('says there is nothing to sign in to on a server without a token', async () => {
    const { app } = await seededQuotedb({ writeToken: null })
    expect(await (await app.request('/sign-in')).text()).toContain('Writes are turned off')
    const response = await app.request('/sign-in', form({ token: 'anything' }, SAME_SITE))
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('signs out: the session ends, even for a copy of its cookie', async () => {
    const { app } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const response = await app.request(
      '/sign-out',
      form({ form: await formToken(app, cookie) }, { ...SAME_SITE, Cookie: cookie }),
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('set-cookie')).toMatch(/quotedb_session=;/)
    const html = await (await app.request('/review', { headers: { Cookie: cookie } })).text()
    expect(html).not.toContain('name="decision"')
  })

  it('keeps the other pages cacheable', async () => {
    const { app } = await quotedbWithExtracted()
    const style = await app.request('/static/style.css')
    expect(style.headers.get('cache-control')).toBe('public, max-age=3600')
    expect((await app.request('/sign-in')).headers.get('cache-control')).toBe('no-store')
    expect((await app.request('/')).headers.get('cache-control')).not.toBe('no-store')
  })

  it('ends the session after its hours, and when the token changes', async () => {
    const { app, services } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const later = Date.now() + 13 * 3600_000
    vi.spyOn(Date, 'now').mockReturnValue(later)
    const html = await (await app.request('/review', { headers: { Cookie: cookie } })).text()
    expect(html).not.toContain('name="decision"')
    vi.restoreAllMocks()
    const { createApp } = await import('../../src/app')
    const otherToken = createApp(services, { writeToken: 'another-token-0123456789' })
    const other = await (
      await otherToken.request('/review', { headers: { Cookie: cookie } })
    ).text()
    expect(other).not.toContain('name="decision"')
  })
})

describe('deciding on the review page', () => {
  it('accepts a statement: it becomes curated, and the queue says so', async () => {
    const { app, article } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const id = article.statements[0]!.id
    const response = await decide(app, cookie, id, { decision: 'accept', back: '/review' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/review?done=accepted&statement=${id}`)
    expect(await extractionOf(app, id)).toBeNull()
    const page = await app.request(response.headers.get('location')!, {
      headers: { Cookie: cookie },
    })
    expect(await page.text()).toContain(`Statement ${id} accepted: it is curated now.`)
  })

  it('says only what the statement bears out', async () => {
    const { app, article } = await quotedbWithExtracted()
    const id = article.statements[0]!.id
    for (const done of ['accepted', 'rejected']) {
      const html = await (await app.request(`/review?done=${done}&statement=${id}`)).text()
      expect(html, done).not.toContain('role="status"')
    }
  })

  it('corrects what was changed in the form, and only that', async () => {
    const { app, article } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const captain = article.statements.find((s) => s.text.startsWith('Nobody asked'))!
    const before = (await getJson<QuoteResult>(app, `/api/quotes/${captain.id}`)).body
    const response = await decide(app, cookie, captain.id, {
      decision: 'correct',
      speaker: 'Tor Halvorsen',
      speakerTitle: 'trawler captain',
      citedOutlet: '',
      kind: before.kind,
      text: before.text,
      // What the form showed: the speaker as it was, no cited outlet.
      'was-speaker': before.speaker!.name,
      'was-speakerTitle': before.speaker!.title ?? '',
      'was-citedOutlet': 'Coastal Gazette',
      'was-kind': before.kind,
      'was-text': before.text,
    })
    expect(response.status).toBe(303)
    const after = (await getJson<QuoteResult>(app, `/api/quotes/${captain.id}`)).body
    expect(after).toMatchObject({
      text: before.text,
      kind: before.kind,
      offsets: before.offsets,
      speaker: { name: 'Tor Halvorsen', title: 'trawler captain' },
      citedOutlet: null,
      extraction: null,
    })
  })

  it('shows why a correction is refused, and changes nothing', async () => {
    const { app, article } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const id = article.statements[0]!.id
    const response = await decide(app, cookie, id, {
      decision: 'correct',
      text: 'words never printed',
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('role="alert"')
    expect(await extractionOf(app, id)).not.toBeNull()
  })

  it('rejects a statement: it is removed', async () => {
    const { app, article } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const id = article.statements[0]!.id
    const response = await decide(app, cookie, id, { decision: 'reject' })
    expect(response.status).toBe(303)
    expect((await getJson(app, `/api/quotes/${id}`)).status).toBe(404)
  })

  it('refuses a decision forged by another site or sent without signing in', async () => {
    const { app, article } = await quotedbWithExtracted()
    const cookie = await signIn(app)
    const token = await formToken(app, cookie)
    const id = article.statements[0]!.id
    const attempts = [
      // Another site's page posting with the reviewer's cookie (a browser without SameSite).
      [
        { decision: 'reject', form: token },
        { 'Sec-Fetch-Site': 'cross-site', Cookie: cookie },
        403,
      ],
      [
        { decision: 'reject', form: token },
        { Origin: 'https://evil.example', Cookie: cookie },
        403,
      ],
      // A form without the token, or with another session's.
      [{ decision: 'reject' }, { ...SAME_SITE, Cookie: cookie }, 403],
      [{ decision: 'reject', form: 'x'.repeat(43) }, { ...SAME_SITE, Cookie: cookie }, 403],
      // No session at all.
      [{ decision: 'reject', form: token }, SAME_SITE, 401],
      [{ decision: 'reject', form: token }, { ...SAME_SITE, Cookie: 'quotedb_session=1.abc' }, 401],
    ] as const
    for (const [fields, headers, status] of attempts) {
      const response = await app.request(`/review/${id}`, form(fields, headers))
      expect(response.status, JSON.stringify(headers)).toBe(status)
    }
    expect(await extractionOf(app, id)).not.toBeNull()
  })
})
