/**
 * Query-string and path parameters, as zod schemas that both validate requests and describe them in
 * the OpenAPI document. Each has a fixed error message that names the parameter and what it takes.
 *
 * A parameter given twice arrives as a list; list parameters (speaker, outlet, cited, kind) take
 * repeated values and comma-separated ones alike, and any other parameter refuses a second value.
 */
import { z } from '@hono/zod-openapi'
import { SLUG_PATTERN } from '../domain/identity'
import { parsePartialDate } from '../domain/partial-dates'
import { QUOTE_KINDS } from '../domain/vocabulary'
import { LIMITS } from '../search/options'

/** Most values a list parameter takes. */
export const MAX_LIST_VALUES = 20
const MAX_OFFSET = 10_000_000

/** A parameter that takes one value: missing, repeated and mistyped values each get their own message. */
const single = (param: string, message: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? `${param} is required.`
        : Array.isArray(issue.input)
          ? `${param} must be given once.`
          : message,
  })

const wholeNumber = (param: string, min: number, max: number, message: string) =>
  single(param, message)
    .regex(/^\d{1,9}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))

export const limitParam = wholeNumber(
  'limit',
  1,
  100,
  'limit must be a whole number from 1 to 100.',
)
  .optional()
  .default(20)
  .openapi({
    param: { name: 'limit', in: 'query' },
    type: 'integer',
    minimum: 1,
    maximum: 100,
    default: 20,
  })

export const offsetParam = wholeNumber(
  'offset',
  0,
  MAX_OFFSET,
  `offset must be a whole number from 0 to ${MAX_OFFSET}.`,
)
  .optional()
  .default(0)
  .openapi({
    param: { name: 'offset', in: 'query' },
    type: 'integer',
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
  })

const qMessage = `q must be at most ${LIMITS.queryLength} characters.`

export const searchTextParam = single('q', qMessage)
  .max(LIMITS.queryLength, { error: qMessage })
  .optional()
  .openapi({
    param: { name: 'q', in: 'query' },
    description:
      'Words that must all match; "a quoted phrase"; -word to exclude; the last word is a prefix.',
    example: 'vaporized',
  })

export const claimTextParam = single('q', 'q must be a claim in words.')
  .max(LIMITS.queryLength, { error: qMessage })
  .refine((s) => s.trim() !== '', { error: 'q must be a claim in words; it is empty.' })
  .openapi({
    param: { name: 'q', in: 'query', required: true },
    description: 'A claim in your own words; statements sharing enough of its words are found.',
    example: 'drones were flown over Mexico for years',
  })

/** A list parameter: repeated (`a=x&a=y`) or comma-separated (`a=x,y`). */
function listParam<T extends z.ZodType<string, string>>(
  param: string,
  item: T,
  itemMessage: string,
) {
  const tooMany = `${param} takes at most ${MAX_LIST_VALUES} values.`
  return z
    .union([z.string(), z.array(z.string())], { error: itemMessage })
    .optional()
    .transform((value) =>
      (value === undefined ? [] : [value].flat())
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(item).max(MAX_LIST_VALUES, { error: tooMany }))
}

const slug = (message: string) => z.string().regex(SLUG_PATTERN, { error: message })

export const speakerListParam = listParam(
  'speaker',
  slug('speaker must be a speaker slug, such as claudia-sheinbaum.'),
  'speaker must be a speaker slug, such as claudia-sheinbaum.',
).openapi({
  param: { name: 'speaker', in: 'query' },
  description: 'Speaker slugs; repeat or separate with commas for any of several.',
  type: 'string',
})

export const outletListParam = listParam(
  'outlet',
  slug('outlet must be an outlet slug, such as the-independent.'),
  'outlet must be an outlet slug, such as the-independent.',
).openapi({
  param: { name: 'outlet', in: 'query' },
  description: 'Reporting outlet slugs: the outlets that published the article.',
  type: 'string',
})

export const citedListParam = listParam(
  'cited',
  slug('cited must be an outlet slug, such as the-wall-street-journal.'),
  'cited must be an outlet slug, such as the-wall-street-journal.',
).openapi({
  param: { name: 'cited', in: 'query' },
  description: 'Cited outlet slugs: the outlets named as the source of the statement.',
  type: 'string',
})

const kindMessage = `kind must be one of ${QUOTE_KINDS.join(', ')}.`

export const kindListParam = listParam(
  'kind',
  z.enum(QUOTE_KINDS, { error: kindMessage }),
  kindMessage,
).openapi({
  param: { name: 'kind', in: 'query' },
  description: 'direct, partial or paraphrase.',
  type: 'string',
})

const dateParam = (param: 'from' | 'to', description: string) => {
  const message = `${param} must be a date: YYYY, YYYY-MM or YYYY-MM-DD.`
  return single(param, message)
    .refine((s) => parsePartialDate(s) !== null, { error: message })
    .optional()
    .openapi({ param: { name: param, in: 'query' }, description, example: '2025-02' })
}

export const fromParam = dateParam('from', 'Publication on or after the first day of this date.')
export const toParam = dateParam('to', 'Publication on or before the last day of this date.')

const sortMessage = 'sort must be one of relevance, newest, oldest.'
export const sortParam = single('sort', sortMessage)
  .pipe(z.enum(['relevance', 'newest', 'oldest'], { error: sortMessage }))
  .optional()
  .openapi({
    param: { name: 'sort', in: 'query' },
    type: 'string',
    enum: ['relevance', 'newest', 'oldest'],
    description: 'relevance (the default with q), newest (the default without) or oldest.',
  })

/** Path `:id`: a positive whole number. */
const idMessage = `id must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}.`
export const idPathParam = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, { error: idMessage })
  .refine((s) => Number.isSafeInteger(Number(s)), { error: idMessage })
  .transform(Number)
  .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', minimum: 1, example: 1 })

/** Path `:slug`: anything short; a slug that names nothing is a 404, not a 400. */
export const slugPathParam = z
  .string()
  .max(200, { error: 'slug must be at most 200 characters.' })
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'claudia-sheinbaum' })

/** The error for a parameter the endpoint does not take. */
export const unknownParameterMessage = (param: string, known: string[]) =>
  `Unknown parameter "${param}"; this endpoint takes ${known.join(', ')}.`

/**
 * The query-string object of an endpoint: exactly these parameters, and a clear error naming any
 * other one (a misspelt filter would otherwise be silently ignored).
 */
export function queryObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape)
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownParameterMessage(String(issue.keys[0]), known)
        : undefined,
  })
}
