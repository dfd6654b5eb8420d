/**
 * Online backups: taken while the database is written to, and restored into a quotedb that answers
 * the same as the original did.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateQuoteItems } from '../../bench/corpus'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { entriesOf, importEntries } from '../../src/import/importer'
import { seedDatabase } from '../../src/import/seed'
import { buildSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function quotedbAt(path: string) {
  const store = createSqliteStore(openDatabase(path))
  const services = createServices({ store, indexes: await buildSearchIndexes(store) })
  return { store, services }
}

/** Every quote as exported, in id order: the whole content a user relies on. */
async function exported(services: Awaited<ReturnType<typeof quotedbAt>>['services']) {
  let text = ''
  for await (const chunk of await services.exportQuotes('ndjson', {})) text += chunk
  return text.split('\n').filter(Boolean)
}

describe('backups', () => {
  it('restores into a quotedb that exports and searches exactly as the original', async () => {
    const source = await quotedbAt(join(dir, 'quiet.sqlite'))
    await seedDatabase(source.store)
    await importEntries(source.store, entriesOf(generateQuoteItems({ quotes: 2000, seed: 3 })))
    const file = join(dir, 'quiet-backup.sqlite')
    const report = await source.store.backup(file)
    expect(report.quotes).toBe((await source.services.counts()).quotes)

    const restored = await quotedbAt(file)
    expect(await exported(restored.services)).toEqual(await exported(source.services))
    for (const q of ['vaporized', 'drone', 'people']) {
      const [a, b] = await Promise.all([
        source.services.searchQuotes({ q, limit: 50, offset: 0 }),
        restored.services.searchQuotes({ q, limit: 50, offset: 0 }),
      ])
      expect(b.total).toBe(a.total)
      expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id))
    }
    source.store.close()
    restored.store.close()
  })

  it('takes a consistent copy while quotes are being written', async () => {
    const source = await quotedbAt(join(dir, 'busy.sqlite'))
    await seedDatabase(source.store)
    await importEntries(source.store, entriesOf(generateQuoteItems({ quotes: 3000, seed: 4 })))
    const before = (await source.services.counts()).quotes
    // Writes keep arriving, one article at a time, for as long as the backup runs.
    const extra = generateQuoteItems({ quotes: 400, seed: 5 }).map((item) => ({
      ...(item as object),
      article: {
        ...(item as { article: object }).article,
        url: `https://busy.example/${Math.random()}`,
      },
    }))
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing && i < extra.length; i++) {
        await importEntries(source.store, entriesOf([extra[i]]))
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const file = join(dir, 'busy-backup.sqlite')
    await source.store.backup(file)
    writing = false
    await writer

    const copy = openDatabase(file).$client
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.pragma('foreign_key_check')).toEqual([])
    const quoteIds = copy.prepare('SELECT id FROM quotes ORDER BY id').pluck().all()
    const indexed = copy.prepare('SELECT rowid FROM quotes_fts ORDER BY rowid').pluck().all()
    // The copy is one state of the database: every quote indexed, none half-written.
    expect(indexed).toEqual(quoteIds)
    expect(quoteIds.length).toBeGreaterThanOrEqual(before)
    copy.close()
    // And every quote in it is in the original as it was.
    const restored = await quotedbAt(file)
    const original = new Set(await exported(source.services))
    for (const line of await exported(restored.services)) expect(original.has(line)).toBe(true)
    source.store.close()
    restored.store.close()
  })
})
