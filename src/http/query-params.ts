/**
 * Query-string and path parameters, as zod schemas that both validate requests and describe them in
 * the OpenAPI document. The search parameters are read by the readers of `search/search-request.ts`
 * — the ones the pages and the command line use — so that every front door takes the same values
 * with the same messages; each message names the parameter and what it takes.
 */
import { z } from '@hono/zod-openapi'
import {
  FACET_SIZE,
  MAX_OFFSET,
  PAGE_LIMIT,
  ParamProblem,
  readParam,
  SORTS,
  type RawValue,
} from '../search/search-request'
import { LIMITS } from '../search/options'

export { MAX_LIST_VALUES } from '../search/search-request'

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

/** A parameter read by one of the search readers, its problem reported as the request's. */
function readBy<T>(read: (value: RawValue) => T) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx): T => {
      try {
        return read(value)
      } catch (error) {
        if (!(error instanceof ParamProblem)) throw error
        ctx.addIssue({ code: 'custom', message: error.message })
        return z.NEVER
      }
    })
}

export const limitParam = readBy(readParam.limit).openapi({
  param: { name: 'limit', in: 'query' },
  type: 'integer',
  minimum: PAGE_LIMIT.min,
  maximum: PAGE_LIMIT.max,
  default: PAGE_LIMIT.default,
})

export const offsetParam = readBy(readParam.offset).openapi({
  param: { name: 'offset', in: 'query' },
  type: 'integer',
  minimum: 0,
  maximum: MAX_OFFSET,
  default: 0,
})

const qMessage = `q must be at most ${LIMITS.queryLength} characters.`

export const searchTextParam = readBy(readParam.q).openapi({
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

export const speakerListParam = readBy((v) => readParam.slugs('speaker', v)).openapi({
  param: { name: 'speaker', in: 'query' },
  description: 'Speaker slugs; repeat or separate with commas for any of several.',
  type: 'string',
})

export const outletListParam = readBy((v) => readParam.slugs('outlet', v)).openapi({
  param: { name: 'outlet', in: 'query' },
  description: 'Reporting outlet slugs: the outlets that published the article.',
  type: 'string',
})

export const citedListParam = readBy((v) => readParam.slugs('cited', v)).openapi({
  param: { name: 'cited', in: 'query' },
  description: 'Cited outlet slugs: the outlets named as the source of the statement.',
  type: 'string',
})

export const kindListParam = readBy(readParam.kinds).openapi({
  param: { name: 'kind', in: 'query' },
  description: 'direct, partial or paraphrase.',
  type: 'string',
})

export const fromParam = readBy((v) => readParam.date('from', v)).openapi({
  param: { name: 'from', in: 'query' },
  description: 'Publication on or after the first day of this date.',
  example: '2025-02',
})
export const toParam = readBy((v) => readParam.date('to', v)).openapi({
  param: { name: 'to', in: 'query' },
  description: 'Publication on or before the last day of this date.',
  example: '2025-02',
})

export const anonymousParam = readBy(readParam.anonymous).openapi({
  param: { name: 'anonymous', in: 'query' },
  type: 'string',
  enum: ['true', 'false'],
  description:
    'true: only statements by unnamed sources ("a U.S. official"); false: only by named speakers.',
})

export const exactParam = readBy(readParam.exact).openapi({
  param: { name: 'exact', in: 'query' },
  type: 'string',
  enum: ['true', 'false'],
  default: 'false',
  description:
    'true: words only as typed — no other forms, no common words left out, no speakers recognised, and nothing when no quote holds every word.',
})

export const facetSizeParam = readBy(readParam.facetSize).openapi({
  param: { name: 'facetSize', in: 'query' },
  type: 'integer',
  minimum: FACET_SIZE.min,
  maximum: FACET_SIZE.max,
  default: FACET_SIZE.default,
  description: 'How many values each facet lists.',
})

export const sortParam = readBy(readParam.sort).openapi({
  param: { name: 'sort', in: 'query' },
  type: 'string',
  enum: [...SORTS],
  description: 'relevance (the default with q), newest (the default without) or oldest.',
})

/** Path `:id`: a positive whole number. */
const idMessage = `id must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}.`
/** A record's id as an address writes it, or null when it cannot be one. */
export function idFromPath(written: string): number | null {
  const id = /^[1-9]\d{0,15}$/.test(written) ? Number(written) : NaN
  return Number.isSafeInteger(id) ? id : null
}

export const idPathParam = z
  .string()
  .refine((s) => idFromPath(s) !== null, { error: idMessage })
  .transform(Number)
  .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', minimum: 1, example: 1 })

/** `?article=`: an article's id, as a filter. */
export const articleIdParam = z
  .string()
  .refine((s) => idFromPath(s) !== null, {
    error: `article must be an article's id, a whole number from 1 to ${Number.MAX_SAFE_INTEGER}.`,
  })
  .transform(Number)
  .optional()
  .openapi({ param: { name: 'article', in: 'query' }, type: 'integer', minimum: 1, example: 2 })

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
