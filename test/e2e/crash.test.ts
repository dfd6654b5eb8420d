/**
 * The server killed (SIGKILL) in the middle of a large import over HTTP, then started again: the
 * database holds the whole import or none of it, passes SQLite's integrity and foreign-key
 * checks, and search agrees with it exactly.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { generateQuoteItems } from '../../bench/corpus'
import { startServer } from './server-process'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const IMPORTED = 20_000

/** Resolves once the write-ahead log has grown past `bytes`: the import is writing. */
async function walGrows(database: string, bytes: number) {
  const wal = `${database}-wal`
  for (let i = 0; i < 2000; i++) {
    if (existsSync(wal) && statSync(wal).size > bytes) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error('the import never started writing')
}

async function getJson(url: string) {
  const response = await fetch(url)
  return (await response.json()) as { total: number; items: Array<{ id: number }> }
}

describe('a server killed mid-import', () => {
  it('comes back with all of the import or none of it, consistent and searchable', async () => {
    const database = join(dir, 'quotedb.sqlite')
    const first = await startServer(database)
    const seeded = (await getJson(`${first.url}/api/quotes?limit=1`)).total
    const body = generateQuoteItems({ quotes: IMPORTED, seed: 9 })
      .map((item) => JSON.stringify(item))
      .join('\n')
    const walBefore = existsSync(`${database}-wal`) ? statSync(`${database}-wal`).size : 0
    const importing = fetch(`${first.url}/api/import?format=ndjson`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.token}`, 'Content-Type': 'application/x-ndjson' },
      body,
    }).catch((error: unknown) => error)
    await walGrows(database, walBefore + 256 * 1024)
    await first.kill()
    expect(await importing).toBeInstanceOf(Error)

    const again = await startServer(database)
    try {
      const sqlite = new Database(database, { readonly: true })
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(sqlite.pragma('foreign_key_check')).toEqual([])
      const quoteIds = sqlite.prepare('SELECT id FROM quotes ORDER BY id').pluck().all() as number[]
      const indexed = sqlite.prepare('SELECT rowid FROM quotes_fts ORDER BY rowid').pluck().all()
      const vaporized = sqlite
        .prepare("SELECT id FROM quotes WHERE text LIKE '%vaporized%' ORDER BY id")
        .pluck()
        .all()
      sqlite.close()
      // All or nothing: the seed alone, or the seed and every imported quote.
      expect([seeded, seeded + IMPORTED]).toContain(quoteIds.length)
      expect(indexed).toEqual(quoteIds)
      // Search agrees with the database: the same count, the same ids.
      const browsed = await getJson(`${again.url}/api/quotes?limit=100&sort=oldest`)
      expect(browsed.total).toBe(quoteIds.length)
      if (quoteIds.length === seeded) {
        expect(browsed.items.map((q) => q.id).sort((a, b) => a - b)).toEqual(quoteIds)
      }
      const found = await getJson(`${again.url}/api/quotes?q=vaporized%20&limit=100`)
      expect(found.items.map((q) => q.id).sort((a, b) => a - b)).toEqual(vaporized)
    } finally {
      await again.stop()
    }
  }, 120_000)
})
