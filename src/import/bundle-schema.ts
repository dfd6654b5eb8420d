/**
 * The shape of each record a bundle may hold, as zod schemas. Optional fields default to null (or
 * an empty list), so a record may leave out what it does not know.
 */
import { z } from 'zod'
import type { ArticleRecord, OutletRecord, QuoteRecord, SpeakerRecord } from '../domain/bundle'
import { parsePartialDate } from '../domain/partial-dates'
import { OUTLET_KINDS, QUOTE_KINDS } from '../domain/vocabulary'

// Control characters other than tab and line breaks have no place in printed text, and U+0002/U+0003
// are the snippet markers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .refine((s) => s.trim() !== '', { error: `${what} must not be empty` })
    .refine((s) => !CONTROL_CHARACTERS.test(s), {
      error: `${what} must not hold control characters`,
    })

const optionalText = (what: string) =>
  text(what)
    .nullish()
    .transform((v) => v ?? null)

export const slugSchema = z
  .string({ error: 'a slug must be text' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'a slug is lower-case letters and digits in words joined by single hyphens',
  })

const isoDay = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parsePartialDate(s) !== null, {
    error: 'must be a real day written YYYY-MM-DD',
  })

const url = z.string({ error: 'url must be text' }).refine(
  (s) => {
    try {
      const parsed = new URL(s)
      return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.href.length > 0
    } catch {
      return false
    }
  },
  { error: 'url must be an absolute http or https address' },
)

const aliases = z
  .array(text('an alias'))
  .nullish()
  .transform((v) => v ?? [])

export const outletRecordSchema = z.object({
  slug: slugSchema,
  name: text('name'),
  kind: z.enum(OUTLET_KINDS, { error: `kind must be one of ${OUTLET_KINDS.join(', ')}` }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'country must be a two-letter ISO code in capitals, such as GB' })
    .nullish()
    .transform((v) => v ?? null),
  domain: z
    .string()
    .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, {
      error: 'domain must be a lower-case host name such as nytimes.com',
    })
    .nullish()
    .transform((v) => v ?? null),
  aliases,
}) satisfies z.ZodType<OutletRecord, unknown>

export const speakerRecordSchema = z.object({
  slug: slugSchema,
  name: text('name'),
  description: optionalText('description'),
  wikidataId: z
    .string()
    .regex(/^Q[1-9]\d*$/, { error: 'wikidataId must look like Q42' })
    .nullish()
    .transform((v) => v ?? null),
  anonymous: z.boolean({ error: 'anonymous must be true or false' }).default(false),
  aliases,
}) satisfies z.ZodType<SpeakerRecord, unknown>

export const articleRecordSchema = z.object({
  url,
  outlet: slugSchema,
  title: optionalText('title'),
  published: z
    .string({ error: 'published must be a date' })
    .refine((s) => parsePartialDate(s) !== null, {
      error: 'published must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
    }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
      error: 'language must be a language tag such as en',
    })
    .default('en'),
  byline: optionalText('byline'),
  body: optionalText('body'),
}) satisfies z.ZodType<ArticleRecord, unknown>

export const quoteRecordSchema = z.object({
  article: url,
  speaker: slugSchema.nullish().transform((v) => v ?? null),
  text: text('text'),
  kind: z.enum(QUOTE_KINDS, { error: `kind must be one of ${QUOTE_KINDS.join(', ')}` }),
  cue: optionalText('cue'),
  speakerTitle: optionalText('speakerTitle'),
  audience: optionalText('audience'),
  citedOutlet: slugSchema.nullish().transform((v) => v ?? null),
  said: z
    .object({
      phrase: optionalText('said.phrase'),
      earliest: isoDay.nullish().transform((v) => v ?? null),
      latest: isoDay.nullish().transform((v) => v ?? null),
    })
    .refine((s) => s.earliest === null || s.latest === null || s.earliest <= s.latest, {
      error: 'said.earliest must not be after said.latest',
    })
    .nullish()
    .transform((v) => v ?? null),
  start: z
    .number()
    .int()
    .nonnegative()
    .nullish()
    .transform((v) => v ?? null),
  end: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
}) satisfies z.ZodType<QuoteRecord, unknown>
