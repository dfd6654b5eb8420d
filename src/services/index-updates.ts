/**
 * Keeping the in-memory search indexes in step with the database. After a write commits, the words
 * and names it touched are re-read from SQLite (never before the commit, so a failed write leaves
 * the indexes as they were). When another process writes to the database (an import from the
 * command line), SQLite's data version moves and the indexes are rebuilt in the background.
 */
import { addNewFacts, buildSearchIndexes, loadFacts } from '../search/indexes'
import { indexTerms } from '../search/normalize'
import type { ServiceContext } from './context'

/** What a committed write changed. */
export interface WriteChanges {
  /** Quotes added or changed. */
  quoteIds?: number[]
  /** The indexed documents of quotes removed, read before the removal. */
  removedDocuments?: string[]
  /** Other texts whose words may have gained or lost quotes (a speaker's old and new names). */
  texts?: string[]
  speakers?: string[]
  outlets?: string[]
  removedSpeakers?: string[]
  removedOutlets?: string[]
  /** Quotes deleted. */
  removedQuoteIds?: number[]
  /** True when the write moved many quotes at once (a merge): the facts are read again whole. */
  reloadFacts?: boolean
}

/** What a write's work gives back: the answer for the caller, and what it changed. */
export interface Written<T> {
  value: T
  changes: WriteChanges
  /** False to roll the write back and still answer `value` (a refused import's report). */
  commit?: boolean
}

/**
 * Takes a committed write's changes into the in-memory indexes. Should that fail, they are rebuilt
 * whole before the next search (see `watchForOutsideWrites`).
 */
export async function takeInWrite(context: ServiceContext, changes: WriteChanges): Promise<void> {
  await refreshAfterWrite(context, changes).catch((error: unknown) => {
    context.indexes.version = -1
    throw error
  })
}

/** The number that moves when another process commits (see `ServiceContext.outsideVersion`). */
export const outsideVersion = (context: ServiceContext): Promise<number> =>
  context.outsideVersion ? context.outsideVersion() : context.store.dataVersion()

/**
 * Builds the indexes afresh and swaps them in; answers cached from the old ones are then stale.
 * A write this process makes while they are read was applied to the old indexes and may be missing
 * from the new: then they are read again, so that none is lost.
 */
export async function rebuildIndexes(context: ServiceContext): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const revision = context.indexes.revision
    // Read before the indexes: a commit by another process during the build is seen as one later.
    const version = await outsideVersion(context)
    const fresh = { ...(await buildSearchIndexes(context.store)), version }
    if (context.indexes.revision === revision || attempt === 5) {
      if (context.indexes.revision !== revision) {
        console.error(
          'quotedb: writes kept coming while the indexes were rebuilt; rebuilding once more later.',
        )
        fresh.version = -1
      }
      Object.assign(context.indexes, fresh, { revision: context.indexes.revision + 1 })
      return
    }
  }
}

/** Brings the in-memory facts up to date with a committed write. */
async function refreshFacts(context: ServiceContext, changes: WriteChanges): Promise<void> {
  const { store, indexes } = context
  if (changes.reloadFacts) {
    indexes.facts = await loadFacts(store)
    return
  }
  indexes.facts.removeQuotes(changes.removedQuoteIds ?? [])
  // New quotes (and their new articles) first; then quotes changed in place.
  const knownBefore = indexes.facts.lastQuoteId
  await addNewFacts(store, indexes.facts)
  const changed = (changes.quoteIds ?? []).filter((id) => id <= knownBefore)
  if (changed.length > 0) indexes.facts.setQuotes(await store.quoteFactsOf(changed))
}

/** Quotes (and names) read at a time when a write is taken in: a large import is read in slices. */
const REFRESH_CHUNK = 1000

/** Lets the event loop answer what is waiting between two slices. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/** `list` in slices of `REFRESH_CHUNK`, with a pause between two. */
async function* slices<T>(list: T[]): AsyncGenerator<T[]> {
  for (let i = 0; i < list.length; i += REFRESH_CHUNK) {
    if (i > 0) await pause()
    yield list.slice(i, i + REFRESH_CHUNK)
  }
}

/**
 * Updates the facts, the typo vocabulary and the name index after a committed write, reading
 * what it touched in slices: linear in the size of the write, never a rebuild.
 */
export async function refreshAfterWrite(
  context: ServiceContext,
  changes: WriteChanges,
): Promise<void> {
  const { store, indexes } = context
  await refreshFacts(context, changes)
  // The vocabulary and names may still be loading at start: an update must come after the load,
  // not be overwritten by it. If the load failed, there is nothing to update.
  const loaded = await indexes.complete.then(
    () => true,
    () => false,
  )
  if (!loaded) {
    indexes.revision++
    return
  }
  // A quote's words gain one document each, a removed (or replaced) document's lose one: counted
  // here exactly, where asking the index would count every posting list of words such as "the".
  const counted = new Map<string, number>()
  const tally = (documents: string[], change: 1 | -1) => {
    for (const document of documents) {
      for (const term of new Set(indexTerms(document))) {
        counted.set(term, (counted.get(term) ?? 0) + change)
      }
    }
  }
  const speakers = new Set(changes.speakers ?? [])
  const outlets = new Set(changes.outlets ?? [])
  for await (const ids of slices(changes.quoteIds ?? [])) {
    tally(await store.searchDocuments(ids), 1)
    const referenced = await store.quoteReferences(ids)
    for (const slug of referenced.speakers) speakers.add(slug)
    for (const slug of referenced.outlets) outlets.add(slug)
  }
  tally(changes.removedDocuments ?? [], -1)
  indexes.vocabulary.adjust(counted)
  // A renamed speaker or outlet changes the documents of all their quotes: those words are
  // counted again from the index.
  const renamed = changes.texts ?? []
  if (renamed.length > 0) {
    indexes.vocabulary.update(await store.termCounts([...new Set(renamed.flatMap(indexTerms))]))
  }
  for await (const slugs of slices([...speakers])) {
    for (const document of await store.nameDocumentsOf('speaker', slugs))
      indexes.names.upsert(document)
  }
  for await (const slugs of slices([...outlets])) {
    for (const document of await store.nameDocumentsOf('outlet', slugs))
      indexes.names.upsert(document)
  }
  for (const slug of changes.removedSpeakers ?? []) indexes.names.remove('speaker', slug)
  for (const slug of changes.removedOutlets ?? []) indexes.names.remove('outlet', slug)
  indexes.revision++
}

/**
 * Watches for writes by other processes: call `check()` before a search; when the database changed
 * behind our back, the indexes are rebuilt in the background and swapped in when ready.
 */
export function watchForOutsideWrites(context: ServiceContext) {
  let rebuilding: Promise<void> | null = null
  return {
    async check(): Promise<void> {
      // The indexes know the data version they were read at: another process's commit since,
      // even one before this server's first search, moves it.
      if (rebuilding || (await outsideVersion(context)) === context.indexes.version) return
      rebuilding = rebuildIndexes(context)
        .catch((error: unknown) =>
          console.error('quotedb: rebuilding the search indexes failed:', error),
        )
        .finally(() => {
          rebuilding = null
        })
    },
    /** Resolves when a rebuild under way (if any) is done. */
    settled: () => rebuilding ?? Promise.resolve(),
  }
}
