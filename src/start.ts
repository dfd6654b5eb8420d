/**
 * Opening everything the server needs: the database (created and migrated), the seed when the
 * database is empty, and the in-memory search indexes derived from it.
 */
import { openConnections } from './db/client'
import { createSqliteStore } from './db/sqlite-store'
import type { Store } from './domain/store'
import { seedDatabase } from './import/seed'
import { openSearchIndexes, type SearchIndexes } from './search/indexes'

/**
 * The server's write cache: an upload of 50,000 quotes imports within a few percent of the time it
 * takes with the command line's 64 MiB, and the process does not grow by a cache it rarely fills.
 */
const SERVER_WRITER_CACHE_MIB = 16

export interface Opened {
  store: Store
  indexes: SearchIndexes
  /** True when this start seeded an empty database. */
  seeded: boolean
}

/**
 * Opens the database at `path`, seeds it when empty (unless told not to) and opens the indexes:
 * ready to search, with the vocabulary and name index completing in the background.
 */
export async function openQuotedb(
  path: string,
  options: { seedWhenEmpty: boolean; readOnly?: boolean; writeWaitMs?: number },
): Promise<Opened> {
  const connections = openConnections(path, {
    readOnly: options.readOnly ?? false,
    writerCacheMiB: SERVER_WRITER_CACHE_MIB,
  })
  const store = createSqliteStore(connections, {
    waitMs: options.writeWaitMs,
  })
  try {
    const seeded =
      options.seedWhenEmpty && !options.readOnly && (await store.counts()).articles === 0
    if (seeded) await seedDatabase(store)
    return { store, indexes: await openSearchIndexes(store), seeded }
  } catch (error) {
    store.close()
    throw error
  }
}
