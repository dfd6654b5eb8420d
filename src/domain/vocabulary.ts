/**
 * The closed vocabularies of the attribution model, shared by the schema, validation and the API.
 */

/** What kind of organisation an outlet is. */
export const OUTLET_KINDS = ['newspaper', 'wire', 'broadcaster', 'magazine', 'online'] as const
export type OutletKind = (typeof OUTLET_KINDS)[number]

/**
 * How a statement is reported: `direct`, a whole quotation; `partial`, a quoted fragment inside a
 * paraphrase; `paraphrase`, an attributed claim with no quotation marks.
 */
export const QUOTE_KINDS = ['direct', 'partial', 'paraphrase'] as const
export type QuoteKind = (typeof QUOTE_KINDS)[number]

/** How much of a publication date is known. */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

/**
 * How the extractor attributed a statement: the speaker named where it was said (`named`), by
 * surname, by the office the article gave them (`title`), by the person just named when nobody
 * held that office (`nearest-person`), by pronoun, as an unnamed source (`anonymous`), an outlet as
 * the source (`outlet`); or from around it — the sentence after ("…” John Smith said.") or before
 * (a colon, a heading), a quotation running on from the one before, a transcript label, a
 * signature, a headline; `cue-only` when the sentence attributes but names nobody it could use.
 */
export const ATTRIBUTION_METHODS = [
  'named',
  'surname',
  'title',
  'nearest-person',
  'pronoun',
  'anonymous',
  'outlet',
  'sentence-after',
  'sentence-before',
  'runs-on',
  'transcript',
  'signature',
  'headline',
  'cue-only',
] as const
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number]
