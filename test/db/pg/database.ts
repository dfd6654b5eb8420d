/**
 * A database of its own on the PostgreSQL server the tests are given (QUOTEDB_TEST_DATABASE_URL,
 * which `.ci/postgres` starts), dropped after; tests without a server are skipped, unless CI
 * requires them (QUOTEDB_REQUIRE_POSTGRES).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export const ADMIN_URL = process.env.QUOTEDB_TEST_DATABASE_URL
if (!ADMIN_URL && process.env.QUOTEDB_REQUIRE_POSTGRES) {
  throw new Error('QUOTEDB_TEST_DATABASE_URL is not set: start a server with .ci/postgres.')
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Creates an empty database; its URL, and what drops it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `quotedb_test_${randomBytes(6).toString('hex')}`
  await admin(`CREATE DATABASE ${name}`)
  const address = new URL(ADMIN_URL!)
  address.pathname = `/${name}`
  return {
    url: address.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
