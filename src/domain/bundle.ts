/**
 * A bundle: outlets, speakers, articles and quotes that arrive together (the seed, an import) and
 * are written in one transaction. Records refer to each other by natural key: outlets and speakers
 * by slug, articles by url.
 */
import type { Extraction } from './types'
import type { OutletKind, QuoteKind } from './vocabulary'

export interface OutletRecord {
  slug: string
  name: string
  /** Null when not known. */
  kind: OutletKind | null
  country: string | null
  domain: string | null
  aliases: string[]
}

export interface SpeakerRecord {
  slug: string
  name: string
  description: string | null
  wikidataId: string | null
  anonymous: boolean
  aliases: string[]
}

export interface ArticleRecord {
  url: string
  /** The reporting outlet's slug. */
  outlet: string
  title: string | null
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: its length is its precision. */
  published: string
  language: string
  byline: string | null
  body: string | null
}

export interface QuoteRecord {
  /** The article's url. */
  article: string
  /** The speaker's slug; null when the article attributes the statement to an outlet or report. */
  speaker: string | null
  text: string
  kind: QuoteKind
  cue: string | null
  speakerTitle: string | null
  audience: string | null
  /** The cited outlet's slug. */
  citedOutlet: string | null
  said: { phrase: string | null; earliest: string | null; latest: string | null } | null
  start: number | null
  end: number | null
  /** How the extractor attributed it; null when a person entered it. */
  extraction: Extraction | null
}

export interface Bundle {
  outlets: OutletRecord[]
  speakers: SpeakerRecord[]
  articles: ArticleRecord[]
  quotes: QuoteRecord[]
  /** Stored speakers, known until now by name alone, and the Wikidata ids that name them. */
  identities?: SpeakerIdentity[]
}

/** A stored speaker with no Wikidata id yet, and the id a record gave for them. */
export interface SpeakerIdentity {
  slug: string
  wikidataId: string
}

/** How many records of each kind a bundle added, and how many were already there. */
export type BundleSummary = Record<
  'outlets' | 'speakers' | 'articles' | 'quotes',
  { added: number; existing: number }
>
