/**
 * Speakers and outlets by every name they go by, for autocomplete and for finding a speaker by a
 * misspelt name, an alias or a title ("defense minister"). A small MiniSearch index derived from
 * SQLite at start-up and updated after each committed write.
 */
import MiniSearch from 'minisearch'
import type { NameDocument } from '../domain/store'
import { words } from './normalize'
import { NAMES } from './options'

export type NameKind = NameDocument['kind']

/** A speaker or outlet that matched, best first. */
export interface NameMatch {
  kind: NameKind
  slug: string
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

const documentId = (kind: NameKind, slug: string) => `${kind}:${slug}`

/** A name's key for exact matching: its folded words, joined. */
const exactKey = (kind: NameKind, name: string) => `${kind}:${words(name).join(' ')}`

/** The name index: search-as-you-type over speakers and outlets, forgiving typos. */
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
  /** The exact-name keys of each entry, to drop them when it changes. */
  readonly #keysOf = new Map<string, string[]>()

  constructor(documents: Iterable<NameDocument> = []) {
    for (const document of documents) this.upsert(document)
  }

  /** Adds a speaker or outlet, or replaces what the index knew of it. */
  upsert(document: NameDocument): void {
    const id = documentId(document.kind, document.slug)
    this.remove(document.kind, document.slug)
    const keys = [document.name, ...document.aliases].map((name) => exactKey(document.kind, name))
    for (const key of keys)
      this.#byName.set(key, (this.#byName.get(key) ?? new Set()).add(document.slug))
    this.#keysOf.set(id, keys)
    this.#index.add({
      id,
      kind: document.kind,
      slug: document.slug,
      name: document.name,
      aliases: document.aliases.join(' \n '),
      titles: document.titles.join(' \n '),
    })
  }

  /** Removes a speaker or outlet (after a delete or a merge). */
  remove(kind: NameKind, slug: string): void {
    const id = documentId(kind, slug)
    if (this.#index.has(id)) this.#index.discard(id)
    for (const key of this.#keysOf.get(id) ?? []) this.#byName.get(key)?.delete(slug)
    this.#keysOf.delete(id)
  }

  /** The speakers (or outlets) whose name or an alias is exactly `name`, case and accents aside. */
  named(kind: NameKind, name: string): string[] {
    return [...(this.#byName.get(exactKey(kind, name)) ?? [])]
  }

  /**
   * Speakers or outlets matching every word of `query`, best first; the last word is a prefix.
   * Typos are forgiven only when nothing matches as typed, so "latimes" finds the Los Angeles Times
   * and not also "nytimes", while "hegseht" still finds Hegseth.
   */
  search(kind: NameKind, query: string): NameMatch[] {
    const exact = this.#search(kind, query, false)
    return exact.length > 0 ? exact : this.#search(kind, query, true)
  }

  #search(kind: NameKind, query: string, forgiving: boolean): NameMatch[] {
    return this.#index
      .search(query, {
        filter: (result) => result.kind === kind,
        combineWith: 'AND',
        boost: NAMES.boost,
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => forgiving && term.length >= NAMES.fuzzyMinLength && NAMES.fuzzy,
      })
      .map((result) => ({ kind, slug: result.slug as string, score: result.score }))
  }
}
