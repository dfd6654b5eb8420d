import { describe, expect, it } from 'vitest'
import { NameIndex } from '../../src/search/names'

const names = new NameIndex([
  {
    kind: 'speaker',
    id: 1,
    slug: 'claudia-sheinbaum',
    name: 'Claudia Sheinbaum',
    aliases: ['Sheinbaum', 'President Sheinbaum'],
    titles: ['President of Mexico', 'Mexican President'],
    anonymous: false,
  },
  {
    kind: 'speaker',
    id: 2,
    slug: 'ricardo-trevilla',
    name: 'Ricardo Trevilla',
    aliases: ['General Ricardo Trevilla'],
    titles: ['Mexico’s defense minister'],
    anonymous: false,
  },
  {
    kind: 'speaker',
    id: 3,
    slug: 'pete-hegseth',
    name: 'Pete Hegseth',
    aliases: [],
    titles: ['U.S. Defense Secretary'],
    anonymous: false,
  },
  {
    kind: 'speaker',
    id: 4,
    slug: 'joaquin-guzman',
    name: 'Joaquín Guzmán',
    aliases: ['El Chapo'],
    titles: [],
    anonymous: false,
  },
  {
    kind: 'outlet',
    id: 5,
    slug: 'the-wall-street-journal',
    name: 'The Wall Street Journal',
    aliases: ['WSJ', 'wsj.com'],
    titles: [],
    anonymous: false,
  },
])

const slugs = (kind: 'speaker' | 'outlet', q: string) => names.search(kind, q).map((m) => m.slug)

describe('NameIndex.search', () => {
  it('finds a speaker by any alias', () => {
    expect(slugs('speaker', 'el chapo')).toEqual(['joaquin-guzman'])
    expect(slugs('speaker', 'President Sheinbaum')).toEqual(['claudia-sheinbaum'])
  })

  it('forgives a typo', () => {
    expect(slugs('speaker', 'sheinbaun')).toEqual(['claudia-sheinbaum'])
    expect(slugs('speaker', 'hegseht')).toEqual(['pete-hegseth'])
  })

  it('finds a speaker by the words of a title, all of them required', () => {
    expect(slugs('speaker', 'defense minister')).toEqual(['ricardo-trevilla'])
    expect(slugs('speaker', 'defense')).toEqual(
      expect.arrayContaining(['ricardo-trevilla', 'pete-hegseth']),
    )
  })

  it('matches the last word as a prefix, as it is being typed', () => {
    expect(slugs('speaker', 'shein')).toEqual(['claudia-sheinbaum'])
  })

  it('ignores accents', () => {
    expect(slugs('speaker', 'joaquin guzman')).toEqual(['joaquin-guzman'])
  })

  it('keeps speakers and outlets apart', () => {
    expect(slugs('outlet', 'wsj')).toEqual(['the-wall-street-journal'])
    expect(slugs('speaker', 'wsj')).toEqual([])
  })

  it('forgets a removed entry and follows a replaced one', () => {
    const index = new NameIndex([
      {
        kind: 'speaker',
        id: 1,
        slug: 'a',
        name: 'Alma Rosa',
        aliases: [],
        titles: [],
        anonymous: false,
      },
    ])
    index.upsert({
      kind: 'speaker',
      id: 1,
      slug: 'a',
      name: 'Alma Rosa',
      aliases: ['Rosita'],
      titles: [],
      anonymous: false,
    })
    expect(index.search('speaker', 'rosita').map((m) => m.slug)).toEqual(['a'])
    index.remove('speaker', 1)
    expect(index.search('speaker', 'alma')).toEqual([])
  })
})
