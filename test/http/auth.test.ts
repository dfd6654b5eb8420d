import { describe, expect, it } from 'vitest'
import { TOKEN_REQUIRED, TOKEN_WRONG, tokensMatch, WRITES_DISABLED } from '../../src/http/auth'
import { getJson, seededQuotedb, send, TOKEN } from '../helpers'

const newSpeaker = { name: 'Marcelo Ebrard' }

describe('writes and the bearer token', () => {
  it('refuses every write with 403, saying how to turn writes on, when no token is configured', async () => {
    const { app } = await seededQuotedb({ writeToken: null })
    const { status, body } = await send(app, 'POST', '/api/speakers', newSpeaker)
    expect(status).toBe(403)
    expect(body).toEqual({ error: { code: 'forbidden', message: WRITES_DISABLED } })
    expect(WRITES_DISABLED).toContain('QUOTEDB_TOKEN')
  })

  it('answers 401 without a token, and with a wrong one of any length', async () => {
    const { app } = await seededQuotedb()
    const without = await app.request('/api/speakers', {
      method: 'POST',
      body: JSON.stringify(newSpeaker),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(without.status).toBe(401)
    expect(without.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(await without.json()).toEqual({
      error: { code: 'unauthorized', message: TOKEN_REQUIRED },
    })
    for (const wrong of ['x', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      const { status, body } = await send(app, 'POST', '/api/speakers', newSpeaker, {
        Authorization: `Bearer ${wrong}`,
      })
      expect(status).toBe(401)
      expect(body.error.message).toBe(TOKEN_WRONG)
    }
  })

  it('accepts the right token', async () => {
    const { app } = await seededQuotedb()
    expect((await send(app, 'POST', '/api/speakers', newSpeaker)).status).toBe(201)
  })

  it('leaves reads open', async () => {
    const { app } = await seededQuotedb()
    expect((await getJson(app, '/api/quotes?q=vaporized')).status).toBe(200)
    expect((await app.request('/api/quotes.csv')).status).toBe(200)
  })
})

describe('tokensMatch', () => {
  it('compares whole tokens of any length', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true)
    expect(tokensMatch('abc', 'abcd')).toBe(false)
    expect(tokensMatch('', 'abc')).toBe(false)
  })
})
