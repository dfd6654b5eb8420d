/**
 * The in-memory search indexes, derived from the store at start-up and kept up to date by the
 * change feed (see `services/index-follower.ts`). SQLite stays the source of truth: any of them
 * can be thrown away and rebuilt from it at any time.
 *
 * The facts come first: every search needs them. The vocabulary and the name index follow in the
 * background, a slice at a time, so that a server over a million quotes answers its first search
 * while they load (reading the vocabulary means counting every posting list in the index).
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
  /** Resolves when the vocabulary and the name index hold everything. */
  complete: Promise<void>
  /** Counts the times changes were applied to the indexes; answers cached before are stale. */
  revision: number
  /**
   * The position in the change feed the facts have applied: read before the load began, so that
   * any change made during it is applied again after.
   */
  position: number
}

/** The first characters at which the vocabulary is read in slices: digits, each letter, the rest. */
const VOCABULARY_SLICES = ['', 'a', ...'bcdefghijklmnopqrstuvwxyz', '{']

/** Names added to the name index between two pauses. */
const NAME_CHUNK = 2000

/** Lets waiting requests run between two slices of loading. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Opens the indexes: the facts now, the vocabulary and name index in the background (see
 * `complete`). A search that needs a word the vocabulary has not loaded yet waits for it.
 */
export async function openSearchIndexes(store: Store): Promise<SearchIndexes> {
  const position = await store.head()
  const facts = await loadFacts(store)
  const vocabulary = new Vocabulary()
  vocabulary.loaded = false
  const names = new NameIndex()
  names.loaded = false
  const indexes: SearchIndexes = {
    vocabulary,
    names,
    facts,
    complete: Promise.resolve(),
    revision: 0,
    position,
  }
  indexes.complete = (async () => {
    for (let i = 0; i < VOCABULARY_SLICES.length; i++) {
      vocabulary.add(
        await store.vocabularyBetween(VOCABULARY_SLICES[i]!, VOCABULARY_SLICES[i + 1] ?? null),
      )
      await pause()
    }
    vocabulary.loaded = true
    // Answers cached while it loaded found no other forms of their words: stale now.
    indexes.revision++
    const documents = await store.nameDocuments()
    for (let i = 0; i < documents.length; i += NAME_CHUNK) {
      for (const document of documents.slice(i, i + NAME_CHUNK)) names.upsert(document)
      await pause()
    }
    names.loaded = true
    // Nor had they recognised any speaker.
    indexes.revision++
  })()
  // A failure shows where it is awaited; never as an unhandled rejection at start.
  indexes.complete.catch(() => undefined)
  return indexes
}

/**
 * How many quotes (and articles) are read at a time when the facts are loaded; the event loop
 * answers what waits between two reads.
 */
const FACT_CHUNK = 50_000

/** The facts of every quote, read in chunks. */
export async function loadFacts(store: Store): Promise<QuoteFacts> {
  const facts = new QuoteFacts()
  await addFacts(store, facts)
  return facts
}

/** Reads the facts of every article and quote, in chunks by id. */
async function addFacts(store: Store, facts: QuoteFacts): Promise<void> {
  const { quote: lastQuote, article: lastArticle } = await store.maxIds()
  // Pauses only for a load of more than one chunk: a write's few new quotes are read at once.
  facts.setSpeakers(await store.speakerFacts(null))
  const many = lastQuote - facts.lastQuoteId > FACT_CHUNK
  let reads = 0
  const between = () => (many && reads++ > 0 ? pause() : undefined)
  for (let after = facts.lastArticleId; after < lastArticle; after += FACT_CHUNK) {
    await between()
    facts.setArticles(await store.articleFacts(after, Math.min(after + FACT_CHUNK, lastArticle)))
  }
  for (let after = facts.lastQuoteId; after < lastQuote; after += FACT_CHUNK) {
    await between()
    facts.setQuotes(await store.quoteFacts(after, Math.min(after + FACT_CHUNK, lastQuote)))
  }
}

/** Builds every index from what the store holds now, and waits until all are complete. */
export async function buildSearchIndexes(store: Store): Promise<SearchIndexes> {
  const indexes = await openSearchIndexes(store)
  await indexes.complete
  return indexes
}
