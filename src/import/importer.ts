/**
 * The import pipeline, shared by the seed, file imports and the write API: items are read in
 * batches, their names resolved to stored or new records, every invariant checked (the shape of
 * each record, references that resolve, a quote's text verbatim at its offsets in its article),
 * and the valid records written — all inside one transaction.
 *
 * Atomic by default: one invalid item and the transaction is rolled back, with every problem
 * reported (not only the first). With `skipInvalid` the valid items are committed and the invalid
 * ones reported, each with its line.
 */
import type { ArticleRecord, Bundle, BundleSummary, QuoteRecord } from '../domain/bundle'
import type { EntityDirectory, ImportSession, StoredArticle, Store } from '../domain/store'
import type { ArticleRef, ImportItem, NestedQuote } from './item-schema'
import { parseItem } from './item-schema'
import { placeQuote } from './placement'
import type { SourceEntry } from './readers'
import { EntityResolver } from './resolver'

/** One thing wrong with one item. */
export interface ImportProblem {
  line: number
  /** The field at fault, as a dotted path; empty for the item as a whole. */
  field: string
  message: string
}

export interface ImportOptions {
  /** Commit the valid items and report the invalid ones, instead of refusing the whole import. */
  skipInvalid?: boolean
  /**
   * Items per batch (and per progress report). Between two batches other work on the event loop
   * (reads above all) gets its turn. Default: 100.
   */
  batchSize?: number
  /** Called after each batch with the number of items read so far. */
  onProgress?: (itemsRead: number) => void
  /** Called once for each line that was rejected, with its raw text and its problems. */
  onRejected?: (line: number, raw: string, problems: ImportProblem[]) => void | Promise<void>
}

export interface ImportReport {
  /** True when the import was written; false when it was refused (and nothing was written). */
  committed: boolean
  itemsRead: number
  /** Items rejected for a problem (0 in a committed atomic import). */
  rejected: number
  /** Quotes stored without offsets, as their article has no text to check them against. */
  unverified: number
  summary: BundleSummary
  /** The first problems, in file order (at most `LISTED_PROBLEMS`: a report's size is bounded). */
  problems: ImportProblem[]
  /** How many problems there were in all. */
  problemCount: number
  /** Keys of what was added: for updating search indexes and answering the write API. */
  added: { outlets: string[]; speakers: string[]; articles: string[]; quoteIds: number[] }
  /** Quotes the import named that were already stored, by id. */
  existingQuoteIds: number[]
}

const emptySummary = (): BundleSummary => ({
  outlets: { added: 0, existing: 0 },
  speakers: { added: 0, existing: 0 },
  articles: { added: 0, existing: 0 },
  quotes: { added: 0, existing: 0 },
})

/** Adds `items` to the end of `list`, however many: a spread would overflow the call stack. */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item)
}

/** Most problems a report lists; `problemCount` says how many there were. */
export const LISTED_PROBLEMS = 1000

type Entry = Extract<SourceEntry, { kind: 'record' }>

/** Lets the event loop answer what is waiting (reads, above all) between two batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Batches of `size` entries from a stream of them. */
async function* batches<T>(entries: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = []
  for await (const entry of entries) {
    batch.push(entry)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/**
 * The problems of an import as they are found, in line order: the first `LISTED_PROBLEMS` kept,
 * every one counted — a file of millions of bad lines holds a thousand in memory — and, when the
 * caller asks for them, the rejected lines of the current batch.
 */
class ProblemLog {
  readonly listed: ImportProblem[] = []
  count = 0
  rejectedLines = 0
  /** The current batch's rejected lines; null when nobody asked for them. */
  batchRejects: Array<{ line: number; raw: string; problems: ImportProblem[] }> | null

  constructor(keepRejectedLines: boolean) {
    this.batchRejects = keepRejectedLines ? [] : null
  }

  reject(
    entry: { line: number; raw: string },
    problems: Array<{ field: string; message: string }>,
  ): void {
    this.count += problems.length
    this.rejectedLines++
    // Past the listed ones, and with nobody asking for the lines, a problem is only counted.
    if (this.listed.length >= LISTED_PROBLEMS && this.batchRejects === null) return
    const found = problems.map((p) => ({ line: entry.line, field: p.field, message: p.message }))
    for (const p of found.slice(0, LISTED_PROBLEMS - this.listed.length)) this.listed.push(p)
    this.batchRejects?.push({ line: entry.line, raw: entry.raw, problems: found })
  }
}

/**
 * Turns one batch of items into a bundle of checked records. Items that fail a check are left out
 * and their problems logged; records they alone would have created are not written.
 */
class BatchBuilder {
  readonly bundle: Bundle = { outlets: [], speakers: [], articles: [], quotes: [], identities: [] }
  unverified = 0
  /** Article records of this batch whose article was already stored (or given earlier). */
  articlesFound = 0
  /** Articles of this batch and of the store, by url. */
  readonly #articles: Map<string, StoredArticle>
  readonly #outletSlugs = new Set<string>()
  readonly #speakerSlugs = new Set<string>()

  constructor(
    private readonly resolver: EntityResolver,
    storedArticles: Map<string, StoredArticle>,
    private readonly log: ProblemLog,
  ) {
    this.#articles = storedArticles
  }

  /** Adds an item's records to the bundle, or rejects the item. */
  add(entry: Entry, item: ImportItem): void {
    // Everything an item contributes is collected first and kept only if the whole item is valid.
    const draft: Bundle = { outlets: [], speakers: [], articles: [], quotes: [], identities: [] }
    const problems: Array<{ field: string; message: string }> = []
    let articleStored = false
    switch (item.type) {
      case 'outlet': {
        const outlet = this.resolver.resolveOutlet(item)
        if (!outlet.ok) problems.push({ field: 'name', message: outlet.message })
        else if (outlet.created) draft.outlets.push(outlet.created)
        break
      }
      case 'speaker': {
        const speaker = this.resolver.resolveSpeaker(item)
        if (!speaker.ok) problems.push({ field: 'name', message: speaker.message })
        else if (speaker.created) draft.speakers.push(speaker.created)
        if (speaker.ok && speaker.identified) draft.identities!.push(speaker.identified)
        break
      }
      case 'article': {
        articleStored = this.#articles.has(item.url)
        const url = this.#article(item, '', draft, problems)
        if (url !== null)
          item.quotes.forEach((q, i) => this.#quote(url, q, `quotes.${i}.`, draft, problems))
        break
      }
      default: {
        const url = this.#article(item.article, 'article.', draft, problems)
        if (url !== null) this.#quote(url, item, '', draft, problems)
      }
    }
    if (problems.length > 0) {
      this.log.reject(entry, problems)
      for (const article of draft.articles) {
        this.#articles.delete(article.url)
      }
      return
    }
    // A new outlet or speaker is named by every item that refers to it; write it once.
    const unseen = <T extends { slug: string }>(records: T[], seen: Set<string>) =>
      records.filter((r) => !seen.has(r.slug) && seen.add(r.slug))
    append(this.bundle.outlets, unseen(draft.outlets, this.#outletSlugs))
    append(this.bundle.speakers, unseen(draft.speakers, this.#speakerSlugs))
    append(this.bundle.articles, draft.articles)
    append(this.bundle.quotes, draft.quotes)
    append(this.bundle.identities!, draft.identities!)
    this.unverified += draft.quotes.filter((q) => q.start === null).length
    if (articleStored) this.articlesFound++
  }

  /** The url of the article an item names, creating the article when it is given in full. */
  #article(
    ref: ArticleRef,
    path: string,
    draft: Bundle,
    problems: Array<{ field: string; message: string }>,
  ): string | null {
    if (typeof ref === 'string') {
      if (this.#articles.has(ref)) return ref
      problems.push({ field: 'article', message: `no article has the url "${ref}"` })
      return null
    }
    if (this.#articles.has(ref.url)) return ref.url
    const outlet = this.resolver.resolveOutlet(ref.outlet)
    if (!outlet.ok) {
      problems.push({ field: `${path}outlet`, message: outlet.message })
      return null
    }
    if (outlet.created) draft.outlets.push(outlet.created)
    const record: ArticleRecord = {
      url: ref.url,
      outlet: outlet.slug,
      title: ref.title,
      published: ref.published,
      language: ref.language,
      byline: ref.byline,
      body: ref.body,
    }
    draft.articles.push(record)
    this.#articles.set(ref.url, { body: ref.body })
    return ref.url
  }

  #quote(
    url: string,
    quote: NestedQuote,
    path: string,
    draft: Bundle,
    problems: Array<{ field: string; message: string }>,
  ): void {
    const before = problems.length
    let speaker: string | null = null
    if (quote.speaker !== null) {
      const resolved = this.resolver.resolveSpeaker(quote.speaker)
      if (!resolved.ok) problems.push({ field: `${path}speaker`, message: resolved.message })
      else {
        speaker = resolved.slug
        if (resolved.created) draft.speakers.push(resolved.created)
        if (resolved.identified) draft.identities!.push(resolved.identified)
      }
    }
    let citedOutlet: string | null = null
    if (quote.citedOutlet !== null) {
      const resolved = this.resolver.resolveOutlet(quote.citedOutlet)
      if (!resolved.ok) problems.push({ field: `${path}citedOutlet`, message: resolved.message })
      else {
        citedOutlet = resolved.slug
        if (resolved.created) draft.outlets.push(resolved.created)
      }
    }
    const body = this.#articles.get(url)?.body ?? null
    const placement = placeQuote(quote.text, body, quote.start, quote.end)
    if (!placement.ok)
      problems.push({ field: `${path}${placement.field}`, message: placement.message })
    // The evidence points into the body: each span must be there, as printed.
    for (const [field, span] of Object.entries({
      cue: quote.extraction?.cue,
      mention: quote.extraction?.mention,
    })) {
      if (!span) continue
      const message =
        body === null
          ? 'an article without a body has no spans to point to'
          : body.slice(span.start, span.end) !== span.text
            ? `its text is not the article body's at ${span.start}–${span.end}`
            : null
      if (message) problems.push({ field: `${path}extraction.${field}`, message })
    }
    if (problems.length > before || !placement.ok) return
    const record: QuoteRecord = {
      article: url,
      speaker,
      text: quote.text,
      kind: quote.kind,
      cue: quote.cue,
      speakerTitle: quote.speakerTitle,
      audience: quote.audience,
      citedOutlet,
      said: quote.said,
      start: placement.start,
      end: placement.end,
      extraction: quote.extraction,
    }
    draft.quotes.push(record)
  }
}

/** The article urls a batch refers to, for one lookup of those already stored. */
function referencedUrls(items: ImportItem[]): string[] {
  return items.flatMap((item) => {
    if (item.type === 'article') return [item.url]
    if (item.type === 'outlet' || item.type === 'speaker') return []
    // A quote, with or without its type.
    return [typeof item.article === 'string' ? item.article : item.article.url]
  })
}

const addSummaries = (total: BundleSummary, batch: BundleSummary) => {
  for (const key of Object.keys(total) as Array<keyof BundleSummary>) {
    total[key].added += batch[key].added
    total[key].existing += batch[key].existing
  }
}

/**
 * Imports a stream of entries inside a write that is already open (see `importEntries`); the
 * caller commits or rolls back. Never throws for bad input: problems are in the report.
 */
export async function importInSession(
  session: ImportSession,
  entries: AsyncIterable<SourceEntry>,
  options: ImportOptions,
): Promise<ImportReport> {
  const directory = await session.directory()
  const resolver = await resolverFor(session)
  try {
    return await importBatches(session, resolver, entries, options)
  } catch (error) {
    // Records it was told of may not have been written: it is not kept.
    resolvers.delete(directory)
    throw error
  }
}

/**
 * Resolvers by the directory they were built from. Building one means keying every stored name
 * (a tenth of a second at twenty thousand speakers): while the store hands out the same directory
 * — kept up to date with the records imports add, and replaced when names change otherwise — the
 * next write reuses it, with the records it has resolved since.
 */
const resolvers = new WeakMap<EntityDirectory, { resolver: EntityResolver; restated: number }>()

/**
 * The resolver over the session's directory of stored names, having taken in the records that
 * changed since it was built.
 */
export async function resolverFor(session: ImportSession): Promise<EntityResolver> {
  const directory = await session.directory()
  const restated = directory.restated ?? []
  let kept = resolvers.get(directory)
  if (!kept) {
    kept = { resolver: new EntityResolver(directory), restated: restated.length }
    resolvers.set(directory, kept)
  }
  for (; kept.restated < restated.length; kept.restated++) {
    kept.resolver.restate(restated[kept.restated]!)
  }
  return kept.resolver
}

async function importBatches(
  session: ImportSession,
  resolver: EntityResolver,
  entries: AsyncIterable<SourceEntry>,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    committed: false,
    itemsRead: 0,
    rejected: 0,
    unverified: 0,
    summary: emptySummary(),
    problems: [],
    problemCount: 0,
    added: { outlets: [], speakers: [], articles: [], quoteIds: [] },
    existingQuoteIds: [],
  }
  const log = new ProblemLog(options.onRejected !== undefined)
  let first = true
  for await (const batch of batches(entries, options.batchSize ?? 100)) {
    // Between batches, not before the first: a one-record write never waits for the loop.
    if (!first) await yieldToEventLoop()
    first = false
    // Parsed first, to look up the stored articles of the whole batch at once; then taken in
    // line order, so that problems are found in the order of the file.
    const parsed = batch.map((entry) =>
      entry.kind === 'error'
        ? { entry, problems: [{ field: '', message: entry.message }] }
        : { entry, ...parseItem(entry.value) },
    )
    const items = parsed.flatMap((p) => ('item' in p ? [p.item] : []))
    const stored = await session.articles(referencedUrls(items))
    const builder = new BatchBuilder(resolver, stored, log)
    for (const p of parsed) {
      if ('item' in p) builder.add(p.entry as Entry, p.item)
      else log.reject(p.entry, p.problems)
    }

    const written = await session.writeBundle(builder.bundle)
    resolver.settle({
      outlets: new Set(written.outlets),
      speakers: new Set(written.speakers),
      identified: new Set(written.identified),
    })
    addSummaries(report.summary, written.summary)
    report.summary.articles.existing += builder.articlesFound
    append(report.added.outlets, written.outlets)
    append(report.added.speakers, written.speakers)
    append(report.added.articles, written.articles)
    append(report.added.quoteIds, written.quoteIds)
    append(report.existingQuoteIds, written.existingQuoteIds)
    report.itemsRead += batch.length
    report.unverified += builder.unverified
    if (log.batchRejects && options.onRejected) {
      for (const { line, raw, problems } of log.batchRejects.splice(0)) {
        await options.onRejected(line, raw, problems)
      }
    }
    options.onProgress?.(report.itemsRead)
  }
  report.problems = log.listed
  report.problemCount = log.count
  report.rejected = log.rejectedLines
  report.committed = report.problemCount === 0 || options.skipInvalid === true
  return report
}

/**
 * Imports a stream of entries into the store as one write; see the module comment for atomic and
 * skip-invalid modes. `afterCommit` runs once it is committed, before the next write (see
 * `Store.write`). Never throws for bad input: problems are in the report.
 */
export async function importEntries(
  store: Store,
  entries: AsyncIterable<SourceEntry>,
  options: ImportOptions & { afterCommit?: (report: ImportReport) => Promise<void> } = {},
): Promise<ImportReport> {
  const report = await store.write((session) => importInSession(session, entries, options), {
    commit: (result) => result.committed,
    afterCommit: options.afterCommit,
  })
  return report.committed ? report : emptyImport(report)
}

/** A refused import's report: nothing was written, and the counts say so too. */
export function emptyImport(report: ImportReport): ImportReport {
  return {
    ...report,
    summary: emptySummary(),
    added: { outlets: [], speakers: [], articles: [], quoteIds: [] },
    unverified: 0,
  }
}

/** Entries from values already in memory (the write API, the seed, tests), numbered from 1. */
export async function* entriesOf(values: unknown[]): AsyncGenerator<SourceEntry> {
  let line = 0
  for (const value of values) {
    line++
    yield { kind: 'record', line, raw: JSON.stringify(value), value }
  }
}
