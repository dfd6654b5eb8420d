/**
 * The search plan: how a search is answered fast at a million quotes.
 *
 * 1. The store's index gives the ids of every quote the words match — in SQLite, a pass over the
 *    FTS5 posting lists, no scoring (without words: every quote).
 * 2. One pass over those ids in memory (`QuoteFacts`) applies the filters and counts the total
 *    and every facet — exact, over the whole match set.
 * 3. The page: by date, chosen in memory; by relevance, the index ranks the passing quotes of
 *    a bounded window — the most recently added `RANKING.window` of them — so a very common word
 *    costs no more than a rarer one. Quotes beyond the window follow, newest first.
 * 4. SQLite reads the chains of that one page; their snippets are cut in memory.
 */
import type { MatchMode, QuoteCriteria, QuoteMatches, StoredFacet } from '../domain/store'
import type { FacetName } from '../domain/types'
import {
  KIND_CODES,
  KINDS_BY_CODE,
  dayNumber,
  type FactCounts,
  type FactFilters,
  type ValueCounts,
} from '../search/quote-facts'
import { nameKey } from '../domain/identity'
import { RANKING, UNNAMED_ALIKE } from '../search/options'
import { hasWantedClause, type HighlightPhrase, type SearchClause } from '../search/query'
import { snippetOf } from '../search/snippet'
import type { RecognisedSpeaker } from '../search/names'
import type { Vocabulary } from '../search/typos'
import type { ServiceContext } from './context'

const KIND_LABELS = {
  direct: 'Direct quotation',
  partial: 'Partial quotation',
  paraphrase: 'Paraphrase',
} as const

/** The quotes a search selects: all it matched, those passing the filters, and facet counts. */
export interface Selection extends MatchMode {
  ids: Int32Array
  passing: Int32Array
  counts: FactCounts
  /** Partial matches: how many of the wanted words and phrases each holds, by id. */
  held?: Uint8Array
  named: NamedSpeakers
}

/**
 * Steps 1 and 2 of the plan: the ids of every quote matching the words and passing the filters,
 * in ascending order, with the facet counts over them. When no quote passing the filters holds
 * every word, those holding the most of them are selected instead (`mode: 'partial'`). Searches
 * and exports both select here.
 */
export async function selectQuotes(
  context: ServiceContext,
  {
    clauses,
    filters,
    speakers,
    exact,
  }: Pick<QuoteCriteria, 'clauses' | 'filters'> & {
    /** Speakers the words name (see `search/read-query.ts`). */
    speakers: RecognisedSpeaker[]
    exact: boolean
  },
): Promise<Selection> {
  const named = namedSpeakers(speakers)
  const { store, indexes } = context
  const [speakerIds, outletIds, citedIds] = await Promise.all([
    store.idsBySlug('speaker', filters.speakers),
    store.idsBySlug('outlet', filters.outlets),
    store.idsBySlug('outlet', filters.cited),
  ])
  const factFilters: FactFilters = {
    speakers: [...speakerIds.values()],
    outlets: [...outletIds.values()],
    cited: [...citedIds.values()],
    kinds: filters.kinds.map((kind) => KIND_CODES[kind]),
    fromDay: filters.from ? dayNumber(filters.from) : null,
    toDay: filters.to ? dayNumber(filters.to) : null,
    anonymous: filters.anonymous,
  }
  const wanted = clauses?.filter((c) => !c.negated) ?? []
  const byNamed =
    clauses !== null && named.byTitle.ids.length > 0
      ? await saidByNamed(context, clauses, named)
      : null
  const ids =
    clauses === null
      ? indexes.facts.allIds()
      : await matchingOrSaidBy(context, clauses, named, byNamed)
  const all = { ...indexes.facts.count(ids, factFilters), ids }
  const whole = { mode: 'all', wordsHeld: wanted.length, wordsWanted: wanted.length } as const
  // Partial matches only when no statement at all holds every word: a filter that keeps out the
  // statements that do is a filter to loosen, and the facets of a partial search stay true when
  // one of them is chosen.
  if (clauses === null || exact || ids.length > 0 || wanted.length < 2) {
    return { ...all, ...whole, named }
  }
  const partial = await partialSelection(context, clauses, factFilters, named, byNamed)
  return { ...(partial ?? { ...all, ...whole }), named }
}

/** The statements of the speakers named by title, but none holding an excluded word. */
async function saidByNamed(
  { store, indexes }: ServiceContext,
  clauses: SearchClause[],
  named: NamedSpeakers,
): Promise<Int32Array> {
  const theirs = indexes.facts.idsOfSpeakers(named.byTitle.ids)
  const excluded = clauses.filter((c) => c.negated).map((c) => ({ ...c, negated: false }))
  if (excluded.length === 0) return theirs
  return without(theirs, await store.matchingIds(excluded, { combine: 'any' }))
}

/** The speakers a query names (see `NameIndex.recogniseSpeakers`). */
interface NamedSpeakers {
  /** Every one of them: their statements rank first. */
  ids: number[]
  /**
   * Those named by a title, and the words naming them: a statement of theirs counts as holding
   * those words, which need not stand in it ("DEA" of "Drug Enforcement Administration").
   */
  byTitle: { ids: number[]; words: string[] }
}

/** The speakers a query names, as the selection and the ranking use them. */
function namedSpeakers(speakers: RecognisedSpeaker[]): NamedSpeakers {
  const byTitle = speakers.filter((s) => s.byTitle)
  return {
    ids: speakers.map((s) => s.id),
    byTitle: { ids: byTitle.map((s) => s.id), words: byTitle.flatMap((s) => s.words) },
  }
}

/** Whether a clause is one of the words naming a speaker by title. */
const namesByTitle = (named: NamedSpeakers, clause: SearchClause) =>
  clause.type === 'word' && !clause.negated && named.byTitle.words.includes(clause.word)

/**
 * The quotes matching every clause, and the statements of the speakers the query names that
 * match every other clause: "the DEA agent on drones" finds the agent's statements on drones,
 * whose documents name the agency in full.
 */
async function matchingOrSaidBy(
  { store }: ServiceContext,
  clauses: SearchClause[],
  named: NamedSpeakers,
  byNamed: Int32Array | null,
): Promise<Int32Array> {
  const ids = await store.matchingIds(clauses)
  if (byNamed === null) return ids
  const rest = clauses.filter((c) => !namesByTitle(named, c))
  if (rest.length === clauses.length) return ids
  const theirs = hasWantedClause(rest)
    ? intersection(await store.matchingIds(rest), byNamed)
    : byNamed
  return union(ids, theirs)
}

/** The ids in both ascending lists. */
function intersection(a: Int32Array, b: Int32Array): Int32Array {
  const both: number[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else (both.push(a[i]!), i++, j++)
  }
  return Int32Array.from(both)
}

/** The ids of the first ascending list that are not in the second. */
function without(a: Int32Array, b: Int32Array): Int32Array {
  const left: number[] = []
  for (let i = 0, j = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++
    if (j >= b.length || b[j] !== a[i]) left.push(a[i]!)
  }
  return Int32Array.from(left)
}

/** The ids in either ascending list, ascending. */
function union(a: Int32Array, b: Int32Array): Int32Array {
  const either: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) either.push(a[i++]!)
    else if (i >= a.length || b[j]! < a[i]!) either.push(b[j++]!)
    else (either.push(a[i]!), i++, j++)
  }
  return Int32Array.from(either)
}

/** Partial matches: how many of a query's words and phrases are counted at most. Default: 8. */
const PARTIAL = { maxWordsCounted: 8 } as const

/** The `count` clauses held by the fewest quotes, as the vocabulary counts them. */
function rarest(clauses: SearchClause[], vocabulary: Vocabulary, count: number): SearchClause[] {
  if (clauses.length <= count) return clauses
  const documents = (clause: SearchClause) =>
    clause.type === 'word'
      ? [...clause.alternatives, ...clause.forms].reduce((n, w) => n + vocabulary.documents(w), 0)
      : Math.min(...clause.words.map((w) => vocabulary.documents(w.word)))
  return [...clauses].sort((a, b) => documents(a) - documents(b)).slice(0, count)
}

/**
 * The quotes holding any of the wanted words and phrases, when none holds them all: ranked by how many they hold (`held`), so the best partial matches come first. Null
 * when none holds any.
 */
async function partialSelection(
  { store, indexes }: ServiceContext,
  clauses: SearchClause[],
  filters: FactFilters,
  named: NamedSpeakers,
  byNamed: Int32Array | null,
): Promise<Omit<Selection, 'named'> | null> {
  const wanted = clauses.filter((c) => !c.negated)
  const excluded = clauses.filter((c) => c.negated)
  // Each word's matches are read apart: of a long query, only the rarest words are counted.
  const counted = rarest(wanted, indexes.vocabulary, PARTIAL.maxWordsCounted)
  // A word naming a speaker the query names is held by every statement of theirs.
  const lists = await Promise.all(
    counted.map(async (clause) => {
      const ids = await store.matchingIds([clause, ...excluded])
      return byNamed !== null && namesByTitle(named, clause) ? union(ids, byNamed) : ids
    }),
  )
  const largest = Math.max(0, ...lists.map((list) => list.at(-1) ?? 0))
  const held = new Uint8Array(largest + 1)
  for (const list of lists) for (const id of list) held[id]!++
  const ids: number[] = []
  for (let id = 1; id <= largest; id++) if (held[id]! > 0) ids.push(id)
  const selected = Int32Array.from(ids)
  const { passing, counts } = indexes.facts.count(selected, filters)
  if (passing.length === 0) return null
  let most = 0
  for (const id of passing) most = Math.max(most, held[id]!)
  return {
    ids: selected,
    passing,
    counts,
    mode: 'partial',
    wordsHeld: most,
    wordsWanted: wanted.length,
    held,
  }
}

/** Quotes matching the criteria: one page of them, the total, and facet counts over all of them. */
export async function findQuotes(
  context: ServiceContext,
  criteria: QuoteCriteria & {
    highlight: HighlightPhrase[]
    /** Speakers the words name: their statements rank first. */
    speakers: RecognisedSpeaker[]
    /** Words only as typed, every one required (see `QuoteSearchParams.exact`). */
    exact: boolean
  },
): Promise<QuoteMatches> {
  const { store, indexes } = context
  const { clauses, sort, limit, offset } = criteria
  const selection = await selectQuotes(context, criteria)
  const { passing, counts, mode, wordsHeld, wordsWanted } = selection
  const pageIds =
    clauses !== null && sort === 'relevance'
      ? await rankedPage(context, clauses, selection, offset, limit)
      : indexes.facts.byDate(passing, sort === 'oldest' ? 'oldest' : 'newest', offset, limit)
  const [quotes, facets] = await Promise.all([
    store.quotesInOrder(pageIds),
    facetValues(context, counts, criteria.facetSize),
  ])
  return {
    total: passing.length,
    items: quotes.map((quote) => ({
      quote,
      snippet: clauses === null ? null : snippetOf(quote.text, criteria.highlight),
    })),
    facets,
    mode,
    wordsHeld,
    wordsWanted,
  }
}

/**
 * How far a quote is lifted in the ranking: a partial match by each word it holds, then said by a
 * speaker the query names, then holding the words as typed.
 */
const LIFT = { perWordHeld: 4, namedSpeaker: 2, exactForms: 1 } as const

/**
 * A page by relevance: ranked over the window of the most recently added passing quotes, then the
 * older ones newest first. Within the window, the statements of speakers the query names come
 * first, then those holding the words as typed (not only in other forms), each by bm25. A named
 * speaker's statement that the index cannot rank (it holds none of the words it is ranked by:
 * "DEA" of an agent whose title spells the agency out) follows the ranked ones.
 */
async function rankedPage(
  { store, indexes }: ServiceContext,
  clauses: SearchClause[],
  { ids, passing, mode, held, named }: Selection,
  offset: number,
  limit: number,
): Promise<number[]> {
  if (passing.length === 0) return []
  // The order the matches follow beyond the ranked window: newest first, or partial matches by
  // the words they hold, then newest first. The window is the first of them, in id order.
  const order = held === undefined ? null : byHeldNewestFirst(passing, held)
  const window =
    order === null
      ? passing.subarray(Math.max(0, passing.length - RANKING.window))
      : order.slice(0, RANKING.window).sort()
  const beyond = (k: number) =>
    order === null ? passing[passing.length - window.length - 1 - k] : order[window.length + k]
  const fromId = window[0]!
  const lastId = window[window.length - 1]!
  // Ranked by the words not naming a speaker when the query names one (their statements need
  // not hold those words); by every word when nothing else is left to rank by.
  const rest = clauses.filter((c) => !namesByTitle(named, c))
  const rankBy = mode === 'all' && hasWantedClause(rest) ? rest : clauses
  const combine = mode === 'all' ? 'all' : 'any'
  let rankable = window
  if (named.byTitle.ids.length > 0) {
    rankable = intersection(window, await store.matchingIds(rankBy, { fromId, combine }))
  }
  // With nothing filtered out, the window is every match from its first id on: no set to consult.
  // (Partial matches are a set of their own: the index would match quotes holding fewer words.)
  let keep: Uint8Array | null = null
  if (mode === 'partial' || passing.length !== ids.length || rankable !== window) {
    keep = new Uint8Array(lastId + 1)
    for (const id of rankable) keep[id] = 1
  }
  let lift: Uint8Array | null = null
  const speakers = new Set(named.ids)
  if (speakers.size > 0 || held !== undefined) {
    lift = new Uint8Array(lastId + 1)
    for (const id of window) {
      // Partial matches: the more words held, the higher; then by the speaker, as all matches.
      const words = held === undefined ? 0 : held[id]! * LIFT.perWordHeld
      lift[id] = words + (speakers.has(indexes.facts.speakerOf(id)) ? LIFT.namedSpeaker : 0)
    }
  }
  const otherForms = clauses.some((c) => c.type === 'word' && c.forms.length > 0)
  if (mode === 'all' && otherForms) {
    lift ??= new Uint8Array(lastId + 1)
    for (const id of await store.matchingIds(clauses, { otherForms: false, fromId })) {
      if (id <= lastId) lift[id]! += LIFT.exactForms
    }
  }
  const ranked =
    offset < rankable.length
      ? await store.rankedIds(rankBy, { fromId, keep, lift, limit, offset }, { combine })
      : []
  // Then the window's statements that could not be ranked, newest first; then the older ones.
  const rankableSet = rankable === window ? null : new Set(rankable)
  const unranked = rankableSet === null ? [] : [...window].filter((id) => !rankableSet.has(id))
  unranked.reverse()
  const older = passing.length - window.length
  const page = ranked
  for (let k = Math.max(0, offset - rankable.length); page.length < limit; k++) {
    if (k < unranked.length) page.push(unranked[k]!)
    else if (k - unranked.length < older) page.push(beyond(k - unranked.length)!)
    else break
  }
  return page
}

/** Partial matches, those holding the most words first, each number of words newest first. */
function byHeldNewestFirst(passing: Int32Array, held: Uint8Array): Int32Array {
  let most = 0
  for (const id of passing) most = Math.max(most, held[id]!)
  const order = new Int32Array(passing.length)
  let at = 0
  for (let words = most; words >= 1; words--) {
    for (let i = passing.length - 1; i >= 0; i--) {
      if (held[passing[i]!] === words) order[at++] = passing[i]!
    }
  }
  return order
}

const ANONYMOUS_LABELS = { 1: 'Unnamed sources', 0: 'Named speakers' } as const

/**
 * Each facet's most frequent values with their names, ties by name; years newest first. Unnamed
 * sources described alike ("a U.S. official", one speaker per article) are one value, their slugs
 * joined by commas, as the speaker filter takes them.
 */
async function facetValues(
  { store, indexes }: ServiceContext,
  counts: FactCounts,
  size: number,
): Promise<Record<FacetName, StoredFacet>> {
  // Values tied with the last one listed may outrank it by name: read the names of all of them.
  const candidates = (pairs: ValueCounts) => {
    const last = pairs[size - 1]?.[1] ?? 0
    return pairs.filter(([, count], i) => i < size || count === last).slice(0, 1000)
  }
  const speakers = candidates(counts.speaker)
  const outlets = candidates(counts.outlet)
  const cited = candidates(counts.cited)
  const [speakerNames, outletNames] = await Promise.all([
    store.namesById(
      'speaker',
      speakers.map(([id]) => id),
    ),
    store.namesById('outlet', [...new Set([...outlets, ...cited].map(([id]) => id))]),
  ])
  const byCount = (a: StoredFacet['values'][number], b: StoredFacet['values'][number]) =>
    b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  const facet = (
    pairs: ValueCounts,
    chosen: ValueCounts,
    name: (value: number) => { value: string; label: string } | undefined,
  ): StoredFacet => {
    const values = chosen
      .flatMap(([value, count]) => {
        const named = name(value)
        return named ? [{ ...named, count }] : []
      })
      .sort(byCount)
    return { values: values.slice(0, size), truncated: pairs.length > size }
  }
  const byId = (names: Map<number, { slug: string; name: string }>) => (id: number) => {
    const found = names.get(id)
    return found ? { value: found.slug, label: found.name } : undefined
  }
  return {
    speaker: speakerFacet(counts.speaker, speakers, speakerNames, indexes.facts, size, byCount),
    outlet: facet(counts.outlet, outlets, byId(outletNames)),
    cited: facet(counts.cited, cited, byId(outletNames)),
    kind: facet(counts.kind, counts.kind, (code) => {
      const kind = KINDS_BY_CODE[code]
      return kind ? { value: kind, label: KIND_LABELS[kind] } : undefined
    }),
    year: {
      values: [...counts.year]
        .sort((a, b) => b[0] - a[0])
        .slice(0, size)
        .map(([year, count]) => {
          const written = String(year).padStart(4, '0')
          return { value: written, label: written, count }
        }),
      truncated: counts.year.length > size,
    },
    anonymous: facet(counts.anonymous, counts.anonymous, (code) =>
      code === 0 || code === 1
        ? { value: code === 1 ? 'true' : 'false', label: ANONYMOUS_LABELS[code] }
        : undefined,
    ),
  }
}

/** The speaker facet, unnamed sources described alike counted as one value. */
function speakerFacet(
  pairs: ValueCounts,
  chosen: ValueCounts,
  names: Map<number, { slug: string; name: string }>,
  facts: ServiceContext['indexes']['facts'],
  size: number,
  order: (a: StoredFacet['values'][number], b: StoredFacet['values'][number]) => number,
): StoredFacet {
  const values: Array<StoredFacet['values'][number] & { slugs: string[] }> = []
  const alike = new Map<string, (typeof values)[number]>()
  for (const [id, count] of chosen) {
    const named = names.get(id)
    if (!named) continue
    const description = facts.isAnonymous(id) ? nameKey(named.name) : null
    const same = description === null ? undefined : alike.get(description)
    if (same && same.slugs.length < UNNAMED_ALIKE.max) {
      same.slugs.push(named.slug)
      same.count += count
      continue
    }
    const value = { value: named.slug, label: named.name, count, slugs: [named.slug] }
    values.push(value)
    if (description !== null) alike.set(description, value)
  }
  return {
    values: values
      .map(({ slugs, ...value }) => ({ ...value, value: slugs.join(',') }))
      .sort(order)
      .slice(0, size),
    // Speakers beyond those read may be described alike too: "more" lists them.
    truncated: values.length > size || pairs.length > chosen.length,
  }
}
