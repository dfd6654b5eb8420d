/**
 * Files out: exporting quotes (with the same filters as a search) as our NDJSON or as CSV,
 * streamed. (Files in are the write operation `importFile`.)
 */
import {
  articleRecord,
  csvHeaderRow,
  outletRecord,
  quoteCsvRow,
  quoteRecord,
  speakerRecord,
} from '../export/quote-rows'
import type { ServiceContext } from './context'
import { selectQuotes } from './quote-search'
import { quoteCriteria, type QuoteFilterParams } from './quotes'

export type ExportFormat = 'ndjson' | 'csv'

/** Quotes fetched per round trip to the store while exporting. */
const EXPORT_BATCH = 500

/** Lets the event loop answer what is waiting between two batches of an export. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** True when the params select every quote. */
const selectsEverything = (p: QuoteFilterParams) =>
  !p.q?.trim() &&
  !p.speakers?.length &&
  !p.outlets?.length &&
  !p.cited?.length &&
  !p.kinds?.length &&
  !p.from &&
  !p.to &&
  (p.anonymous ?? null) === null

/**
 * The quotes matching the filters (all of them, in id order) as text chunks of the format:
 * NDJSON records an import reads back, or CSV with a header row. Without filters the NDJSON holds
 * the whole database — outlets, speakers and articles with no quotes too — so importing it into an
 * empty database reproduces it. Checks the filters before the first chunk, so a bad filter is
 * still a 400.
 *
 * The quotes are selected once, as a search selects them (the words' matches, filtered in
 * memory), and then read a batch at a time: the cost is linear in what is exported, and the event
 * loop is given back between batches. A quote removed while the export runs is left out.
 */
export async function exportQuotes(
  context: ServiceContext,
  format: ExportFormat,
  params: QuoteFilterParams,
): Promise<AsyncIterable<string>> {
  const { clauses, filters, speakers, exact } = await quoteCriteria(context, params)
  const { passing: selected } = await selectQuotes(context, { clauses, filters, speakers, exact })
  const { store } = context
  const everything = selectsEverything(params)
  const written = {
    outlets: new Set<string>(),
    speakers: new Set<string>(),
    articles: new Set<string>(),
  }
  const lines = (records: unknown[]) =>
    records.map((record) => `${JSON.stringify(record)}\n`).join('')
  /** Keys not yet written, remembered as written. */
  const fresh = <T>(keys: T[], seen: Set<T>) =>
    [...new Set(keys)].filter((k) => !seen.has(k) && seen.add(k))

  /** Every outlet, speaker and article, each kind a page at a time by id. */
  async function* wholeDirectory(): AsyncGenerator<string> {
    for (let after = 0; ;) {
      await yieldToEventLoop()
      const page = await store.outletsAfter(after, EXPORT_BATCH)
      if (page.length === 0) break
      after = page.at(-1)!.id
      const records = page.map((o) => o.record)
      fresh(
        records.map((o) => o.slug),
        written.outlets,
      )
      yield lines(records.map(outletRecord))
    }
    for (let after = 0; ;) {
      await yieldToEventLoop()
      const page = await store.speakersAfter(after, EXPORT_BATCH)
      if (page.length === 0) break
      after = page.at(-1)!.id
      const records = page.map((s) => s.record)
      fresh(
        records.map((s) => s.slug),
        written.speakers,
      )
      yield lines(records.map(speakerRecord))
    }
    for (let after = 0; ;) {
      await yieldToEventLoop()
      const batch = await store.articlesAfter(after, EXPORT_BATCH)
      if (batch.length === 0) break
      after = batch.at(-1)!.id
      const urls = fresh(
        batch.map((a) => a.url),
        written.articles,
      )
      yield lines((await store.getArticleRecords(urls)).map(articleRecord))
    }
  }

  return (async function* () {
    if (format === 'csv') yield csvHeaderRow()
    else if (everything) yield* wholeDirectory()
    for (let from = 0; from < selected.length; from += EXPORT_BATCH) {
      await yieldToEventLoop()
      const quotes = await store.quotesInOrder([...selected.subarray(from, from + EXPORT_BATCH)])
      if (format === 'csv') {
        yield quotes.map(quoteCsvRow).join('')
        continue
      }
      // Everything a quote refers to comes before it, once.
      const outletSlugs = fresh(
        quotes.flatMap((q) => [
          q.reportingOutlet.slug,
          ...(q.citedOutlet ? [q.citedOutlet.slug] : []),
        ]),
        written.outlets,
      )
      const speakerSlugs = fresh(
        quotes.flatMap((q) => (q.speaker ? [q.speaker.slug] : [])),
        written.speakers,
      )
      const urls = fresh(
        quotes.map((q) => q.article.url),
        written.articles,
      )
      yield lines([
        ...(await store.outletRecords(outletSlugs)).map(outletRecord),
        ...(await store.speakerRecords(speakerSlugs)).map(speakerRecord),
        ...(await store.getArticleRecords(urls)).map(articleRecord),
        ...quotes.map(quoteRecord),
      ])
    }
  })()
}
