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
import { surname } from './speakers'

/** A stored speaker; anonymous sources ("a U.S. official") are never matched. */
type Person = Pick<NameDocument, 'slug' | 'name' | 'aliases' | 'titles' | 'anonymous'>

/**
 * The words of a title that say which office, cut to a stem and sorted, as one key: "Mexico's
 * president" and "Mexican President" → "mexic presi".
 */
function titleKey(title: string): string {
  return [
    ...new Set(
      foldText(title)
        .replace(/['’]s\b/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 2 && !['the', 'and', 'for'].includes(w))
        .map((w) => w.slice(0, 5)),
    ),
  ]
    .sort()
    .join(' ')
}

/**
 * A title that names one office: it says whose ("Mexico's", "Apple's", "Mexican") and is not a
 * former one, which many people hold at once. "the chief executive" and "the Democratic senator"
 * name no one in particular.
 */
function namesOneOffice(title: string): boolean {
  if (/\bformer\b/i.test(title)) return false
  const qualifier = /\p{Lu}[\p{L}.-]*['’]s\b|\b\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i)\b/u.exec(
    title,
  )?.[0]
  return (
    qualifier !== undefined &&
    !/^(?:Republican|Democratic|Democrat|Christian|Libertarian)/.test(qualifier)
  )
}

/** "the …" or "Mexico's …" naming one office: what a stored holder may be found by. */
const isOfficeMention = (mention: string) =>
  /^(?:the\s|\p{Lu}[\p{L}.’'-]*['’]s\s)/iu.test(mention) && namesOneOffice(mention)

/** Lookups over the stored people, built once per article. */
export class KnownSpeakers {
  readonly #byName = new Map<string, Person[]>()
  readonly #bySurname = new Map<string, Person[]>()
  /** People by each office title they were quoted under that names one office. */
  readonly #byTitle = new Map<string, Person[]>()

  constructor(people: Person[]) {
    people = people.filter((p) => !p.anonymous)
    const add = (map: Map<string, Person[]>, key: string, person: Person) => {
      if (!key) return
      const list = map.get(key) ?? []
      if (!list.includes(person)) list.push(person)
      map.set(key, list)
    }
    for (const person of people) {
      for (const name of [person.name, ...person.aliases]) add(this.#byName, nameKey(name), person)
      if (person.name.trim().includes(' '))
        add(this.#bySurname, nameKey(surname(person.name)), person)
      // Stored titles as quoted ("Apple chief executive"); the mention must say whose office.
      for (const title of person.titles)
        if (!/\bformer\b/i.test(title)) add(this.#byTitle, titleKey(title), person)
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
    if (speaker.anonymous) {
      // "Mexico's president", nobody in the article named: the one stored holder of that office,
      // by the same title words. Not "a Mexican official": one of many, never a particular person.
      const mention = speaker.name.trim()
      if (!isOfficeMention(mention)) return 'new'
      const holders = this.#byTitle.get(titleKey(mention)) ?? []
      return holders.length === 1 ? { person: holders[0]!, by: 'title' } : 'new'
    }
    const key = nameKey(speaker.name)
    const named = this.#byName.get(key) ?? []
    // One word may be a name someone goes by or a surname: everyone it fits counts, so a surname
    // learned for one Haddad never hides the other.
    const candidates = speaker.name.trim().includes(' ')
      ? named
      : [...new Set([...named, ...(this.#bySurname.get(key) ?? [])])]
    if (candidates.length > 1) return 'ambiguous'
    if (candidates.length === 0) return 'new'
    return { person: candidates[0]!, by: named.length === 1 ? 'name' : 'surname' }
  }

  /** Whether any statement is attributed to an office that could name one stored person. */
  static wantsTitles(items: NestedQuote[]): boolean {
    return items.some((item) => {
      const speaker = item.speaker
      if (!speaker || typeof speaker === 'string' || !('name' in speaker)) return false
      return speaker.anonymous && isOfficeMention(speaker.name.trim())
    })
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
