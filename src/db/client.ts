/**
 * Opening the database: one SQLite file (or `:memory:`), its pragmas, and its migrations.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations')

/**
 * Opens (creating when missing) the database at `path`, sets its pragmas and applies every pending
 * migration. `':memory:'` gives a private in-memory database, as the tests use.
 */
export function openDatabase(path: string, options: { readOnly?: boolean } = {}): Db {
  if (options.readOnly) return openReadOnly(path)
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const sqlite = new Database(path)
  // WAL lets reads go on during a write; a file database only (memory databases ignore it).
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  // 64 MiB of page cache: a large import spills far fewer pages to the WAL before it commits.
  sqlite.pragma('cache_size = -65536')
  const db = drizzle(sqlite, { schema })
  migrateChecked(db)
  return db
}

/**
 * Applies the pending migrations with foreign keys off, as SQLite asks for a migration that
 * rebuilds a table (dropping it would otherwise delete what refers to it), then checks every
 * foreign key before turning them on again: a migration that broke one is refused.
 */
function migrateChecked(db: Db): void {
  const sqlite = db.$client
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) {
      throw new Error(
        `The database's migrations left ${broken.length} broken references; it was not changed further.`,
      )
    }
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}

/** The connections a process works through: one for the one writer, one for reads. */
export interface Connections {
  /** The connection every write goes through (see `WriteQueue`); null when opened read-only. */
  writer: Db | null
  /** The connection reads go through. */
  reader: Db
}

/**
 * Opens the database at `path` for writing and reading. A file gets a second connection for
 * reads, so that no read waits for a write: in WAL mode each read sees the last commit while a
 * write is under way. An in-memory database belongs to one connection, which then serves both.
 */
export function openConnections(path: string, options: { readOnly?: boolean } = {}): Connections {
  if (options.readOnly) return { writer: null, reader: openReadOnly(path) }
  const writer = openDatabase(path)
  if (path === ':memory:') return { writer, reader: writer }
  const sqlite = new Database(path)
  // Reads only: a write through this connection would bypass the one writer.
  sqlite.pragma('query_only = ON')
  sqlite.pragma('busy_timeout = 5000')
  // 8 MiB: every commit by the writer empties this cache, and a large one filled and emptied
  // several times a second only grows the process (the file's pages stay in the OS cache).
  sqlite.pragma('cache_size = -8192')
  return { writer, reader: drizzle(sqlite, { schema }) }
}

/**
 * Opens an existing database for reading only: every write is refused by SQLite itself. It cannot
 * take migrations, so it must already have every one.
 */
function openReadOnly(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  const applied = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE name = '__drizzle_migrations'")
    .get()
    ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number)
    : 0
  const journal = JSON.parse(
    readFileSync(resolve(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'),
  ) as { entries: unknown[] }
  if (applied < journal.entries.length) {
    sqlite.close()
    throw new Error(
      `The database ${path} lacks ${journal.entries.length - applied} migration(s), which a read-only database cannot take: open it once writable.`,
    )
  }
  return drizzle(sqlite, { schema })
}
