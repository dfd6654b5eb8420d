/**
 * The shapes the services return and the API sends: a quote with its whole attribution chain,
 * speakers, outlets, articles, pages and facets. No storage detail appears here.
 */
import type { AttributionMethod, DatePrecision, OutletKind, QuoteKind } from './vocabulary'

/** A date and how much of it is known: `2025` (year), `2025-02` (month) or `2025-02-20` (day). */
export interface PartialDate {
  date: string
  precision: DatePrecision
}

export interface OutletRef {
  slug: string
  name: string
}

export interface SpeakerRef {
  slug: string
  name: string
  anonymous: boolean
}

/** The speaker of a quote, with the title the article gives them there. */
export interface QuoteSpeaker extends SpeakerRef {
  title: string | null
}

export interface ArticleRef {
  id: number
  title: string | null
  url: string
  published: PartialDate
}

/** When a statement was said, as far as the article tells: a range of days. */
export interface SaidWhen {
  /** The article's words: "last week", "earlier this month". */
  phrase: string | null
  earliest: string | null
  latest: string | null
}

/** A statement with its whole attribution chain: speaker → cited outlet → article → reporting outlet. */
/** The thread a statement belongs to: the statements that are one statement with it. */
export interface ThreadRef {
  id: number
  /** How many statements the thread holds, this one included. */
  statements: number
  /** How many outlets reported any of them or were cited for it. */
  outlets: number
}

export interface QuoteResult {
  id: number
  text: string
  kind: QuoteKind
  cue: string | null
  speaker: QuoteSpeaker | null
  audience: string | null
  citedOutlet: OutletRef | null
  reportingOutlet: OutletRef
  article: ArticleRef
  said: SaidWhen | null
  /** Where the text stands in the article body; null when the body is unknown. */
  offsets: { start: number; end: number } | null
  /** True when the text was checked verbatim against the article body at its offsets. */
  verified: boolean
  /** How the extractor attributed it; null for a statement entered or curated by a person. */
  extraction: Extraction | null
  thread: ThreadRef
  /** On text searches: the quote with the matched words in `<mark>`, HTML-escaped. */
  snippet?: string
}

/** One slice of a list, and how long the whole list is. */
export interface Page<T> {
  total: number
  limit: number
  offset: number
  items: T[]
}

/** One value of a facet: `value` is what a filter takes, `label` what a person reads. */
export interface FacetValue {
  value: string
  label: string
  count: number
  selected: boolean
  /** The query string of this search with the value toggled: added, or removed when selected. */
  toggle: string
}

export interface Facet {
  values: FacetValue[]
  /** True when more values exist than are listed. */
  truncated: boolean
  /** The query string of this search listing more values of each facet; null when none. */
  more: string | null
}

export const FACET_NAMES = ['speaker', 'outlet', 'cited', 'kind', 'year', 'anonymous'] as const
export type FacetName = (typeof FACET_NAMES)[number]
export type Facets = Record<FacetName, Facet>

export interface Speaker extends SpeakerRef {
  description: string | null
  wikidataId: string | null
  aliases: string[]
  quoteCount: number
}

/** A speaker's page: who they are, under which titles they were quoted, and by whom. */
export interface SpeakerDetail extends Speaker {
  titles: string[]
  outlets: Array<{ outlet: OutletRef; count: number }>
}

export interface Outlet extends OutletRef {
  /** Null when not known. */
  kind: OutletKind | null
  country: string | null
  domain: string | null
  aliases: string[]
  /** Statements in articles the outlet published. */
  publishedCount: number
  /** Statements other articles attribute to the outlet as their source. */
  citedCount: number
  articleCount: number
}

/** A statement as it stands in its article, for reading the article with its statements marked. */
export interface ArticleStatement {
  id: number
  kind: QuoteKind
  text: string
  start: number | null
  end: number | null
  cue: string | null
  speaker: QuoteSpeaker | null
  citedOutlet: OutletRef | null
}

export interface Article extends ArticleRef {
  outlet: OutletRef
  language: string
  byline: string | null
  body: string | null
  statements: ArticleStatement[]
}

/** An article in a list: its reference and how many statements it holds. */
export interface ArticleListing extends ArticleRef {
  statementCount: number
}

/** Counts of what the database holds. */
export interface Counts {
  quotes: number
  speakers: number
  outlets: number
  articles: number
}

/** A stretch of an article body: `body.slice(start, end) === text`. */
export interface BodySpan {
  start: number
  end: number
  text: string
}

/** The evidence an extracted statement carries: how it was attributed, and how surely. */
export interface Extraction {
  method: AttributionMethod
  /**
   * From 0 to 1: how often statements attributed this way were found with the words that name their
   * source, when measured on annotated articles.
   */
  confidence: number
  /** The cue as printed in the article ("said", "according to"). */
  cue: BodySpan | null
  /** The speaker or source as printed where it is attributed ("she", "the Times"). */
  mention: BodySpan | null
}
