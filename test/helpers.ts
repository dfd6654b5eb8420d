/**
 * Test fixtures: a fresh in-memory database per call, seeded or empty, with the app around it.
 */
import { createApp } from '../src/app'
import { openDatabase } from '../src/db/client'
import { createSqliteStore } from '../src/db/sqlite-store'
import { entriesOf, importEntries } from '../src/import/importer'
import { seedDatabase } from '../src/import/seed'
import { buildSearchIndexes } from '../src/search/indexes'
import { createServices } from '../src/services'

/** A seeded in-memory quotedb: its database, store, services and app. */
export async function seededQuotedb() {
  const db = openDatabase(':memory:')
  const store = createSqliteStore(db)
  await seedDatabase(store)
  const indexes = await buildSearchIndexes(store)
  const services = createServices({ store, indexes })
  return { db, store, indexes, services, app: createApp(services) }
}

/** An in-memory quotedb holding exactly the given import items (atomic: all must be valid). */
export async function quotedbWith(items: unknown[]) {
  const db = openDatabase(':memory:')
  const store = createSqliteStore(db)
  const report = await importEntries(store, entriesOf(items))
  if (!report.committed) throw new Error(JSON.stringify(report.problems))
  const indexes = await buildSearchIndexes(store)
  const services = createServices({ store, indexes })
  return { db, store, indexes, services, app: createApp(services) }
}

/** GETs `path` from the app and returns the status and parsed JSON body. */
export async function getJson<T = any>(
  app: { request: (path: string) => Response | Promise<Response> },
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await app.request(path)
  return { status: response.status, body: (await response.json()) as T }
}
