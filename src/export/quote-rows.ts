/**
 * Quotes as export records: our NDJSON (typed records an import reads back: the outlets, speakers
 * and articles a quote refers to come before it, once each) and CSV (one row per quote with its
 * whole chain).
 */
import type { ArticleRecord, OutletRecord, QuoteRecord, SpeakerRecord } from '../domain/bundle'
import type { QuoteResult } from '../domain/types'
import { csvRow } from './csv'

export const CSV_HEADER = [
  'id',
  'text',
  'kind',
  'cue',
  'speaker_slug',
  'speaker_name',
  'speaker_title',
  'speaker_anonymous',
  'audience',
  'cited_outlet_slug',
  'cited_outlet_name',
  'outlet_slug',
  'outlet_name',
  'article_url',
  'article_title',
  'published',
  'said_phrase',
  'said_earliest',
  'said_latest',
  'start',
  'end',
  'verified',
] as const

export const csvHeaderRow = () => csvRow([...CSV_HEADER])

/** A quote as one CSV row, in the order of `CSV_HEADER`. */
export function quoteCsvRow(quote: QuoteResult): string {
  return csvRow([
    quote.id,
    quote.text,
    quote.kind,
    quote.cue,
    quote.speaker?.slug ?? null,
    quote.speaker?.name ?? null,
    quote.speaker?.title ?? null,
    quote.speaker ? quote.speaker.anonymous : null,
    quote.audience,
    quote.citedOutlet?.slug ?? null,
    quote.citedOutlet?.name ?? null,
    quote.reportingOutlet.slug,
    quote.reportingOutlet.name,
    quote.article.url,
    quote.article.title,
    quote.article.published.date,
    quote.said?.phrase ?? null,
    quote.said?.earliest ?? null,
    quote.said?.latest ?? null,
    quote.offsets?.start ?? null,
    quote.offsets?.end ?? null,
    quote.verified,
  ])
}

export const outletRecord = (outlet: OutletRecord): OutletRecord & { type: 'outlet' } => ({
  type: 'outlet',
  slug: outlet.slug,
  name: outlet.name,
  kind: outlet.kind,
  country: outlet.country,
  domain: outlet.domain,
  aliases: outlet.aliases,
})

export const speakerRecord = (speaker: SpeakerRecord): SpeakerRecord & { type: 'speaker' } => ({
  type: 'speaker',
  slug: speaker.slug,
  name: speaker.name,
  description: speaker.description,
  wikidataId: speaker.wikidataId,
  anonymous: speaker.anonymous,
  aliases: speaker.aliases,
})

export const articleRecord = (article: ArticleRecord): ArticleRecord & { type: 'article' } => ({
  type: 'article',
  ...article,
})

/** A quote as the record an import reads back, referring to the others by slug and url. */
export function quoteRecord(quote: QuoteResult): QuoteRecord & { type: 'quote' } {
  return {
    type: 'quote',
    article: quote.article.url,
    speaker: quote.speaker?.slug ?? null,
    text: quote.text,
    kind: quote.kind,
    cue: quote.cue,
    speakerTitle: quote.speaker?.title ?? null,
    audience: quote.audience,
    citedOutlet: quote.citedOutlet?.slug ?? null,
    said: quote.said,
    start: quote.offsets?.start ?? null,
    end: quote.offsets?.end ?? null,
    extraction: quote.extraction,
  }
}
