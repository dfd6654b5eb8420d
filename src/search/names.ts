/**
 * Speakers and outlets by every name they go by, for autocomplete and for finding a speaker by a
 * misspelt name, an alias or a title ("defense minister"). A small MiniSearch index derived from
 * SQLite at start-up and updated after each committed write.
 */
import MiniSearch from 'minisearch'
import type { NameDocument } from '../domain/store'
import { withoutInvisibles, words } from './normalize'
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

const documentId = (kind: NameKind, id: number) => `${kind}:${id}`

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
  /** The slug and exact-name keys of each entry, to drop them when it changes. */
  readonly #keysOf = new Map<string, { slug: string; keys: string[]; indexed: IndexedName }>()

  constructor(documents: Iterable<NameDocument> = []) {
    for (const document of documents) this.upsert(document)
  }

  /** Adds a speaker or outlet, or replaces what the index knew of it. */
  upsert(document: NameDocument): void {
    const id = documentId(document.kind, document.id)
    this.remove(document.kind, document.id)
    const keys = [document.name, ...document.aliases].map((name) => exactKey(document.kind, name))
    for (const key of keys)
      this.#byName.set(key, (this.#byName.get(key) ?? new Set()).add(document.slug))
    const indexed = {
      id,
      kind: document.kind,
      slug: document.slug,
      name: document.name,
      aliases: document.aliases.join(' \n '),
      titles: document.titles.join(' \n '),
    }
    this.#keysOf.set(id, { slug: document.slug, keys, indexed })
    this.#index.add(indexed)
  }

  /** Removes a speaker or outlet (after a delete or a merge), by its id. */
  remove(kind: NameKind, entityId: number): void {
    const id = documentId(kind, entityId)
    const known = this.#keysOf.get(id)
    if (!known) return
    // Removed with its exact words (not discarded), so that scores stay as a fresh index's.
    this.#index.remove(known.indexed)
    for (const key of known.keys) this.#byName.get(key)?.delete(known.slug)
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
  search(kind: NameKind, typed: string): NameMatch[] {
    const query = withoutInvisibles(typed)
    const exact = this.#search(kind, query, false)
    return exact.length > 0 ? exact : this.#search(kind, query, true)
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
        .map((result) => ({ kind, slug: result.slug as string, score: result.score }))
        // Equal scores by slug: the index's own order of ties follows the order names were added.
        .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    )
  }
}
