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
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A server that cannot be reached is said so within seconds, not waited for forever; a
    // connection whose peer vanished is found out; and a transaction left open by a process that
    // stalled does not hold the write lock of every server for longer than five minutes.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    options: '-c idle_in_transaction_session_timeout=300000',
  })
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
 * of its own (LISTEN holds one). A lost connection is made again (a second later, and so on until
 * it succeeds), with a wake-up for what may have been missed meanwhile. Returns what stops
 * listening.
 */
export async function listenForChanges(
  url: string,
  wake: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null
  let stopped = false
  /** Listens on a new connection; when it is lost (or cannot be made), tries again in a second. */
  const connect = async (first: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url, keepAlive: true })
    let lost = false
    const again = (error?: Error) => {
      if (lost || stopped) return
      lost = true
      if (error) console.error('PostgreSQL listener lost:', error.message)
      void next.end().catch(() => undefined)
      setTimeout(() => void connect(false), 1000).unref()
    }
    next.on('error', again)
    next.on('end', () => again())
    next.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) wake()
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANGES_CHANNEL}`)
    } catch (error) {
      if (first) throw error
      again(error as Error)
      return
    }
    client = next
    if (!first) wake()
  }
  await connect(true)
  return async () => {
    stopped = true
    await client?.end()
  }
}
