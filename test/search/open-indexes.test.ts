import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { seedDatabase } from '../../src/import/seed'
import { openSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'

async function openedWhileLoading() {
  const store = createSqliteStore(openDatabase(':memory:'))
  await seedDatabase(store)
  const indexes = await openSearchIndexes(store)
  return { indexes, services: createServices({ store, indexes }) }
}

describe('opening the search indexes at start', () => {
  it('notices a write by another process made before the first search', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-open-'))
    try {
      const path = join(dir, 'q.sqlite')
      const store = createSqliteStore(openDatabase(path))
      await seedDatabase(store)
      const indexes = await openSearchIndexes(store)
      const services = createServices({ store, indexes })
      const other = openDatabase(path)
      other.$client.prepare('DELETE FROM quotes WHERE id = 1').run()
      other.$client.close()
      // The next search applies the other process's change first.
      expect((await services.searchQuotes({ limit: 1, offset: 0 })).total).toBe(26)
      store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('answers a search at once, while the vocabulary and names load behind it', async () => {
    const { indexes, services } = await openedWhileLoading()
    expect(indexes.vocabulary.loaded).toBe(false)
    const found = await services.searchQuotes({ q: 'vaporized', limit: 20, offset: 0 })
    expect(found.total).toBe(1)
    expect(found.query.corrections).toEqual([])
    // It did not wait: the vocabulary is still loading.
    expect(indexes.vocabulary.loaded).toBe(false)
    await indexes.complete
    expect(indexes.vocabulary.loaded).toBe(true)
    expect(indexes.vocabulary.documents('vaporized')).toBe(1)
  })

  it('waits for the vocabulary to correct a word the index lacks', async () => {
    const { indexes, services } = await openedWhileLoading()
    expect(indexes.vocabulary.loaded).toBe(false)
    const found = await services.searchQuotes({ q: 'Sheinbaun', limit: 20, offset: 0 })
    expect(found.query.corrections).toEqual([{ word: 'sheinbaun', alternatives: ['sheinbaum'] }])
    expect(found.total).toBe(7)
  })

  it('waits for the name index to find speakers by name', async () => {
    const { services } = await openedWhileLoading()
    const speakers = await services.listSpeakers({ q: 'sheinb', limit: 5, offset: 0 })
    expect(speakers.items.map((s) => s.slug)).toContain('claudia-sheinbaum')
  })
})
