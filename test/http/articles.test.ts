import { beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../src/domain/types'
import { getJson, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

describe('GET /api/articles/:id', () => {
  it('returns the body and every statement with offsets that point at its text', async () => {
    const { status, body } = await getJson<Article>(app, '/api/articles/1')
    expect(status).toBe(200)
    expect(body).toMatchObject({
      outlet: { slug: 'the-independent' },
      language: 'en',
      byline: null,
      published: { date: '2025-02', precision: 'month' },
    })
    expect(body.statements).toHaveLength(27)
    for (const statement of body.statements) {
      expect(body.body!.slice(statement.start!, statement.end!)).toBe(statement.text)
    }
    const starts = body.statements.map((s) => s.start!)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('answers 404 for an unknown id and 400 for one that is not a number', async () => {
    expect((await getJson(app, '/api/articles/2')).status).toBe(404)
    expect(await getJson(app, '/api/articles/one')).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_parameter',
          message: 'id must be a whole number from 1 to 9007199254740991.',
          param: 'id',
        },
      },
    })
  })
})
