/**
 * Extracted speakers matched to the people the database already has, so one person quoted across
 * articles is one speaker: by name or alias (as every import does), by surname ("Trevilla" →
 * Ricardo Trevilla), or by a title that says which office ("Mexico's president" → the one stored
 * person quoted as "Mexican President"). A surname match is remembered, to be added as an alias. A name
 * or title that fits several people is not merged: the statement is kept without a speaker, its
 * mention in the extraction evidence.
 */
import { foldText, nameKey } from '../domain/identity'
import type { NameDocument } from '../domain/store'
import type { NestedQuote } from '../import/item-schema'

/** A stored speaker; anonymous sources ("a U.S. official") are never matched. */
type Person = Pick<NameDocument, 'slug' | 'name' | 'aliases' | 'titles'> & { anonymous: boolean }

/** The words of a title that say which office, cut to a stem: "Mexico's president" → mexic presi. */
function titleStems(title: string): string[] {
  return foldText(title)
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !['the', 'and', 'for', 'former'].includes(w))
    .map((w) => w.slice(0, 5))
}

const surnameOf = (name: string) => nameKey(name.trim().split(/\s+/).at(-1) ?? '')

/** Lookups over the stored people, built once per article. */
export class KnownSpeakers {
  readonly #byName = new Map<string, Person[]>()
  readonly #bySurname = new Map<string, Person[]>()
  readonly #people: Person[]

  constructor(people: Person[]) {
    people = people.filter((p) => !p.anonymous)
    this.#people = people
    const add = (map: Map<string, Person[]>, key: string, person: Person) => {
      if (!key) return
      const list = map.get(key) ?? []
      if (!list.includes(person)) list.push(person)
      map.set(key, list)
    }
    for (const person of people) {
      for (const name of [person.name, ...person.aliases]) add(this.#byName, nameKey(name), person)
      if (person.name.trim().includes(' ')) add(this.#bySurname, surnameOf(person.name), person)
    }
  }

  /**
   * The stored person an extracted speaker is: `person` when exactly one fits, `ambiguous` when
   * several do, `new` when none does (the import then creates them).
   */
  match(speaker: {
    name: string
    anonymous: boolean
  }): { person: Person; by: 'name' | 'surname' | 'title' } | 'ambiguous' | 'new' {
    const key = nameKey(speaker.name)
    const named = this.#byName.get(key) ?? []
    if (speaker.anonymous) {
      // "Mexico's president", nobody in the article named: a stored office holder, if only one.
      // Not "a Mexican official", "two officials": one of many, never a particular person.
      if (!/^(?:the\s|\p{Lu}[\p{L}.’'-]*['’]s\s)/iu.test(speaker.name.trim())) return 'new'
      const stems = titleStems(speaker.name)
      if (stems.length < 2) return 'new'
      const holders = this.#people.filter((p) =>
        p.titles.some((t) => {
          const held = titleStems(t)
          return stems.every((s) => held.includes(s))
        }),
      )
      return holders.length === 1 ? { person: holders[0]!, by: 'title' } : 'new'
    }
    if (named.length === 1) return { person: named[0]!, by: 'name' }
    if (named.length > 1) return 'ambiguous'
    if (!speaker.name.trim().includes(' ')) {
      const bySurname = this.#bySurname.get(key) ?? []
      if (bySurname.length === 1) return { person: bySurname[0]!, by: 'surname' }
      if (bySurname.length > 1) return 'ambiguous'
    }
    return 'new'
  }

  /** Names this article used for stored people that they did not go by yet, by slug. */
  readonly learned = new Map<string, string[]>()

  /** Quote items with their speakers matched: a stored person by slug, or none when ambiguous. */
  resolve(items: NestedQuote[]): NestedQuote[] {
    return items.map((item) => {
      const speaker = item.speaker
      if (!speaker || typeof speaker === 'string' || !('name' in speaker)) return item
      const found = this.match(speaker)
      if (found === 'new') return item
      if (found === 'ambiguous') return { ...item, speaker: null }
      const { person, by } = found
      // The surname this article used becomes an alias (see `learned`); a description that found
      // them ("Mexico's president") is the title they were quoted under.
      if (by === 'surname') {
        const learned = this.learned.get(person.slug) ?? []
        if (!learned.includes(speaker.name)) learned.push(speaker.name)
        this.learned.set(person.slug, learned)
      }
      return {
        ...item,
        speaker: { slug: person.slug },
        speakerTitle: by === 'title' ? (item.speakerTitle ?? speaker.name) : item.speakerTitle,
      }
    })
  }
}
