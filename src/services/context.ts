/**
 * What every service works over: the store (the only SQL) and the in-memory search indexes.
 */
import type { Store } from '../domain/store'
import type { SearchIndexes } from '../search/indexes'

export interface ServiceContext {
  store: Store
  indexes: SearchIndexes
}
