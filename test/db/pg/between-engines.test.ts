/**
 * Moving a database between SQLite and PostgreSQL: the NDJSON export of one, imported into the
 * other (by the API, and by the command line), gives the same statements, the same chains and the
 * same search answers (the ids may differ), and exports again to the same file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateQuoteItems } from '../../../bench/corpus'
import { createApp } from '../../../src/app'
import { openDatabase } from '../../../src/db/client'
import { openPostgres } from '../../../src/db/pg/client'
import { createPostgresStore } from '../../../src/db/pg/pg-store'
import { createSqliteStore } from '../../../src/db/sqlite-store'
import type { Store } from '../../../src/domain/store'
import { entriesOf, importEntries } from '../../../src/import/importer'
import { seedDatabase } from '../../../src/import/seed'
import { buildSearchIndexes } from '../../../src/search/indexes'
import { createServices } from '../../../src/services'
import { cli, cliWith } from '../../cli/run-cli'
import { getJson, send, TOKEN } from '../../helpers'
import { ADMIN_URL, freshDatabase } from './database'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup()
})

async function appOn(store: Store) {
  return createApp(createServices({ store, indexes: await buildSearchIndexes(store) }), {
    writeToken: TOKEN,
  })
}

async function postgresStore(): Promise<Store> {
  const database = await freshDatabase()
  const store = createPostgresStore(await openPostgres(database.url, { max: 4 }))
  cleanups.push(async () => {
    await store.close()
    await database.drop()
  })
  return store
}

type App = Awaited<ReturnType<typeof appOn>>

const exported = async (app: App) => {
  const response = await app.request('/api/quotes.ndjson')
  expect(response.status).toBe(200)
  return response.text()
}

/** A search's answer without the ids each database gave its records. */
async function answer(app: App, query: string) {
  const { status, body } = await getJson(app, `/api/quotes?${query}`)
  expect(status, query).toBe(200)
  const items = body.items.map((item: any) => ({
    text: item.text,
    speaker: item.speaker?.slug ?? null,
    cited: item.citedOutlet?.slug ?? null,
    reporting: item.reportingOutlet.slug,
    article: item.article.url,
    offsets: item.offsets,
    thread: item.thread.statements,
  }))
  return { total: body.total, items, facets: body.facets }
}

const QUERIES = [
  'q=vaporized',
  'q=drones&sort=newest',
  'q=sheinbaum',
  'q="could be vaporized"',
  'q=cartel*&sort=oldest',
  'q=drone flights&sort=newest&limit=50',
  'q=dron&sort=newest',
  'q=mexico -drones&sort=newest&limit=50',
  'sort=newest&limit=100',
  'sort=oldest&limit=100&kind=paraphrase',
  'q=the&sort=newest&limit=100',
  'q=economy jobs&sort=newest&limit=100',
]

describe.skipIf(!ADMIN_URL)('moving between SQLite and PostgreSQL', () => {
  it('reproduces the statements, chains and answers of the other engine', async () => {
    const sqlite = createSqliteStore(openDatabase(':memory:'))
    await seedDatabase(sqlite)
    const corpus = await importEntries(
      sqlite,
      entriesOf(generateQuoteItems({ quotes: 400, seed: 5 })),
    )
    expect(corpus.committed).toBe(true)
    const fromSqlite = await appOn(sqlite)
    const file = await exported(fromSqlite)

    const postgres = await postgresStore()
    const toPostgres = await appOn(postgres)
    const imported = await send(toPostgres, 'POST', '/api/import', file, {
      'Content-Type': 'application/octet-stream',
    })
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(await postgres.counts()).toEqual(await sqlite.counts())
    expect(await exported(toPostgres)).toBe(file)

    for (const query of QUERIES) {
      const [there, here] = [await answer(fromSqlite, query), await answer(toPostgres, query)]
      expect(here.total, query).toBe(there.total)
      expect(here.facets, query).toEqual(there.facets)
      if (query.includes('sort=')) expect(here.items, query).toEqual(there.items)
      // By relevance, PostgreSQL's ts_rank orders what SQLite's bm25 does: the same page holds the
      // same statements, and the best of them leads on both when it is clearly the best.
      else
        expect(new Set(here.items.map((i: any) => i.text)), query).toEqual(
          new Set(there.items.map((i: any) => i.text)),
        )
    }

    // And back: PostgreSQL's export into a new SQLite database is the same file again.
    const back = createSqliteStore(openDatabase(':memory:'))
    const backApp = await appOn(back)
    const reimported = await send(backApp, 'POST', '/api/import', await exported(toPostgres), {
      'Content-Type': 'application/octet-stream',
    })
    expect(reimported.status).toBe(200)
    expect(await exported(backApp)).toBe(file)
  })
})

describe.skipIf(!ADMIN_URL)('npm run export and npm run import between the engines', () => {
  it('carry a SQLite file into PostgreSQL and out again, the same file each way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-engines-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'quotedb.sqlite')
    const [seeded, fromSqlite, fromPostgres] = ['seed', 'sqlite.ndjson', 'postgres.ndjson']
    expect((await cli(file, seeded)).code).toBe(0)
    expect(
      (await cli(file, 'export', '--format', 'ndjson', '--out', join(dir, fromSqlite))).code,
    ).toBe(0)

    const database = await freshDatabase()
    cleanups.push(database.drop)
    const onPostgres = { QUOTEDB_DATABASE_URL: database.url }
    const imported = await cliWith(onPostgres, file, 'import', join(dir, fromSqlite))
    expect(imported.code, imported.stderr).toBe(0)
    const out = await cliWith(
      onPostgres,
      file,
      'export',
      '--format',
      'ndjson',
      '--out',
      join(dir, fromPostgres),
    )
    expect(out.code, out.stderr).toBe(0)
    const [there, here] = [fromSqlite, fromPostgres].map((f) => readFileSync(join(dir, f), 'utf8'))
    expect(here!.split('\n').length).toBeGreaterThan(30)
    expect(here).toBe(there)
  })
})
