/**
 * The in-memory search indexes, derived from the store at start-up. SQLite stays the source of
 * truth: either index can be thrown away and rebuilt from it at any time.
 */
import type { Store } from '../domain/store'
import { NameIndex } from './names'
import { QuoteFacts } from './quote-facts'
import { Vocabulary } from './typos'

export interface SearchIndexes {
  /** The indexed words, for typo correction. */
  vocabulary: Vocabulary
  /** Speakers and outlets by every name, for autocomplete. */
  names: NameIndex
  /** What every quote is filtered, counted and ordered by. */
  facts: QuoteFacts
}

/** How many quotes (and articles) are read at a time when the facts are loaded. */
const FACT_CHUNK = 200_000

/** The facts of every quote, read in chunks. */
export async function loadFacts(store: Store): Promise<QuoteFacts> {
  const facts = new QuoteFacts()
  await addNewFacts(store, facts)
  return facts
}

/**
 * Reads the facts of the articles and quotes added since the facts were last read (ids only
 * grow), in chunks. True when there were any.
 */
export async function addNewFacts(store: Store, facts: QuoteFacts): Promise<boolean> {
  const { quote: lastQuote, article: lastArticle } = await store.maxIds()
  if (lastQuote <= facts.lastQuoteId && lastArticle <= facts.lastArticleId) return false
  for (let after = facts.lastArticleId; after < lastArticle; after += FACT_CHUNK) {
    facts.setArticles(await store.articleFacts(after, Math.min(after + FACT_CHUNK, lastArticle)))
  }
  for (let after = facts.lastQuoteId; after < lastQuote;) {
    const chunk = await store.quoteFacts(after, FACT_CHUNK)
    if (chunk.ids.length === 0) break
    facts.setQuotes(chunk)
    after = chunk.ids[chunk.ids.length - 1]!
  }
  return true
}

/** Builds both indexes from what the store holds now. */
export async function buildSearchIndexes(store: Store): Promise<SearchIndexes> {
  const facts = await loadFacts(store)
  const [terms, names] = await Promise.all([store.vocabulary(), store.nameDocuments()])
  return { vocabulary: new Vocabulary(terms), names: new NameIndex(names), facts }
}
