/**
 * Opening a PostgreSQL database: a connection pool over `QUOTEDB_DATABASE_URL`, its migrations
 * (`migrations-pg/`) applied on open, and a listener for the change feed's wake-ups.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from './schema'

const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations-pg')

/** The channel the change feed's trigger notifies on every commit that recorded a change. */
export const CHANGES_CHANNEL = 'quotedb_changes'

/**
 * Drizzle over the pool, or over one connection of it inside a transaction the store began: what
 * every query runs on. Raw SQL goes through `db.$client.query(text, params)` on the same
 * connection. (Never `db.transaction()`: a write is already one transaction, begun by the store.)
 */
export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool | pg.PoolClient }

/** Drizzle over one connection of the pool (the connection a transaction runs on). */
export const drizzleOn = (client: pg.PoolClient): PgDb => drizzle(client, { schema })

export interface PgConnections {
  db: PgDb
  pool: pg.Pool
  close(): Promise<void>
}

/**
 * Opens the database at `url` and brings its schema up to date. Several servers may open one
 * database at once: one migrates while the others wait, then find nothing left to do.
 */
export async function openPostgres(
  url: string,
  options: { max?: number } = {},
): Promise<PgConnections> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 })
  // A connection the server closes (a restart, an administrator) is dropped from the pool and
  // replaced; without a listener the error would end the process.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message))
  try {
    await migrateOnce(url)
  } catch (error) {
    await pool.end()
    throw error
  }
  return { db: drizzle(pool, { schema }), pool, close: () => pool.end() }
}

/**
 * Applies the pending migrations over a connection of its own, holding an advisory lock for it
 * (a session lock: on this connection, never one a pool shares). Waits at most a minute for
 * another server migrating.
 */
async function migrateOnce(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query("SET lock_timeout = '60s'")
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['quotedb migrations'])
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER })
  } finally {
    // Ending the connection lets go of the lock, whatever happened.
    await client.end().catch(() => undefined)
  }
}

/**
 * Calls `wake` whenever another transaction has committed changes to the feed, over a connection
 * of its own (LISTEN holds one). Returns what stops listening.
 */
export async function listenForChanges(
  url: string,
  wake: () => void,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url })
  client.on('error', (error) => console.error('PostgreSQL listener lost:', error.message))
  await client.connect()
  client.on('notification', (message) => {
    if (message.channel === CHANGES_CHANNEL) wake()
  })
  await client.query(`LISTEN ${CHANGES_CHANNEL}`)
  return () => client.end()
}
