/**
 * The store: everything the services need from storage, and the only place SQL lives. Methods
 * return promises even where the SQLite store answers synchronously, so that a PostgreSQL store can
 * implement the same interface.
 */
import type { Bundle, BundleSummary } from './bundle'
import type {
  Article,
  Counts,
  FacetName,
  Outlet,
  Page,
  QuoteResult,
  Speaker,
  SpeakerDetail,
} from './types'
import type { QuoteKind } from './vocabulary'

export type QuoteSort = 'relevance' | 'newest' | 'oldest'

/** Filters on quotes; values of one filter are alternatives (OR), filters combine (AND). */
export interface QuoteFilters {
  /** Speaker slugs. */
  speakers: string[]
  /** Reporting outlet slugs. */
  outlets: string[]
  /** Cited outlet slugs. */
  cited: string[]
  kinds: QuoteKind[]
  /** First and last day (`YYYY-MM-DD`, inclusive) that the article's publication may overlap. */
  from: string | null
  to: string | null
}

export interface QuoteCriteria {
  /** An FTS5 MATCH expression; null to browse. */
  match: string | null
  filters: QuoteFilters
  sort: QuoteSort
  limit: number
  offset: number
  /** How many values each facet lists. */
  facetSize: number
}

/** A facet's values as stored: counts over the whole match set, most frequent first. */
export interface StoredFacet {
  values: Array<{ value: string; label: string; count: number }>
  truncated: boolean
}

export interface QuoteMatch {
  quote: QuoteResult
  /** The FTS5 snippet with its raw match markers (see `SNIPPET` in search options); null when browsing. */
  snippet: string | null
}

export interface QuoteMatches {
  total: number
  items: QuoteMatch[]
  facets: Record<FacetName, StoredFacet>
}

/** A statement that may carry a claim, with what the claim's words are compared against. */
export interface ClaimCandidate {
  quote: QuoteResult
  /** bm25 rank: lower is better. */
  rank: number
  /** The words the statement can be found by: its text, speaker names and title, outlet names. */
  searchableText: string
}

/** An indexed word and the number of quotes it occurs in. */
export interface VocabularyEntry {
  term: string
  documents: number
}

/** What the name index holds of one speaker or outlet. */
export interface NameDocument {
  kind: 'speaker' | 'outlet'
  slug: string
  name: string
  aliases: string[]
  /** Titles and descriptions: words that describe rather than name ("defense minister"). */
  titles: string[]
}

export interface PageRequest {
  limit: number
  offset: number
}

export interface Store {
  findQuotes(criteria: QuoteCriteria): Promise<QuoteMatches>
  getQuote(id: number): Promise<QuoteResult | null>
  findClaimCandidates(match: string, limit: number): Promise<ClaimCandidate[]>

  listSpeakers(page: PageRequest): Promise<Page<Speaker>>
  /** The speakers with these slugs, in the order given; unknown slugs are left out. */
  getSpeakers(slugs: string[]): Promise<Speaker[]>
  getSpeaker(slug: string): Promise<SpeakerDetail | null>

  listOutlets(page: PageRequest): Promise<Page<Outlet>>
  /** The outlets with these slugs, in the order given; unknown slugs are left out. */
  getOutlets(slugs: string[]): Promise<Outlet[]>
  getOutlet(slug: string): Promise<Outlet | null>

  getArticle(id: number): Promise<Article | null>

  /** The slugs among `slugs` that name no speaker (or outlet). */
  unknownSlugs(kind: 'speaker' | 'outlet', slugs: string[]): Promise<string[]>

  /** Every indexed word with its document count, for the typo vocabulary. */
  vocabulary(): Promise<VocabularyEntry[]>
  /** Every speaker and outlet by all its names, for the name index. */
  nameDocuments(): Promise<NameDocument[]>
  counts(): Promise<Counts>

  /**
   * Writes a validated bundle in one transaction: records already present (by slug, url, or a
   * quote's article, span and kind) are kept as they are; the rest are added.
   */
  importBundle(bundle: Bundle): Promise<BundleSummary>
  close(): void
}
