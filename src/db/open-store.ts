/**
 * Opening the store the configuration names: the SQLite file (the default), or the PostgreSQL
 * database of `QUOTEDB_DATABASE_URL`. Either is created or migrated as it opens.
 */
import type { Store } from '../domain/store'
import { openConnections } from './client'
import { openPostgres } from './pg/client'
import { createPostgresStore } from './pg/pg-store'
import { createSqliteStore } from './sqlite-store'
import type { WriteQueueOptions } from './write-queue'

export interface StoreLocation {
  /** The SQLite file (or `:memory:`); used when `databaseUrl` is null. */
  databasePath: string
  /** The PostgreSQL database, or null for SQLite. */
  databaseUrl: string | null
}

/** Where the data is, for messages: the file, or the database's host and name (no password). */
export function describeLocation({ databasePath, databaseUrl }: StoreLocation): string {
  if (databaseUrl === null) return databasePath
  const url = new URL(databaseUrl)
  return `postgres://${url.host}${url.pathname}`
}

/** Opens the store at `location`; a PostgreSQL database's migrations are applied first. */
export async function openStore(
  location: StoreLocation,
  options: WriteQueueOptions & { readOnly?: boolean } = {},
): Promise<Store> {
  const { readOnly = false, ...queue } = options
  if (location.databaseUrl === null) {
    return createSqliteStore(openConnections(location.databasePath, { readOnly }), queue)
  }
  return createPostgresStore(await openPostgres(location.databaseUrl), { ...queue, readOnly })
}
