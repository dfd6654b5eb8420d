/**
 * The confidence of an extracted statement: how often statements attributed the same way were
 * right on PolNeAR's training articles — the statement is one the annotators marked, and its
 * speaker mention is their source (or, with none, they marked no source either). Whom a pronoun or
 * a title resolves to is not in that gold: the rate says the words are right, not the person. Measured by
 * `npm run train:extract -- --polnear DIR` into `method-confidence.ts`; never on what is reported
 * as a test score.
 */
import type { AttributionMethod, QuoteKind } from '../domain/vocabulary'
import { METHOD_CONFIDENCE } from './method-confidence'

/** Methods too rare in the training articles to have measured a rate of their own. */
const UNMEASURED = 0.5

/** The measured rate for a method and kind of statement (quotation or paraphrase), 0 to 1. */
export function confidenceOf(method: AttributionMethod, kind: QuoteKind): number {
  const measured = METHOD_CONFIDENCE[kind === 'paraphrase' ? 'paraphrase' : 'quote'][method]
  return measured ?? UNMEASURED
}
