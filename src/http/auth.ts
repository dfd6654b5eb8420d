/**
 * Writes need `Authorization: Bearer <token>`, the token being the `QUOTEDB_TOKEN` setting. Reads
 * stay open. The token is compared in constant time: both sides are hashed to equal-length digests
 * first, so neither the content nor the length of the secret leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { errorBody } from './errors'

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** True when `given` equals `expected`, taking the same time whatever `given` is. */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

export const WRITES_DISABLED =
  'Writes are turned off: set QUOTEDB_TOKEN to a secret when starting the server, and send it with each write as the header "Authorization: Bearer <token>".'
export const TOKEN_REQUIRED =
  'This write needs the header "Authorization: Bearer <token>" with the token set in QUOTEDB_TOKEN.'
export const TOKEN_WRONG = 'The bearer token is not the one set in QUOTEDB_TOKEN.'

/** Refuses writes without the right token: 403 when none is configured, 401 when it is missing or wrong. */
export function requireWriteToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (READ_METHODS.has(c.req.method)) return next()
    if (token === null) return c.json(errorBody('forbidden', WRITES_DISABLED), 403)
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(.+)$/i.exec(header)
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="quotedb"')
      return c.json(errorBody('unauthorized', TOKEN_REQUIRED), 401)
    }
    if (!tokensMatch(match[1]!.trim(), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="quotedb", error="invalid_token"')
      return c.json(errorBody('unauthorized', TOKEN_WRONG), 401)
    }
    return next()
  }
}
