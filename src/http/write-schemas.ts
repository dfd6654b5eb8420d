/**
 * Request bodies of the write API. New quotes and articles take the import item shapes (so a
 * speaker or outlet may be named by slug, name or alias, or given in full); changes take the
 * fields to change. Unknown fields are refused: a misspelt field must not be silently dropped.
 */
import { z } from '@hono/zod-openapi'
import { OUTLET_KINDS, QUOTE_KINDS } from '../domain/vocabulary'
import { articleItemSchema, quoteItemSchema, slugField, textField } from '../import/item-schema'

export const newQuoteBody = quoteItemSchema.strict().openapi('NewQuote', {
  description:
    'A statement: its article (url of a stored article, or the article in full), speaker (slug, name or object; null for an outlet or report), text, kind and chain. Offsets may be left out when the article has a body: the text is found in it.',
})

export const newArticleBody = articleItemSchema
  .extend({ type: z.literal('article').optional() })
  .strict()
  .openapi('NewArticle', {
    description:
      'An article with its body and, optionally, its statements (`quotes`). The outlet is a slug, a name, a domain or a new outlet.',
  })

const nullableText = (what: string, max = 1000) => textField(what, max).nullable()

const said = z
  .object({
    phrase: nullableText('said.phrase').optional(),
    earliest: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'said.earliest must be a day written YYYY-MM-DD' })
      .nullable()
      .optional(),
    latest: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'said.latest must be a day written YYYY-MM-DD' })
      .nullable()
      .optional(),
  })
  .strict()
  .transform((s) => ({
    phrase: s.phrase ?? null,
    earliest: s.earliest ?? null,
    latest: s.latest ?? null,
  }))
  .refine((s) => s.earliest === null || s.latest === null || s.earliest <= s.latest, {
    error: 'said.earliest must not be after said.latest',
  })

const wholeOffset = (what: string) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int({ error: `${what} must be a whole number` })
    .nonnegative({ error: `${what} must not be negative` })

const offset = (what: string) => wholeOffset(what).nullable()

export const quoteChangesBody = z
  .strictObject({
    text: textField('text', 100_000).optional(),
    kind: z
      .enum(QUOTE_KINDS, { error: `kind must be one of ${QUOTE_KINDS.join(', ')}` })
      .optional(),
    speaker: slugField.nullable().optional(),
    cue: nullableText('cue', 200).optional(),
    speakerTitle: nullableText('speakerTitle').optional(),
    audience: nullableText('audience', 200).optional(),
    citedOutlet: slugField.nullable().optional(),
    said: said.nullable().optional(),
    start: offset('start').optional(),
    end: offset('end').optional(),
  })
  .openapi('QuoteChanges', {
    description:
      'The fields to change; speaker and citedOutlet by slug. A new text or new offsets are checked against the article body.',
  })

const aliases = z
  .array(textField('an alias', 200))
  .max(100, { error: 'aliases holds at most 100 names' })
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'country must be a two-letter ISO code in capitals, such as GB' })
  .nullable()
const domain = z
  .string()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, {
    error: 'domain must be a lower-case host name such as nytimes.com',
  })
  .nullable()
const outletKind = z
  .enum(OUTLET_KINDS, { error: `kind must be one of ${OUTLET_KINDS.join(', ')}` })
  .nullable()
const wikidataId = z
  .string()
  .regex(/^Q[1-9]\d*$/, { error: 'wikidataId must look like Q42' })
  .nullable()

export const newOutletBody = z
  .strictObject({
    slug: slugField.optional(),
    name: textField('name', 200),
    kind: outletKind.default(null),
    country: country.default(null),
    domain: domain.default(null),
    aliases: aliases.default([]),
  })
  .openapi('NewOutlet')

export const outletChangesBody = z
  .strictObject({
    name: textField('name', 200).optional(),
    kind: outletKind.optional(),
    country: country.optional(),
    domain: domain.optional(),
    aliases: aliases.optional(),
  })
  .openapi('OutletChanges', { description: 'The fields to change; `aliases` replaces the list.' })

export const newSpeakerBody = z
  .strictObject({
    slug: slugField.optional(),
    name: textField('name', 300),
    description: nullableText('description').default(null),
    wikidataId: wikidataId.default(null),
    anonymous: z.boolean({ error: 'anonymous must be true or false' }).default(false),
    aliases: aliases.default([]),
  })
  .openapi('NewSpeaker')

export const speakerChangesBody = z
  .strictObject({
    name: textField('name', 300).optional(),
    description: nullableText('description').optional(),
    wikidataId: wikidataId.optional(),
    anonymous: z.boolean({ error: 'anonymous must be true or false' }).optional(),
    aliases: aliases.optional(),
  })
  .openapi('SpeakerChanges', { description: 'The fields to change; `aliases` replaces the list.' })

export const mergeBody = z
  .strictObject({
    from: z
      .array(slugField, { error: 'from must be a list of slugs' })
      .min(1, { error: 'from must name at least one slug' })
      .max(100, { error: 'from names at most 100 slugs' }),
  })
  .openapi('Merge', {
    description: 'The slugs of the records to merge into this one; they are deleted.',
  })

export const reviewCorrectionBody = quoteChangesBody
  .pick({ speakerTitle: true, kind: true, text: true })
  .extend({
    // By name as well as by slug: a reviewer names the person the article means.
    speaker: textField('speaker', 300).nullable().optional(),
    citedOutlet: textField('citedOutlet', 300).nullable().optional(),
    start: wholeOffset('start').optional(),
    end: wholeOffset('end').optional(),
  })
  .refine((c) => Object.keys(c).length > 0, {
    error: 'Name at least one field to correct; to keep the statement as it is, accept it.',
  })
  .openapi('ReviewCorrection', {
    description:
      'What the extractor got wrong. speaker and citedOutlet by slug or name (a new speaker or outlet when none goes by the name; null for none); the span as text found in the article body, or as start and end offsets.',
  })
