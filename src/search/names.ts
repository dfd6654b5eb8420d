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

/** The name index: search-as-you-type over speakers and outlets, forgiving typos. */
export class NameIndex {
  readonly #index = new MiniSearch<IndexedName>({
    fields: ['name', 'aliases', 'titles'],
    storeFields: ['kind', 'slug'],
    tokenize: (text) => words(text),
    // Words arrive folded from `tokenize`; the default processing would only lower-case them again.
    processTerm: (term) => term,
  })

  constructor(documents: Iterable<NameDocument> = []) {
    for (const document of documents) this.upsert(document)
  }

  /** Adds a speaker or outlet, or replaces what the index knew of it. */
  upsert(document: NameDocument): void {
    const id = documentId(document.kind, document.slug)
    if (this.#index.has(id)) this.#index.discard(id)
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
