/**
 * The services the HTTP layer (and the CLI) call: plain functions over the store and the search
 * indexes, bound to them here so a route needs nothing else.
 */
import { getArticle } from './articles'
import { checkClaim } from './claims'
import type { ServiceContext } from './context'
import * as entityWrites from './entity-writes'
import { watchForOutsideWrites } from './index-updates'
import { slugsFor } from './name-lookup'
import { getOutlet, listOutlets } from './outlets'
import * as quoteWrites from './quote-writes'
import { ResultCache } from './result-cache'
import { getQuote, searchQuotes } from './quotes'
import { getSpeaker, listSpeakers } from './speakers'
import { exportQuotes, importFile } from './transfer'

type Bound<F> = F extends (context: ServiceContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never

const bind = <F extends (context: ServiceContext, ...args: never[]) => unknown>(
  context: ServiceContext,
  service: F,
) => ((...args: never[]) => service(context, ...args)) as Bound<F>

/**
 * Binds every service to one store and one set of search indexes. Reads that use the in-memory
 * indexes first check whether another process wrote to the database, and catch up if so.
 */
export function createServices(
  context: ServiceContext,
  options: { resultCacheSize?: number } = {},
) {
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
    createQuote: bind(context, quoteWrites.createQuote),
    updateQuote: bind(context, quoteWrites.updateQuote),
    deleteQuote: bind(context, quoteWrites.deleteQuote),
    createArticle: bind(context, entityWrites.createArticle),
    deleteArticle: bind(context, entityWrites.deleteArticle),
    createOutlet: bind(context, entityWrites.createOutlet),
    updateOutlet: bind(context, entityWrites.updateOutlet),
    deleteOutlet: bind(context, entityWrites.deleteOutlet),
    mergeOutlets: bind(context, entityWrites.mergeOutlets),
    createSpeaker: bind(context, entityWrites.createSpeaker),
    updateSpeaker: bind(context, entityWrites.updateSpeaker),
    deleteSpeaker: bind(context, entityWrites.deleteSpeaker),
    mergeSpeakers: bind(context, entityWrites.mergeSpeakers),
    importFile: bind(context, importFile),
    slugsFor: fresh(slugsFor),
    exportQuotes: bind(context, exportQuotes),
    /** Resolves when the search indexes have caught up with outside writes. */
    indexesSettled: () => outsideWrites.settled(),
  }
}

export type Services = ReturnType<typeof createServices>
