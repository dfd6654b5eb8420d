import { describe, expect, it } from 'vitest'
import { createServices } from '../../src/services'
import { seededQuotedb } from '../helpers'

describe('the result cache', () => {
  it('answers the same search again from memory, until anything is written', async () => {
    const { db, indexes, services } = await seededQuotedb()
    const params = { q: 'drone', limit: 20, offset: 0 }
    const first = await services.searchQuotes(params)
    expect(await services.searchQuotes({ ...params })).toBe(first)
    expect(await services.searchQuotes({ ...params, offset: 1 })).not.toBe(first)
    const browse = { limit: 20, offset: 0 }
    const browsed = await services.searchQuotes(browse)
    const [quote] = first.items
    await services.deleteQuote(quote!.id)
    const after = await services.searchQuotes(params)
    expect(after).not.toBe(first)
    expect(after.total).toBe(first.total - 1)
    // Browsing reads the in-memory facts alone: they forgot the quote too.
    expect((await services.searchQuotes(browse)).total).toBe(browsed.total - 1)
    // Indexes brought up to date (a rebuild after another process wrote) make kept answers stale.
    indexes.revision++
    expect(await services.searchQuotes(params)).not.toBe(after)
    // So does a write on the same connection that bypasses the services.
    const again = await services.searchQuotes(params)
    expect(await services.searchQuotes(params)).toBe(again)
    db.$client.prepare("UPDATE speakers SET description = 'changed' WHERE id = 1").run()
    expect(await services.searchQuotes(params)).not.toBe(again)
  })

  it('keeps nothing when its size is 0', async () => {
    const { store, indexes } = await seededQuotedb()
    const services = createServices({ store, indexes }, { resultCacheSize: 0 })
    const params = { q: 'drone', limit: 20, offset: 0 }
    expect(await services.searchQuotes(params)).not.toBe(await services.searchQuotes(params))
  })

  it('sees a write by another connection to the same file', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { openDatabase } = await import('../../src/db/client')
    const { createSqliteStore } = await import('../../src/db/sqlite-store')
    const { seedDatabase } = await import('../../src/import/seed')
    const { buildSearchIndexes } = await import('../../src/search/indexes')
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-cache-'))
    try {
      const path = join(dir, 'q.sqlite')
      const store = createSqliteStore(openDatabase(path))
      await seedDatabase(store)
      const services = createServices({ store, indexes: await buildSearchIndexes(store) })
      const params = { q: 'vaporized', limit: 20, offset: 0 }
      const browse = { limit: 20, offset: 0 }
      const before = await services.searchQuotes(params)
      expect(before.total).toBe(1)
      const browsed = await services.searchQuotes(browse)
      const other = openDatabase(path)
      other.$client.prepare('DELETE FROM quotes WHERE id = ?').run(before.items[0]!.id)
      other.$client.close()
      const after = await services.searchQuotes(params)
      expect(after).not.toBe(before)
      expect(after.total).toBe(0)
      // Browsing (the in-memory facts alone) has caught up with the outside write too.
      expect((await services.searchQuotes(browse)).total).toBe(browsed.total - 1)
      store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
