/**
 * Test fixtures: a fresh database per call, seeded or empty, with the app around it — in memory in
 * SQLite, or a database of its own on the test PostgreSQL server when the suite runs on that
 * engine (`QUOTEDB_TEST_ENGINE=postgres`; see vitest.config.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { createApp, type AppOptions } from '../src/app'
import { openConnections, openDatabase, type Db } from '../src/db/client'
import { openPostgres } from '../src/db/pg/client'
import { createPostgresStore } from '../src/db/pg/pg-store'
import { createSqliteStore } from '../src/db/sqlite-store'
import type { Store } from '../src/domain/store'
import { freshDatabase } from './db/pg/database'
import { entriesOf, importEntries } from '../src/import/importer'
import { seedDatabase } from '../src/import/seed'
import { buildSearchIndexes } from '../src/search/indexes'
import { createServices } from '../src/services'

/** The write token the test apps accept. */
export const TOKEN = 'test-token-0123456789abcdef'

/** The engine the fixtures' databases are in. */
export const ENGINE: 'sqlite' | 'postgres' =
  process.env.QUOTEDB_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

/** What closes the PostgreSQL databases this file's tests made, and drops them. */
const opened: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const close of opened.splice(0)) await close()
})

/**
 * Stands in for the SQLite connection of a fixture over PostgreSQL: a test that reads SQLite
 * directly runs on SQLite only, and says so by failing here.
 */
const sqliteOnly = new Proxy({} as Db, {
  get(_, property) {
    throw new Error(`This test reads SQLite directly (db.${String(property)}): SQLite only.`)
  },
})

/**
 * A store over a fresh, empty database: in memory in SQLite (with its connection, `db`), or a new
 * database on the test PostgreSQL server, dropped when the file's tests are done.
 */
export async function emptyStore(): Promise<{ db: Db; store: Store }> {
  if (ENGINE === 'sqlite') {
    const db = openDatabase(':memory:')
    return { db, store: createSqliteStore(db) }
  }
  const database = await freshDatabase()
  const connections = await openPostgres(database.url, { max: 4 })
  const store = createPostgresStore(connections)
  opened.push(async () => {
    await store.close()
    await database.drop()
  })
  return { db: sqliteOnly, store }
}

/** A seeded quotedb: its database, store, services and app (writes take `TOKEN`). */
export async function seededQuotedb(options: AppOptions = { writeToken: TOKEN }) {
  const { db, store } = await emptyStore()
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

/** A quotedb holding exactly the given import items (atomic: all must be valid). */
export async function quotedbWith(items: unknown[]) {
  const { db, store } = await emptyStore()
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
