/**
 * What an import item may look like, as zod schemas. Four types of item: `outlet`, `speaker`,
 * `article` (which may hold its quotes) and `quote` (the default when `type` is absent). A quote or
 * article names other records loosely: an outlet or speaker by slug, by name or alias, or as an
 * object to create; an article by url, or as an object to create. Unknown fields are ignored.
 */
import { z } from 'zod'
import { SLUG_PATTERN } from '../domain/identity'
import { parsePartialDate } from '../domain/partial-dates'
import { ATTRIBUTION_METHODS, OUTLET_KINDS, QUOTE_KINDS } from '../domain/vocabulary'

// Control characters other than tab and line breaks have no place in printed text; U+0002 and
// U+0003 are the snippet markers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** Printed text: not blank, no control characters. */
export const textField = (what: string, max = 1_000_000) =>
  z
    .string({ error: `${what} must be text` })
    .max(max, { error: `${what} must be at most ${max} characters` })
    .refine((s) => s.trim() !== '', { error: `${what} must not be empty` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), {
      error: `${what} must not hold control characters`,
    })

/** Optional printed text: absent, null and blank all mean "not known". */
const optionalText = (what: string, max = 1000) =>
  z
    .string({ error: `${what} must be text` })
    .max(max, { error: `${what} must be at most ${max} characters` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), {
      error: `${what} must not hold control characters`,
    })
    .nullish()
    .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v))

export const slugField = z
  .string({ error: 'a slug must be text' })
  .max(100, { error: 'a slug must be at most 100 characters' })
  .regex(SLUG_PATTERN, {
    error: 'a slug is lower-case letters and digits in words joined by single hyphens',
  })

const isoDay = z
  .string({ error: 'must be a day written YYYY-MM-DD' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parsePartialDate(s) !== null, {
    error: 'must be a real day written YYYY-MM-DD',
  })

export const urlField = z
  .string({ error: 'url must be text' })
  .max(2000, { error: 'url must be at most 2000 characters' })
  .refine(
    (s) => {
      try {
        const url = new URL(s)
        return url.protocol === 'http:' || url.protocol === 'https:'
      } catch {
        return false
      }
    },
    { error: 'url must be an absolute http or https address' },
  )

const aliasesField = z
  .array(textField('an alias', 200), { error: 'aliases must be a list of names' })
  .max(100, { error: 'aliases holds at most 100 names' })
  .nullish()
  .transform((v) => [...new Set(v ?? [])])

const outletKindField = z
  .enum(OUTLET_KINDS, { error: `kind must be one of ${OUTLET_KINDS.join(', ')}` })
  .nullish()
  .transform((v) => v ?? null)

const countryField = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'country must be a two-letter ISO code in capitals, such as GB' })
  .nullish()
  .transform((v) => v ?? null)

const domainField = z
  .string()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, {
    error: 'domain must be a lower-case host name such as nytimes.com',
  })
  .nullish()
  .transform((v) => v ?? null)

const wikidataField = z
  .string()
  .regex(/^Q[1-9]\d*$/, { error: 'wikidataId must look like Q42' })
  .nullish()
  .transform((v) => v ?? null)

/** An outlet to create or find: every field but one of slug, name or domain may be left out. */
const outletFields = {
  slug: slugField.optional(),
  name: textField('name', 200).optional(),
  kind: outletKindField,
  country: countryField,
  domain: domainField,
  aliases: aliasesField,
}

const outletObject = z
  .object(outletFields)
  .refine((o) => o.slug !== undefined || o.name !== undefined || o.domain !== null, {
    error: 'an outlet needs a slug, a name or a domain',
  })

/** An outlet named by slug, name, alias or domain, or given as an object. */
export const outletRefField = z.union([textField('outlet', 200), outletObject], {
  error: 'an outlet is a slug, a name or an object with a name',
})
export type OutletRef = z.output<typeof outletRefField>

const speakerFields = {
  slug: slugField.optional(),
  name: textField('name', 300),
  description: optionalText('description'),
  wikidataId: wikidataField,
  anonymous: z.boolean({ error: 'anonymous must be true or false' }).default(false),
  aliases: aliasesField,
}

/** A speaker named by slug, name or alias, given as an object, or named by its slug alone. */
export const speakerRefField = z.union(
  [textField('speaker', 300), z.object(speakerFields), z.object({ slug: slugField })],
  { error: 'a speaker is a slug, a name or an object with a name' },
)
export type SpeakerRef = z.output<typeof speakerRefField>

const articleFields = {
  url: urlField,
  outlet: outletRefField,
  title: optionalText('title'),
  published: z
    .string({ error: 'published must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine((s) => parsePartialDate(s) !== null, {
      error: 'published must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
    }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
      error: 'language must be a language tag such as en',
    })
    .nullish()
    .transform((v) => v ?? 'en'),
  byline: optionalText('byline'),
  body: z
    .union([z.literal(''), textField('body', 2_000_000)])
    .nullish()
    .transform((v) => (v ? v : null)),
}

const saidField = z
  .object({
    phrase: optionalText('said.phrase'),
    earliest: isoDay.nullish().transform((v) => v ?? null),
    latest: isoDay.nullish().transform((v) => v ?? null),
  })
  .refine((s) => s.earliest === null || s.latest === null || s.earliest <= s.latest, {
    error: 'said.earliest must not be after said.latest',
  })
  .nullish()
  .transform((v) => v ?? null)

const offsetField = (what: string) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int({ error: `${what} must be a whole number` })
    .nonnegative({ error: `${what} must not be negative` })
    .nullish()
    .transform((v) => v ?? null)

const bodySpanField = (what: string) =>
  z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string().max(1000, { error: `${what}.text must be at most 1000 characters` }),
    })
    .refine((span) => span.end >= span.start, { error: `${what}.end must not be before its start` })
    .nullish()
    .transform((v) => v ?? null)

/** The evidence of an extracted statement, as the export writes it and the extractor makes it. */
const extractionField = z
  .object({
    method: z.enum(ATTRIBUTION_METHODS, {
      error: `extraction.method must be one of ${ATTRIBUTION_METHODS.join(', ')}`,
    }),
    confidence: z
      .number({ error: 'extraction.confidence must be a number from 0 to 1' })
      .min(0, { error: 'extraction.confidence must be a number from 0 to 1' })
      .max(1, { error: 'extraction.confidence must be a number from 0 to 1' }),
    cue: bodySpanField('extraction.cue'),
    mention: bodySpanField('extraction.mention'),
  })
  .strict()
  .nullish()
  .transform((v) => v ?? null)

const quoteFields = {
  speaker: speakerRefField.nullish().transform((v) => v ?? null),
  text: textField('text', 100_000),
  kind: z
    .enum(QUOTE_KINDS, { error: `kind must be one of ${QUOTE_KINDS.join(', ')}` })
    .default('direct'),
  cue: optionalText('cue', 200),
  speakerTitle: optionalText('speakerTitle'),
  audience: optionalText('audience', 200),
  citedOutlet: outletRefField.nullish().transform((v) => v ?? null),
  said: saidField,
  start: offsetField('start'),
  end: offsetField('end'),
  extraction: extractionField,
}

export const outletItemSchema = z
  .object({ type: z.literal('outlet'), ...outletFields })
  .refine((o) => o.name !== undefined || o.domain !== null, {
    error: 'an outlet needs a name or a domain',
    path: ['name'],
  })

export const speakerItemSchema = z.object({ type: z.literal('speaker'), ...speakerFields })

const nestedQuoteSchema = z.object(quoteFields)

export const articleItemSchema = z.object({
  type: z.literal('article'),
  ...articleFields,
  quotes: z
    .array(nestedQuoteSchema, { error: 'quotes must be a list' })
    .max(10_000, {
      error: 'an article holds at most 10,000 quotes; import the rest as quote records',
    })
    .nullish()
    .transform((v) => v ?? []),
})

export const articleRefField = z.union([urlField, z.object(articleFields)], {
  error: 'article must be a url or an object with url, outlet and published',
})
export type ArticleRef = z.output<typeof articleRefField>

export const quoteItemSchema = z.object({
  type: z.literal('quote').optional(),
  article: articleRefField,
  ...quoteFields,
})

export type OutletItem = z.output<typeof outletItemSchema>
export type SpeakerItem = z.output<typeof speakerItemSchema>
export type ArticleItem = z.output<typeof articleItemSchema>
export type QuoteItem = z.output<typeof quoteItemSchema>
export type NestedQuote = z.output<typeof nestedQuoteSchema>
export type ImportItem = OutletItem | SpeakerItem | ArticleItem | QuoteItem

const ITEM_TYPES = ['outlet', 'speaker', 'article', 'quote'] as const

export type ItemParse =
  | { ok: true; item: ImportItem }
  | { ok: false; problems: Array<{ field: string; message: string }> }

/** Parses one item, choosing its schema by `type` (a quote when absent). */
export function parseItem(value: unknown): ItemParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ field: '', message: 'a record must be a JSON object' }] }
  }
  const type = (value as { type?: unknown }).type ?? 'quote'
  const schema =
    type === 'outlet'
      ? outletItemSchema
      : type === 'speaker'
        ? speakerItemSchema
        : type === 'article'
          ? articleItemSchema
          : type === 'quote'
            ? quoteItemSchema
            : null
  if (schema === null) {
    return {
      ok: false,
      problems: [{ field: 'type', message: `type must be one of ${ITEM_TYPES.join(', ')}` }],
    }
  }
  // A refused record's ZodError is an Error: built without a stack trace, as a file of a million
  // bad records builds a million of them.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let result
  try {
    result = schema.safeParse(value)
  } finally {
    Error.stackTraceLimit = limit
  }
  if (result.success) return { ok: true, item: result.data as ImportItem }
  return { ok: false, problems: describeIssues(result.error.issues, []) }
}

type Issue = z.core.$ZodIssue

/**
 * Issues as problems a person can act on. A field that may be one of two shapes (an article as a
 * url or as an object) fails as a whole; the problems of the shape the value was meant to have
 * (the branch that did not fail on its very type) say more than "one of two shapes".
 */
function describeIssues(
  issues: Issue[],
  base: PropertyKey[],
): Array<{ field: string; message: string }> {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path]
    if (issue.code === 'invalid_union') {
      const meant = issue.errors.find(
        (branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0),
      )
      if (meant) return describeIssues(meant, path)
    }
    return [{ field: path.map(String).join('.'), message: issue.message }]
  })
}
