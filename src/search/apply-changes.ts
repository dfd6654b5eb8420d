/**
 * Applying entries of the change feed to the in-memory search indexes: the one path by which every
 * change — made through the API, an import, the command line, another process or a hand-run SQL
 * statement — reaches the facts, the typo vocabulary and the name index.
 *
 * Everything is read from the database as it is now, so applying an entry twice does no harm,
 * with one exception kept exact by design: a new quote adds one to the count of each of its words
 * (counting the word in the index instead would walk the posting list of every "the"). Words that
 * may have lost quotes — an edited text, a renamed speaker, a deleted quote — are counted again
 * from the index, which is always right.
 */
import type { Change, ChangeOp, StoreReads } from '../domain/store'
import type { SearchIndexes } from './indexes'
import { indexTerms } from './normalize'

/** What to bring up to date. */
export interface ApplyOptions {
  /** Whether to bring the facts up to date. */
  facts: boolean
  /**
   * The vocabulary and name index, or false to leave them for later. They hold exactly the state
   * before the changes after `recountUntil`; changes up to it they may hold already (they were
   * loaded while those were made), so every word those touched is counted again (0: none;
   * Infinity: all).
   */
  words: { recountUntil: number } | false
}

/** Ids read from the database at a time; the event loop answers what waits between two reads. */
const SLICE = 1000

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

async function* slices<T>(list: T[]): AsyncGenerator<T[]> {
  for (let i = 0; i < list.length; i += SLICE) {
    if (i > 0) await pause()
    yield list.slice(i, i + SLICE)
  }
}

/** What the changes did to one record. */
interface Touched {
  first: ChangeOp
  ops: Set<ChangeOp>
  /** The position of its insert among the changes, if it was inserted. */
  insertedAt: number | null
  /** Words the changes took out of search documents. */
  removed: string[]
}

type Touches = Map<number, Touched>

function group(changes: Change[]) {
  const touched = { quote: new Map(), article: new Map(), speaker: new Map(), outlet: new Map() }
  for (const change of changes) {
    const records: Touches = touched[change.entity]
    let record = records.get(change.id)
    if (!record) {
      record = { first: change.op, ops: new Set(), insertedAt: null, removed: [] }
      records.set(change.id, record)
    }
    record.ops.add(change.op)
    if (change.op === 'insert') record.insertedAt = change.seq
    if (change.removedWords !== null) record.removed.push(change.removedWords)
  }
  return touched as Record<Change['entity'], Touches>
}

/**
 * Whether the words of a speaker's (or outlet's) names may have gained or lost quotes: a quote
 * was moved to or from it, or it was renamed, lost an alias or was deleted after it had quotes.
 * (A record new in these changes has only new quotes, whose words are counted with them.)
 */
const namesMoved = (t: Touched) =>
  t.ops.has('refs') ||
  (t.first !== 'insert' && (t.ops.has('names') || t.ops.has('delete') || t.removed.length > 0))

/** Applies `changes`, in feed order, to `indexes`; see the module comment. */
export async function applyChanges(
  store: StoreReads,
  indexes: SearchIndexes,
  changes: Change[],
  options: ApplyOptions,
): Promise<void> {
  if (changes.length === 0) return
  const touched = group(changes)
  if (options.facts) await applyToFacts(store, indexes, touched)
  if (options.words) await applyToWords(store, indexes, touched, options.words.recountUntil)
  indexes.revision++
}

async function applyToFacts(
  store: StoreReads,
  { facts }: SearchIndexes,
  touched: Record<Change['entity'], Touches>,
): Promise<void> {
  for await (const ids of slices([...touched.speaker.keys()])) {
    facts.setSpeakers(await store.speakerFacts(ids))
  }
  // Articles first: a quote's facts are read with its article's.
  for await (const ids of slices([...touched.article.keys()])) {
    facts.setArticles(await store.articleFactsOf(ids))
  }
  for await (const ids of slices([...touched.quote.keys()])) {
    const columns = await store.quoteFactsOf(ids)
    facts.setQuotes(columns)
    const present = new Set(columns.ids)
    facts.removeQuotes(ids.filter((id) => !present.has(id)))
  }
}

async function applyToWords(
  store: StoreReads,
  { vocabulary, names }: SearchIndexes,
  touched: Record<Change['entity'], Touches>,
  recountUntil: number,
): Promise<void> {
  const added = new Map<string, number>()
  const recount = new Set<string>()
  const toRecount = (text: string) => {
    for (const term of indexTerms(text)) recount.add(term)
  }
  for await (const ids of slices([...touched.quote.keys()])) {
    const documents = await store.searchDocumentsOf(ids)
    for (const id of ids) {
      const quote = touched.quote.get(id)!
      const document = documents.get(id)
      if (document && quote.insertedAt !== null) {
        const whole = `${document.own} ${document.names}`
        if (quote.insertedAt <= recountUntil) toRecount(whole)
        else
          for (const term of new Set(indexTerms(whole))) added.set(term, (added.get(term) ?? 0) + 1)
      }
      if (quote.removed.length === 0) continue
      // An edited or deleted quote: its old words and its new ones are counted again.
      for (const words of quote.removed) toRecount(words)
      if (document) toRecount(document.own)
    }
  }
  for (const kind of ['speaker', 'outlet'] as const) {
    const records = touched[kind]
    const moved = [...records].filter(([, t]) => namesMoved(t)).map(([id]) => id)
    for await (const ids of slices(moved)) {
      const words = await store.entityWords(kind, ids)
      for (const id of ids) {
        for (const removed of records.get(id)!.removed) toRecount(removed)
        toRecount(words.get(id) ?? '')
      }
    }
    // The name index holds names, aliases and titles: a moved quote changes none of them.
    const renamed = [...records].filter(([, t]) => t.ops.size > 1 || !t.ops.has('refs'))
    for await (const ids of slices(renamed.map(([id]) => id))) {
      const documents = await store.nameDocumentsOf(kind, ids)
      const present = new Set(documents.map((d) => d.id))
      for (const document of documents) names.upsert(document)
      for (const id of ids) if (!present.has(id)) names.remove(kind, id)
    }
  }
  // Counted again last: what the index holds now is right, whatever was added before.
  vocabulary.adjust(added)
  for await (const terms of slices([...recount])) vocabulary.update(await store.termCounts(terms))
}
