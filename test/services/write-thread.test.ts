/**
 * The write thread: the server's writes run on a thread of their own, so that the event loop
 * answering reads never runs one; their answers, refusals and changes come back as if they had
 * run here.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/domain/errors'
import { generateQuoteItems } from '../../bench/corpus'
import { openConnections } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { entriesOf, importEntries } from '../../src/import/importer'
import { seedDatabase } from '../../src/import/seed'
import { openSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'
import { InvalidRecord } from '../../src/services/problems'
import { startWriteThread } from '../../src/services/write-thread'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A seeded database file (with `extra` imported), served with its writes on the write thread. */
async function threaded(extra: unknown[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'quotedb-thread-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'quotedb.sqlite')
  const store = createSqliteStore(openConnections(path))
  cleanups.push(() => store.close())
  await seedDatabase(store)
  if (extra.length > 0) expect((await importEntries(store, entriesOf(extra))).committed).toBe(true)
  const thread = await startWriteThread({ path, waitMs: 10_000 })
  const indexes = await openSearchIndexes(store)
  await indexes.complete
  const services = createServices({ store, indexes }, { writer: thread.writer })
  cleanups.push(() => services.close())
  return { store, services }
}

/** The longest pause of a 5 ms timer while `work` runs. */
async function longestPause(work: Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  try {
    await work
  } finally {
    clearInterval(ticker)
  }
  // Since the last tick, too: a write run on this thread may end before the first.
  return Math.max(longest, performance.now() - last)
}

describe('the write thread', () => {
  it('runs a long write without holding this thread, and search has it when it is answered', async () => {
    // 30,000 quotes of 200 outlets: merging the most common outlets re-indexes thousands of them.
    const corpus = generateQuoteItems({ quotes: 30_000, seed: 21, speakers: 2_000 })
    const { store, services } = await threaded(corpus)
    const outlets = (await store.listOutlets({ limit: 3, offset: 0 })).items
    const [target, ...sources] = outlets.map((o) => o.slug)
    const moved = (await services.searchQuotes({ outlets: sources, limit: 1, offset: 0 })).total
    expect(moved).toBeGreaterThan(1000)
    const before = (await services.searchQuotes({ outlets: [target!], limit: 1, offset: 0 })).total

    const merge = services.mergeOutlets(target!, sources)
    expect(await longestPause(merge)).toBeLessThan(250)
    expect((await merge).slug).toBe(target)
    const after = await services.searchQuotes({ outlets: [target!], limit: 1, offset: 0 })
    expect(after.total).toBe(before + moved)
  }, 120_000)

  it('answers refusals as they were thrown: the code, the field, every problem', async () => {
    const { services } = await threaded()
    const conflict = await services
      .createSpeaker({ name: 'Claudia Sheinbaum' } as never)
      .catch((e) => e)
    expect(conflict).toBeInstanceOf(AppError)
    expect(conflict).toMatchObject({ code: 'conflict', status: 409, param: 'name' })
    const invalid = await services
      .createQuote({ article: 'https://nowhere.example/a', text: 'words' })
      .catch((e) => e)
    expect(invalid).toBeInstanceOf(InvalidRecord)
    expect(invalid.problems).toEqual([
      { line: 1, field: 'article', message: 'no article has the url "https://nowhere.example/a"' },
    ])
    const missing = await services.deleteQuote(99_999).catch((e) => e)
    expect(missing).toMatchObject({ code: 'not_found', message: 'No quote has the id 99999.' })
  })

  it('imports a file sent as bytes, and rolls back a refused one with its report', async () => {
    const { services, store } = await threaded()
    const line = (n: number) =>
      JSON.stringify({
        type: 'article',
        url: `https://thread.example/${n}`,
        outlet: 'Thread Times',
        published: '2025-04-01',
        body: `Statement ${n} from the thread, she said.`,
        quotes: [{ text: `Statement ${n} from the thread`, kind: 'paraphrase' }],
      })
    const bytes = new TextEncoder().encode([1, 2, 3].map(line).join('\n'))
    const report = await services.importFile({ source: bytes, format: 'ndjson' })
    expect(report).toMatchObject({ committed: true, summary: { quotes: { added: 3 } } })
    expect((await services.searchQuotes({ q: 'thread', limit: 10, offset: 0 })).total).toBe(3)
    const refused = await services.importFile({
      source: new TextEncoder().encode(`${line(4)}\nnot json`),
      format: 'ndjson',
    })
    expect(refused).toMatchObject({ committed: false, problemCount: 1 })
    expect(await store.articleIdByUrl('https://thread.example/4')).toBeNull()
  })
})
