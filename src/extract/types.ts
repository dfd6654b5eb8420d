/**
 * What extraction finds in an article's text: attributed statements with their whole chain, each
 * part located by JavaScript string offsets into the text as given.
 */
import type { AttributionMethod, QuoteKind } from '../domain/vocabulary'

/** A stretch of the text: `text.slice(start, end) === text`. */
export interface TextSpan {
  start: number
  end: number
  text: string
}

/** The speaker a mention resolves to: a name (with the title the article gives), or an anonymous source. */
export interface ResolvedSpeaker {
  name: string
  /** The title the article gives the speaker, as printed ("Mexico’s defense minister"). */
  title: string | null
  anonymous: boolean
}

/** One attributed statement found in a text. */
export interface ExtractedStatement {
  /** The statement as printed, without its quotation marks. */
  text: string
  start: number
  end: number
  kind: QuoteKind
  /** The attribution verb or phrase as printed ("said", "told", "according to"); null when none is printed. */
  cue: string | null
  cueSpan: TextSpan | null
  /** The speaker as printed where the statement is attributed ("she", "the AP", "Mr. Obama"); null when unknown. */
  speakerMention: TextSpan | null
  /** Who the mention refers to, after resolving pronouns and surnames; null for an outlet or report. */
  speaker: ResolvedSpeaker | null
  /** The outlet named as the source ("told The New York Times", "according to the report"). */
  citedOutlet: { name: string; span: TextSpan | null } | null
  /** Whom it was said to, when that is not an outlet ("reporters"). */
  audience: TextSpan | null
  /** When it was said, as far as the text tells, resolved against the article's date. */
  said: { phrase: string; earliest: string | null; latest: string | null } | null
  /** How it was attributed (see {@link AttributionMethod}). */
  method: AttributionMethod
  /**
   * From 0 to 1: how often statements attributed this way were, on PolNeAR's training articles, a
   * statement the annotators marked with the words naming its source where the extractor found them
   * (whom a pronoun or a title resolves to is not in that gold, so it is not measured).
   */
  confidence: number
}

/** What extraction knows besides the text. */
export interface ExtractionContext {
  /** Outlets to recognise by name or alias, besides the built-in list of major outlets. */
  outlets?: Array<{ name: string; aliases: string[] }>
  /** The article's publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), for "last week". */
  published?: string | null
}
