/**
 * The services the HTTP layer (and the CLI) call: plain functions over the store and the search
 * indexes, bound to them here so a route needs nothing else.
 */
import { getArticle } from './articles'
import { checkClaim } from './claims'
import type { ServiceContext } from './context'
import { watchForOutsideWrites } from './index-updates'
import { slugsFor } from './name-lookup'
import { getOutlet, listOutlets } from './outlets'
import { ResultCache } from './result-cache'
import { getQuote, searchQuotes } from './quotes'
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

/**
 * Binds every service to one store and one set of search indexes. Reads that use the in-memory
 * indexes first check whether another process wrote to the database, and catch up if so. Writes go
 * through `writer`: by default on this thread, through the store's writing connection; a server
 * gives them a thread of their own (`startWriteThread`).
 */
export function createServices(
  context: ServiceContext,
  options: { resultCacheSize?: number; writer?: Writer } = {},
) {
  const writer = options.writer ?? localWriter(context)
  const outsideWrites = watchForOutsideWrites(context)
  const fresh = <F extends (context: ServiceContext, ...args: never[]) => Promise<unknown>>(
    service: F,
  ) =>
    (async (...args: never[]) => {
      await outsideWrites.check()
      return service(context, ...args)
    }) as Bound<F>
  // The same search asked again, with nothing written since, is answered from memory.
  const cached = <P, R>(service: (context: ServiceContext, params: P) => Promise<R>) => {
    const cache = new ResultCache<R>(options.resultCacheSize)
    return async (params: P): Promise<R> => {
      await outsideWrites.check()
      return cache.answer(context, params, () => service(context, params))
    }
  }
  return {
    searchQuotes: cached(searchQuotes),
    getQuote: bind(context, getQuote),
    checkClaim: cached(checkClaim),
    listSpeakers: fresh(listSpeakers),
    getSpeaker: bind(context, getSpeaker),
    listOutlets: fresh(listOutlets),
    getOutlet: bind(context, getOutlet),
    getArticle: bind(context, getArticle),
    counts: () => context.store.counts(),
    // Writes: each one write operation (see write-operations.ts).
    createQuote: (item: unknown) => writer.run('createQuote', item),
    updateQuote: (id: number, changes: QuoteChanges) => writer.run('updateQuote', id, changes),
    deleteQuote: (id: number) => writer.run('deleteQuote', id),
    createArticle: (item: NewArticle, options: { extract?: boolean } = {}) =>
      writer.run('createArticle', item, options),
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
    /** Ends the writer once the writes under way are done. */
    closeWriter: () => writer.close(),
    slugsFor: fresh(slugsFor),
    exportQuotes: bind(context, exportQuotes),
    /** Resolves when the search indexes have caught up with outside writes. */
    indexesSettled: () => outsideWrites.settled(),
  }
}

export type Services = ReturnType<typeof createServices>
