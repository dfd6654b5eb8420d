import { describe, expect, it } from 'vitest'
import type { Article, Outlet, QuoteResult, SpeakerDetail } from '../../src/domain/types'
import type { QuoteSearchResult } from '../../src/services/quotes'
import { getJson, seededQuotedb, send } from '../helpers'

const SEED_URL =
  'https://www.the-independent.com/news/world/americas/us-cia-drone-mexico-el-chapo-b2706887.html'
const NYT_URL = 'https://www.nytimes.com/2025/02/18/us/politics/cia-drones-mexico.html'
const nytArticle = {
  url: NYT_URL,
  outlet: 'nytimes.com',
  title: 'C.I.A. Expands Secret Drone Flights Over Mexico',
  published: '2025-02-18',
  body: 'The flights go “well into sovereign Mexico,” one U.S. official said. Drones hunt fentanyl laboratories.',
  quotes: [
    {
      text: 'well into sovereign Mexico',
      kind: 'partial',
      cue: 'said',
      speaker: { name: 'A U.S. official', anonymous: true },
    },
    { text: 'Drones hunt fentanyl laboratories', kind: 'paraphrase', speaker: null },
  ],
}

const search = async (app: Awaited<ReturnType<typeof seededQuotedb>>['app'], query: string) =>
  (await getJson<QuoteSearchResult>(app, `/api/quotes?${query}`)).body

describe('POST /api/quotes', () => {
  it('stores a quote, finds its speaker by name, and makes it searchable at once', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await send(app, 'POST', '/api/quotes', {
      article: SEED_URL,
      text: 'This cannot be an opportunity for the United States to invade our sovereignty',
      kind: 'direct',
      speaker: 'President Sheinbaum',
      cue: 'said',
      speakerTitle: 'President',
    })
    // The seed holds this quotation already: the same text at the same place is the same statement.
    expect(status).toBe(409)
    expect(body.error.message).toMatch(/^The article already holds this statement: quote \d+\.$/)

    const created = await send<QuoteResult>(app, 'POST', '/api/quotes', {
      article: SEED_URL,
      text: 'invade our sovereignty',
      kind: 'partial',
      speaker: 'President Sheinbaum',
      cue: 'said',
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('Location')).toBe(`/api/quotes/${created.body.id}`)
    expect(created.body).toMatchObject({ speaker: { slug: 'claudia-sheinbaum' }, verified: true })
    expect(created.body.offsets!.end - created.body.offsets!.start).toBe(
      'invade our sovereignty'.length,
    )
    const found = await search(app, 'q=invade&kind=partial')
    expect(found.items.map((q) => q.id)).toEqual([created.body.id])
  })

  it('names the field at fault and lists every problem', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await send(app, 'POST', '/api/quotes', {
      article: SEED_URL,
      text: 'words nobody wrote',
    })
    expect(status).toBe(400)
    expect(body).toEqual({
      error: {
        code: 'invalid_parameter',
        message: 'text: the text is not found in the article body.',
        param: 'text',
        problems: [
          { line: 1, field: 'text', message: 'the text is not found in the article body' },
        ],
      },
    })
  })

  it('refuses unknown fields and malformed JSON', async () => {
    const { app } = await seededQuotedb()
    const unknown = await send(app, 'POST', '/api/quotes', {
      article: SEED_URL,
      text: 'x',
      speakr: 'a',
    })
    expect(unknown).toMatchObject({ status: 400, body: { error: { param: 'speakr' } } })
    const malformed = await send(app, 'POST', '/api/quotes', '{"article": ')
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'invalid_parameter' } } })
  })
})

describe('a refused write', () => {
  it('leaves the database, the full-text index and the in-memory indexes exactly as they were', async () => {
    const { app, indexes, store } = await seededQuotedb()
    // The change feed's head: any row written, the index's included, would have moved it.
    const snapshot = async () => ({
      counts: await store.counts(),
      head: await store.head(),
      words: indexes.vocabulary.size,
      names: indexes.names.search('speaker', 'zebediah').length,
    })
    const before = await snapshot()
    const refused = await send(app, 'POST', '/api/articles', {
      ...nytArticle,
      quotes: [
        ...nytArticle.quotes,
        { text: 'Zebediah Quux never said this', speaker: 'Zebediah Quux' },
      ],
    })
    expect(refused.status).toBe(400)
    const csv =
      'text,speaker,url,date\nZebediah speaks,Zebediah Quux,https://z.example/1,2024\nbad,Zebediah Quux,not-a-url,2024\n'
    expect((await send(app, 'POST', '/api/import?format=csv', csv)).status).toBe(400)
    expect(await snapshot()).toEqual(before)
    expect(await store.getSpeaker('zebediah-quux')).toBeNull()
  })

  it('leaves no trace of the speakers it named for the writes after it', async () => {
    const { app, store } = await seededQuotedb()
    const statement = {
      article: SEED_URL,
      text: 'invade our sovereignty',
      kind: 'partial',
      speaker: 'Claudia Sheinbaum',
    }
    expect((await send(app, 'POST', '/api/quotes', statement)).status).toBe(201)
    // The same statement again, now by a new person: refused (409) after the person was written.
    const again = await send(app, 'POST', '/api/quotes', { ...statement, speaker: 'Ophelia Nemo' })
    expect(again.status).toBe(409)
    expect(await store.getSpeaker('ophelia-nemo')).toBeNull()
    // The next write that names the person creates them: nothing remembers the rolled-back one.
    const next = await send<QuoteResult>(app, 'POST', '/api/quotes', {
      ...statement,
      kind: 'paraphrase',
      speaker: 'Ophelia Nemo',
    })
    expect(next.status).toBe(201)
    expect(next.body.speaker?.slug).toBe('ophelia-nemo')
    expect(await store.getSpeaker('ophelia-nemo')).not.toBeNull()
  })
})

describe('PATCH and DELETE /api/quotes/:id', () => {
  it('moves a quote’s offsets to its new text, and refuses text the article lacks', async () => {
    const { app } = await seededQuotedb()
    const [quote] = (await search(app, 'q=vaporized')).items
    const changed = await send<QuoteResult>(app, 'PATCH', `/api/quotes/${quote!.id}`, {
      text: 'they could be vaporized',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.offsets).toEqual({
      start: quote!.offsets!.end - 'they could be vaporized'.length,
      end: quote!.offsets!.end,
    })
    const refused = await send(app, 'PATCH', `/api/quotes/${quote!.id}`, {
      text: 'they could be evaporated',
    })
    expect(refused).toMatchObject({ status: 400, body: { error: { param: 'text' } } })
    expect((await getJson<QuoteResult>(app, `/api/quotes/${quote!.id}`)).body.text).toBe(
      'they could be vaporized',
    )
  })

  it('changes the speaker by slug, refusing a slug nobody has', async () => {
    const { app } = await seededQuotedb()
    const [quote] = (await search(app, 'q=vaporized')).items
    expect(
      (await send(app, 'PATCH', `/api/quotes/${quote!.id}`, { speaker: 'nobody' })).body.error,
    ).toMatchObject({
      param: 'speaker',
      message: 'No speaker has the slug "nobody".',
    })
    const changed = await send<QuoteResult>(app, 'PATCH', `/api/quotes/${quote!.id}`, {
      speaker: 'pete-hegseth',
      citedOutlet: null,
    })
    expect(changed.body).toMatchObject({ speaker: { slug: 'pete-hegseth' }, citedOutlet: null })
    expect((await search(app, 'q=vaporized hegseth')).total).toBe(1)
  })

  it('removes a quote from the database, the index and the typo vocabulary', async () => {
    const { app, indexes } = await seededQuotedb()
    const [quote] = (await search(app, 'q=vaporized')).items
    expect(indexes.vocabulary.documents('vaporized')).toBe(1)
    expect((await send(app, 'DELETE', `/api/quotes/${quote!.id}`)).status).toBe(204)
    expect((await search(app, 'q=vaporized')).total).toBe(0)
    expect(indexes.vocabulary.documents('vaporized')).toBe(0)
    expect((await getJson(app, `/api/quotes/${quote!.id}`)).status).toBe(404)
    expect((await send(app, 'DELETE', `/api/quotes/${quote!.id}`)).status).toBe(404)
  })
})

describe('POST and DELETE /api/articles', () => {
  it('stores an article of an outlet named by domain, with its statements', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await send<Article>(app, 'POST', '/api/articles', nytArticle)
    expect(status).toBe(201)
    expect(body).toMatchObject({
      outlet: { slug: 'the-new-york-times' },
      published: { date: '2025-02-18', precision: 'day' },
      statements: [
        { text: 'well into sovereign Mexico', start: 16, end: 42, speaker: { anonymous: true } },
        { text: 'Drones hunt fentanyl laboratories', speaker: null },
      ],
    })
    const found = await search(app, 'q=sovereign&outlet=the-new-york-times')
    expect(found.total).toBe(1)
    // A new word is known to typo correction at once.
    expect((await search(app, 'q=laboratoreis')).query.corrections).toEqual([
      { word: 'laboratoreis', alternatives: ['laboratories'] },
    ])
  })

  it('answers 409 for a url already stored, and removes an article with its statements', async () => {
    const { app } = await seededQuotedb()
    const created = await send<Article>(app, 'POST', '/api/articles', nytArticle)
    const again = await send(app, 'POST', '/api/articles', nytArticle)
    expect(again).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', param: 'url' } },
    })
    expect((await send(app, 'DELETE', `/api/articles/${created.body.id}`)).status).toBe(204)
    expect((await search(app, 'q=sovereign&outlet=the-new-york-times')).total).toBe(0)
    expect((await getJson(app, `/api/articles/${created.body.id}`)).status).toBe(404)
  })

  it('refuses an article with a bad date, naming the field', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await send(app, 'POST', '/api/articles', {
      ...nytArticle,
      published: '2025-02-30',
    })
    expect(status).toBe(400)
    expect(body.error.param).toBe('published')
  })
})

describe('speakers', () => {
  it('adds a speaker, refusing a name already taken unless a slug is given', async () => {
    const { app } = await seededQuotedb()
    const taken = await send(app, 'POST', '/api/speakers', { name: 'Claudia Sheinbaum' })
    expect(taken).toMatchObject({ status: 409, body: { error: { param: 'name' } } })
    const namesake = await send<SpeakerDetail>(app, 'POST', '/api/speakers', {
      name: 'Claudia Sheinbaum',
      slug: 'claudia-sheinbaum-2',
      description: 'A namesake',
    })
    expect(namesake).toMatchObject({
      status: 201,
      body: { slug: 'claudia-sheinbaum-2', quoteCount: 0 },
    })
    expect(
      (await send(app, 'POST', '/api/speakers', { name: 'X', slug: 'claudia-sheinbaum' })).status,
    ).toBe(409)
  })

  it('refuses a Wikidata id another speaker has: one person, one speaker', async () => {
    const { app } = await seededQuotedb()
    const first = await send(app, 'POST', '/api/speakers', { name: 'Ana One', wikidataId: 'Q7777' })
    expect(first.status).toBe(201)
    const second = await send(app, 'POST', '/api/speakers', {
      name: 'Ana Two',
      wikidataId: 'Q7777',
    })
    expect(second).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          param: 'wikidataId',
          message:
            'Another speaker has the Wikidata id Q7777: ana-one. Merge them if they are one person.',
        },
      },
    })
    const changed = await send(app, 'PATCH', '/api/speakers/todd-zimmerman', {
      wikidataId: 'Q7777',
    })
    expect(changed.status).toBe(409)
    // Its own id again is no conflict.
    expect(
      (await send(app, 'PATCH', '/api/speakers/ana-one', { wikidataId: 'Q7777' })).status,
    ).toBe(200)
  })

  it('gives a speaker of any script a slug that names them, and serves it', async () => {
    const { app } = await seededQuotedb()
    for (const [name, slug] of [
      ['Владимир Путин', 'vladimir-putin'],
      ['Łódź Times Editor', 'lodz-times-editor'],
      ['习近平', '习近平'],
    ]) {
      const made = await send<SpeakerDetail>(app, 'POST', '/api/speakers', { name })
      expect(made).toMatchObject({ status: 201, body: { slug } })
      const path = `/speakers/${encodeURIComponent(slug!)}`
      expect((await getJson(app, `/api${path}`)).body.name).toBe(name)
      expect((await app.request(path)).status).toBe(200)
    }
  })

  it('gives each anonymous source a slug of its own', async () => {
    const { app } = await seededQuotedb()
    const slugs = []
    for (let i = 0; i < 3; i++) {
      const made = await send<SpeakerDetail>(app, 'POST', '/api/speakers', {
        name: 'A senior official',
        anonymous: true,
      })
      expect(made.status).toBe(201)
      slugs.push(made.body.slug)
    }
    expect(slugs).toEqual(['a-senior-official', 'a-senior-official-2', 'a-senior-official-3'])
  })

  it('changes a speaker’s names, and search follows at once', async () => {
    const { app } = await seededQuotedb()
    const { body } = await send<SpeakerDetail>(app, 'PATCH', '/api/speakers/todd-zimmerman', {
      aliases: ['Zimmerman', 'Special Agent Zimmerman'],
      wikidataId: 'Q42',
    })
    expect(body).toMatchObject({
      aliases: ['Special Agent Zimmerman', 'Zimmerman'],
      wikidataId: 'Q42',
    })
    expect((await search(app, 'q="special agent zimmerman"')).total).toBe(2)
    const found = await getJson(app, '/api/speakers?q=special%20agent%20zimmerman')
    expect(found.body.items.map((s: { slug: string }) => s.slug)).toEqual(['todd-zimmerman'])
  })

  it('merges speakers who are one person: quotes and names move', async () => {
    const { app } = await seededQuotedb()
    await send(app, 'POST', '/api/speakers', {
      name: 'Ricardo Trevilla Trejo',
      slug: 'ricardo-trevilla-trejo',
    })
    await send(app, 'POST', '/api/quotes', {
      article: SEED_URL,
      text: 'were not ordered by Donald Trump',
      kind: 'partial',
      speaker: 'ricardo-trevilla-trejo',
    })
    const { status, body } = await send<SpeakerDetail>(
      app,
      'POST',
      '/api/speakers/ricardo-trevilla/merge',
      {
        from: ['ricardo-trevilla-trejo'],
      },
    )
    expect(status).toBe(200)
    expect(body.quoteCount).toBe(4)
    expect(body.aliases).toContain('Ricardo Trevilla Trejo')
    expect((await getJson(app, '/api/speakers/ricardo-trevilla-trejo')).status).toBe(404)
    expect((await search(app, 'speaker=ricardo-trevilla')).total).toBe(4)
    expect((await search(app, 'q=trejo')).total).toBe(4)
  })

  it('refuses to merge namesakes with different Wikidata ids, or a speaker into itself', async () => {
    const { app } = await seededQuotedb()
    await send(app, 'PATCH', '/api/speakers/pete-hegseth', { wikidataId: 'Q1' })
    await send(app, 'POST', '/api/speakers', {
      name: 'Pete Hegseth',
      slug: 'pete-hegseth-2',
      wikidataId: 'Q2',
    })
    const different = await send(app, 'POST', '/api/speakers/pete-hegseth/merge', {
      from: ['pete-hegseth-2'],
    })
    expect(different).toMatchObject({ status: 409, body: { error: { param: 'from' } } })
    const itself = await send(app, 'POST', '/api/speakers/pete-hegseth/merge', {
      from: ['pete-hegseth'],
    })
    expect(itself.status).toBe(400)
  })

  it('removes only a speaker with no quotes', async () => {
    const { app } = await seededQuotedb()
    expect((await send(app, 'DELETE', '/api/speakers/pete-hegseth')).status).toBe(409)
    await send(app, 'POST', '/api/speakers', { name: 'Nobody Yet' })
    expect((await send(app, 'DELETE', '/api/speakers/nobody-yet')).status).toBe(204)
    expect((await getJson(app, '/api/speakers?q=nobody%20yet')).body.total).toBe(0)
  })
})

describe('outlets', () => {
  it('adds, changes and merges outlets; a merged outlet’s articles and citations move', async () => {
    const { app } = await seededQuotedb()
    const created = await send<Outlet>(app, 'POST', '/api/outlets', {
      name: 'The Independent (US)',
      slug: 'independent-us',
      domain: 'independent.example',
    })
    expect(created).toMatchObject({ status: 201, body: { slug: 'independent-us', kind: null } })
    const changed = await send<Outlet>(app, 'PATCH', '/api/outlets/independent-us', {
      kind: 'online',
      country: 'US',
    })
    expect(changed.body).toMatchObject({ kind: 'online', country: 'US' })
    const merged = await send<Outlet>(app, 'POST', '/api/outlets/the-independent/merge', {
      from: ['independent-us'],
    })
    expect(merged.body).toMatchObject({ publishedCount: 27 })
    expect(merged.body.aliases).toEqual(
      expect.arrayContaining(['The Independent (US)', 'independent.example']),
    )
  })

  it('refuses to remove an outlet still referred to, and a domain another outlet has', async () => {
    const { app } = await seededQuotedb()
    expect((await send(app, 'DELETE', '/api/outlets/los-angeles-times')).status).toBe(409)
    expect((await send(app, 'DELETE', '/api/outlets/epa')).status).toBe(204)
    const taken = await send(app, 'PATCH', '/api/outlets/the-associated-press', {
      domain: 'nytimes.com',
    })
    expect(taken).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', param: 'domain' } },
    })
  })
})
