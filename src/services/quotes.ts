/**
 * Finding quotes: words, phrases and filters in; one page of quotes with their chains, snippets,
 * the total and facet counts out.
 */
import { invalidParameter, notFound } from '../domain/errors'
import { lastDayOf, parsePartialDate } from '../domain/partial-dates'
import type { QuoteFilters, QuoteMatches, QuoteSort } from '../domain/store'
import {
  FACET_NAMES,
  type FacetName,
  type Facets,
  type Page,
  type QuoteResult,
} from '../domain/types'
import type { QuoteKind } from '../domain/vocabulary'
import { snippetToHtml } from '../search/highlight'
import { LIMITS } from '../search/options'
import { readQuery, withoutCommonWords } from '../search/read-query'
import { searchLink, toggled, type SearchLinkParams } from '../search/search-links'
import { FACET_SIZE, MAX_LIST_VALUES } from '../search/search-request'
import {
  hasWantedClause,
  highlightPhrases,
  parseQuery,
  type HighlightPhrase,
  type SearchClause,
} from '../search/query'
import type { RecognisedSpeaker } from '../search/names'
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
  /** Only unnamed sources (true) or named speakers (false). */
  anonymous?: boolean | null
  /**
   * Words only as typed: no other forms, no common words left out, no speakers recognised, and
   * nothing when no quote holds every word. Default: false.
   */
  exact?: boolean
  /** Default: relevance with words, newest without. */
  sort?: QuoteSort | null
  limit: number
  offset: number
  /** How many values each facet lists; default 10. */
  facetSize?: number
}

/** How the words were read and matched. */
export interface QueryReport {
  q: string | null
  sort: QuoteSort
  /** Words that were not in the index and what was searched for instead. */
  corrections: Correction[]
  /**
   * `all`: every quote found holds every word (in some form); `partial`: none did, and those
   * holding the most words follow (`matched` says how many).
   */
  mode: 'all' | 'partial'
  /** How many of the wanted words and phrases the quotes found hold, and how many there were. */
  matched: { held: number; wanted: number }
  /** Common words left out of the search ("what", "about"). */
  dropped: string[]
  /** Speakers the words name, whose statements rank first. */
  speakers: Array<{ slug: string; name: string }>
  /** The words found in other forms too: each with the forms looked for. */
  forms: Array<{ word: string; forms: string[] }>
}

export interface QuoteSearchResult extends Page<QuoteResult> {
  query: QueryReport
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
  exact: boolean,
): Promise<Correction[]> {
  const { indexes, store } = context
  if (!indexes.vocabulary.loaded) {
    const words = clauses.flatMap((c) =>
      c.type === 'word' ? [{ word: c.word, prefix: c.prefix }] : [],
    )
    if ((await store.termsExist(words)).every(Boolean)) return []
    await indexes.complete
  }
  // Words as typed look for no other forms: one the index lacks is corrected, as a typo is.
  return indexes.vocabulary.correctClauses(clauses, { otherForms: !exact })
}

/** The clauses of `q`, checked and read (see `search/read-query.ts`), with their typo corrections. */
async function compileText(
  context: ServiceContext,
  q: string,
  exact: boolean,
): Promise<{
  clauses: SearchClause[]
  corrections: Correction[]
  highlight: HighlightPhrase[]
  dropped: string[]
  speakers: RecognisedSpeaker[]
}> {
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
  const { clauses: kept, dropped } = exact ? { clauses, dropped: [] } : withoutCommonWords(clauses)
  const corrections = await correctTypos(context, kept, exact)
  const read = exact ? { clauses: kept, speakers: [] } : readQuery(kept, context.indexes)
  return {
    clauses: read.clauses,
    corrections,
    highlight: highlightPhrases(read.clauses),
    dropped,
    speakers: read.speakers,
  }
}

/** The filters and words common to searching and exporting quotes. */
export type QuoteFilterParams = Omit<QuoteSearchParams, 'sort' | 'limit' | 'offset' | 'facetSize'>

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
  dropped: string[]
  /** Speakers the words name (see `search/read-query.ts`). */
  speakers: RecognisedSpeaker[]
  exact: boolean
}> {
  const filters: QuoteFilters = {
    speakers: params.speakers ?? [],
    outlets: params.outlets ?? [],
    cited: params.cited ?? [],
    kinds: params.kinds ?? [],
    ...dayRange(params),
    anonymous: params.anonymous ?? null,
  }
  await checkSlugsExist(context, 'speaker', 'speaker', filters.speakers)
  await checkSlugsExist(context, 'outlet', 'outlet', filters.outlets)
  await checkSlugsExist(context, 'outlet', 'cited', filters.cited)
  // Kept as typed: a trailing space says the last word is complete (not a prefix).
  const q = params.q?.trim() ? params.q : null
  const text = q
    ? await compileText(context, q, params.exact ?? false)
    : { clauses: null, corrections: [], highlight: [], dropped: [], speakers: [] }
  return { ...text, filters, q, exact: params.exact ?? false }
}

/** Finds quotes by words and filters; see `QuoteSearchParams`. */
export async function searchQuotes(
  context: ServiceContext,
  params: QuoteSearchParams,
): Promise<QuoteSearchResult> {
  const { clauses, filters, q, corrections, highlight, dropped, speakers, exact } =
    await quoteCriteria(context, params)
  const sort: QuoteSort =
    clauses === null && (params.sort ?? 'relevance') === 'relevance'
      ? 'newest'
      : (params.sort ?? 'relevance')
  const facetSize = params.facetSize ?? FACET_SIZE.default

  const found = await findQuotes(context, {
    clauses,
    highlight,
    filters,
    sort,
    limit: params.limit,
    offset: params.offset,
    facetSize,
    speakers,
    exact,
  })

  return {
    query: {
      q,
      sort,
      corrections,
      mode: found.mode,
      matched: { held: found.wordsHeld, wanted: found.wordsWanted },
      dropped,
      speakers: speakers.map(({ slug, name }) => ({ slug, name })),
      forms: (clauses ?? []).flatMap((c) =>
        c.type === 'word' && !c.negated && c.forms.length > 0
          ? [{ word: c.word, forms: c.forms }]
          : [],
      ),
    },
    total: found.total,
    limit: params.limit,
    offset: params.offset,
    items: found.items.map(({ quote, snippet }) =>
      snippet === null ? quote : { ...quote, snippet: snippetToHtml(snippet) },
    ),
    facets: facetsWithLinks(found.facets, {
      q,
      speakers: filters.speakers,
      outlets: filters.outlets,
      cited: filters.cited,
      kinds: filters.kinds,
      from: params.from ?? null,
      to: params.to ?? null,
      anonymous: filters.anonymous,
      exact,
      sort: params.sort ?? null,
      limit: params.limit,
      facetSize,
    }),
  }
}

/**
 * The facets as the API returns them: each value says whether it is selected and carries the
 * query string that toggles it (as Datasette's `toggle_url`); a truncated facet carries the one
 * that lists more values.
 */
function facetsWithLinks(stored: QuoteMatches['facets'], search: SearchLinkParams): Facets {
  const year = (v: string) => search.from === v && search.to === v
  const link = (name: FacetName, value: string): { selected: boolean; toggle: string } => {
    const values = value.split(',')
    switch (name) {
      case 'speaker':
      case 'outlet':
      case 'cited': {
        const key = ({ speaker: 'speakers', outlet: 'outlets', cited: 'cited' } as const)[name]
        const list = search[key]
        const next = toggled(list, values)
        return {
          selected: values.every((v) => list.includes(v)),
          // More than a filter takes: the value alone, in place of the others.
          toggle: searchLink({ ...search, [key]: next.length > MAX_LIST_VALUES ? values : next }),
        }
      }
      case 'kind': {
        const kind = value as QuoteKind
        return {
          selected: search.kinds.includes(kind),
          toggle: searchLink({ ...search, kinds: toggled(search.kinds, [kind]) }),
        }
      }
      case 'year':
        return {
          selected: year(value),
          toggle: searchLink(
            year(value)
              ? { ...search, from: null, to: null }
              : { ...search, from: value, to: value },
          ),
        }
      case 'anonymous': {
        const anonymous = value === 'true'
        const selected = search.anonymous === anonymous
        return {
          selected,
          toggle: searchLink({ ...search, anonymous: selected ? null : anonymous }),
        }
      }
    }
  }
  const more =
    search.facetSize < FACET_SIZE.max
      ? searchLink({ ...search, facetSize: Math.min(FACET_SIZE.max, search.facetSize * 2) })
      : null
  return Object.fromEntries(
    FACET_NAMES.map((name) => [
      name,
      {
        truncated: stored[name].truncated,
        more: stored[name].truncated ? more : null,
        values: stored[name].values.map((v) => ({ ...v, ...link(name, v.value) })),
      },
    ]),
  ) as Facets
}

/** One quote with its chain; 404 when no quote has the id. */
export async function getQuote(context: ServiceContext, id: number): Promise<QuoteResult> {
  const quote = await context.store.getQuote(id)
  if (!quote) throw notFound(`No quote has the id ${id}.`)
  return quote
}
