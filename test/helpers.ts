/**
 * Test fixtures: a fresh in-memory database per call, seeded or empty, with the app around it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type AppOptions } from '../src/app'
import { openConnections, openDatabase } from '../src/db/client'
import { createSqliteStore } from '../src/db/sqlite-store'
import { entriesOf, importEntries } from '../src/import/importer'
import { seedDatabase } from '../src/import/seed'
import { buildSearchIndexes } from '../src/search/indexes'
import { createServices } from '../src/services'

/** The write token the test apps accept. */
export const TOKEN = 'test-token-0123456789abcdef'

/** A seeded in-memory quotedb: its database, store, services and app (writes take `TOKEN`). */
export async function seededQuotedb(options: AppOptions = { writeToken: TOKEN }) {
  const db = openDatabase(':memory:')
  const store = createSqliteStore(db)
  await seedDatabase(store)
  const indexes = await buildSearchIndexes(store)
  const services = createServices({ store, indexes })
  return { db, store, indexes, services, app: createApp(services, options) }
}

/**
 * A seeded quotedb over a database file in a new directory, as the server runs: one connection
 * for the writer, one for reads. `remove()` closes it and deletes the directory.
 */
export async function seededFileQuotedb(options: AppOptions = { writeToken: TOKEN }) {
  const dir = mkdtempSync(join(tmpdir(), 'quotedb-test-'))
  const path = join(dir, 'quotedb.sqlite')
  const store = createSqliteStore(openConnections(path))
  await seedDatabase(store)
  const indexes = await buildSearchIndexes(store)
  const services = createServices({ store, indexes })
  return {
    path,
    store,
    indexes,
    services,
    app: createApp(services, options),
    remove() {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** Sends a write with the test token and returns the status and parsed body (null when empty). */
export async function send<T = any>(
  app: Requester,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await app.request(path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: response.headers,
  }
}

/** An in-memory quotedb holding exactly the given import items (atomic: all must be valid). */
export async function quotedbWith(items: unknown[]) {
  const db = openDatabase(':memory:')
  const store = createSqliteStore(db)
  const report = await importEntries(store, entriesOf(items))
  if (!report.committed) throw new Error(JSON.stringify(report.problems))
  const indexes = await buildSearchIndexes(store)
  const services = createServices({ store, indexes })
  return { db, store, indexes, services, app: createApp(services, { writeToken: TOKEN }) }
}

/** GETs `path` from the app and returns the status and parsed JSON body. */
export async function getJson<T = any>(
  app: { request: (path: string) => Response | Promise<Response> },
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await app.request(path)
  return { status: response.status, body: (await response.json()) as T }
}
