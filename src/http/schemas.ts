/**
 * Response bodies as zod schemas, for the OpenAPI document. Each is checked against the domain type
 * it describes (`satisfies`), so the document cannot drift from what the services return.
 */
import { z } from '@hono/zod-openapi'
import type { ClaimThread, ClaimReport } from '../services/claims'
import type { QuoteSearchResult } from '../services/quotes'
import { PROVENANCE_ROLES, type ThreadOutlet } from '../services/provenance'
import type { ThreadReport } from '../services/threads'
import type {
  Article,
  ArticleListing,
  ArticleStatement,
  Counts,
  Facet,
  Outlet,
  OutletRef,
  PartialDate,
  QuoteResult,
  QuoteSpeaker,
  Speaker,
  SpeakerDetail,
} from '../domain/types'
import {
  ATTRIBUTION_METHODS,
  DATE_PRECISIONS,
  OUTLET_KINDS,
  QUOTE_KINDS,
} from '../domain/vocabulary'

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_parameter' }),
      message: z.string().openapi({ example: 'limit must be a whole number from 1 to 100.' }),
      param: z.string().optional().openapi({ example: 'limit' }),
    }),
  })
  .openapi('Error')

const partialDateSchema = z
  .object({
    date: z.string().openapi({ example: '2025-02' }),
    precision: z.enum(DATE_PRECISIONS),
  })
  .openapi('PartialDate') satisfies z.ZodType<PartialDate>

export const bodySpanSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
})

const outletRefSchema = z
  .object({
    slug: z.string().openapi({ example: 'los-angeles-times' }),
    name: z.string().openapi({ example: 'Los Angeles Times' }),
  })
  .openapi('OutletRef') satisfies z.ZodType<OutletRef>

const quoteSpeakerSchema = z
  .object({
    slug: z.string().openapi({ example: 'todd-zimmerman' }),
    name: z.string().openapi({ example: 'Todd Zimmerman' }),
    anonymous: z.boolean(),
    title: z.string().nullable().openapi({
      description: 'The title the article gives the speaker here.',
      example: 'the Drug Enforcement Administration’s special agent in Mexico City',
    }),
  })
  .openapi('QuoteSpeaker') satisfies z.ZodType<QuoteSpeaker>

export const threadRefSchema = z
  .object({
    id: z.number().int().openapi({ description: 'GET /api/threads/{id} gives the whole thread.' }),
    statements: z
      .number()
      .int()
      .openapi({ description: 'Statements in the thread, this one included.' }),
    outlets: z
      .number()
      .int()
      .openapi({ description: 'Outlets that reported or were cited for any of them.' }),
  })
  .openapi('ThreadRef', {
    description:
      'The thread the statement belongs to: the statements, in any article, that are one statement with it.',
  })

export const quoteSchema = z
  .object({
    id: z.number().int(),
    text: z.string().openapi({ description: 'Exactly as printed, without the quotation marks.' }),
    kind: z.enum(QUOTE_KINDS),
    cue: z.string().nullable().openapi({ example: 'told' }),
    speaker: quoteSpeakerSchema.nullable(),
    audience: z.string().nullable().openapi({ example: 'reporters' }),
    citedOutlet: outletRefSchema.nullable(),
    reportingOutlet: outletRefSchema,
    article: z.object({
      id: z.number().int(),
      title: z.string().nullable(),
      url: z.string(),
      published: partialDateSchema,
    }),
    said: z
      .object({
        phrase: z.string().nullable().openapi({ example: 'last week' }),
        earliest: z.string().nullable().openapi({ example: '2025-01-20' }),
        latest: z.string().nullable().openapi({ example: '2025-02-23' }),
      })
      .nullable(),
    offsets: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
    verified: z.boolean(),
    extraction: z
      .object({
        method: z.enum(ATTRIBUTION_METHODS).openapi({ example: 'pronoun' }),
        confidence: z.number().openapi({
          description:
            'From 0 to 1: how often statements attributed this way were, on PolNeAR’s training articles, statements the annotators marked, with the words naming the source where the extractor found them.',
          example: 0.83,
        }),
        cue: bodySpanSchema.nullable(),
        mention: bodySpanSchema.nullable(),
      })
      .nullable()
      .openapi({
        description:
          'How the extractor attributed the statement: null for one a person entered or curated.',
      }),
    thread: threadRefSchema,
    snippet: z.string().optional().openapi({
      description: 'On text searches: the quote, HTML-escaped, with matched words in <mark>.',
    }),
  })
  .openapi('Quote') satisfies z.ZodType<QuoteResult>

const facetSchema = z
  .object({
    values: z.array(
      z.object({
        value: z.string(),
        label: z.string(),
        count: z.number().int(),
        selected: z.boolean(),
        toggle: z.string().openapi({
          description:
            'The query string of this search with the value toggled (added, or removed when selected).',
          example: '?q=drones&speaker=claudia-sheinbaum',
        }),
      }),
    ),
    truncated: z.boolean(),
    more: z.string().nullable().openapi({
      description: 'The query string of this search listing more values of each facet (facetSize).',
    }),
  })
  .openapi('Facet') satisfies z.ZodType<Facet>

const pageFields = {
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
}

export const quoteSearchSchema = z
  .object({
    query: z.object({
      q: z.string().nullable(),
      sort: z.enum(['relevance', 'newest', 'oldest']),
      corrections: z.array(z.object({ word: z.string(), alternatives: z.array(z.string()) })),
      mode: z.enum(['all', 'partial']).openapi({
        description:
          'all: every quote found holds every word; partial: none did, and those holding the most follow.',
      }),
      matched: z.object({ held: z.number().int(), wanted: z.number().int() }),
      dropped: z.array(z.string()).openapi({ description: 'Common words left out of the search.' }),
      speakers: z
        .array(z.object({ slug: z.string(), name: z.string() }))
        .openapi({ description: 'Speakers the words name; their statements rank first.' }),
      forms: z.array(z.object({ word: z.string(), forms: z.array(z.string()) })).openapi({
        description: 'Words also found in these other forms (ranked below the word as typed).',
      }),
    }),
    ...pageFields,
    items: z.array(quoteSchema),
    facets: z.object({
      speaker: facetSchema,
      outlet: facetSchema,
      cited: facetSchema,
      kind: facetSchema,
      year: facetSchema,
      anonymous: facetSchema,
    }),
  })
  .openapi('QuoteSearch') satisfies z.ZodType<QuoteSearchResult>

const speakerFields = {
  slug: z.string(),
  name: z.string(),
  anonymous: z.boolean(),
  description: z.string().nullable(),
  wikidataId: z.string().nullable(),
  aliases: z.array(z.string()),
  quoteCount: z.number().int(),
}

export const speakerSchema = z.object(speakerFields).openapi('Speaker') satisfies z.ZodType<Speaker>

export const speakerDetailSchema = z
  .object({
    ...speakerFields,
    titles: z.array(z.string()),
    outlets: z.array(z.object({ outlet: outletRefSchema, count: z.number().int() })),
  })
  .openapi('SpeakerDetail') satisfies z.ZodType<SpeakerDetail>

export const outletSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(OUTLET_KINDS).nullable(),
    country: z.string().nullable(),
    domain: z.string().nullable(),
    aliases: z.array(z.string()),
    publishedCount: z.number().int(),
    citedCount: z.number().int(),
    articleCount: z.number().int(),
  })
  .openapi('Outlet') satisfies z.ZodType<Outlet>

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ ...pageFields, items: z.array(item) }).openapi(name)

const articleStatementSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(QUOTE_KINDS),
    text: z.string(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    cue: z.string().nullable(),
    speaker: quoteSpeakerSchema.nullable(),
    citedOutlet: outletRefSchema.nullable(),
  })
  .openapi('ArticleStatement') satisfies z.ZodType<ArticleStatement>

export const articleSchema = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    url: z.string(),
    published: partialDateSchema,
    outlet: outletRefSchema,
    language: z.string(),
    byline: z.string().nullable(),
    body: z.string().nullable(),
    statements: z.array(articleStatementSchema),
  })
  .openapi('Article') satisfies z.ZodType<Article>

export const articleListingSchema = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    url: z.string(),
    published: partialDateSchema,
    statementCount: z.number().int(),
  })
  .openapi('ArticleListing') satisfies z.ZodType<ArticleListing>

export const threadOutletSchema = z
  .object({
    outlet: outletRefSchema,
    roles: z.array(z.enum(PROVENANCE_ROLES)).openapi({
      description:
        '`origin`: carried it without naming another outlet as its source, or is the outlet others name and names none itself; ' +
        '`cited`: named as the source by another outlet; `reported`: re-reported it, naming `citing` as its source.',
    }),
    earliest: partialDateSchema.openapi({
      description:
        'The date by which the outlet had surely carried it: a month or a year stands for its whole range, and counts from its end.',
    }),
    certain: z.boolean().openapi({
      description:
        "False when its place in the order is not known: its date's range overlaps another outlet's (same month, day unknown).",
    }),
    citing: z.array(outletRefSchema),
    statements: z.array(z.number().int()).openapi({
      description:
        'Its own statements in the thread, by id: a cited outlet’s own report, when stored.',
    }),
  })
  .openapi('ThreadOutlet') satisfies z.ZodType<ThreadOutlet>

export const threadSchema = z
  .object({
    id: z.number().int(),
    text: z.string().openapi({ description: 'The words as most fully given.' }),
    speaker: quoteSpeakerSchema.nullable(),
    said: z.object({
      earliest: z.string().nullable(),
      latest: z.string().openapi({ description: 'Surely said by this day.' }),
    }),
    answer: z.string().openapi({
      example:
        'Origin: The Wall Street Journal. Earliest, order unknown: The Wall Street Journal and The Independent (2025-02). 2 outlets in all.',
    }),
    outlets: z
      .array(threadOutletSchema)
      .openapi({ description: 'In the order they surely carried it.' }),
    statementCount: z.number().int(),
    statements: z
      .array(quoteSchema)
      .openapi({ description: 'Earliest published first; at most 200.' }),
  })
  .openapi('Thread') satisfies z.ZodType<ThreadReport>

const claimThreadSchema = z
  .object({
    thread: threadRefSchema,
    score: z.number().openapi({ description: 'How well its best statement matches, from 0 to 1.' }),
    statementId: z.number().int().openapi({ description: 'The best-matching statement.' }),
    text: z.string(),
    snippet: z
      .string()
      .openapi({ description: 'The text, HTML-escaped, with the claim’s words in <mark>.' }),
    speaker: quoteSpeakerSchema.nullable(),
    answer: z.string(),
    outlets: z.array(threadOutletSchema),
    statements: z.array(quoteSchema).openapi({
      description:
        'Those that matched first (with a snippet), then the others earliest first; at most 10.',
    }),
  })
  .openapi('ClaimThread') satisfies z.ZodType<ClaimThread>

export const claimReportSchema = z
  .object({
    query: z.object({ q: z.string(), words: z.array(z.string()) }),
    answer: z.string().nullable().openapi({
      description:
        'The best match’s answer in one line: its origin, who carried it first, how many outlets.',
    }),
    statementCount: z
      .number()
      .int()
      .openapi({ description: 'Statements that matched, over all threads.' }),
    ...pageFields,
    items: z.array(claimThreadSchema).openapi({ description: 'Threads, best match first.' }),
  })
  .openapi('ClaimReport') satisfies z.ZodType<ClaimReport>

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    counts: z.object({
      quotes: z.number().int(),
      speakers: z.number().int(),
      outlets: z.number().int(),
      articles: z.number().int(),
    }) satisfies z.ZodType<Counts>,
  })
  .openapi('Health')
