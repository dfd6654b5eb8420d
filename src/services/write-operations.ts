/**
 * Every write quotedb makes, as a named operation over one write session: what it checks, what it
 * changes and what it answers, all read and written inside its transaction, and nothing else.
 * Operations take and give plain data, so that they can run where the writing connection is — in
 * this thread, or in the write thread (see `write-thread.ts`) — and touch no in-memory index: the
 * changes they report are taken in by the caller once the write is committed.
 */
import { AppError, notFound } from '../domain/errors'
import type { OutletRecord, SpeakerRecord } from '../domain/bundle'
import { nameKey, slugify } from '../domain/identity'
import type { OutletChanges, QuoteChanges, SpeakerChanges, WriteSession } from '../domain/store'
import type { Article, Outlet, QuoteResult, SpeakerDetail } from '../domain/types'
import { extractStatements } from '../extract/extract'
import { KnownSpeakers } from '../extract/known-speakers'
import { toQuoteItems } from '../extract/to-import'
import type { NestedQuote } from '../import/item-schema'
import { detectFormat, readItems, UnreadableFile, type ImportFormat } from '../import/formats'
import {
  emptyImport,
  entriesOf,
  importInSession,
  resolverFor,
  type ImportOptions,
  type ImportReport,
} from '../import/importer'
import { placeQuote } from '../import/placement'
import { assertCommitted } from './problems'
import { decodeText } from '../import/text-chunks'

/** What a write's work gives back: the answer, and whether to commit (false rolls back and still answers). */
export interface Written<T> {
  value: T
  commit?: boolean
}

export type NewOutlet = Omit<OutletRecord, 'slug'> & { slug?: string }
export type NewSpeaker = Omit<SpeakerRecord, 'slug'> & { slug?: string }

/** An article to store, as the API takes it (an import item of type `article`). */
export interface NewArticle {
  url: string
  body?: string | null
  published: string
  quotes?: unknown[]
  [field: string]: unknown
}

/** A file to import: its bytes (or, in this thread, its text in chunks) and how to read it. */
export interface ImportInput {
  source: Uint8Array | AsyncIterable<string>
  /** The format; detected from the name and first characters when absent. */
  format?: ImportFormat | null
  fileName?: string | null
  /** Commit the valid records and report the others. Default: all or nothing. */
  skipInvalid?: boolean
  /** Records per batch; see `ImportOptions`. */
  batchSize?: number
  /** Progress and rejected lines, for a writer on this thread (the command line). */
  onProgress?: ImportOptions['onProgress']
  onRejected?: ImportOptions['onRejected']
}

/**
 * Refuses a new record whose name another already goes by, unless a slug is given: a namesake is
 * added on purpose, with a slug of its own.
 */
async function checkNameFree(
  session: WriteSession,
  kind: 'speaker' | 'outlet',
  name: string,
): Promise<void> {
  const [taken] = (await resolverFor(session)).named(kind, name)
  if (taken) {
    throw new AppError(
      'conflict',
      `A ${kind} already goes by "${name}": ${taken}. Give a slug to add another of that name.`,
      'name',
    )
  }
}

/** Refuses a Wikidata id another speaker has: one person, one speaker. */
async function checkWikidataFree(
  session: WriteSession,
  wikidataId: string | null | undefined,
  slug: string | null,
): Promise<void> {
  if (!wikidataId) return
  const owner = (await resolverFor(session)).speakerWithWikidata(wikidataId)
  if (owner !== null && owner !== slug) {
    throw new AppError(
      'conflict',
      `Another speaker has the Wikidata id ${wikidataId}: ${owner}. Merge them if they are one person.`,
      'wikidataId',
    )
  }
}

/**
 * The slug of a record created without one: made from its name, and numbered when another record
 * has it already (another spelling of the name, another anonymous source).
 */
async function freeSlug(name: string, taken: (slug: string) => Promise<unknown>): Promise<string> {
  const base = slugify(name)
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (!(await taken(slug))) return slug
  }
}

/**
 * The statements extraction finds in an article's body, as quote items whose speakers are matched
 * to the people already stored; and the surnames learned for them on the way.
 */
async function extractedQuotes(
  session: WriteSession,
  item: NewArticle,
): Promise<{ quotes: NestedQuote[]; learned: Map<string, string[]> }> {
  if (!item.body) {
    throw new AppError(
      'invalid_parameter',
      'Extraction needs the article body; this article has none.',
      'body',
    )
  }
  const found = extractStatements(item.body, {
    published: item.published,
    outlets: await session.outletNames(),
  })
  const items = toQuoteItems(found)
  // Names from the directory the import keeps anyway; every stored title only when a statement is
  // attributed to an office ("Mexico's defense minister"), which is rare.
  const titles = new Map<string, string[]>()
  if (KnownSpeakers.wantsTitles(items)) {
    for (const d of await session.nameDocuments())
      if (d.kind === 'speaker') titles.set(d.slug, d.titles)
  }
  const people = (await session.directory()).speakers.map((p) => ({
    ...p,
    titles: titles.get(p.slug) ?? [],
  }))
  const known = new KnownSpeakers(people)
  return { quotes: known.resolve(items), learned: known.learned }
}

/**
 * Adds to stored people the surnames an article called them by ("Okonkwo" for Lars Okonkwo), so the
 * next article finds them by it.
 */
async function addLearnedAliases(
  session: WriteSession,
  learned: Map<string, string[]>,
): Promise<void> {
  for (const [slug, names] of learned) {
    const current = (await session.getSpeaker(slug))?.aliases
    if (!current) continue
    const fresh = names.filter((n) => !current.some((a) => nameKey(a) === nameKey(n)))
    if (fresh.length > 0) await session.updateSpeaker(slug, { aliases: [...current, ...fresh] })
  }
}

/** The first chunk of a stream, and the whole stream again. */
async function peek(
  chunks: AsyncIterable<string>,
): Promise<{ head: string; chunks: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]()
  const first = await iterator.next()
  const head = first.done ? '' : first.value
  return {
    head,
    chunks: (async function* () {
      if (!first.done) yield first.value
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield next.value
    })(),
  }
}

export const writeOperations = {
  /**
   * Stores a quote (an import item: see `item-schema.ts`). 409 when the article already holds
   * this statement; 400 naming the field when it breaks a rule.
   */
  async createQuote(session: WriteSession, item: unknown): Promise<Written<QuoteResult>> {
    const report = await importInSession(
      session,
      entriesOf([{ ...(item as object), type: 'quote' }]),
      {},
    )
    assertCommitted(report)
    const [id] = report.added.quoteIds
    if (id === undefined) {
      throw new AppError(
        'conflict',
        `The article already holds this statement: quote ${report.existingQuoteIds[0]}.`,
      )
    }
    return { value: (await session.getQuote(id))! }
  },

  /**
   * Changes some fields of a quote. A new text or new offsets are checked against the article
   * body (the text is found in it when no offsets are given); speaker and cited outlet are named
   * by slug.
   */
  async updateQuote(
    session: WriteSession,
    id: number,
    changes: QuoteChanges,
    /** New text without offsets is taken where it stands nearest the current text (a review's correction). */
    options: { nearCurrent?: boolean } = {},
  ): Promise<Written<QuoteResult>> {
    const current = await session.quoteForChange(id)
    if (!current) throw notFound(`No quote has the id ${id}.`)
    const checked: QuoteChanges = { ...changes }
    if (changes.text !== undefined || changes.start !== undefined || changes.end !== undefined) {
      // New text without new offsets is looked up afresh; new offsets must hold the text.
      const text = changes.text ?? current.text
      const near = options.nearCurrent ? current.start : null
      const placement = placeQuote(
        text,
        current.body,
        changes.start ?? null,
        changes.end ?? null,
        near,
      )
      if (!placement.ok)
        throw new AppError('invalid_parameter', `${placement.message}.`, placement.field)
      checked.start = placement.start
      checked.end = placement.end
    }
    if (!(await session.updateQuote(id, checked))) throw notFound(`No quote has the id ${id}.`)
    return { value: (await session.getQuote(id))! }
  },

  /** Removes a quote; 404 when no quote has the id. */
  async deleteQuote(session: WriteSession, id: number): Promise<Written<void>> {
    if (!(await session.deleteQuote(id))) throw notFound(`No quote has the id ${id}.`)
    return { value: undefined }
  },

  /**
   * Stores an article with the quotes it holds — and, with `extract`, every statement extraction
   * finds in its body; its outlet and the quotes' speakers are found by slug, name or alias, or
   * created. 409 when the url is taken.
   */
  async createArticle(
    session: WriteSession,
    item: NewArticle,
    options: { extract?: boolean } = {},
  ): Promise<Written<Article>> {
    const stored = await session.articleIdByUrl(item.url)
    if (stored !== null) {
      throw new AppError(
        'conflict',
        `An article with this url is already stored: article ${stored}.`,
        'url',
      )
    }
    const extracted = options.extract ? await extractedQuotes(session, item) : null
    const quotes = [...(item.quotes ?? []), ...(extracted?.quotes ?? [])]
    const report = await importInSession(
      session,
      entriesOf([{ ...item, quotes, type: 'article' }]),
      {},
    )
    assertCommitted(report)
    if (extracted) await addLearnedAliases(session, extracted.learned)
    const id = (await session.articleIdByUrl(item.url))!
    return { value: (await session.getArticle(id))! }
  },

  /** Removes an article and every quote in it. */
  async deleteArticle(session: WriteSession, id: number): Promise<Written<void>> {
    if (!(await session.deleteArticle(id))) throw notFound(`No article has the id ${id}.`)
    return { value: undefined }
  },

  async createOutlet(session: WriteSession, outlet: NewOutlet): Promise<Written<Outlet>> {
    if (outlet.slug === undefined) await checkNameFree(session, 'outlet', outlet.name)
    const slug = outlet.slug ?? (await freeSlug(outlet.name, (s) => session.getOutlet(s)))
    if (await session.getOutlet(slug)) {
      throw new AppError('conflict', `An outlet already has the slug "${slug}".`, 'slug')
    }
    await session.createOutlet({ ...outlet, slug })
    return { value: (await session.getOutlet(slug))! }
  },

  async updateOutlet(
    session: WriteSession,
    slug: string,
    changes: OutletChanges,
  ): Promise<Written<Outlet>> {
    if (!(await session.updateOutlet(slug, changes)))
      throw notFound(`No outlet has the slug "${slug}".`)
    return { value: (await session.getOutlet(slug))! }
  },

  async deleteOutlet(session: WriteSession, slug: string): Promise<Written<void>> {
    if (!(await session.deleteOutlet(slug))) throw notFound(`No outlet has the slug "${slug}".`)
    return { value: undefined }
  },

  /** Merges the outlets `from` into the outlet `slug`: see the store's `mergeOutlets`. */
  async mergeOutlets(
    session: WriteSession,
    slug: string,
    from: string[],
  ): Promise<Written<Outlet>> {
    if (from.includes(slug))
      throw new AppError('invalid_parameter', 'An outlet cannot be merged into itself.', 'from')
    const missing = await session.unknownSlugs('outlet', [slug, ...from])
    if (missing.length > 0) throw notFound(`No outlet has the slug "${missing[0]}".`)
    await session.mergeOutlets(slug, from)
    return { value: (await session.getOutlet(slug))! }
  },

  async createSpeaker(session: WriteSession, speaker: NewSpeaker): Promise<Written<SpeakerDetail>> {
    if (speaker.slug === undefined && !speaker.anonymous)
      await checkNameFree(session, 'speaker', speaker.name)
    await checkWikidataFree(session, speaker.wikidataId, null)
    const slug = speaker.slug ?? (await freeSlug(speaker.name, (s) => session.getSpeaker(s)))
    if (await session.getSpeaker(slug)) {
      throw new AppError('conflict', `A speaker already has the slug "${slug}".`, 'slug')
    }
    await session.createSpeaker({ ...speaker, slug })
    return { value: (await session.getSpeaker(slug))! }
  },

  async updateSpeaker(
    session: WriteSession,
    slug: string,
    changes: SpeakerChanges,
  ): Promise<Written<SpeakerDetail>> {
    await checkWikidataFree(session, changes.wikidataId, slug)
    if (!(await session.updateSpeaker(slug, changes)))
      throw notFound(`No speaker has the slug "${slug}".`)
    return { value: (await session.getSpeaker(slug))! }
  },

  async deleteSpeaker(session: WriteSession, slug: string): Promise<Written<void>> {
    if (!(await session.deleteSpeaker(slug))) throw notFound(`No speaker has the slug "${slug}".`)
    return { value: undefined }
  },

  /**
   * Merges speakers who are one person (`from`) into the speaker `slug`: their quotes move to it
   * and their names become its aliases.
   */
  async mergeSpeakers(
    session: WriteSession,
    slug: string,
    from: string[],
  ): Promise<Written<SpeakerDetail>> {
    if (from.includes(slug))
      throw new AppError('invalid_parameter', 'A speaker cannot be merged into itself.', 'from')
    const missing = await session.unknownSlugs('speaker', [slug, ...from])
    if (missing.length > 0) throw notFound(`No speaker has the slug "${missing[0]}".`)
    await session.mergeSpeakers(slug, from)
    return { value: (await session.getSpeaker(slug))! }
  },

  /**
   * Imports a file: all or nothing, or with `skipInvalid` the valid records (see `importEntries`).
   * A file that cannot be read at all (a CSV header with no text column) is a 400 naming the
   * problem; a refused import is rolled back and answered with its report.
   */
  async importFile(session: WriteSession, input: ImportInput): Promise<Written<ImportReport>> {
    const source = input.source instanceof Uint8Array ? decodeText(input.source) : input.source
    const { head, chunks } = await peek(source)
    const format = input.format ?? detectFormat(input.fileName ?? null, head)
    let report: ImportReport
    try {
      report = await importInSession(session, readItems(format, chunks), input)
    } catch (error) {
      if (error instanceof UnreadableFile) {
        const message = `The file cannot be imported: ${error.message}.`
        throw new AppError('invalid_parameter', message, undefined, undefined, { cause: error })
      }
      throw error
    }
    if (!report.committed) return { value: emptyImport(report), commit: false }
    return { value: report }
  },

  /**
   * Records how far a server's in-memory indexes have applied the change feed; entries every
   * live reader has passed are pruned.
   */
  async reportFeedPosition(
    session: WriteSession,
    reader: string,
    position: number,
  ): Promise<Written<void>> {
    await session.reportPosition(reader, position)
    return { value: undefined }
  },

  /** Prunes the change feed's entries every live reader has passed (after a command-line import). */
  async pruneChanges(session: WriteSession): Promise<Written<void>> {
    await session.pruneChanges()
    return { value: undefined }
  },

  /** Forgets a reader of the change feed that stops (a server shutting down). */
  async forgetFeedReader(session: WriteSession, reader: string): Promise<Written<void>> {
    await session.forgetReader(reader)
    return { value: undefined }
  },
}
