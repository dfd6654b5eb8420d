/**
 * PostgreSQL for the benchmarks: the server `--database-url` names, or a throwaway local one that
 * `.ci/postgres` starts (installing Debian's package when missing) on a port of its own, durable
 * (fsync on, as SQLite's file is) and given the memory a server of this size would be; and a
 * database of its own on it, holding the corpus imported through the real import path.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStore } from '../src/db/open-store'
import { importCorpus } from './corpus-database'

/** The benchmark's own server: its port, and its settings beyond the tests' (fsync on). */
const LOCAL_SERVER = {
  PGPORT: '54330',
  PGDATA_DIR: '/tmp/quotedb-pg-54330',
  PG_SERVER_OPTIONS: '-c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=64MB',
}

/**
 * The server to use: the URL given, or the local one `.ci/postgres` starts and prints, with what
 * stops it again (nothing for a server given).
 */
function postgresServer(url: string | undefined): { url: string; stop: () => void } {
  if (url) return { url, stop: () => undefined }
  const run = (...args: string[]) =>
    execFileSync('./.ci/postgres', args, {
      encoding: 'utf8',
      env: { ...process.env, ...LOCAL_SERVER },
    })
  return { url: run().trim().split('\n').at(-1)!, stop: () => void run('stop') }
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

export interface PostgresCorpus {
  /** The database holding the corpus. */
  url: string
  /** Quotes imported per second. */
  import_per_s: number
  drop(): Promise<void>
}

/**
 * A new database, migrated, holding the corpus file's quotes: on the server `serverUrl` names, or
 * on the benchmark's own local server (stopped again by `drop`).
 */
export async function postgresCorpus(
  serverUrl: string | undefined,
  file: string,
  quotes: number,
  log: (message: string) => void,
): Promise<PostgresCorpus> {
  const server = postgresServer(serverUrl)
  const name = `quotedb_bench_${randomBytes(4).toString('hex')}`
  await onServer(server.url, `CREATE DATABASE ${name}`)
  const address = new URL(server.url)
  address.pathname = `/${name}`
  const url = address.toString()
  const drop = async () => {
    await onServer(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    server.stop()
  }
  try {
    log(`Importing ${quotes} quotes into PostgreSQL (${name})…`)
    const store = await openStore({ databasePath: '', databaseUrl: url })
    try {
      const import_per_s = await importCorpus(store, file, quotes)
      return { url, import_per_s, drop }
    } finally {
      await store.close()
    }
  } catch (error) {
    await drop()
    throw error
  }
}
