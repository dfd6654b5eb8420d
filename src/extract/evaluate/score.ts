/**
 * Scoring of extracted statements against gold, by span overlap. Pure functions: one article's
 * counts, a sum over articles (micro-average), and precision, recall and F1 from the sum.
 *
 * Precision is counted over predictions and recall over gold separately, so a gold quote the
 * extractor splits in two is found once and both halves are correct: splitting is not punished.
 */
import type { ExtractedStatement } from '../types'
import type { GoldAttribution } from './polnear'

/** A stretch of an article: `[start, end)` in JavaScript string offsets. */
export interface Span {
  start: number
  end: number
}

/** One metric's counts, for one article or summed over many. */
export interface Counts {
  /** Predictions judged right: precision's numerator. */
  correct: number
  /** Predictions judged: precision's denominator. */
  predicted: number
  /** Gold items found: recall's numerator. */
  found: number
  /** Gold items: recall's denominator. */
  gold: number
}

/** A metric's counts with precision, recall and F1. */
export interface Score extends Counts {
  p: number
  r: number
  f1: number
}

/** Every metric's counts for one article (or a sum); `outlet` is null where there is no gold for it. */
export interface ArticleCounts {
  quote: Counts
  speaker: Counts
  paraphrase: Counts
  outlet: Counts | null
}

/** How an attribute of a matched statement (its speaker, its cited outlet) is judged. */
export interface AttributeRule<G> {
  /** Whether a matched prediction counts toward precision (e.g. only when it names a mention). */
  judged(prediction: ExtractedStatement): boolean
  /** Whether a gold item counts toward recall (e.g. only when a source is marked). */
  expected(gold: G): boolean
  /** Whether the prediction's attribute is the gold item's. */
  agrees(gold: G, prediction: ExtractedStatement): boolean
}

/** No predictions and no gold. */
export const NO_COUNTS: Counts = { correct: 0, predicted: 0, found: 0, gold: 0 }

/** True for the kinds scored as quotes: `direct` and `partial`. */
export const isQuoteKind = (statement: ExtractedStatement) => statement.kind !== 'paraphrase'

/** How many characters `span` shares with the pieces of a (possibly discontinuous) span. */
export function overlapLength(span: Span, pieces: Span[]): number {
  let shared = 0
  for (const piece of pieces) {
    shared += Math.max(0, Math.min(span.end, piece.end) - Math.max(span.start, piece.start))
  }
  return shared
}

/** True when `span` shares at least one character with one of the pieces. */
export const overlapsAny = (span: Span, pieces: Span[]) => overlapLength(span, pieces) > 0

/** The index of the gold item `span` overlaps most (the first on a tie), or -1 when none. */
export function bestMatch(span: Span, gold: Span[][]): number {
  let best = -1
  let bestLength = 0
  gold.forEach((pieces, index) => {
    const length = overlapLength(span, pieces)
    if (length > bestLength) [best, bestLength] = [index, length]
  })
  return best
}

/**
 * Span matching: a prediction is correct when it overlaps any gold item; a gold item is found
 * when any prediction overlaps it.
 */
export function countSpanMatches(gold: Span[][], predicted: Span[]): Counts {
  return {
    correct: predicted.filter((span) => gold.some((pieces) => overlapsAny(span, pieces))).length,
    predicted: predicted.length,
    found: gold.filter((pieces) => predicted.some((span) => overlapsAny(span, pieces))).length,
    gold: gold.length,
  }
}

/**
 * Attribute matching over statements that matched gold. Precision: of the predictions that
 * overlap a gold item and are {@link AttributeRule.judged}, those whose attribute agrees with the
 * gold item they overlap most. Recall: of the {@link AttributeRule.expected} gold items, those
 * that some overlapping prediction agrees with.
 */
export function countAttributeMatches<G>(
  gold: G[],
  spansOf: (item: G) => Span[],
  predicted: ExtractedStatement[],
  rule: AttributeRule<G>,
): Counts {
  const goldSpans = gold.map(spansOf)
  const counts = { ...NO_COUNTS }
  for (const prediction of predicted) {
    const match = gold[bestMatch(prediction, goldSpans)]
    if (match === undefined || !rule.judged(prediction)) continue
    counts.predicted++
    if (rule.agrees(match, prediction)) counts.correct++
  }
  gold.forEach((item, index) => {
    if (!rule.expected(item)) return
    counts.gold++
    const agreeing = (p: ExtractedStatement) =>
      overlapsAny(p, goldSpans[index]!) && rule.agrees(item, p)
    if (predicted.some(agreeing)) counts.found++
  })
  return counts
}

/**
 * PolNeAR's speaker rule: a prediction is judged when it has a speaker mention, a gold quote
 * when it has a Source, and they agree when the mention overlaps the Source.
 */
export const POLNEAR_SPEAKER: AttributeRule<GoldAttribution> = {
  judged: (prediction) => prediction.speakerMention !== null,
  expected: (gold) => gold.source !== null,
  agrees: (gold, prediction) =>
    gold.source !== null &&
    prediction.speakerMention !== null &&
    overlapsAny(prediction.speakerMention, gold.source),
}

/**
 * PolNeAR's cited-outlet rule. The corpus marks sources, not outlets, and leaves "X told CNN"
 * unmarked, so only statements whose source is an outlet are scored: a prediction is judged when
 * an outlet is its source (a cited outlet and no speaker), a gold item is expected when its Source
 * names an outlet, and they agree when the prediction's outlet mention overlaps that Source.
 */
export const POLNEAR_OUTLET: AttributeRule<GoldAttribution> = {
  judged: (prediction) => prediction.citedOutlet !== null && prediction.speaker === null,
  expected: (gold) => gold.sourceIsOutlet === true,
  agrees: (gold, prediction) => {
    if (!gold.source || !gold.sourceIsOutlet || !prediction.citedOutlet) return false
    const mention = prediction.citedOutlet.span ?? prediction.speakerMention
    return mention !== null && overlapsAny(mention, gold.source)
  },
}

/**
 * One PolNeAR article's counts: quotes (direct and partial predictions against quoted Contents),
 * speakers ({@link POLNEAR_SPEAKER} over those), paraphrases (paraphrase predictions against the
 * other Contents), cited outlets ({@link POLNEAR_OUTLET}; null when neither gold nor prediction
 * has an outlet as a source).
 */
export function scorePolnearArticle(
  gold: GoldAttribution[],
  predicted: ExtractedStatement[],
): ArticleCounts {
  const quotes = gold.filter((a) => a.kind === 'quote')
  const paraphrases = gold.filter((a) => a.kind === 'paraphrase')
  const quotePredictions = predicted.filter(isQuoteKind)
  const contentOf = (a: GoldAttribution) => a.content
  return {
    quote: countSpanMatches(quotes.map(contentOf), quotePredictions),
    speaker: countAttributeMatches(quotes, contentOf, quotePredictions, POLNEAR_SPEAKER),
    paraphrase: countSpanMatches(
      paraphrases.map(contentOf),
      predicted.filter((s) => !isQuoteKind(s)),
    ),
    outlet:
      gold.some(POLNEAR_OUTLET.expected) || predicted.some(POLNEAR_OUTLET.judged)
        ? countAttributeMatches(gold, contentOf, predicted, POLNEAR_OUTLET)
        : null,
  }
}

/** The sum of two counts. */
export const addCounts = (a: Counts, b: Counts): Counts => ({
  correct: a.correct + b.correct,
  predicted: a.predicted + b.predicted,
  found: a.found + b.found,
  gold: a.gold + b.gold,
})

/** Articles' counts summed metric by metric; `outlet` is null when no article has outlet gold. */
export function sumArticleCounts(articles: ArticleCounts[]): ArticleCounts {
  const sum = (pick: (a: ArticleCounts) => Counts | null) =>
    articles.map(pick).reduce<Counts>((total, c) => (c ? addCounts(total, c) : total), NO_COUNTS)
  return {
    quote: sum((a) => a.quote),
    speaker: sum((a) => a.speaker),
    paraphrase: sum((a) => a.paraphrase),
    outlet: articles.some((a) => a.outlet !== null) ? sum((a) => a.outlet) : null,
  }
}

/**
 * Precision, recall and F1 = 2pr / (p + r) from counts. With nothing predicted and nothing to
 * find, all three are 1; otherwise a ratio over an empty denominator is 0, and F1 is 0 when p
 * and r both are.
 */
export function toScore(counts: Counts): Score {
  const nothingAtAll = counts.predicted === 0 && counts.gold === 0
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : nothingAtAll ? 1 : 0)
  const p = ratio(counts.correct, counts.predicted)
  const r = ratio(counts.found, counts.gold)
  return { ...counts, p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 }
}

/** One article's mistakes on quotes, for a developer to read. */
export interface QuoteErrors {
  /** Indexes of the gold quotes no prediction overlaps. */
  missed: number[]
  /** Quote predictions that overlap no gold quote. */
  spurious: ExtractedStatement[]
  /** Quote predictions that matched a gold quote (its index) but whose speaker does not agree. */
  wrongSpeaker: Array<{ gold: number; prediction: ExtractedStatement }>
}

/**
 * Lists the gold quotes missed, the quote predictions that overlap no gold quote, and the matched
 * ones whose speaker disagrees with the gold quote they overlap most.
 */
export function findQuoteErrors<G>(
  gold: G[],
  spansOf: (item: G) => Span[],
  predicted: ExtractedStatement[],
  speaker: AttributeRule<G>,
): QuoteErrors {
  const goldSpans = gold.map(spansOf)
  const quotes = predicted.filter(isQuoteKind)
  const errors: QuoteErrors = { missed: [], spurious: [], wrongSpeaker: [] }
  // A prediction with no mention for a gold quote with no source is no mistake.
  const disagrees = (item: G, prediction: ExtractedStatement) =>
    (speaker.judged(prediction) || speaker.expected(item)) && !speaker.agrees(item, prediction)
  goldSpans.forEach((pieces, index) => {
    if (!quotes.some((q) => overlapsAny(q, pieces))) errors.missed.push(index)
  })
  for (const prediction of quotes) {
    const index = bestMatch(prediction, goldSpans)
    if (index < 0) errors.spurious.push(prediction)
    else if (disagrees(gold[index]!, prediction))
      errors.wrongSpeaker.push({ gold: index, prediction })
  }
  return errors
}
