/**
 * An online backup: SQLite's backup API copies the database page by page while it stays open for
 * reading and writing. A write by this connection is copied as it happens; a write by another
 * connection makes the copy start again, so what lands in the file is always one consistent
 * state. The copy is then checked on its own before it is called a backup.
 */
import Database from 'better-sqlite3'
import type { Db } from './client'

export interface BackupReport {
  pages: number
  bytes: number
  quotes: number
}

/** Backs the database up into `destination` (which must not exist) and checks the copy. */
export async function backupDatabase(db: Db, destination: string): Promise<BackupReport> {
  const { totalPages } = await db.$client.backup(destination)
  const copy = new Database(destination, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    const keys = copy.pragma('foreign_key_check') as unknown[]
    if (integrity !== 'ok' || keys.length > 0) {
      throw new Error(`The backup in ${destination} failed its checks (${String(integrity)}).`)
    }
    const pageSize = copy.pragma('page_size', { simple: true }) as number
    const quotes = copy.prepare('SELECT count(*) FROM quotes').pluck().get() as number
    return { pages: totalPages, bytes: totalPages * pageSize, quotes }
  } finally {
    copy.close()
  }
}
