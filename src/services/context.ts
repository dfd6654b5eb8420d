/**
 * What every service works over: the store (the only SQL) and the in-memory search indexes, which
 * the change feed keeps up to date (see `index-follower.ts`) and may swap for a fresh set.
 */
import type { Store } from '../domain/store'
import type { SearchIndexes } from '../search/indexes'

export interface ServiceContext {
  store: Store
  indexes: SearchIndexes
}
