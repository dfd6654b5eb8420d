import { describe, expect, it } from 'vitest'
import { getJson, seededQuotedb } from '../helpers'

describe('GET /api/health', () => {
  it('says the server is up and what it holds', async () => {
    const { app } = await seededQuotedb()
    expect(await getJson(app, '/api/health')).toEqual({
      status: 200,
      body: { status: 'ok', counts: { quotes: 27, speakers: 9, outlets: 6, articles: 1 } },
    })
  })
})

describe('GET /openapi.json', () => {
  it('documents every endpoint and its parameters from the validating schemas', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await getJson(app, '/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/articles',
      '/api/articles/{id}',
      '/api/claims',
      '/api/health',
      '/api/import',
      '/api/outlets',
      '/api/outlets/{slug}',
      '/api/outlets/{slug}/articles',
      '/api/outlets/{slug}/merge',
      '/api/quotes',
      '/api/quotes.csv',
      '/api/quotes.ndjson',
      '/api/quotes/{id}',
      '/api/review',
      '/api/review/{id}/accept',
      '/api/review/{id}/correct',
      '/api/review/{id}/reject',
      '/api/speakers',
      '/api/speakers/{slug}',
      '/api/speakers/{slug}/merge',
      '/api/threads/{id}',
    ])
    expect(body.paths['/api/quotes'].post.security).toEqual([{ bearer: [] }])
    expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    const params = body.paths['/api/quotes'].get.parameters.map((p: { name: string }) => p.name)
    expect(params).toEqual([
      'q',
      'speaker',
      'outlet',
      'cited',
      'kind',
      'from',
      'to',
      'anonymous',
      'exact',
      'sort',
      'limit',
      'offset',
      'facetSize',
    ])
    expect(body.components.schemas.Quote.properties).toHaveProperty('citedOutlet')
  })
})
