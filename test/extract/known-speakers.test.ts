/**
 * One person quoted across articles is one speaker: what extraction finds is matched to the people
 * already stored — by name or alias, by surname, by an office that names one person — and a name
 * that fits two people is never merged silently.
 */
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/domain/types'
import { KnownSpeakers } from '../../src/extract/known-speakers'
import { getJson, quotedbWith, seededQuotedb, send } from '../helpers'

const person = (slug: string, name: string, aliases: string[] = [], titles: string[] = []) => ({
  slug,
  name,
  aliases,
  titles,
  anonymous: false,
})

/** POSTs an article of Reuters with `body`, extracting its statements. */
const postExtracted = (app: Parameters<typeof send>[0], url: string, body: string) =>
  send<Article>(app, 'POST', '/api/articles?extract=true', {
    url,
    outlet: 'Reuters',
    title: 'A report',
    published: '2025-03-04',
    body,
  })

describe('KnownSpeakers.match', () => {
  const known = new KnownSpeakers([
    person('lars-okonkwo', 'Lars Okonkwo'),
    person('james-o-haddad', 'James O. Haddad', ['Minister Haddad']),
    person('lars-r-haddad', 'Lars R. Haddad', ['Minister Haddad']),
    person('ines-carvalho', 'Ines Carvalho', [], ['Portugal’s finance minister', 'Mayor of Porto']),
    person('ana-ruiz', 'Ana Ruiz', [], ['finance minister']),
    {
      ...person('porto-officials', 'Porto officials', [], ['Mayor of Porto aides']),
      anonymous: true,
    },
  ])
  const match = (name: string, anonymous = false) => {
    const found = known.match({ name, anonymous })
    return typeof found === 'string' ? found : `${found.by} ${found.person.slug}`
  }

  it('finds a person by their name, and by their surname when only one has it', () => {
    expect(match('Lars Okonkwo')).toBe('name lars-okonkwo')
    expect(match('Okonkwo')).toBe('surname lars-okonkwo')
  })

  it('never merges a name or surname that fits two people', () => {
    expect(match('Minister Haddad')).toBe('ambiguous')
    expect(match('Haddad')).toBe('ambiguous')
  })

  it('finds an office holder only by a title that names one person', () => {
    expect(match("Portugal's finance minister", true)).toBe('title ines-carvalho')
    // Two people hold a finance ministry; "the minister" alone names nobody in particular.
    expect(match('the finance minister', true)).toBe('new')
    expect(match('the minister', true)).toBe('new')
    // One of many is nobody in particular; an anonymous source is never matched.
    expect(match("a Portugal's finance minister aide", true)).toBe('new')
    expect(match('the Porto aides', true)).toBe('new')
  })

  it('never takes an office many hold, or held, for one person', () => {
    const officers = new KnownSpeakers([
      person('tim-cook', 'Tim Cook', [], ['Apple chief executive']),
      person('jen-psaki', 'Jen Psaki', [], ['former White House press secretary']),
      person('ehud-olmert', 'Ehud Olmert', [], ["Israel's former prime minister"]),
      person('jon-tester', 'Jon Tester', [], ['Democratic senator']),
    ])
    for (const office of [
      'the chief executive',
      'the White House press secretary',
      "Israel's former prime minister",
      'the Democratic senator',
    ])
      expect(officers.match({ name: office, anonymous: true }), office).toBe('new')
    expect(officers.match({ name: 'Apple’s chief executive', anonymous: true })).toMatchObject({
      by: 'title',
      person: { slug: 'tim-cook' },
    })
  })

  it('a surname one person goes by as an alias still fits another of that surname', () => {
    const haddads = new KnownSpeakers([
      person('ana-haddad', 'Ana Haddad', ['Haddad']),
      person('omar-haddad', 'Omar Haddad'),
    ])
    expect(haddads.match({ name: 'Haddad', anonymous: false })).toBe('ambiguous')
  })

  it('leaves a new name new', () => {
    expect(match('Maya Lindqvist')).toBe('new')
    expect(match('Lindqvist')).toBe('new')
  })
})

describe('POST /api/articles?extract=true across articles', () => {
  it('gives a surname to the one stored person who has it, and keeps it as their alias', async () => {
    const { app } = await quotedbWith([
      { type: 'speaker', slug: 'lars-okonkwo', name: 'Lars Okonkwo' },
    ])
    const posted = await postExtracted(
      app,
      'https://example.org/a',
      '“The port will reopen,” Okonkwo said on Monday.',
    )
    expect(posted.status).toBe(201)
    expect(posted.body.statements[0]?.speaker?.slug).toBe('lars-okonkwo')
    const { body } = await getJson(app, '/api/speakers/lars-okonkwo')
    expect(body.aliases).toContain('Okonkwo')
  })

  it('finds the office holder from a title that names one person', async () => {
    const { app } = await seededQuotedb()
    const posted = await postExtracted(
      app,
      'https://example.org/b',
      '“We will keep flying,” Mexico’s defense minister said.',
    )
    expect(posted.status).toBe(201)
    expect(posted.body.statements[0]?.speaker?.slug).toBe('ricardo-trevilla')
  })

  it('stores a statement whose speaker could be two people without a speaker, not refused', async () => {
    const { app } = await quotedbWith([
      { type: 'speaker', slug: 'james-o-haddad', name: 'James O. Haddad', aliases: ['Haddad'] },
      { type: 'speaker', slug: 'lars-r-haddad', name: 'Lars R. Haddad', aliases: ['Haddad'] },
    ])
    const posted = await postExtracted(
      app,
      'https://example.org/c',
      '“The budget is final,” Haddad said.',
    )
    expect(posted.status).toBe(201)
    const [statement] = posted.body.statements
    expect(statement?.speaker).toBeNull()
    const quote = (await getJson(app, '/api/quotes?q=budget+final')).body.items[0]
    expect(quote.extraction.mention.text).toBe('Haddad')
  })
})
