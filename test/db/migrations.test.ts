/**
 * Migrations on a database that holds data: a table rebuilt keeps every row and every row that
 * refers to it, and the triggers that keep the search index in step still do.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import * as schema from '../../src/db/schema'
import { seedDatabase } from '../../src/import/seed'

const MIGRATIONS = resolve(__dirname, '../../migrations')
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** The migrations folder as it was before migration `tag`. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotedb-migrations-'))
  dirs.push(dir)
  cpSync(MIGRATIONS, dir, { recursive: true })
  const journalPath = join(dir, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: Array<{ tag: string }>
  }
  const at = journal.entries.findIndex((e) => e.tag === tag)
  expect(at).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, at)
  writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

const counts = (db: Database.Database) =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM speakers) AS speakers, (SELECT count(*) FROM speaker_aliases) AS aliases,
         (SELECT count(*) FROM speaker_titles) AS titles, (SELECT count(*) FROM outlets) AS outlets,
         (SELECT count(*) FROM outlet_aliases) AS outletAliases, (SELECT count(*) FROM quotes) AS quotes,
         (SELECT count(*) FROM quotes WHERE speaker_id IS NOT NULL) AS attributed,
         (SELECT count(*) FROM quotes_fts) AS indexed`,
    )
    .get()

/**
 * The seed, as the code of today writes it, copied into a database migrated only so far: the
 * columns that database has, table by table (the writer knows only the newest schema).
 */
function copySeedInto(old: Database.Database, dir: string) {
  const seeded = join(dir, 'seeded.sqlite')
  const store = createSqliteStore(openDatabase(seeded))
  return seedDatabase(store).then(() => {
    store.close()
    old.exec(`ATTACH DATABASE '${seeded}' AS seeded`)
    const tables = [
      'outlets',
      'outlet_aliases',
      'speakers',
      'speaker_aliases',
      'speaker_titles',
      'articles',
      'quotes',
      'quotes_fts',
    ]
    old.transaction(() => {
      for (const table of tables) {
        const columns = (old.pragma(`main.table_info(${table})`) as Array<{ name: string }>)
          .map((c) => `"${c.name}"`)
          .join(', ')
        const rowid = table === 'quotes_fts' ? 'rowid, ' : ''
        old.exec(
          `INSERT INTO main.${table} (${rowid}${columns}) SELECT ${rowid}${columns} FROM seeded.${table}`,
        )
      }
    })()
    old.exec('DETACH DATABASE seeded')
  })
}

describe('migration 0006: slugs of any script', () => {
  it('rebuilds speakers and outlets keeping every row, reference and trigger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-migrate-'))
    dirs.push(dir)
    const path = join(dir, 'quotedb.sqlite')
    // The seed, stored under the schema before the migration.
    const old = new Database(path)
    old.pragma('journal_mode = WAL')
    old.pragma('foreign_keys = ON')
    const oldDb = drizzle(old, { schema })
    migrate(oldDb, { migrationsFolder: migrationsBefore('0006_unicode_slugs') })
    await copySeedInto(old, dir)
    const before = counts(old)
    expect(() =>
      old.prepare("INSERT INTO speakers (slug, name) VALUES ('习近平', 'Xi Jinping')").run(),
    ).toThrow('CHECK constraint failed')
    old.close()

    const db = openDatabase(path)
    const sqlite = db.$client
    expect(counts(sqlite)).toEqual(before)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    sqlite.prepare("INSERT INTO speakers (slug, name) VALUES ('习近平', 'Xi Jinping')").run()
    expect(() =>
      sqlite.prepare("INSERT INTO speakers (slug, name) VALUES ('Not A Slug', 'X')").run(),
    ).toThrow('CHECK constraint failed: speakers_slug_format')
    // The triggers are back: a new alias reaches the index of the speaker's quotes.
    const zimmerman = sqlite
      .prepare("SELECT id FROM speakers WHERE slug = 'todd-zimmerman'")
      .pluck()
      .get()
    sqlite
      .prepare("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, 'Quixotic')")
      .run(zimmerman)
    const found = sqlite
      .prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'quixotic'")
      .pluck()
    expect(found.get()).toBe(
      sqlite.prepare('SELECT count(*) FROM quotes WHERE speaker_id = ?').pluck().get(zimmerman),
    )
    expect(found.get()).toBeGreaterThan(0)
    sqlite.close()
  })
})
