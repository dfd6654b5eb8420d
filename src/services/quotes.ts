/**
 * Finding quotes: words, phrases and filters in; one page of quotes with their chains, snippets,
 * the total and facet counts out.
 */
import { invalidParameter, notFound } from '../domain/errors'
import { lastDayOf, parsePartialDate } from '../domain/partial-dates'
import type { QuoteFilters, QuoteSort } from '../domain/store'
import { FACET_NAMES, type Facets, type Page, type QuoteResult } from '../domain/types'
import type { QuoteKind } from '../domain/vocabulary'
import { snippetToHtml } from '../search/highlight'
import { FACET_SIZE, LIMITS } from '../search/options'
import {
  hasWantedClause,
  highlightPhrases,
  parseQuery,
  type HighlightPhrase,
  type SearchClause,
} from '../search/query'
import type { Correction } from '../search/typos'
import type { ServiceContext } from './context'
import { findQuotes } from './quote-search'

export interface QuoteSearchParams {
  /** Words and phrases; empty or absent to browse. */
  q?: string | null
  speakers?: string[]
  outlets?: string[]
  cited?: string[]
  kinds?: QuoteKind[]
  /** A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): the range starts on its first day. */
  from?: string | null
  /** A partial date: the range ends on its last day. */
  to?: string | null
  /** Default: relevance with words, newest without. */
  sort?: QuoteSort | null
  limit: number
  offset: number
}

export interface QuoteSearchResult extends Page<QuoteResult> {
  query: {
    q: string | null
    sort: QuoteSort
    /** Words that were not in the index and what was searched for instead. */
    corrections: Correction[]
  }
  facets: Facets
}

async function checkSlugsExist(
  context: ServiceContext,
  kind: 'speaker' | 'outlet',
  param: string,
  slugs: string[],
): Promise<void> {
  const [unknown] = await context.store.unknownSlugs(kind, slugs)
  if (unknown !== undefined) {
    throw invalidParameter(param, `No ${kind} has the slug "${unknown}".`)
  }
}

function dayRange(params: QuoteFilterParams): { from: string | null; to: string | null } {
  const from = params.from ? parsePartialDate(params.from) : null
  const to = params.to ? parsePartialDate(params.to) : null
  if (params.from && !from)
    throw invalidParameter('from', 'from must be a date: YYYY, YYYY-MM or YYYY-MM-DD.')
  if (params.to && !to)
    throw invalidParameter('to', 'to must be a date: YYYY, YYYY-MM or YYYY-MM-DD.')
  const range = { from: from?.firstDay ?? null, to: to ? lastDayOf(to) : null }
  if (range.from && range.to && range.from > range.to) {
    throw invalidParameter('to', 'to must not be before from.')
  }
  return range
}

/**
 * Corrects the words of a query the index lacks. While the vocabulary is still loading at start,
 * a query whose words the index holds needs no correction and does not wait for it.
 */
async function correctTypos(
  context: ServiceContext,
  clauses: SearchClause[],
): Promise<Correction[]> {
  const { indexes, store } = context
  if (!indexes.vocabulary.loaded) {
    const words = clauses.flatMap((c) =>
      c.type === 'word' ? [{ word: c.word, prefix: c.prefix }] : [],
    )
    if ((await store.termsExist(words)).every(Boolean)) return []
    await indexes.complete
  }
  return indexes.vocabulary.correctClauses(clauses)
}

/** The clauses of `q`, checked, with their typo corrections. */
async function compileText(
  context: ServiceContext,
  q: string,
): Promise<{ clauses: SearchClause[]; corrections: Correction[]; highlight: HighlightPhrase[] }> {
  const clauses = parseQuery(q)
  if (clauses.length > LIMITS.queryWords) {
    throw invalidParameter(
      'q',
      `q has more than ${LIMITS.queryWords} words and phrases; search with fewer.`,
    )
  }
  if (clauses.length === 0) {
    throw invalidParameter('q', 'q has no letters or digits to search for.')
  }
  if (!hasWantedClause(clauses)) {
    throw invalidParameter('q', 'q only excludes words; add at least one word to look for.')
  }
  const corrections = await correctTypos(context, clauses)
  return { clauses, corrections, highlight: highlightPhrases(clauses) }
}

/** The filters and words common to searching and exporting quotes. */
export type QuoteFilterParams = Omit<QuoteSearchParams, 'sort' | 'limit' | 'offset'>

/**
 * Checks filters and words and turns them into store criteria: slugs must name speakers and
 * outlets, dates must make a range, and the words are parsed and corrected for typos.
 */
export async function quoteCriteria(
  context: ServiceContext,
  params: QuoteFilterParams,
): Promise<{
  clauses: SearchClause[] | null
  filters: QuoteFilters
  q: string | null
  corrections: Correction[]
  /** What snippets mark: every form of every wanted word and phrase. */
  highlight: HighlightPhrase[]
}> {
  const filters: QuoteFilters = {
    speakers: params.speakers ?? [],
    outlets: params.outlets ?? [],
    cited: params.cited ?? [],
    kinds: params.kinds ?? [],
    ...dayRange(params),
  }
  await checkSlugsExist(context, 'speaker', 'speaker', filters.speakers)
  await checkSlugsExist(context, 'outlet', 'outlet', filters.outlets)
  await checkSlugsExist(context, 'outlet', 'cited', filters.cited)
  // Kept as typed: a trailing space says the last word is complete (not a prefix).
  const q = params.q?.trim() ? params.q : null
  const { clauses, corrections, highlight } = q
    ? await compileText(context, q)
    : { clauses: null, corrections: [], highlight: [] }
  return { clauses, filters, q, corrections, highlight }
}

/** Finds quotes by words and filters; see `QuoteSearchParams`. */
export async function searchQuotes(
  context: ServiceContext,
  params: QuoteSearchParams,
): Promise<QuoteSearchResult> {
  const { clauses, filters, q, corrections, highlight } = await quoteCriteria(context, params)
  const sort: QuoteSort =
    clauses === null && (params.sort ?? 'relevance') === 'relevance'
      ? 'newest'
      : (params.sort ?? 'relevance')

  const found = await findQuotes(context, {
    clauses,
    highlight,
    filters,
    sort,
    limit: params.limit,
    offset: params.offset,
    facetSize: FACET_SIZE,
  })

  const selected: Record<keyof Facets, (value: string) => boolean> = {
    speaker: (v) => filters.speakers.includes(v),
    outlet: (v) => filters.outlets.includes(v),
    cited: (v) => filters.cited.includes(v),
    kind: (v) => filters.kinds.includes(v as QuoteKind),
    year: (v) => filters.from === `${v}-01-01` && filters.to === `${v}-12-31`,
  }
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => [
      name,
      {
        truncated: found.facets[name].truncated,
        values: found.facets[name].values.map((v) => ({ ...v, selected: selected[name](v.value) })),
      },
    ]),
  ) as Facets

  return {
    query: { q, sort, corrections },
    total: found.total,
    limit: params.limit,
    offset: params.offset,
    items: found.items.map(({ quote, snippet }) =>
      snippet === null ? quote : { ...quote, snippet: snippetToHtml(snippet) },
    ),
    facets,
  }
}

/** One quote with its chain; 404 when no quote has the id. */
export async function getQuote(context: ServiceContext, id: number): Promise<QuoteResult> {
  const quote = await context.store.getQuote(id)
  if (!quote) throw notFound(`No quote has the id ${id}.`)
  return quote
}
