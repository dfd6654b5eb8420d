/**
 * Online backups: taken while the database is written to, and restored into a quotedb that answers
 * the same as the original did.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  it('never writes over an existing file, and leaves nothing behind when it refuses', async () => {
    const source = await quotedbAt(join(dir, 'refuse.sqlite'))
    await seedDatabase(source.store)
    const file = join(dir, 'taken.sqlite')
    writeFileSync(file, 'something else')
    await expect(source.store.backup(file)).rejects.toThrow(
      'exists already; a backup is a new file.',
    )
    expect(readFileSync(file, 'utf8')).toBe('something else')
    expect(readdirSync(dir).filter((name) => name.includes('.partial-'))).toEqual([])
    source.store.close()
  })
})
