/**
 * `/api/review`: what the extractor stored waits for a person — least sure first, each with the
 * words around it — and a person accepts, corrects or rejects it.
 */
import { describe, expect, it } from 'vitest'
import type { QuoteResult } from '../../src/domain/types'
import type { ReviewItem } from '../../src/services/review'
import { getJson, send } from '../helpers'
import { quotedbWithExtracted, REVIEW_ARTICLE } from '../review-article'

type Queue = { total: number; items: ReviewItem[] }

describe('GET /api/review', () => {
  it('lists the extracted statements least sure first, none of the curated seed', async () => {
    const { app, article } = await quotedbWithExtracted()
    const { status, body } = await getJson<Queue>(app, '/api/review?limit=100')
    expect(status).toBe(200)
    const ids = body.items.map((i) => i.statement.id)
    expect(new Set(ids)).toEqual(new Set(article.statements.map((s) => s.id)))
    expect(body.total).toBe(article.statements.length)
    const confidences = body.items.map((i) => i.statement.extraction!.confidence)
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b))
    expect(new Set(confidences).size).toBeGreaterThan(1)
  })

  it('gives each statement the stretch of the article holding it and its evidence', async () => {
    const { app } = await quotedbWithExtracted()
    const { body } = await getJson<Queue>(app, '/api/review?limit=100')
    for (const { statement, excerpt } of body.items) {
      const spans = [statement.offsets!, statement.extraction!.cue, statement.extraction!.mention]
      for (const span of spans.filter((s) => s !== null)) {
        expect(excerpt!.start).toBeLessThanOrEqual(span!.start)
        expect(excerpt!.end).toBeGreaterThanOrEqual(span!.end)
      }
      expect(REVIEW_ARTICLE.body.slice(excerpt!.start, excerpt!.end)).toBe(excerpt!.text)
      // A paragraph of its own, not the whole article.
      expect(excerpt!.text).not.toContain('\n\n')
    }
  })

  it('lists one article’s statements with article=ID', async () => {
    const quotedb = await quotedbWithExtracted()
    const other = await send<{ id: number; statements: Array<{ id: number }> }>(
      quotedb.app,
      'POST',
      '/api/articles?extract=true',
      {
        ...REVIEW_ARTICLE,
        url: 'https://www.example-herald.com/2025/03/other',
        body: '“The ferry will run all winter,” Harbour Master Ingrid Solberg said.',
      },
    )
    expect(other.status).toBe(201)
    const all = await getJson<Queue>(quotedb.app, '/api/review?limit=100')
    const one = await getJson<Queue>(quotedb.app, `/api/review?article=${other.body.id}`)
    expect(one.body.items.map((i) => i.statement.id)).toEqual(
      other.body.statements.map((s) => s.id),
    )
    expect(one.body.total).toBe(other.body.statements.length)
    expect(all.body.total).toBe(quotedb.article.statements.length + other.body.statements.length)
    expect((await getJson<Queue>(quotedb.app, '/api/review?article=999999')).body.total).toBe(0)
    const bad = await getJson<{ error: { param: string } }>(quotedb.app, '/api/review?article=x')
    expect(bad.status).toBe(400)
    expect(bad.body.error.param).toBe('article')
  })

  it('pages through the queue and refuses a bad limit', async () => {
    const { app, article } = await quotedbWithExtracted()
    const first = await getJson<Queue>(app, '/api/review?limit=1')
    const second = await getJson<Queue>(app, '/api/review?limit=1&offset=1')
    expect(first.body.items).toHaveLength(1)
    expect(second.body.items[0]!.statement.id).not.toBe(first.body.items[0]!.statement.id)
    expect(first.body.total).toBe(article.statements.length)
    expect((await getJson(app, '/api/review?limit=0')).status).toBe(400)
  })
})

describe('reviewing a statement', () => {
  it('accepts one: it becomes curated and leaves the queue', async () => {
    const { app } = await quotedbWithExtracted()
    const [first] = (await getJson<Queue>(app, '/api/review')).body.items
    const id = first!.statement.id
    const accepted = await send<QuoteResult>(app, 'POST', `/api/review/${id}/accept`)
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({ id, text: first!.statement.text, extraction: null })
    expect((await getJson<QuoteResult>(app, `/api/quotes/${id}`)).body.extraction).toBeNull()
    const queue = (await getJson<Queue>(app, '/api/review?limit=100')).body
    expect(queue.items.map((i) => i.statement.id)).not.toContain(id)
    // Decided once: a second decision on it is refused, and changes nothing.
    expect((await send(app, 'POST', `/api/review/${id}/reject`)).status).toBe(409)
    expect((await getJson(app, `/api/quotes/${id}`)).status).toBe(200)
  })

  it('corrects the speaker by name, the cited outlet, the kind and the span', async () => {
    const { app, article } = await quotedbWithExtracted()
    // The extractor took the title for part of the name: the reviewer names the person.
    const solberg = article.statements.find((s) => s.text.startsWith('We have studied'))!
    const renamed = await send<QuoteResult>(app, 'POST', `/api/review/${solberg.id}/correct`, {
      speaker: 'Ingrid Solberg',
      speakerTitle: 'Harbour Master',
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body.speaker).toMatchObject({ name: 'Ingrid Solberg', title: 'Harbour Master' })
    const slug = renamed.body.speaker!.slug
    const captain = article.statements.find((s) => s.text.startsWith('Nobody asked'))!
    const corrected = await send<QuoteResult>(app, 'POST', `/api/review/${captain.id}/correct`, {
      speaker: 'ingrid solberg',
      citedOutlet: 'Coastal Gazette',
      kind: 'partial',
      text: 'asked the fishermen',
    })
    expect(corrected.status).toBe(200)
    expect(corrected.body).toMatchObject({
      text: 'asked the fishermen',
      kind: 'partial',
      // The speaker named is the one stored by the first correction, found by name.
      speaker: { slug, name: 'Ingrid Solberg' },
      citedOutlet: { name: 'Coastal Gazette' },
      extraction: null,
      verified: true,
    })
    const start = REVIEW_ARTICLE.body.indexOf('asked the fishermen')
    expect(corrected.body.offsets).toEqual({ start, end: start + 'asked the fishermen'.length })
    // Found under the corrected speaker in search.
    const found = await getJson<{ items: QuoteResult[] }>(
      app,
      `/api/quotes?speaker=${slug}&q=fishermen`,
    )
    expect(found.body.items.map((q) => q.id)).toEqual([captain.id])
  })

  it('creates a speaker the reviewer names who is not stored yet', async () => {
    const { app, article } = await quotedbWithExtracted()
    const captain = article.statements.find((s) => s.text.startsWith('Nobody asked'))!
    const corrected = await send<QuoteResult>(app, 'POST', `/api/review/${captain.id}/correct`, {
      speaker: 'Tor Halvorsen',
    })
    expect(corrected.status).toBe(200)
    expect(corrected.body.speaker).toMatchObject({ name: 'Tor Halvorsen', slug: 'tor-halvorsen' })
    expect((await getJson(app, '/api/speakers/tor-halvorsen')).status).toBe(200)
  })

  it("makes a description an unnamed source, and drops the old speaker's title", async () => {
    const { app, article } = await quotedbWithExtracted()
    const solberg = article.statements.find((s) => s.text.startsWith('We have studied'))!
    const titled = await send<QuoteResult>(app, 'POST', `/api/review/${solberg.id}/correct`, {
      speaker: 'a harbour official',
    })
    expect(titled.status).toBe(200)
    expect(titled.body.speaker).toMatchObject({ name: 'a harbour official', anonymous: true })
    expect(titled.body.speaker!.title).toBeNull()
    // Another description alike is another unnamed source, never this one found by name.
    const captain = article.statements.find((s) => s.text.startsWith('Nobody asked'))!
    const other = await send<QuoteResult>(app, 'POST', `/api/review/${captain.id}/correct`, {
      speaker: 'a harbour official',
    })
    expect(other.body.speaker!.slug).not.toBe(titled.body.speaker!.slug)
  })

  it('places corrected words that occur twice where the statement was', async () => {
    const quotedb = await quotedbWithExtracted()
    const body = [
      'The harbour will close, the council said last year.',
      '“The harbour will close in May,” Harbour Master Ingrid Solberg said.',
    ].join('\n\n')
    const posted = await send<{ statements: Array<{ id: number; text: string }> }>(
      quotedb.app,
      'POST',
      '/api/articles?extract=true',
      { ...REVIEW_ARTICLE, url: 'https://www.example-herald.com/2025/03/closing', body },
    )
    const quote = posted.body.statements.find((s) => s.text.includes('in May'))!
    const corrected = await send<QuoteResult>(
      quotedb.app,
      'POST',
      `/api/review/${quote.id}/correct`,
      { text: 'The harbour will close' },
    )
    expect(corrected.status).toBe(200)
    const second = body.lastIndexOf('The harbour will close')
    expect(corrected.body.offsets).toEqual({ start: second, end: second + 22 })
  })

  it('refuses a correction that breaks a rule, and changes nothing', async () => {
    const { app, article } = await quotedbWithExtracted()
    const id = article.statements[0]!.id
    const before = (await getJson<QuoteResult>(app, `/api/quotes/${id}`)).body
    const refusals = [
      [{ text: 'words the article never printed' }, 'text'],
      [{ kind: 'rumour' }, 'kind'],
      [{ speaker: '' }, 'speaker'],
      [{ start: 5, end: 2 }, 'end'],
      [{}, undefined],
      [{ speaker: 'Ingrid Solberg', extraction: null }, undefined],
      // A new speaker named with words the article never printed: neither is stored.
      [{ speaker: 'Nobody Stored', text: 'words never printed' }, 'text'],
      [{ citedOutlet: 'The Unstored Gazette', kind: 'rumour' }, 'kind'],
    ] as const
    for (const [body, param] of refusals) {
      const response = await send(app, 'POST', `/api/review/${id}/correct`, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      if (param) expect(response.body.error.param, JSON.stringify(body)).toBe(param)
    }
    expect((await getJson<QuoteResult>(app, `/api/quotes/${id}`)).body).toEqual(before)
    expect((await getJson(app, '/api/speakers/nobody-stored')).status).toBe(404)
    const outlets = await getJson<{ total: number }>(app, '/api/outlets?q=Unstored')
    expect(outlets.body.total).toBe(0)
  })

  it('rejects one: it is removed', async () => {
    const { app, article } = await quotedbWithExtracted()
    const id = article.statements[0]!.id
    expect((await send(app, 'POST', `/api/review/${id}/reject`)).status).toBe(204)
    expect((await getJson(app, `/api/quotes/${id}`)).status).toBe(404)
    expect((await send(app, 'POST', `/api/review/${id}/accept`)).status).toBe(404)
    const queue = (await getJson<Queue>(app, '/api/review?limit=100')).body
    expect(queue.total).toBe(article.statements.length - 1)
  })

  it('refuses to review a statement a person entered', async () => {
    const { app } = await quotedbWithExtracted()
    const seedQuote = (await getJson<{ items: QuoteResult[] }>(app, '/api/quotes?q=vaporized')).body
      .items[0]!
    expect(seedQuote.extraction).toBeNull()
    for (const action of ['accept', 'reject'])
      expect((await send(app, 'POST', `/api/review/${seedQuote.id}/${action}`)).status).toBe(409)
    expect((await getJson(app, `/api/quotes/${seedQuote.id}`)).status).toBe(200)
  })

  it('needs the write token; reading the queue does not', async () => {
    const { app, article } = await quotedbWithExtracted()
    const id = article.statements[0]!.id
    for (const action of ['accept', 'reject']) {
      const response = await app.request(`/api/review/${id}/${action}`, { method: 'POST' })
      expect(response.status).toBe(401)
    }
    expect((await app.request('/api/review')).status).toBe(200)
    expect((await getJson(app, `/api/quotes/${id}`)).body.extraction).not.toBeNull()
  })
})
