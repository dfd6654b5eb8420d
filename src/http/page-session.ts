/**
 * Signing in to the pages with the write token. The token is typed once into a form; the server
 * answers with a session cookie — HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Secure over https — that holds not the token but a signature made with it and
 * the time it was issued, so it expires (after `SESSION_HOURS`) and stops working as soon as the
 * token is changed.
 *
 * A form that writes is also protected against posts from other sites beyond the cookie's
 * SameSite rule: the browser must say the post comes from this site (`Sec-Fetch-Site`, else
 * `Origin` against the `Host` asked for), and the form must carry a token derived from the session
 * (a page on another site cannot read it).
 */
import { createHmac } from 'node:crypto'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { AppError } from '../domain/errors'
import { tokensMatch } from './auth'

const COOKIE = 'quotedb_session'
export const SESSION_HOURS = 12
const SESSION_MS = SESSION_HOURS * 3600_000

export const CROSS_SITE =
  'This form was sent from another site, or from a page opened before you signed in. Open the page again and send it from there.'

/** The first value of a proxy's comma-separated header. */
const firstOf = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined

/**
 * Whether the request came over https: directly, or through a proxy that says so
 * (`X-Forwarded-Proto`, or `Forwarded: proto=https`).
 */
function overHttps(c: Context): boolean {
  const forwarded = /(?:^|[;,\s])proto=(?:"?)https\b/i.test(
    firstOf(c.req.header('forwarded')) ?? '',
  )
  return (
    new URL(c.req.url).protocol === 'https:' ||
    firstOf(c.req.header('x-forwarded-proto')) === 'https' ||
    forwarded
  )
}

/**
 * Whether the browser says the request comes from a page of this site: `Sec-Fetch-Site`, else an
 * `Origin` naming the host asked for (as the client asked for it: behind a proxy, its
 * `X-Forwarded-Host`).
 */
export function fromThisSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined) return site === 'same-origin'
  const origin = c.req.header('origin')
  if (origin === undefined) return true // An older browser: the form token alone decides.
  const hosts = [
    firstOf(c.req.header('x-forwarded-host')),
    c.req.header('host'),
    new URL(c.req.url).host,
  ]
  try {
    const { host } = new URL(origin)
    return hosts.some((h) => h !== undefined && h.toLowerCase() === host)
  } catch {
    return false
  }
}

/** How many signed-out sessions are remembered at most (each only until it would have ended). */
const MAX_SIGNED_OUT = 10_000

export class PageSessions {
  /** Sessions signed out of, by cookie value, with when each would have ended. */
  readonly #signedOut = new Map<string, number>()

  constructor(private readonly token: string | null) {}

  /** Whether writes are on at all: no token, no signing in. */
  get enabled(): boolean {
    return this.token !== null
  }

  #sign(purpose: string, value: string): string {
    return createHmac('sha256', this.token!).update(`${purpose}\n${value}`).digest('base64url')
  }

  /** The session cookie's value, if it is one this server issued with this token, and current. */
  #session(c: Context): string | null {
    if (this.token === null) return null
    const value = getCookie(c, COOKIE)
    const match = value ? /^(\d{1,15})\.([\w-]{43})$/.exec(value) : null
    if (!match) return null
    const issued = Number(match[1])
    const age = Date.now() - issued
    if (age < 0 || age > SESSION_MS) return null
    if (this.#signedOut.has(value!)) return null
    return tokensMatch(match[2]!, this.#sign('session', match[1]!)) ? value! : null
  }

  signedIn(c: Context): boolean {
    return this.#session(c) !== null
  }

  /**
   * Signs in with `given`, the token typed into the form: true, with the session cookie set, when
   * it is the write token.
   */
  signIn(c: Context, given: string): boolean {
    if (this.token === null || !tokensMatch(given, this.token)) return false
    const issued = String(Date.now())
    setCookie(c, COOKIE, `${issued}.${this.#sign('session', issued)}`, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: overHttps(c),
      path: '/',
      maxAge: SESSION_MS / 1000,
    })
    return true
  }

  /**
   * Ends the session: the cookie is deleted, and the session is refused from now on should a copy
   * of it be sent again (by this server process; a restart forgets, and the session then lasts
   * its hours — changing the token ends every session).
   */
  signOut(c: Context): void {
    const session = this.#session(c)
    if (session !== null) {
      const now = Date.now()
      for (const [value, ends] of this.#signedOut) if (ends < now) this.#signedOut.delete(value)
      if (this.#signedOut.size >= MAX_SIGNED_OUT) {
        // The oldest first: a map keeps the order entries were added in.
        this.#signedOut.delete(this.#signedOut.keys().next().value!)
      }
      this.#signedOut.set(session, Number(session.split('.')[0]) + SESSION_MS)
    }
    deleteCookie(c, COOKIE, { path: '/', secure: overHttps(c) })
  }

  /** The token a form that writes must carry, tied to this session; null when not signed in. */
  formToken(c: Context): string | null {
    const session = this.#session(c)
    return session === null ? null : this.#sign('form', session)
  }

  /**
   * Refuses a form post that does not come from a signed-in page of this site: 403 for another
   * site's (or a stale page's), 401 when not signed in.
   */
  checkForm(c: Context, given: unknown): void {
    const expected = this.formToken(c)
    if (expected === null) {
      throw new AppError(
        'unauthorized',
        'Sign in to review: your session has ended or was never begun.',
      )
    }
    if (!fromThisSite(c) || typeof given !== 'string' || !tokensMatch(given, expected)) {
      throw new AppError('forbidden', CROSS_SITE)
    }
  }
}
