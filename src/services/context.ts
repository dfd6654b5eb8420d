/**
 * What every service works over: the store (the only SQL) and the in-memory search indexes.
 */
import type { Store } from '../domain/store'
import type { SearchIndexes } from '../search/indexes'

export interface ServiceContext {
  store: Store
  indexes: SearchIndexes
  /**
   * A number that moves whenever another process commits to the database: the store's
   * `dataVersion` (the default), or, when writes run in the write thread, the one its connection
   * sees — this process's own writes must not count.
   */
  outsideVersion?: () => Promise<number>
}
