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
import type { QuoteCriteria, QuoteMatches, StoredFacet } from '../domain/store'
import type { FacetName } from '../domain/types'
import {
  KIND_CODES,
  KINDS_BY_CODE,
  dayNumber,
  type FactCounts,
  type ValueCounts,
} from '../search/quote-facts'
import { RANKING } from '../search/options'
import type { HighlightPhrase, SearchClause } from '../search/query'
import { snippetOf } from '../search/snippet'
import type { ServiceContext } from './context'

const KIND_LABELS = {
  direct: 'Direct quotation',
  partial: 'Partial quotation',
  paraphrase: 'Paraphrase',
} as const

/**
 * Steps 1 and 2 of the plan: the ids of every quote matching the words and passing the filters,
 * in ascending order, with the facet counts over them. Searches and exports both select here.
 */
export async function selectQuotes(
  context: ServiceContext,
  { clauses, filters }: Pick<QuoteCriteria, 'clauses' | 'filters'>,
): Promise<{ ids: Int32Array; passing: Int32Array; counts: FactCounts }> {
  const { store, indexes } = context
  const [speakerIds, outletIds, citedIds] = await Promise.all([
    store.idsBySlug('speaker', filters.speakers),
    store.idsBySlug('outlet', filters.outlets),
    store.idsBySlug('outlet', filters.cited),
  ])
  const ids = clauses === null ? indexes.facts.allIds() : await store.matchingIds(clauses)
  const { passing, counts } = indexes.facts.count(ids, {
    speakers: [...speakerIds.values()],
    outlets: [...outletIds.values()],
    cited: [...citedIds.values()],
    kinds: filters.kinds.map((kind) => KIND_CODES[kind]),
    fromDay: filters.from ? dayNumber(filters.from) : null,
    toDay: filters.to ? dayNumber(filters.to) : null,
  })
  return { ids, passing, counts }
}

/** Quotes matching the criteria: one page of them, the total, and facet counts over all of them. */
export async function findQuotes(
  context: ServiceContext,
  criteria: QuoteCriteria & { highlight: HighlightPhrase[] },
): Promise<QuoteMatches> {
  const { store, indexes } = context
  const { clauses, sort, limit, offset } = criteria
  const { ids, passing, counts } = await selectQuotes(context, criteria)
  const pageIds =
    clauses !== null && sort === 'relevance'
      ? await rankedPage(context, clauses, passing, passing.length === ids.length, offset, limit)
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
  }
}

/**
 * A page by relevance: ranked over the window of the most recently added passing quotes, then the
 * older ones newest first.
 */
async function rankedPage(
  { store }: ServiceContext,
  clauses: SearchClause[],
  passing: Int32Array,
  everyMatch: boolean,
  offset: number,
  limit: number,
): Promise<number[]> {
  if (passing.length === 0) return []
  const window = passing.subarray(Math.max(0, passing.length - RANKING.window))
  // With nothing filtered out, the window is every match from its first id on: no set to consult.
  let keep: Uint8Array | null = null
  if (!everyMatch) {
    keep = new Uint8Array(window[window.length - 1]! + 1)
    for (const id of window) keep[id] = 1
  }
  const ranked =
    offset < window.length
      ? await store.rankedIds(clauses, { fromId: window[0]!, keep, limit, offset })
      : []
  const older = passing.length - window.length
  const more = Math.min(limit - ranked.length, older - Math.max(0, offset - window.length))
  const from = older - 1 - Math.max(0, offset - window.length)
  for (let i = 0; i < more; i++) ranked.push(passing[from - i]!)
  return ranked
}

/** Each facet's most frequent values with their names, ties by name. */
async function facetValues(
  { store }: ServiceContext,
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
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    return { values: values.slice(0, size), truncated: pairs.length > size }
  }
  const byId = (names: Map<number, { slug: string; name: string }>) => (id: number) => {
    const found = names.get(id)
    return found ? { value: found.slug, label: found.name } : undefined
  }
  return {
    speaker: facet(counts.speaker, speakers, byId(speakerNames)),
    outlet: facet(counts.outlet, outlets, byId(outletNames)),
    cited: facet(counts.cited, cited, byId(outletNames)),
    kind: facet(counts.kind, counts.kind, (code) => {
      const kind = KINDS_BY_CODE[code]
      return kind ? { value: kind, label: KIND_LABELS[kind] } : undefined
    }),
    year: facet(counts.year, candidates(counts.year), (year) => {
      const written = String(year).padStart(4, '0')
      return { value: written, label: written }
    }),
  }
}
