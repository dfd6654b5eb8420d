import { beforeAll, describe, expect, it } from 'vitest'
import type { Outlet, Page } from '../../src/domain/types'
import { getJson, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

describe('GET /api/outlets', () => {
  it('lists every outlet: publishing, cited and credited', async () => {
    const { body } = await getJson<Page<Outlet>>(app, '/api/outlets')
    expect(body.items.map((o) => o.slug).sort()).toEqual([
      'epa',
      'los-angeles-times',
      'the-associated-press',
      'the-independent',
      'the-new-york-times',
      'the-wall-street-journal',
    ])
    expect(body.items[0]?.slug).toBe('the-independent')
  })

  it('finds an outlet by alias, abbreviation or domain', async () => {
    const find = async (q: string) =>
      (await getJson<Page<Outlet>>(app, `/api/outlets?q=${encodeURIComponent(q)}`)).body.items.map(
        (o) => o.slug,
      )
    expect(await find('wsj')).toEqual(['the-wall-street-journal'])
    expect(await find('nyt')).toEqual(['the-new-york-times'])
    expect(await find('latimes.com')).toEqual(['los-angeles-times'])
    expect(await find('associated pres')).toEqual(['the-associated-press'])
  })
})

describe('GET /api/outlets/:slug', () => {
  it('counts what an outlet published and what it is cited for', async () => {
    expect((await getJson<Outlet>(app, '/api/outlets/the-new-york-times')).body).toMatchObject({
      name: 'The New York Times',
      kind: 'newspaper',
      domain: 'nytimes.com',
      publishedCount: 0,
      citedCount: 5,
      articleCount: 0,
    })
    expect((await getJson<Outlet>(app, '/api/outlets/the-independent')).body).toMatchObject({
      publishedCount: 27,
      citedCount: 0,
      articleCount: 1,
      country: 'GB',
    })
  })

  it('answers 404 for an unknown slug', async () => {
    const { status, body } = await getJson(app, '/api/outlets/the-daily-bugle')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })
})
