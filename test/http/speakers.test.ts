import { beforeAll, describe, expect, it } from 'vitest'
import type { Page, Speaker, SpeakerDetail } from '../../src/domain/types'
import { getJson, seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

const find = async (q: string) =>
  (await getJson<Page<Speaker>>(app, `/api/speakers?q=${encodeURIComponent(q)}`)).body.items.map(
    (s) => s.slug,
  )

describe('GET /api/speakers', () => {
  it('lists every speaker, most quoted first, with aliases and counts', async () => {
    const { status, body } = await getJson<Page<Speaker>>(app, '/api/speakers')
    expect(status).toBe(200)
    expect(body.total).toBe(9)
    expect(body.items[0]).toMatchObject({ slug: 'claudia-sheinbaum', quoteCount: 7 })
    const counts = body.items.map((s) => s.quoteCount)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(body.items.find((s) => s.slug === 'a-us-official')).toMatchObject({ anonymous: true })
  })

  it('finds a speaker by alias, by typo and by the start of a name', async () => {
    expect(await find('sheinbaum')).toEqual(['claudia-sheinbaum'])
    expect(await find('President Sheinbaum')).toEqual(['claudia-sheinbaum'])
    expect(await find('sheinbaun')).toEqual(['claudia-sheinbaum'])
    expect(await find('zimerman')).toEqual(['todd-zimmerman'])
    expect(await find('hegs')).toEqual(['pete-hegseth'])
  })

  it('finds a speaker by the words of a title', async () => {
    expect(await find('defense minister')).toEqual(['ricardo-trevilla'])
    expect(await find('special agent')).toEqual(['todd-zimmerman'])
  })

  it('finds anonymous sources by their description', async () => {
    expect(await find('u.s. official')).toContain('a-us-official')
  })

  it('pages its matches', async () => {
    const { body } = await getJson<Page<Speaker>>(app, '/api/speakers?q=officials&limit=1&offset=1')
    expect(body.total).toBeGreaterThanOrEqual(2)
    expect(body.items).toHaveLength(1)
  })
})

describe('GET /api/speakers/:slug', () => {
  it('shows a speaker with aliases, titles, quote count and who quoted them', async () => {
    const { status, body } = await getJson<SpeakerDetail>(app, '/api/speakers/ricardo-trevilla')
    expect(status).toBe(200)
    expect(body).toEqual({
      slug: 'ricardo-trevilla',
      name: 'Ricardo Trevilla',
      anonymous: false,
      description: 'General, Mexico’s defense minister',
      wikidataId: null,
      aliases: ['General Ricardo Trevilla', 'Trevilla'],
      quoteCount: 3,
      titles: ['Mexico’s defense minister'],
      outlets: [{ outlet: { slug: 'the-independent', name: 'The Independent' }, count: 3 }],
    })
  })

  it('answers 404 for an unknown slug', async () => {
    expect(await getJson(app, '/api/speakers/nobody')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No speaker has the slug "nobody".' } },
    })
  })
})
