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
