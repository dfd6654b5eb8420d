/**
 * Opening everything the server needs: the database (created and migrated), the seed when the
 * database is empty, and the in-memory search indexes derived from it.
 */
import { openStore, type StoreLocation } from './db/open-store'
import type { Store } from './domain/store'
import { seedDatabase } from './import/seed'
import { openSearchIndexes, type SearchIndexes } from './search/indexes'
import { DEFAULT_WRITE_WAIT_MS } from './db/write-queue'
import { startWriteThread, type WriteThread } from './services/write-thread'

export interface Opened {
  store: Store
  indexes: SearchIndexes
  /** True when this start seeded an empty database. */
  seeded: boolean
  /**
   * Where writes run: a thread of their own for a database file open for writing; else null (an
   * in-memory database, or PostgreSQL, whose server takes the writes of every connection).
   */
  writeThread: WriteThread | null
}

/**
 * Opens the database at `location`, seeds it when empty (unless told not to) and opens the
 * indexes: ready to search, with the vocabulary and name index completing in the background.
 */
export async function openQuotedb(
  location: StoreLocation,
  options: { seedWhenEmpty: boolean; readOnly?: boolean; writeWaitMs?: number },
): Promise<Opened> {
  const readOnly = options.readOnly ?? false
  const waitMs = options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS
  const store = await openStore(location, { readOnly, waitMs })
  const path = location.databaseUrl === null ? location.databasePath : null
  try {
    const seeded = options.seedWhenEmpty && !readOnly && (await store.counts()).articles === 0
    if (seeded) await seedDatabase(store)
    const writeThread =
      readOnly || path === null || path === ':memory:'
        ? null
        : await startWriteThread({ path, waitMs })
    return { store, indexes: await openSearchIndexes(store), seeded, writeThread }
  } catch (error) {
    await store.close()
    throw error
  }
}
