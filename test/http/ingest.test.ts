/**
 * Adding an article from a web page: `POST /api/articles` with `{"url"}` (fetched from a local
 * server the test runs, with pages it writes) or with the page as `text/html`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { isInternalAddress } from '../../src/ingest/fetch-page'
import { buildSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'
import { send, TOKEN } from '../helpers'
import { NEWS_PAGE, startPageServer, toCp1252 } from '../news-pages'

let base: string
let close: () => Promise<void>
beforeAll(async () => {
  ;({ base, close } = await startPageServer())
})
afterAll(() => close())

/** An empty quotedb whose fetches may reach this machine (or not). */
async function quotedb(fetch: { allowPrivate: boolean; allowedAddresses?: string[] }) {
  const store = createSqliteStore(openDatabase(':memory:'))
  const indexes = await buildSearchIndexes(store)
  const services = createServices(
    { store, indexes },
    { fetch: { ...fetch, totalTimeoutMs: 1500, connectTimeoutMs: 1000, maxBytes: 40_000 } },
  )
  return createApp(services, { writeToken: TOKEN })
}

const post = (app: Awaited<ReturnType<typeof quotedb>>, body: unknown) =>
  send(app, 'POST', '/api/articles', body)

describe('POST /api/articles with a web page', () => {
  it('reads the article out of a news page: text without furniture, metadata, outlet', async () => {
    const app = await quotedb({ allowPrivate: true })
    const { status, body } = await post(app, { url: `${base}/news/story?utm_source=x` })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.url).toBe(`${base}/news/story`)
    expect(body.title).toBe('Council passes transit budget')
    // The day in the page's own time zone, not UTC's (which is already the 5th).
    expect(body.published).toEqual({ date: '2025-03-04', precision: 'day' })
    expect(body.outlet.name).toBe('The Example Tribune')
    expect(body.byline).toBe('Rita Moreno, Sam Lee')
    expect(body.language).toBe('en')
    const paragraphs = body.body.split('\n\n')
    expect(paragraphs).toContain('“We will not cut the night buses,” said Mayor Ana Ruiz.')
    expect(paragraphs.filter((p: string) => p.startsWith('Paragraph '))).toHaveLength(5)
    for (const furniture of ['ADVERTISEMENT', 'Home', 'Ten things', 'First!', 'All rights']) {
      expect(body.body).not.toContain(furniture)
    }
  })

  it('stores a page once however it is reached, and finds its statements with extract=true', async () => {
    const app = await quotedb({ allowPrivate: true })
    const first = await send(app, 'POST', '/api/articles?extract=true', {
      url: `${base}/redirect/1`,
    })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.url).toBe(`${base}/news/story`)
    expect(first.body.statements.map((s: { text: string }) => s.text)).toContain(
      'We will not cut the night buses',
    )
    const again = await post(app, { url: `${base}/news/story?fbclid=abc#comments` })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toContain(`article ${first.body.id}`)
  })

  it('takes an address the page gives only on its own site, and the outlet from the site read', async () => {
    const app = await quotedb({ allowPrivate: false })
    const claiming = NEWS_PAGE('https://www.nytimes.com/2025/03/04/transit.html')
    const response = await app.request(
      `/api/articles?url=${encodeURIComponent('https://www.example-blog.net/post?utm_source=x')}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/html', Authorization: `Bearer ${TOKEN}` },
        body: claiming,
      },
    )
    expect(response.status).toBe(201)
    const article = (await response.json()) as { url: string; outlet: { slug: string } }
    expect(article.url).toBe('https://www.example-blog.net/post')
    const outlet = await (await app.request(`/api/outlets/${article.outlet.slug}`)).json()
    expect((outlet as { domain: string }).domain).toBe('example-blog.net')
  })

  it('decodes an uploaded page by the charset its Content-Type names', async () => {
    const app = await quotedb({ allowPrivate: false })
    const page = NEWS_PAGE('https://news.example/1252').replace(
      'Mayor Ana Ruiz',
      'Mayor José Núñez',
    )
    const response = await app.request(
      `/api/articles?url=${encodeURIComponent('https://news.example/1252')}`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'text/html; charset=windows-1252',
          Authorization: `Bearer ${TOKEN}`,
        },
        body: toCp1252(page),
      },
    )
    expect(response.status).toBe(201)
    expect(((await response.json()) as { body: string }).body).toContain(
      '“We will not cut the night buses,” said Mayor José Núñez.',
    )
  })

  it('refuses an uploaded page over 5 MB, and reads none out of a page of too many elements', async () => {
    const app = await quotedb({ allowPrivate: false })
    const upload = (body: string) =>
      app.request(`/api/articles?url=${encodeURIComponent('https://news.example/big')}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/html', Authorization: `Bearer ${TOKEN}` },
        body,
      })
    const huge = await upload(`<html><body>${'x'.repeat(5 * 1024 * 1024 + 1)}</body></html>`)
    expect(huge.status).toBe(413)
    const crowded = NEWS_PAGE('https://news.example/big').replace(
      '<article>',
      `<article>${'<span>.</span>'.repeat(40_000)}`,
    )
    const refused = await upload(crowded)
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('no_article')
  })

  it('takes the page as text/html with ?url=', async () => {
    const app = await quotedb({ allowPrivate: false })
    const response = await app.request(
      `/api/articles?url=${encodeURIComponent('https://news.example/story')}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/html', Authorization: `Bearer ${TOKEN}` },
        body: NEWS_PAGE('https://news.example/story'),
      },
    )
    expect(response.status).toBe(201)
    const missingUrl = await app.request('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'text/html', Authorization: `Bearer ${TOKEN}` },
      body: NEWS_PAGE('https://news.example/story'),
    })
    expect(missingUrl.status).toBe(400)
  })

  it('decodes windows-1252 pages, by header or by meta charset', async () => {
    const app = await quotedb({ allowPrivate: true })
    for (const path of ['/cp1252', '/cp1252-meta']) {
      const { status, body } = await post(app, { url: `${base}${path}` })
      expect(status, path).toBe(201)
      expect(body.body).toContain('“We will not cut the night buses,” said Mayor José Núñez.')
    }
  })

  it('refuses, with a reason, what is not an article page', async () => {
    const app = await quotedb({ allowPrivate: true })
    const cases: Array<[string, number, RegExp]> = [
      [`${base}/search`, 422, /holds no article/],
      [`${base}/report.pdf`, 415, /not HTML/],
      [`${base}/huge`, 413, /larger than/],
      [`${base}/loop`, 422, /redirects more than 5 times/],
      [`${base}/slow`, 422, /took too long/],
      [`${base}/missing`, 422, /answered 404/],
      ['ftp://example.com/a', 400, /http or https/],
      ['not a url', 400, /absolute http or https/],
    ]
    for (const [url, status, message] of cases) {
      const response = await post(app, { url })
      expect(response.status, url).toBe(status)
      expect(response.body.error.message, url).toMatch(message)
    }
  })

  it('never fetches this machine’s own or private addresses by default', async () => {
    const app = await quotedb({ allowPrivate: false })
    const port = new URL(base).port
    for (const url of [
      `${base}/news/story`,
      `http://localhost:${port}/news/story`,
      `http://[::1]:${port}/news/story`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/',
      `http://0x7f000001:${port}/news/story`,
      `http://[::ffff:7f00:1]:${port}/news/story`,
    ]) {
      const { status, body } = await post(app, { url })
      expect(status, url).toBe(422)
      expect(body.error.message, url).toMatch(/own network/)
    }
  })

  it('refuses a redirect to an address inside the network, checked again at every hop', async () => {
    // The test's page server stands for a site on the internet: its one address is let through,
    // and every other internal address is refused as by default.
    const app = await quotedb({ allowPrivate: false, allowedAddresses: ['127.0.0.1'] })
    const port = new URL(base).port
    expect((await post(app, { url: `${base}/news/story` })).status).toBe(201)
    for (const target of [
      `http://127.0.0.2:${port}/news/story`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.8/',
      `http://[::1]:${port}/news/story`,
    ]) {
      const url = `${base}/redirect/away?to=${encodeURIComponent(target)}`
      const { status, body } = await post(app, { url })
      expect(status, target).toBe(422)
      expect(body.error.message, target).toMatch(/own network/)
    }
  })

  it('knows which addresses are internal', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isInternalAddress(address), address).toBe(true)
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) {
      expect(isInternalAddress(address), address).toBe(false)
    }
  })
})
