/**
 * The services the HTTP layer (and the CLI) call: plain functions over the store and the search
 * indexes, bound to them here so a route needs nothing else.
 */
import { getArticle } from './articles'
import { checkClaim } from './claims'
import type { ServiceContext } from './context'
import { IndexFollower } from './index-follower'
import type { FetchOptions } from '../ingest/fetch-page'
import { pageAsArticle } from './ingest'
import { namesBySlug, slugsFor } from './name-lookup'
import { getOutlet, listOutletArticles, listOutlets } from './outlets'
import { ResultCache } from './result-cache'
import { getQuote, searchQuotes } from './quotes'
import { reviewQueue } from './review'
import type { ReviewCorrection } from './review-operations'
import { getThread } from './threads'
import { getSpeaker, listSpeakers } from './speakers'
import { exportQuotes } from './transfer'
import type { ImportInput, NewArticle, NewOutlet, NewSpeaker } from './write-operations'
import { localWriter, type Writer } from './writer'
import type { OutletChanges, QuoteChanges, SpeakerChanges } from '../domain/store'

type Bound<F> = F extends (context: ServiceContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never

const bind = <F extends (context: ServiceContext, ...args: never[]) => unknown>(
  context: ServiceContext,
  service: F,
) => ((...args: never[]) => service(context, ...args)) as Bound<F>

export interface ServiceOptions {
  /** How many answers each cached search keeps. */
  resultCacheSize?: number
  /**
   * Where writes run, given what to do after each commits: by default on this thread, through the
   * store's writing connection; a server gives them a thread of their own (`startWriteThread`).
   */
  writer?: (afterCommit: () => Promise<void>) => Writer
  /**
   * The name this process follows the change feed by: its position is recorded in the database
   * now and then, so that entries every reader has passed are pruned. None: not recorded.
   */
  feedReader?: string
  /** How often to catch up with the feed with no read or write asking, in ms. None: never. */
  heartbeatMs?: number
  /** How pages are fetched for `ingestPage` (see `ingest/fetch-page.ts`). */
  fetch?: Partial<FetchOptions>
}

/**
 * Binds every service to one store and one set of search indexes. The indexes follow the change
 * feed: every write here catches them up before it is acknowledged, and every read that uses them
 * first applies what other processes committed since.
 */
export function createServices(context: ServiceContext, options: ServiceOptions = {}) {
  const { feedReader } = options
  const fetchOptions = options.fetch ?? {}
  // The writer catches the indexes up after each commit; the follower reports through the writer.
  const afterCommit = () => follower.catchUp()
  const writer = options.writer?.(afterCommit) ?? localWriter(context.store, afterCommit)
  const follower: IndexFollower = new IndexFollower(context, {
    report: feedReader
      ? (position) => writer.run('reportFeedPosition', feedReader, position)
      : undefined,
  })
  const heartbeat = options.heartbeatMs
    ? setInterval(() => void follower.catchUp().catch(() => undefined), options.heartbeatMs)
    : null
  heartbeat?.unref()
  const fresh = <F extends (context: ServiceContext, ...args: never[]) => Promise<unknown>>(
    service: F,
  ) =>
    (async (...args: never[]) => {
      await follower.beforeRead()
      return service(context, ...args)
    }) as Bound<F>
  // An export lists every match: it waits for the indexes to apply every change committed so far,
  // and for the vocabulary and names (other forms, speakers) to be read at start.
  const complete = <F extends (context: ServiceContext, ...args: never[]) => Promise<unknown>>(
    service: F,
  ) =>
    (async (...args: never[]) => {
      await context.indexes.complete
      await follower.catchUp()
      return service(context, ...args)
    }) as Bound<F>
  // The same search asked again, with nothing written since, is answered from memory.
  const state = async () => `${await context.store.head()}:${context.indexes.revision}`
  const cached = <P, R>(service: (context: ServiceContext, params: P) => Promise<R>) => {
    const cache = new ResultCache<R>(options.resultCacheSize)
    return async (params: P): Promise<R> => {
      await follower.beforeRead()
      return cache.answer(state, params, () => service(context, params))
    }
  }
  return {
    searchQuotes: cached(searchQuotes),
    getQuote: bind(context, getQuote),
    getThread: bind(context, getThread),
    checkClaim: cached(checkClaim),
    listSpeakers: fresh(listSpeakers),
    getSpeaker: bind(context, getSpeaker),
    listOutlets: fresh(listOutlets),
    getOutlet: bind(context, getOutlet),
    listOutletArticles: bind(context, listOutletArticles),
    getArticle: bind(context, getArticle),
    counts: () => context.store.counts(),
    // Writes: each one write operation (see write-operations.ts).
    createQuote: (item: unknown) => writer.run('createQuote', item),
    updateQuote: (id: number, changes: QuoteChanges) => writer.run('updateQuote', id, changes),
    deleteQuote: (id: number) => writer.run('deleteQuote', id),
    createArticle: (item: NewArticle, options: { extract?: boolean } = {}) =>
      writer.run('createArticle', item, options),
    /** Adds the article of a web page: fetched from `url`, or given as `html` from that address. */
    ingestPage: async (
      page: { url: string; html?: string | null },
      options: { extract?: boolean } = {},
    ) => writer.run('createArticle', await pageAsArticle(page, fetchOptions), options),
    deleteArticle: (id: number) => writer.run('deleteArticle', id),
    createOutlet: (outlet: NewOutlet) => writer.run('createOutlet', outlet),
    updateOutlet: (slug: string, changes: OutletChanges) =>
      writer.run('updateOutlet', slug, changes),
    deleteOutlet: (slug: string) => writer.run('deleteOutlet', slug),
    mergeOutlets: (slug: string, from: string[]) => writer.run('mergeOutlets', slug, from),
    createSpeaker: (speaker: NewSpeaker) => writer.run('createSpeaker', speaker),
    updateSpeaker: (slug: string, changes: SpeakerChanges) =>
      writer.run('updateSpeaker', slug, changes),
    deleteSpeaker: (slug: string) => writer.run('deleteSpeaker', slug),
    mergeSpeakers: (slug: string, from: string[]) => writer.run('mergeSpeakers', slug, from),
    importFile: (input: ImportInput) => writer.run('importFile', input),
    // Review of what the extractor stored (see review-operations.ts).
    reviewQueue: bind(context, reviewQueue),
    acceptStatement: (id: number) => writer.run('acceptStatement', id),
    correctStatement: (id: number, correction: ReviewCorrection) =>
      writer.run('correctStatement', id, correction),
    rejectStatement: (id: number) => writer.run('rejectStatement', id),
    /** Stops following the feed and ends the writer once the writes under way are done. */
    async close() {
      if (heartbeat) clearInterval(heartbeat)
      follower.stop()
      if (feedReader) await writer.run('forgetFeedReader', feedReader).catch(() => undefined)
      await writer.close()
    },
    slugsFor: fresh(slugsFor),
    namesBySlug: fresh(namesBySlug),
    exportQuotes: complete(exportQuotes),
    /** Applies every change committed so far to the search indexes, then resolves. */
    catchUp: () => follower.catchUp(),
  }
}

export type Services = ReturnType<typeof createServices>
