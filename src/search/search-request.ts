/**
 * The search parameters, read once: from the text of a request's query string, a page's form or
 * the command line's options to a typed query, with one message for each thing that can be wrong.
 * The API (through its zod schemas, which describe these parameters in the OpenAPI document and
 * call the readers here), the pages and the command line all read them here. Pure: what a slug
 * names, and whether a date range is the right way round, is the services' to check.
 *
 * A parameter given twice arrives as several values; list parameters (speaker, outlet, cited,
 * kind) take repeated values and comma-separated ones alike, and any other parameter refuses a
 * second value.
 */
import { SLUG_PATTERN } from '../domain/identity'
import { parsePartialDate } from '../domain/partial-dates'
import type { QuoteSort } from '../domain/store'
import { QUOTE_KINDS, type QuoteKind } from '../domain/vocabulary'
import { LIMITS } from './options'

/** Most values a list parameter takes. */
export const MAX_LIST_VALUES = 20
/** The largest offset into results any front door accepts. */
export const MAX_OFFSET = 10_000_000
/** Results per page: the bounds of `limit`, and its default. */
export const PAGE_LIMIT = { min: 1, max: 100, default: 20 } as const
export const SORTS = ['relevance', 'newest', 'oldest'] as const
/** Values per facet: the bounds of `facetSize`, and its default. */
export const FACET_SIZE = { min: 1, max: 100, default: 10 } as const

/** The search parameters, checked and typed. */
export interface QuoteQuery {
  /** The words as typed (a trailing space says the last word is complete); null or blank to browse. */
  q: string | null
  speakers: string[]
  outlets: string[]
  cited: string[]
  kinds: QuoteKind[]
  /** Partial dates, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from: string | null
  to: string | null
  /** Only unnamed sources (true) or named speakers (false); null for all. */
  anonymous: boolean | null
  /** Words only as typed, every one required. */
  exact: boolean
  sort: QuoteSort | null
  limit: number
  offset: number
  /** How many values each facet lists. */
  facetSize: number
}

/** A parameter that cannot be read, and why, in words that name it. */
export class ParamProblem extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message)
    this.name = 'ParamProblem'
  }
}

/** A parameter's values as they arrive: none, one, or several (given more than once). */
export type RawValue = string | string[] | undefined

/** The one value of a parameter that takes one; undefined when absent. */
function one(param: string, value: RawValue): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new ParamProblem(param, `${param} must be given once.`)
    return value[0]
  }
  return value
}

const SLUG_EXAMPLES = {
  speaker: 'a speaker slug, such as claudia-sheinbaum',
  outlet: 'an outlet slug, such as the-independent',
  cited: 'an outlet slug, such as the-wall-street-journal',
} as const

/** The readers of each parameter: each returns the typed value or throws a `ParamProblem`. */
export const readParam = {
  q(value: RawValue): string | null {
    const q = one('q', value)
    if (q !== undefined && q.length > LIMITS.queryLength) {
      throw new ParamProblem('q', `q must be at most ${LIMITS.queryLength} characters.`)
    }
    // Kept as typed: a trailing space says the last word is complete (not a prefix); blank words
    // browse, as the services read them.
    return q ?? null
  },

  /** A list: repeated (`a=x&a=y`) or comma-separated (`a=x,y`); blanks are left out. */
  list(param: string, value: RawValue, valid: (item: string) => boolean, what: string): string[] {
    const items = (value === undefined ? [] : [value].flat())
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '')
    if (items.length > MAX_LIST_VALUES) {
      throw new ParamProblem(param, `${param} takes at most ${MAX_LIST_VALUES} values.`)
    }
    if (!items.every(valid)) throw new ParamProblem(param, `${param} must be ${what}.`)
    return items
  },

  slugs(param: keyof typeof SLUG_EXAMPLES, value: RawValue): string[] {
    return readParam.list(param, value, (s) => SLUG_PATTERN.test(s), SLUG_EXAMPLES[param])
  },

  kinds(value: RawValue): QuoteKind[] {
    const kinds: readonly string[] = QUOTE_KINDS
    const what = `one of ${QUOTE_KINDS.join(', ')}`
    return readParam.list('kind', value, (k) => kinds.includes(k), what) as QuoteKind[]
  },

  date(param: 'from' | 'to', value: RawValue): string | null {
    const date = one(param, value)
    if (date === undefined) return null
    if (!parsePartialDate(date)) {
      throw new ParamProblem(param, `${param} must be a date: YYYY, YYYY-MM or YYYY-MM-DD.`)
    }
    return date
  },

  sort(value: RawValue): QuoteSort | null {
    const sort = one('sort', value)
    if (sort === undefined) return null
    if (!(SORTS as readonly string[]).includes(sort)) {
      throw new ParamProblem('sort', `sort must be one of ${SORTS.join(', ')}.`)
    }
    return sort as QuoteSort
  },

  wholeNumber(param: string, value: RawValue, min: number, max: number, fallback: number): number {
    const text = one(param, value)
    if (text === undefined) return fallback
    const message = `${param} must be a whole number from ${min} to ${max}.`
    if (!/^\d{1,9}$/.test(text)) throw new ParamProblem(param, message)
    const number = Number(text)
    if (number < min || number > max) throw new ParamProblem(param, message)
    return number
  },

  /** `true` or `false`; null when absent. */
  boolean(param: string, value: RawValue): boolean | null {
    const text = one(param, value)
    if (text === undefined || text === '') return null
    if (text !== 'true' && text !== 'false') {
      throw new ParamProblem(param, `${param} must be true or false.`)
    }
    return text === 'true'
  },

  anonymous: (value: RawValue) => readParam.boolean('anonymous', value),

  exact: (value: RawValue) => readParam.boolean('exact', value) ?? false,

  facetSize: (value: RawValue) =>
    readParam.wholeNumber('facetSize', value, FACET_SIZE.min, FACET_SIZE.max, FACET_SIZE.default),

  limit: (value: RawValue) =>
    readParam.wholeNumber('limit', value, PAGE_LIMIT.min, PAGE_LIMIT.max, PAGE_LIMIT.default),

  offset: (value: RawValue) => readParam.wholeNumber('offset', value, 0, MAX_OFFSET, 0),
}

/** The parameters `parseQuoteQuery` reads. */
export const QUOTE_QUERY_PARAMS = [
  'q',
  'speaker',
  'outlet',
  'cited',
  'kind',
  'from',
  'to',
  'anonymous',
  'exact',
  'sort',
  'limit',
  'offset',
  'facetSize',
] as const

/**
 * Reads the search parameters: the typed query, or every problem found (one per parameter).
 * Parameters it does not know are left to the caller.
 */
export function parseQuoteQuery(
  raw: Partial<Record<string, RawValue>>,
): { ok: true; query: QuoteQuery } | { ok: false; problems: ParamProblem[] } {
  const problems: ParamProblem[] = []
  const read = <T>(reader: () => T, fallback: T): T => {
    try {
      return reader()
    } catch (error) {
      if (!(error instanceof ParamProblem)) throw error
      problems.push(error)
      return fallback
    }
  }
  const query: QuoteQuery = {
    q: read(() => readParam.q(raw.q), null),
    speakers: read(() => readParam.slugs('speaker', raw.speaker), []),
    outlets: read(() => readParam.slugs('outlet', raw.outlet), []),
    cited: read(() => readParam.slugs('cited', raw.cited), []),
    kinds: read(() => readParam.kinds(raw.kind), []),
    from: read(() => readParam.date('from', raw.from), null),
    to: read(() => readParam.date('to', raw.to), null),
    anonymous: read(() => readParam.anonymous(raw.anonymous), null),
    exact: read(() => readParam.exact(raw.exact), false),
    sort: read(() => readParam.sort(raw.sort), null),
    limit: read(() => readParam.limit(raw.limit), PAGE_LIMIT.default),
    offset: read(() => readParam.offset(raw.offset), 0),
    facetSize: read(() => readParam.facetSize(raw.facetSize), FACET_SIZE.default),
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query }
}
