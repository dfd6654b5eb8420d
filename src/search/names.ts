/**
 * Speakers and outlets by every name they go by, for autocomplete and for finding a speaker by a
 * misspelt name, an alias or a title ("defense minister"). A small MiniSearch index derived from
 * SQLite at start-up and updated after each committed write.
 */
import MiniSearch from 'minisearch'
import type { NameDocument } from '../domain/store'
import { withoutInvisibles, words } from './normalize'
import { nameKey } from '../domain/identity'
import { NAMES } from './options'
import { STOPWORDS } from './stopwords'

export type NameKind = NameDocument['kind']

/** A speaker or outlet that matched, best first. */
export interface NameMatch {
  kind: NameKind
  slug: string
  name: string
  /** An unnamed source, its name a description ("a U.S. official"). */
  anonymous: boolean
  score: number
}

interface IndexedName {
  id: string
  kind: NameKind
  slug: string
  name: string
  aliases: string
  titles: string
}

/** A speaker a query names, and the query's words that name them. */
export interface RecognisedSpeaker {
  id: number
  slug: string
  name: string
  words: string[]
  /**
   * True when named by a title or description: its words (or initials) need not stand in each of
   * the speaker's statements, as the name and aliases do.
   */
  byTitle: boolean
}

/** What the index keeps of an entry beside what MiniSearch holds. */
interface Entry {
  keys: string[]
  indexed: IndexedName
  document: NameDocument
}

/** The names a named speaker goes by (none for an unnamed source, whose name describes). */
const namesOf = (document: NameDocument) =>
  document.anonymous ? [] : [document.name, ...document.aliases]

/** The titles and descriptions of a speaker: an unnamed source's name is one. */
const descriptionsOf = (document: NameDocument) =>
  document.anonymous ? [document.name, ...document.titles] : document.titles

/** The describing words and initials of a title. */
const titleWordsOf = (title: string) => [...describingWords(title), ...initialsOf(title)]

/** The words of a title or description that say something: not "a", "of", "the". */
const describingWords = (text: string) =>
  words(text).filter((w) => w.length > 1 && !STOPWORDS.has(w))

/**
 * The initials of each run of two or more capitalised words in a title, small joining words
 * passed over: "Drug Enforcement Administration’s special agent" → "dea", "Department of
 * Justice" → "doj". A query says "the DEA agent" of a title that spells the agency out.
 */
function initialsOf(title: string): string[] {
  const found: string[] = []
  let run = ''
  for (const word of title.split(/\s+/)) {
    if (/^\p{Lu}/u.test(word)) run += word[0]!.toLowerCase()
    else if (!/^(of|for|and|the)$/.test(word)) {
      if (run.length >= 2) found.push(run)
      run = ''
    }
  }
  if (run.length >= 2) found.push(run)
  return found
}

/**
 * The words of `present` that name this speaker, or null: the last word of its name or an alias
 * (a named person's surname, "Sheinbaum"), with the rest of that name when given; or two or more
 * describing words (or initials) of a title or description ("DEA agent" for "the Drug Enforcement
 * Administration's special agent", "defense minister"; "official" alone is too vague).
 */
function namingWords(
  document: NameDocument,
  present: ReadonlySet<string>,
): { words: string[]; byTitle: boolean } | null {
  for (const name of namesOf(document)) {
    const parts = words(name)
    const last = parts.at(-1)
    if (last && last.length > 2 && !STOPWORDS.has(last) && present.has(last)) {
      return { words: parts.filter((w) => present.has(w)), byTitle: false }
    }
  }
  for (const description of descriptionsOf(document)) {
    const held = [...new Set(titleWordsOf(description).filter((w) => present.has(w)))]
    if (held.length >= 2) return { words: held, byTitle: true }
  }
  return null
}

/**
 * The words by which a speaker may be recognised: surnames (the last word of a named speaker's
 * name or alias) and the describing words and initials of titles and descriptions.
 */
function recognitionWords(document: NameDocument): { surnames: string[]; titleWords: string[] } {
  if (document.kind !== 'speaker') return { surnames: [], titleWords: [] }
  const surnames = namesOf(document).flatMap((name) => words(name).slice(-1))
  const titleWords = descriptionsOf(document).flatMap(titleWordsOf)
  return { surnames: [...new Set(surnames)], titleWords: [...new Set(titleWords)] }
}

/** Adds (or removes) an entry id under each of `keys`. */
function posting(map: Map<string, Set<string>>, keys: string[], id: string, add: boolean): void {
  for (const key of keys) {
    const ids = map.get(key)
    if (add) map.set(key, (ids ?? new Set()).add(id))
    else if (ids) {
      ids.delete(id)
      if (ids.size === 0) map.delete(key)
    }
  }
}

const documentId = (kind: NameKind, id: number) => `${kind}:${id}`

/** A name's key for exact matching: its folded words, joined. */
const exactKey = (kind: NameKind, name: string) => `${kind}:${words(name).join(' ')}`

export class NameIndex {
  readonly #index = new MiniSearch<IndexedName>({
    fields: ['name', 'aliases', 'titles'],
    storeFields: ['kind', 'slug'],
    tokenize: (text) => words(text),
    // Words arrive folded from `tokenize`; the default processing would only lower-case them again.
    processTerm: (term) => term,
  })

  /** Slugs by exact name or alias. */
  readonly #byName = new Map<string, Set<string>>()
  /** The slug and exact-name keys of each entry, to drop them when it changes. */
  readonly #keysOf = new Map<string, Entry>()
  /** Unnamed sources' slugs by description (`nameKey`): those described alike. */
  readonly #byDescription = new Map<string, Set<string>>()
  /** Speakers by surname, and by each describing word (or initials) of their titles. */
  readonly #bySurname = new Map<string, Set<string>>()
  readonly #byTitleWord = new Map<string, Set<string>>()
  /** False while the index is still being filled at start. */
  loaded = true

  constructor(documents: Iterable<NameDocument> = []) {
    for (const document of documents) this.upsert(document)
  }

  /** Adds a speaker or outlet, or replaces what the index knew of it. */
  upsert(document: NameDocument): void {
    const id = documentId(document.kind, document.id)
    this.remove(document.kind, document.id)
    const keys = [document.name, ...document.aliases].map((name) => exactKey(document.kind, name))
    posting(this.#byName, keys, document.slug, true)
    const indexed = {
      id,
      kind: document.kind,
      slug: document.slug,
      name: document.name,
      aliases: document.aliases.join(' \n '),
      titles: document.titles.join(' \n '),
    }
    const entry = { keys, indexed, document }
    this.#keysOf.set(id, entry)
    if (document.anonymous)
      posting(this.#byDescription, [nameKey(document.name)], document.slug, true)
    const { surnames, titleWords } = recognitionWords(document)
    posting(this.#bySurname, surnames, id, true)
    posting(this.#byTitleWord, titleWords, id, true)
    this.#index.add(indexed)
  }

  /** Removes a speaker or outlet (after a delete or a merge), by its id. */
  remove(kind: NameKind, entityId: number): void {
    const id = documentId(kind, entityId)
    const known = this.#keysOf.get(id)
    if (!known) return
    // Removed with its exact words (not discarded), so that scores stay as a fresh index's.
    this.#index.remove(known.indexed)
    posting(this.#byName, known.keys, known.document.slug, false)
    this.#keysOf.delete(id)
    if (known.document.anonymous) {
      posting(this.#byDescription, [nameKey(known.document.name)], known.document.slug, false)
    }
    const { surnames, titleWords } = recognitionWords(known.document)
    posting(this.#bySurname, surnames, id, false)
    posting(this.#byTitleWord, titleWords, id, false)
  }

  /** The speakers (or outlets) whose name or an alias is exactly `name`, case and accents aside. */
  named(kind: NameKind, name: string): string[] {
    return [...(this.#byName.get(exactKey(kind, name)) ?? [])]
  }

  /**
   * The unnamed sources described as `description` ("a U.S. official", "A US official": one
   * speaker per article that quoted one), by the key names are matched by (`nameKey`).
   */
  describedAs(description: string): string[] {
    return [...(this.#byDescription.get(nameKey(description)) ?? [])]
  }

  /**
   * Speakers or outlets matching every word of `query`, best first; the last word is a prefix.
   * Typos are forgiven only when nothing matches as typed, so "latimes" finds the Los Angeles Times
   * and not also "nytimes", while "hegseht" still finds Hegseth.
   */
  search(kind: NameKind, typed: string): NameMatch[] {
    const query = withoutInvisibles(typed)
    const exact = this.#search(kind, query, false)
    return exact.length > 0 ? exact : this.#search(kind, query, true)
  }

  /**
   * The speakers the words of a query name (see `namingWords`), best match first, at most `limit`:
   * "what Sheinbaum said" names Claudia Sheinbaum, "the DEA agent on drones" the speakers
   * described as a DEA agent.
   */
  recogniseSpeakers(queryWords: readonly string[], limit: number): RecognisedSpeaker[] {
    const present = new Set(queryWords)
    const candidates = new Set<string>()
    for (const word of present) {
      if (word.length > 2 && !STOPWORDS.has(word)) {
        for (const id of this.#bySurname.get(word) ?? []) candidates.add(id)
      }
    }
    // A title needs two of its words in the query: every speaker holding two is in one of the
    // smaller lists, so the largest is only looked into.
    const lists = [...present]
      .map((word) => this.#byTitleWord.get(word))
      .filter((ids): ids is Set<string> => ids !== undefined)
      .sort((a, b) => a.size - b.size)
    for (let i = 0; i < lists.length - 1; i++) {
      for (const id of lists[i]!) {
        if (!candidates.has(id) && lists.some((other, j) => j > i && other.has(id))) {
          candidates.add(id)
        }
      }
    }
    const recognised: RecognisedSpeaker[] = []
    for (const id of candidates) {
      const entry = this.#keysOf.get(id)
      const naming = entry && namingWords(entry.document, present)
      if (!entry || !naming) continue
      const { id: speakerId, slug, name } = entry.document
      recognised.push({ id: speakerId, slug, name, ...naming })
    }
    // Named by most of the query's words first, by name before by title, then by slug.
    return recognised
      .sort(
        (a, b) =>
          b.words.length - a.words.length ||
          Number(a.byTitle) - Number(b.byTitle) ||
          (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
      )
      .slice(0, limit)
  }

  #search(kind: NameKind, query: string, forgiving: boolean): NameMatch[] {
    return (
      this.#index
        .search(query, {
          filter: (result) => result.kind === kind,
          combineWith: 'AND',
          boost: NAMES.boost,
          prefix: (_term, i, terms) => i === terms.length - 1,
          fuzzy: (term) => forgiving && term.length >= NAMES.fuzzyMinLength && NAMES.fuzzy,
        })
        .map((result) => {
          const { document } = this.#keysOf.get(result.id as string)!
          const { slug, name, anonymous } = document
          return { kind, slug, name, anonymous, score: result.score }
        })
        // Equal scores by slug: the index's own order of ties follows the order names were added.
        .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    )
  }
}
