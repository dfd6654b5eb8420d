/**
 * An online backup: SQLite's backup API copies the database while it stays open for reading and
 * writing. The copy is made in one step, inside one read transaction, so it is one consistent
 * state even while other processes commit (WAL lets them: readers do not block writers), and a
 * steady trickle of commits cannot make it start over. It is written to a temporary file, checked
 * on its own, and only then put in place — never over an existing file.
 */
import { existsSync, linkSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'

export interface BackupReport {
  pages: number
  bytes: number
  quotes: number
}

/** Backs the database `source` up into `destination` (which must not exist) and checks the copy. */
export async function backupDatabase(
  source: Database.Database,
  destination: string,
): Promise<BackupReport> {
  if (existsSync(destination))
    throw new Error(`${destination} exists already; a backup is a new file.`)
  const partial = `${destination}.partial-${process.pid}`
  try {
    // Every remaining page in the next step: the whole copy at once.
    const { totalPages } = await source.backup(partial, { progress: () => 2 ** 30 })
    const report = check(partial, totalPages)
    // A hard link fails if the destination appeared meanwhile: nothing is ever overwritten.
    linkSync(partial, destination)
    return report
  } finally {
    // Checking the copy opens it, and a copy of a WAL database opens with its own -wal and -shm.
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true })
  }
}

/** The copy's own checks: integrity and foreign keys; what it holds. */
function check(path: string, totalPages: number): BackupReport {
  const copy = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    const keys = copy.pragma('foreign_key_check') as unknown[]
    if (integrity !== 'ok' || keys.length > 0) {
      throw new Error(`The backup failed its checks (${String(integrity)}); nothing was written.`)
    }
    const pageSize = copy.pragma('page_size', { simple: true }) as number
    const quotes = copy.prepare('SELECT count(*) FROM quotes').pluck().get() as number
    return { pages: totalPages, bytes: totalPages * pageSize, quotes }
  } finally {
    copy.close()
  }
}

/**
 * Backs up the database file at `path` without taking part in its use: opened read-only, so it
 * is neither migrated nor switched to WAL, and a read-only file can be backed up too.
 */
export async function backupFile(path: string, destination: string): Promise<BackupReport> {
  const source = new Database(path, { readonly: true, fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    return await backupDatabase(source, destination)
  } finally {
    source.close()
  }
}
