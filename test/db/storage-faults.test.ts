/**
 * When storage refuses a write — a database opened read-only, a disk that is full — the client
 * gets a sentence and a 5xx that says so, nothing of the write is kept, and reads go on.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { seedDatabase } from '../../src/import/seed'
import { buildSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'
import { TOKEN, getJson, seededQuotedb, send } from '../helpers'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const newQuote = {
  article: {
    url: 'https://example.org/storage-faults',
    outlet: 'Example Gazette',
    published: '2025-03-01',
  },
  text: 'A statement that storage may refuse to keep',
  speaker: 'Claudia Sheinbaum',
}

async function appOver(path: string, readOnly: boolean) {
  const store = createSqliteStore(openDatabase(path, { readOnly }))
  const services = createServices({ store, indexes: await buildSearchIndexes(store) })
  return { store, app: createApp(services, { writeToken: TOKEN }) }
}

describe('storage faults', () => {
  it('refuses every write to a read-only database with 503, and goes on reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-readonly-'))
    dirs.push(dir)
    const path = join(dir, 'quotedb.sqlite')
    const writable = createSqliteStore(openDatabase(path))
    await seedDatabase(writable)
    writable.close()

    const { store, app } = await appOver(path, true)
    const refusal = {
      error: {
        code: 'read_only',
        message: 'The database is read-only: writes are refused; reads go on.',
      },
    }
    const quote = await send(app, 'POST', '/api/quotes', newQuote)
    expect(quote).toMatchObject({ status: 503, body: refusal })
    const outlet = await send(app, 'POST', '/api/outlets', { name: 'A New Outlet' })
    expect(outlet).toMatchObject({ status: 503, body: refusal })
    const imported = await send(
      app,
      'POST',
      '/api/import?format=ndjson',
      JSON.stringify(newQuote),
      { 'Content-Type': 'application/x-ndjson' },
    )
    expect(imported).toMatchObject({ status: 503, body: refusal })
    const search = await getJson(app, '/api/quotes?q=vaporized')
    expect(search.status).toBe(200)
    expect(search.body.total).toBe(1)
    store.close()
  })

  it('refuses a write that finds the disk full, keeps nothing of it, and goes on reading', async () => {
    const { app, db, services } = await seededQuotedb()
    const before = (await services.counts()).quotes
    // No room for one page more: every write that grows the file fails as on a full disk.
    const pages = db.$client.pragma('page_count', { simple: true }) as number
    db.$client.pragma(`max_page_count = ${pages}`)
    const lines = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({
        ...newQuote,
        text: `${newQuote.text}, number ${i} ${'padding '.repeat(40)}`,
      }),
    ).join('\n')
    const imported = await send(app, 'POST', '/api/import?format=ndjson', lines, {
      'Content-Type': 'application/x-ndjson',
    })
    expect(imported.status).toBe(507)
    expect(imported.body).toEqual({
      error: {
        code: 'storage_full',
        message: 'The disk is full: the write was refused and nothing of it was kept.',
      },
    })
    expect((await services.counts()).quotes).toBe(before)
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
    const search = await getJson(app, '/api/quotes?q=vaporized')
    expect(search.body.total).toBe(1)
  })

  it('will not open read-only a database that lacks migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-readonly-'))
    dirs.push(dir)
    const path = join(dir, 'quotedb.sqlite')
    const writable = openDatabase(path)
    writable.$client
      .prepare(
        'DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)',
      )
      .run()
    writable.$client.close()
    expect(() => openDatabase(path, { readOnly: true })).toThrow(
      /lacks 1 migration\(s\), which a read-only database cannot take/,
    )
  })
})
