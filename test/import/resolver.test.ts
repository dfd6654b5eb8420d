import { describe, expect, it } from 'vitest'
import { EntityResolver } from '../../src/import/resolver'

const directory = () => ({
  outlets: [
    {
      slug: 'the-new-york-times',
      name: 'The New York Times',
      domain: 'nytimes.com',
      aliases: ['NYT'],
    },
    {
      slug: 'los-angeles-times',
      name: 'Los Angeles Times',
      domain: 'latimes.com',
      aliases: ['the Times'],
    },
    { slug: 'the-times', name: 'The Times', domain: 'thetimes.co.uk', aliases: [] },
  ],
  speakers: [
    {
      slug: 'claudia-sheinbaum',
      name: 'Claudia Sheinbaum',
      wikidataId: null,
      anonymous: false,
      aliases: ['President Sheinbaum'],
    },
    { slug: 'john-smith', name: 'John Smith', wikidataId: 'Q1', anonymous: false, aliases: [] },
    {
      slug: 'a-us-official',
      name: 'A U.S. official',
      wikidataId: null,
      anonymous: true,
      aliases: [],
    },
  ],
})

describe('EntityResolver.resolveOutlet', () => {
  it('finds one outlet under its name, its name without "The", an alias, its domain or a url', () => {
    const resolver = new EntityResolver(directory())
    for (const name of [
      'The New York Times',
      'New York Times',
      'new york times',
      'NYT',
      'nytimes.com',
      'https://www.nytimes.com/2025/x',
    ]) {
      expect(resolver.resolveOutlet(name)).toEqual({
        ok: true,
        slug: 'the-new-york-times',
        created: null,
      })
    }
  })

  it('says which outlets an ambiguous name could mean', () => {
    expect(new EntityResolver(directory()).resolveOutlet('The Times')).toEqual({
      ok: false,
      message:
        'outlet "The Times" matches several outlets (los-angeles-times, the-times); name it by slug',
    })
  })

  it('completes a new outlet from the built-in list, or creates it from its domain', () => {
    const resolver = new EntityResolver(directory())
    expect(resolver.resolveOutlet('reuters.com')).toMatchObject({
      ok: true,
      slug: 'reuters',
      created: { name: 'Reuters', kind: 'wire', domain: 'reuters.com' },
    })
    expect(resolver.resolveOutlet('https://smalltown-gazette.example/news/1')).toMatchObject({
      ok: true,
      slug: 'smalltown-gazette-example',
      created: {
        name: 'smalltown-gazette.example',
        kind: null,
        domain: 'smalltown-gazette.example',
      },
    })
  })

  it('takes a slug as the key of exactly one outlet, never another found by its name', () => {
    const resolver = new EntityResolver(directory())
    const nyt = {
      slug: 'nyt',
      name: 'New York Times',
      kind: null,
      country: null,
      domain: null,
      aliases: [],
    }
    expect(resolver.resolveOutlet(nyt)).toMatchObject({
      slug: 'nyt',
      created: { name: 'New York Times' },
    })
    expect(resolver.resolveOutlet('nyt')).toMatchObject({ slug: 'nyt' })
    expect(resolver.resolveOutlet({ ...nyt, slug: 'los-angeles-times' })).toEqual({
      ok: true,
      slug: 'los-angeles-times',
      created: null,
    })
  })

  it('finds an outlet by the domain it owns before one that has the domain as an alias', () => {
    const resolver = new EntityResolver({
      outlets: [
        { slug: 'bee', name: 'Bee', domain: null, aliases: ['key.example'] },
        { slug: 'ay', name: 'Ay', domain: 'key.example', aliases: [] },
      ],
      speakers: [],
    })
    expect(resolver.resolveOutlet('https://key.example/story')).toMatchObject({ slug: 'ay' })
    expect(resolver.resolveOutlet('alias-only.example')).toMatchObject({ created: {} })
  })

  it('refuses a new outlet that gives a domain another outlet owns', () => {
    const resolver = new EntityResolver(directory())
    expect(
      resolver.resolveOutlet({
        slug: 'nyt-archive',
        name: 'NYT Archive',
        kind: null,
        country: null,
        domain: 'nytimes.com',
        aliases: [],
      }),
    ).toEqual({
      ok: false,
      message:
        'the outlet slug "nyt-archive" and nytimes.com name two different outlets (nyt-archive, the-new-york-times)',
    })
  })

  it('refuses a slug and a domain that belong to two different outlets', () => {
    const resolver = new EntityResolver(directory())
    expect(
      resolver.resolveOutlet({
        slug: 'the-times',
        name: 'The Times',
        kind: null,
        country: null,
        domain: 'latimes.com',
        aliases: [],
      }),
    ).toEqual({
      ok: false,
      message:
        'the outlet slug "the-times" and latimes.com name two different outlets (los-angeles-times, the-times)',
    })
  })
})

describe('EntityResolver.resolveSpeaker', () => {
  it('finds a speaker by slug, name or alias, case and accents aside', () => {
    const resolver = new EntityResolver(directory())
    for (const name of ['claudia-sheinbaum', 'Claudia Sheinbaum', 'president sheinbaum']) {
      expect(resolver.resolveSpeaker(name)).toMatchObject({
        ok: true,
        slug: 'claudia-sheinbaum',
        created: null,
      })
    }
  })

  it('never matches an anonymous source by name: each is someone else', () => {
    const resolver = new EntityResolver(directory())
    expect(resolver.resolveSpeaker('A U.S. official')).toMatchObject({
      slug: 'a-us-official-2',
      created: { name: 'A U.S. official' },
    })
  })

  it('tells namesakes apart by Wikidata id', () => {
    const resolver = new EntityResolver(directory())
    const namesake = {
      name: 'John Smith',
      wikidataId: 'Q2',
      description: null,
      anonymous: false,
      aliases: [],
    }
    expect(resolver.resolveSpeaker(namesake)).toMatchObject({
      slug: 'john-smith-2',
      created: { wikidataId: 'Q2' },
    })
    expect(resolver.resolveSpeaker({ ...namesake, wikidataId: 'Q1' })).toMatchObject({
      slug: 'john-smith',
      created: null,
    })
  })

  it('resolves every later mention of a new speaker to the same new record until it is settled', () => {
    const resolver = new EntityResolver(directory())
    const first = resolver.resolveSpeaker('Marcelo Ebrard')
    expect(resolver.resolveSpeaker('marcelo ebrard')).toEqual(first)
    resolver.settle({
      outlets: new Set(),
      speakers: new Set(['marcelo-ebrard']),
      identified: new Set(),
    })
    expect(resolver.resolveSpeaker('Marcelo Ebrard')).toEqual({
      ok: true,
      slug: 'marcelo-ebrard',
      created: null,
    })
  })

  it('forgets a new speaker whose batch did not write it', () => {
    const resolver = new EntityResolver(directory())
    resolver.resolveSpeaker('Ana Lopez')
    resolver.settle({ outlets: new Set(), speakers: new Set(), identified: new Set() })
    expect(resolver.resolveSpeaker('Ana Lopez')).toMatchObject({
      slug: 'ana-lopez',
      created: { name: 'Ana Lopez' },
    })
  })

  it('takes a slug as the key of exactly one speaker, never another who shares an alias', () => {
    const resolver = new EntityResolver({
      outlets: [],
      speakers: [
        {
          slug: 'james-o-haddad',
          name: 'James O. Haddad',
          wikidataId: null,
          anonymous: false,
          aliases: ['Minister Haddad'],
        },
      ],
    })
    const lars = {
      slug: 'lars-r-haddad',
      name: 'Lars R. Haddad',
      description: null,
      wikidataId: null,
      anonymous: false,
      aliases: ['Minister Haddad'],
    }
    expect(resolver.resolveSpeaker(lars)).toMatchObject({
      ok: true,
      slug: 'lars-r-haddad',
      created: { name: 'Lars R. Haddad', aliases: ['Minister Haddad'] },
    })
    expect(resolver.resolveSpeaker('lars-r-haddad')).toMatchObject({ slug: 'lars-r-haddad' })
    expect(resolver.resolveSpeaker('james-o-haddad')).toMatchObject({ slug: 'james-o-haddad' })
    // The alias both go by now names neither.
    expect(resolver.resolveSpeaker('Minister Haddad')).toEqual({
      ok: false,
      message:
        'speaker "Minister Haddad" matches several speakers (james-o-haddad, lars-r-haddad); name it by slug',
    })
  })

  it('takes a slug given alone as the speaker that has it, and refuses one nobody has', () => {
    const resolver = new EntityResolver(directory())
    expect(resolver.resolveSpeaker({ slug: 'john-smith' })).toEqual({
      ok: true,
      slug: 'john-smith',
      created: null,
    })
    // Not the speaker whose name reads like it.
    expect(resolver.resolveSpeaker({ slug: 'president-sheinbaum' })).toEqual({
      ok: false,
      message: 'no speaker has the slug "president-sheinbaum"',
    })
  })

  it('matches a record without a key by its name alone, not by the aliases it brings', () => {
    const resolver = new EntityResolver(directory())
    const record = {
      name: 'Claudia Sheinbaum Pardo',
      description: null,
      wikidataId: null,
      anonymous: false,
      aliases: ['President Sheinbaum'],
    }
    expect(resolver.resolveSpeaker(record)).toMatchObject({
      slug: 'claudia-sheinbaum-pardo',
      created: { name: 'Claudia Sheinbaum Pardo' },
    })
    expect(
      resolver.resolveSpeaker({ ...record, name: 'President Sheinbaum', aliases: [] }),
    ).toEqual({
      ok: false,
      message:
        'speaker "President Sheinbaum" matches several speakers (claudia-sheinbaum, claudia-sheinbaum-pardo); name it by slug',
    })
  })

  it('finds a speaker by Wikidata id, and refuses a slug and an id that name two people', () => {
    const resolver = new EntityResolver(directory())
    const smith = {
      name: 'J. Smith',
      description: null,
      wikidataId: 'Q1',
      anonymous: false,
      aliases: [],
    }
    expect(resolver.resolveSpeaker(smith)).toEqual({ ok: true, slug: 'john-smith', created: null })
    expect(resolver.resolveSpeaker({ ...smith, slug: 'claudia-sheinbaum' })).toEqual({
      ok: false,
      message:
        'the speaker slug "claudia-sheinbaum" and Q1 name two different speakers (claudia-sheinbaum, john-smith)',
    })
    expect(resolver.resolveSpeaker({ ...smith, slug: 'john-smith', wikidataId: 'Q9' })).toEqual({
      ok: false,
      message: 'the speaker "john-smith" has the Wikidata id Q1, not Q9',
    })
  })

  it('gives a speaker known by name alone the first Wikidata id a record names them by, and no other', () => {
    const resolver = new EntityResolver(directory())
    const record = (wikidataId: string) => ({
      name: 'Claudia Sheinbaum',
      description: null,
      wikidataId,
      anonymous: false,
      aliases: [],
    })
    expect(resolver.resolveSpeaker(record('Q5127014'))).toEqual({
      ok: true,
      slug: 'claudia-sheinbaum',
      created: null,
      identified: { slug: 'claudia-sheinbaum', wikidataId: 'Q5127014' },
    })
    // Another id is another person of the same name.
    expect(resolver.resolveSpeaker(record('Q999'))).toMatchObject({
      slug: 'claudia-sheinbaum-2',
      created: { wikidataId: 'Q999' },
    })
    // Not written after all: the id is not hers, and the next record may give it again.
    resolver.settle({ outlets: new Set(), speakers: new Set(), identified: new Set() })
    expect(resolver.resolveSpeaker(record('Q999'))).toMatchObject({
      slug: 'claudia-sheinbaum',
      identified: { wikidataId: 'Q999' },
    })
  })
})
