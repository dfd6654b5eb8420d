/**
 * The services the HTTP layer (and the CLI) call: plain functions over the store and the search
 * indexes, bound to them here so a route needs nothing else.
 */
import { getArticle } from './articles'
import { checkClaim } from './claims'
import type { ServiceContext } from './context'
import { getOutlet, listOutlets } from './outlets'
import { getQuote, searchQuotes } from './quotes'
import { getSpeaker, listSpeakers } from './speakers'

type Bound<F> = F extends (context: ServiceContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never

const bind = <F extends (context: ServiceContext, ...args: never[]) => unknown>(
  context: ServiceContext,
  service: F,
) => ((...args: never[]) => service(context, ...args)) as Bound<F>

/** Binds every service to one store and one set of search indexes. */
export function createServices(context: ServiceContext) {
  return {
    searchQuotes: bind(context, searchQuotes),
    getQuote: bind(context, getQuote),
    checkClaim: bind(context, checkClaim),
    listSpeakers: bind(context, listSpeakers),
    getSpeaker: bind(context, getSpeaker),
    listOutlets: bind(context, listOutlets),
    getOutlet: bind(context, getOutlet),
    getArticle: bind(context, getArticle),
    counts: () => context.store.counts(),
  }
}

export type Services = ReturnType<typeof createServices>
