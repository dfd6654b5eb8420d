/**
 * Every change reaches search, whatever made it: any sequence of writes — through the services, an
 * import, raw SQL on another connection — leaves a long-running server's answers equal to those of
 * a server started fresh on the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { openConnections, openDatabase, type Db } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import type { Store } from '../../src/domain/store'
import { seedDatabase } from '../../src/import/seed'
import { buildSearchIndexes, openSearchIndexes } from '../../src/search/indexes'
import { createServices, type Services } from '../../src/services'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-feed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const WORDS = ['drone', 'drones', 'cartel', 'border', 'tariff', 'the', 'sovereignty', 'mexico']
const NAMES = ['Ana Ruiz', 'Omar Haddad', 'Li Wei', 'Claudia Sheinbaum', 'Pete Hegseth']
const OUTLETS = ['The Independent', 'Latin Times', 'Border Report']
const QUERIES = [...WORDS, 'dronne', 'cartell', 'sheinbam', 'ruiz', 'haddad', 'independent']

const text = fc
  .array(fc.constantFrom(...WORDS, 'said', 'were', 'flown'), { minLength: 2, maxLength: 7 })
  .map((words) => words.join(' '))

/** One write, through one of the paths a write can take. */
type Step =
  | { path: 'api'; op: 'article'; n: number; outlet: string; quotes: Array<[string, string]> }
  | { path: 'api'; op: 'edit'; pick: number; text: string }
  | { path: 'api'; op: 'moveSpeaker'; pick: number; speaker: string }
  | { path: 'api'; op: 'deleteQuote'; pick: number }
  | { path: 'api'; op: 'deleteArticle'; pick: number }
  | { path: 'api'; op: 'renameSpeaker'; pick: number; name: string }
  | { path: 'api'; op: 'aliases'; pick: number; aliases: string[] }
  | { path: 'api'; op: 'mergeSpeakers'; pick: number; from: number }
  | { path: 'api'; op: 'renameOutlet'; pick: number; name: string }
  | { path: 'import'; n: number; outlet: string; quotes: Array<[string, string]> }
  | { path: 'sql'; op: 'edit'; pick: number; text: string }
  | { path: 'sql'; op: 'insert'; pick: number; text: string }
  | { path: 'sql'; op: 'delete'; pick: number }
  | { path: 'sql'; op: 'renameOutlet'; pick: number; name: string }
  | { path: 'sql'; op: 'alias'; pick: number; alias: string }

const pick = fc.nat(1000)
const quotes = fc.array(fc.tuple(fc.constantFrom(...NAMES), text), { minLength: 1, maxLength: 4 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    path: fc.constant('api' as const),
    op: fc.constant('article' as const),
    n: fc.nat(),
    outlet: fc.constantFrom(...OUTLETS),
    quotes,
  }),
  fc.record({ path: fc.constant('api' as const), op: fc.constant('edit' as const), pick, text }),
  fc.record({
    path: fc.constant('api' as const),
    op: fc.constant('moveSpeaker' as const),
    pick,
    speaker: fc.constantFrom(...NAMES),
  }),
  fc.record({ path: fc.constant('api' as const), op: fc.constant('deleteQuote' as const), pick }),
  fc.record({ path: fc.constant('api' as const), op: fc.constant('deleteArticle' as const), pick }),
  fc.record({
    path: fc.constant('api' as const),
    op: fc.constant('renameSpeaker' as const),
    pick,
    name: fc.constantFrom('Ana Ruiz Vega', 'Tariff Cartel', 'Drone Border', 'Li Wei Jr'),
  }),
  fc.record({
    path: fc.constant('api' as const),
    op: fc.constant('aliases' as const),
    pick,
    aliases: fc.subarray(['Sovereignty Hawk', 'The Border', 'Mexico Man']),
  }),
  fc.record({
    path: fc.constant('api' as const),
    op: fc.constant('mergeSpeakers' as const),
    pick,
    from: pick,
  }),
  fc.record({
    path: fc.constant('api' as const),
    op: fc.constant('renameOutlet' as const),
    pick,
    name: fc.constantFrom('Drone Times', 'The Cartel Post', 'Sovereignty Daily'),
  }),
  fc.record({
    path: fc.constant('import' as const),
    n: fc.nat(),
    outlet: fc.constantFrom(...OUTLETS),
    quotes,
  }),
  fc.record({ path: fc.constant('sql' as const), op: fc.constant('edit' as const), pick, text }),
  fc.record({ path: fc.constant('sql' as const), op: fc.constant('insert' as const), pick, text }),
  fc.record({ path: fc.constant('sql' as const), op: fc.constant('delete' as const), pick }),
  fc.record({
    path: fc.constant('sql' as const),
    op: fc.constant('renameOutlet' as const),
    pick,
    name: fc.constantFrom('Mexico Border Times', 'The Drone'),
  }),
  fc.record({
    path: fc.constant('sql' as const),
    op: fc.constant('alias' as const),
    pick,
    alias: fc.constantFrom('Tariff Man', 'Cartel Watcher'),
  }),
)

const article = (n: number, outlet: string, items: Array<[string, string]>) => ({
  url: `https://example.com/feed/${n}`,
  outlet,
  published: `2025-0${(n % 9) + 1}`,
  quotes: items.map(([speaker, words]) => ({ speaker, text: words, kind: 'paraphrase' })),
})

/** The id at `pick` (modulo their number) among the rows of `table`, or null when it is empty. */
function idAt(db: Db, table: string, pick: number): number | null {
  const ids = db.$client.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[]
  return ids.length === 0 ? null : ids[pick % ids.length]!
}
const slugAt = (db: Db, table: string, pick: number) => {
  const id = idAt(db, table, pick)
  return id === null
    ? null
    : (db.$client.prepare(`SELECT slug FROM ${table} WHERE id = ?`).pluck().get(id) as string)
}

/** Runs one step; a write the rules refuse (a conflict, a speaker with quotes) changes nothing. */
async function run(services: Services, other: Db, s: Step, counter: { n: number }): Promise<void> {
  const sql = other.$client
  const ignoreRefusal = (error: unknown) => {
    if (!(error instanceof Error && error.name === 'AppError')) throw error
  }
  if (s.path === 'import') {
    const line = JSON.stringify({
      type: 'article',
      ...article(1e6 + counter.n++, s.outlet, s.quotes),
    })
    await services.importFile({ source: new TextEncoder().encode(line), format: 'ndjson' })
    return
  }
  if (s.path === 'sql') {
    const quote = idAt(other, 'quotes', s.pick)
    if (s.op === 'edit' && quote)
      sql.prepare('UPDATE quotes SET text = ? WHERE id = ?').run(s.text, quote)
    if (s.op === 'delete' && quote) sql.prepare('DELETE FROM quotes WHERE id = ?').run(quote)
    const articleId = idAt(other, 'articles', s.pick)
    if (s.op === 'insert' && articleId) {
      const speaker = idAt(other, 'speakers', s.pick)
      sql
        .prepare(
          `INSERT INTO quotes (article_id, speaker_id, text, kind) VALUES (?, ?, ?, 'paraphrase')`,
        )
        .run(articleId, speaker, s.text)
    }
    if (s.op === 'renameOutlet')
      sql
        .prepare('UPDATE outlets SET name = ? WHERE id = ?')
        .run(s.name, idAt(other, 'outlets', s.pick))
    if (s.op === 'alias') {
      sql
        .prepare('INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)')
        .run(idAt(other, 'speakers', s.pick), s.alias)
    }
    return
  }
  const quote = idAt(other, 'quotes', (s as { pick?: number }).pick ?? 0)
  try {
    switch (s.op) {
      case 'article':
        await services.createArticle(article(counter.n++, s.outlet, s.quotes))
        break
      case 'edit':
        if (quote) await services.updateQuote(quote, { text: s.text, start: null, end: null })
        break
      case 'moveSpeaker': {
        const speaker = slugAt(other, 'speakers', s.pick + 1)
        if (quote && speaker) await services.updateQuote(quote, { speaker })
        break
      }
      case 'deleteQuote':
        if (quote) await services.deleteQuote(quote)
        break
      case 'deleteArticle': {
        const id = idAt(other, 'articles', s.pick)
        if (id) await services.deleteArticle(id)
        break
      }
      case 'renameSpeaker':
        await services.updateSpeaker(slugAt(other, 'speakers', s.pick)!, { name: s.name })
        break
      case 'aliases':
        await services.updateSpeaker(slugAt(other, 'speakers', s.pick)!, { aliases: s.aliases })
        break
      case 'mergeSpeakers': {
        const [target, source] = [
          slugAt(other, 'speakers', s.pick),
          slugAt(other, 'speakers', s.from),
        ]
        if (target && source && target !== source) await services.mergeSpeakers(target, [source])
        break
      }
      case 'renameOutlet':
        await services.updateOutlet(slugAt(other, 'outlets', s.pick)!, { name: s.name })
        break
    }
  } catch (error) {
    ignoreRefusal(error)
  }
}

/** Everything a user can see of search: results, totals, facets, corrections, names, words. */
async function observe(services: Services, vocabulary: () => Array<[string, number]>) {
  const searches = []
  for (const q of [null, ...QUERIES]) {
    const found = await services.searchQuotes({ q, limit: 100, offset: 0 })
    searches.push({
      q,
      total: found.total,
      ids: found.items.map((i) => i.id),
      facets: found.facets,
      corrections: found.query.corrections,
    })
  }
  const names = []
  for (const q of ['ana', 'ruiz', 'shein', 'drone', 'tariff', 'border', 'the']) {
    names.push((await services.listSpeakers({ q, limit: 50, offset: 0 })).items.map((s) => s.slug))
    names.push(await services.slugsFor('outlet', [q]))
  }
  return { searches, names, vocabulary: vocabulary() }
}

const words = (indexes: Awaited<ReturnType<typeof buildSearchIndexes>>) => () =>
  [...indexes.vocabulary.entries()]
    .map((e) => [e.term, e.documents] as [string, number])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))

describe('the change feed', () => {
  it('brings every write, by any path, to search as a fresh start would see it', async () => {
    let run_ = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const path = join(dir, `run-${run_++}.sqlite`)
        const seeding = createSqliteStore(openDatabase(path))
        await seedDatabase(seeding)
        seeding.close()
        const store: Store = createSqliteStore(openConnections(path))
        const indexes = await buildSearchIndexes(store)
        const context = { store, indexes }
        const services = createServices(context)
        const other = openDatabase(path)
        const counter = { n: 0 }
        try {
          for (const s of steps) await run(services, other, s, counter)
          const seen = await observe(services, () => words(context.indexes)())
          const freshStore = createSqliteStore(openConnections(path))
          const freshIndexes = await buildSearchIndexes(freshStore)
          const fresh = createServices({ store: freshStore, indexes: freshIndexes })
          const expected = await observe(fresh, words(freshIndexes))
          freshStore.close()
          expect(seen).toEqual(expected)
        } finally {
          other.$client.close()
          store.close()
          rmSync(path, { force: true })
        }
      }),
      { numRuns: Number(process.env.FEED_RUNS ?? 40) },
    )
  }, 240_000)
})

describe('following the feed while the indexes load', () => {
  it('counts a word once when it was written while the vocabulary loaded', async () => {
    const path = join(dir, 'loading.sqlite')
    const seeding = createSqliteStore(openDatabase(path))
    await seedDatabase(seeding)
    seeding.close()
    const store = createSqliteStore(openConnections(path))
    const indexes = await openSearchIndexes(store)
    const services = createServices({ store, indexes })
    // Another process writes while the vocabulary is read, a slice at a time, behind the facts.
    const other = openDatabase(path)
    const articleId = other.$client.prepare('SELECT id FROM articles LIMIT 1').pluck().get()
    other.$client
      .prepare("INSERT INTO quotes (article_id, text, kind) VALUES (?, 'zzyzx road', 'paraphrase')")
      .run(articleId)
    other.$client.close()
    await indexes.complete
    await services.catchUp()
    await services.catchUp()
    const fresh = await buildSearchIndexes(store)
    expect(indexes.vocabulary.documents('zzyzx')).toBe(1)
    expect(words(indexes)()).toEqual(words(fresh)())
    store.close()
  })

  it('forgets its reader when it closes, and does not come back', async () => {
    const path = join(dir, 'closing.sqlite')
    const store = createSqliteStore(openConnections(path))
    await seedDatabase(store)
    const services = createServices(
      { store, indexes: await buildSearchIndexes(store) },
      { feedReader: 'test server' },
    )
    await services.createArticle({
      url: 'https://example.com/closing',
      outlet: 'The Independent',
      published: '2025',
      quotes: [{ speaker: 'Ana Ruiz', text: 'last words', kind: 'paraphrase' }],
    })
    await services.close()
    const readers = openDatabase(path)
    expect(readers.$client.prepare('SELECT reader FROM change_readers').all()).toEqual([])
    readers.$client.close()
    store.close()
  })
})
