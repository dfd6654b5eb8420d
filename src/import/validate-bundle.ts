/**
 * Validating a bundle before it is written: each record's shape, then what no single record can
 * check — unique keys, references that resolve, and every quote's text standing verbatim at its
 * offsets in its article's body. Every problem is reported, not only the first.
 */
import type { z } from 'zod'
import type { Bundle } from '../domain/bundle'
import {
  articleRecordSchema,
  outletRecordSchema,
  quoteRecordSchema,
  speakerRecordSchema,
} from './bundle-schema'

/** One thing wrong with one record. */
export interface BundleProblem {
  /** Where the record is: `quotes[3]`, or a file and line when the caller knows them. */
  record: string
  /** The field at fault, as a dotted path (`said.earliest`); empty for the record as a whole. */
  field: string
  message: string
}

/** A bundle as read from a file: records not yet checked. */
export interface UncheckedBundle {
  outlets?: unknown[]
  speakers?: unknown[]
  articles?: unknown[]
  quotes?: unknown[]
}

/** What is already stored, so records may refer to it. */
export interface KnownRecords {
  outletSlugs: ReadonlySet<string>
  speakerSlugs: ReadonlySet<string>
  /** Stored articles by url, with their bodies (null when unknown). */
  articleBodies: ReadonlyMap<string, string | null>
}

export const NOTHING_KNOWN: KnownRecords = {
  outletSlugs: new Set(),
  speakerSlugs: new Set(),
  articleBodies: new Map(),
}

export type BundleValidation =
  { ok: true; bundle: Bundle } | { ok: false; problems: BundleProblem[] }

/** A short, one-line excerpt of a quote's text, to name it in a message. */
export function excerpt(text: string, length = 48): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`
}

function parseAll<T>(
  section: keyof Bundle,
  records: unknown[] | undefined,
  schema: z.ZodType<T, unknown>,
  problems: BundleProblem[],
): Array<{ index: number; record: T }> {
  const parsed: Array<{ index: number; record: T }> = []
  ;(records ?? []).forEach((raw, index) => {
    const result = schema.safeParse(raw)
    if (result.success) {
      parsed.push({ index, record: result.data })
      return
    }
    for (const issue of result.error.issues) {
      problems.push({
        record: `${section}[${index}]`,
        field: issue.path.join('.'),
        message: issue.message,
      })
    }
  })
  return parsed
}

function duplicates<T>(
  section: keyof Bundle,
  records: Array<{ index: number; record: T }>,
  key: (record: T) => string,
  what: string,
  problems: BundleProblem[],
): void {
  const seen = new Map<string, number>()
  for (const { index, record } of records) {
    const k = key(record)
    const first = seen.get(k)
    if (first === undefined) seen.set(k, index)
    else
      problems.push({
        record: `${section}[${index}]`,
        field: what,
        message: `${what} "${k}" is already used by ${section}[${first}]`,
      })
  }
}

/** Checks a bundle's records and their references; returns the typed bundle or every problem. */
export function validateBundle(
  unchecked: UncheckedBundle,
  known: KnownRecords = NOTHING_KNOWN,
): BundleValidation {
  const problems: BundleProblem[] = []
  const outlets = parseAll('outlets', unchecked.outlets, outletRecordSchema, problems)
  const speakers = parseAll('speakers', unchecked.speakers, speakerRecordSchema, problems)
  const articles = parseAll('articles', unchecked.articles, articleRecordSchema, problems)
  const quotes = parseAll('quotes', unchecked.quotes, quoteRecordSchema, problems)

  duplicates('outlets', outlets, (o) => o.slug, 'slug', problems)
  duplicates(
    'outlets',
    outlets.filter((o) => o.record.domain !== null),
    (o) => o.domain!,
    'domain',
    problems,
  )
  duplicates('speakers', speakers, (s) => s.slug, 'slug', problems)
  duplicates('articles', articles, (a) => a.url, 'url', problems)

  const outletSlugs = new Set([...known.outletSlugs, ...outlets.map((o) => o.record.slug)])
  const speakerSlugs = new Set([...known.speakerSlugs, ...speakers.map((s) => s.record.slug)])
  const bodies = new Map(known.articleBodies)
  for (const { record } of articles) bodies.set(record.url, record.body)

  for (const { index, record } of articles) {
    if (!outletSlugs.has(record.outlet)) {
      problems.push({
        record: `articles[${index}]`,
        field: 'outlet',
        message: `no outlet has the slug "${record.outlet}"`,
      })
    }
  }

  for (const { index, record: quote } of quotes) {
    const where = `quotes[${index}] ("${excerpt(quote.text)}")`
    const problem = (field: string, message: string) =>
      problems.push({ record: where, field, message })
    if (quote.speaker !== null && !speakerSlugs.has(quote.speaker)) {
      problem('speaker', `no speaker has the slug "${quote.speaker}"`)
    }
    if (quote.citedOutlet !== null && !outletSlugs.has(quote.citedOutlet)) {
      problem('citedOutlet', `no outlet has the slug "${quote.citedOutlet}"`)
    }
    if (!bodies.has(quote.article)) {
      problem('article', `no article has the url "${quote.article}"`)
      continue
    }
    const body = bodies.get(quote.article) ?? null
    const offsetsGiven = quote.start !== null || quote.end !== null
    if (body === null) {
      if (offsetsGiven)
        problem('start', 'offsets are given but the article has no body to check them against')
      continue
    }
    if (quote.start === null || quote.end === null) {
      problem(
        quote.start === null ? 'start' : 'end',
        'start and end offsets are required when the article has a body',
      )
      continue
    }
    if (quote.end <= quote.start || quote.end > body.length) {
      problem(
        'end',
        `offsets ${quote.start}–${quote.end} do not lie within the body (${body.length} characters)`,
      )
      continue
    }
    const found = body.slice(quote.start, quote.end)
    if (found !== quote.text) {
      problem(
        'text',
        `the text is not found at offsets ${quote.start}–${quote.end} of the article body, which read "${excerpt(found)}"`,
      )
    }
  }

  if (problems.length > 0) return { ok: false, problems: inRecordOrder(problems) }
  return {
    ok: true,
    bundle: {
      outlets: outlets.map((o) => o.record),
      speakers: speakers.map((s) => s.record),
      articles: articles.map((a) => a.record),
      quotes: quotes.map((q) => q.record),
    },
  }
}

const SECTION_ORDER = ['outlets', 'speakers', 'articles', 'quotes']

/** Problems sorted as the records stand in the bundle: by section, then by position. */
function inRecordOrder(problems: BundleProblem[]): BundleProblem[] {
  const position = (p: BundleProblem) => {
    const [, section = '', index = '0'] = /^(\w+)\[(\d+)\]/.exec(p.record) ?? []
    return SECTION_ORDER.indexOf(section) * 1e9 + Number(index)
  }
  // Array.prototype.sort is stable: problems of one record keep the order they were found in.
  return [...problems].sort((a, b) => position(a) - position(b))
}

/** Problems as lines a person can read: `quotes[3] ("…") text: the text is not found …`. */
export function describeProblems(problems: BundleProblem[]): string {
  return problems.map((p) => `${p.record}${p.field ? ` ${p.field}` : ''}: ${p.message}`).join('\n')
}
