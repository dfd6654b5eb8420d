import { describe, expect, it } from 'vitest'
import { getJson, quotedbWith, seededQuotedb } from '../helpers'

describe('an outlet’s articles', () => {
  it('lists them newest first, with statement counts, a page at a time', async () => {
    const { app } = await quotedbWith(
      ['2024-05', '2025-01-02', '2023'].map((published, i) => ({
        type: 'article',
        url: `https://news.example/${i}`,
        outlet: 'Example News',
        title: `Story ${i}`,
        published,
        body: 'Words 0. Words 1. Words 2.',
        quotes: Array.from({ length: i + 1 }, (_, n) => ({
          text: `Words ${n}`,
          speaker: 'Ana Ruiz',
        })),
      })),
    )
    const { status, body } = await getJson(app, '/api/outlets/example-news/articles?limit=2')
    expect(status).toBe(200)
    expect(body.total).toBe(3)
    expect(body.items).toEqual([
      {
        id: 2,
        title: 'Story 1',
        url: 'https://news.example/1',
        published: { date: '2025-01-02', precision: 'day' },
        statementCount: 2,
      },
      {
        id: 1,
        title: 'Story 0',
        url: 'https://news.example/0',
        published: { date: '2024-05', precision: 'month' },
        statementCount: 1,
      },
    ])
    const next = await getJson(app, '/api/outlets/example-news/articles?limit=2&offset=2')
    expect(next.body.items.map((a: { id: number }) => a.id)).toEqual([3])
    expect((await getJson(app, '/api/outlets/nobody/articles')).status).toBe(404)
  })

  it('links the outlet page’s article count to the list, and lists the latest', async () => {
    const { app } = await seededQuotedb()
    const outlet = await (await app.request('/outlets/the-independent')).text()
    expect(outlet).toContain('<a href="/outlets/the-independent/articles">1</a>')
    expect(outlet).toContain('Latest articles')
    expect(outlet).toMatch(/<a href="\/articles\/1">[^<]+<\/a>/)
    const list = await app.request('/outlets/the-independent/articles')
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html).toContain('<title>Articles by The Independent')
    expect(html).toContain('1 article, newest first')
    const missing = await app.request('/outlets/nobody/articles')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('No outlet is at this address')
  })
})
