/**
 * The in-memory search indexes, derived from the store at start-up. SQLite stays the source of
 * truth: either index can be thrown away and rebuilt from it at any time.
 */
import type { Store } from '../domain/store'
import { NameIndex } from './names'
import { Vocabulary } from './typos'

export interface SearchIndexes {
  /** The indexed words, for typo correction. */
  vocabulary: Vocabulary
  /** Speakers and outlets by every name, for autocomplete. */
  names: NameIndex
}

/** Builds both indexes from what the store holds now. */
export async function buildSearchIndexes(store: Store): Promise<SearchIndexes> {
  const [terms, names] = await Promise.all([store.vocabulary(), store.nameDocuments()])
  return { vocabulary: new Vocabulary(terms), names: new NameIndex(names) }
}
