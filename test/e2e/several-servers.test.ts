/**
 * Several servers over one PostgreSQL database, as a deployment behind a load balancer runs them:
 * a write acknowledged by one is in every other's answers — search, facets, typo corrections,
 * names — and a server restarted while another imports loses nothing of it.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateQuoteItems } from '../../bench/corpus'
import { ADMIN_URL, freshDatabase } from '../db/pg/database'
import { startServer, type RunningServer } from './server-process'

const json = async (server: RunningServer, path: string) => {
  const response = await fetch(`${server.url}${path}`)
  expect(response.status, path).toBe(200)
  return (await response.json()) as any
}

const write = async (server: RunningServer, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json().catch(() => null)) as any }
}

describe.skipIf(!ADMIN_URL)('several servers over one PostgreSQL database', () => {
  let database: { url: string; drop: () => Promise<void> }
  const running: RunningServer[] = []
  const start = async (seed: boolean) => {
    const server = await startServer(undefined, {
      QUOTEDB_DATABASE_URL: database.url,
      QUOTEDB_SEED: String(seed),
    })
    running.push(server)
    return server
  }

  beforeAll(async () => {
    database = await freshDatabase()
  })
  afterAll(async () => {
    for (const server of running) await server.stop()
    await database?.drop()
  })

  it('answers on each with what the other wrote, from the first read after it', async () => {
    const first = await start(true)
    const second = await start(false)
    expect((await json(second, '/api/quotes?limit=1')).total).toBeGreaterThan(0)

    const added = await write(first, 'POST', '/api/articles', {
      url: 'https://harbour.example/2025/ferries',
      outlet: 'Harbour Ledger',
      published: '2025-05-14',
      body: 'The ferries will sail again in June, Ingrid Valtersdottir said on Tuesday.',
      quotes: [
        {
          text: 'The ferries will sail again in June',
          kind: 'paraphrase',
          speaker: 'Ingrid Valtersdottir',
        },
      ],
    })
    expect(added.status).toBe(201)

    // No waiting: the other server's first read after the acknowledgement sees the write.
    const found = await json(second, '/api/quotes?q=ferries')
    expect(found.total).toBe(1)
    expect(found.items[0].speaker.slug).toBe('ingrid-valtersdottir')
    expect(found.facets.outlet.values.map((f: { value: string }) => f.value)).toEqual([
      'harbour-ledger',
    ])
    // A word misspelt is corrected to the new word; the new speaker is found by name.
    expect((await json(second, '/api/quotes?q=feries')).total).toBe(1)
    const names = await json(second, '/api/speakers?q=valtersdottir')
    expect(names.items.map((s: { slug: string }) => s.slug)).toContain('ingrid-valtersdottir')

    // And the other way: a change on the second is in the first's answers.
    const id = found.items[0].id
    const renamed = await write(second, 'PATCH', `/api/speakers/ingrid-valtersdottir`, {
      name: 'Ingrid Valtersdóttir',
    })
    expect(renamed.status).toBe(200)
    expect((await json(first, '/api/quotes?q=Valtersdóttir')).items[0]?.id).toBe(id)
    expect((await write(second, 'DELETE', `/api/quotes/${id}`)).status).toBe(204)
    expect((await json(first, '/api/quotes?q=ferries')).total).toBe(0)
  })

  it('keeps an import whole or not at all when its server is killed mid-way, and whole the next time', async () => {
    let importer = await start(true)
    const other = await start(false)
    const before = (await json(other, '/api/quotes?limit=1')).total as number
    const lines = generateQuoteItems({ quotes: 10_000, seed: 17 }).map((r) => JSON.stringify(r))
    const body = `${lines.join('\n')}\n`
    const upload = (server: RunningServer) =>
      fetch(`${server.url}/api/import?format=ndjson`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${server.token}`,
          'Content-Type': 'application/x-ndjson',
        },
        body,
      })
    const killed = upload(importer).catch(() => null)
    await writing(database.url)
    await importer.kill()
    expect(await killed).toBeNull()
    // PostgreSQL rolled the import back with its connection: none of it is anywhere.
    expect(await quotesStored(database.url)).toBe(before)
    expect((await json(other, '/api/quotes?limit=1')).total).toBe(before)

    importer = await start(false)
    const response = await upload(importer)
    const report = (await response.json()) as any
    expect(response.status, JSON.stringify(report)).toBe(200)
    expect(report.added.quotes).toBeGreaterThan(9000)
    const after = before + report.added.quotes
    expect(await quotesStored(database.url)).toBe(after)
    // A backlog this large is taken in beside the reads, not before them: it arrives.
    let seen = 0
    for (let waited = 0; waited < 30_000 && seen !== after; waited += 100) {
      seen = (await json(other, '/api/quotes?limit=1')).total
      if (seen !== after) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(seen).toBe(after)
  })
})

/** A query on the database itself, over a connection of its own. */
async function onDatabase<R>(url: string, work: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const quotesStored = (url: string) =>
  onDatabase(url, async (c) =>
    Number((await c.query('SELECT count(*) AS n FROM quotes')).rows[0].n),
  )

/**
 * Resolves once a long write holds the write lock: the same connection holding it a quarter of a
 * second apart (a server's brief writes, such as recording its feed position, do not).
 */
async function writing(url: string): Promise<void> {
  await onDatabase(url, async (client) => {
    const holder = async () =>
      (
        await client.query(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database =
             (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      ).rows[0]?.pid as number | undefined
    for (let waited = 0; waited < 60_000; waited += 10) {
      const first = await holder()
      if (first !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        if ((await holder()) === first) return
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('the import never began writing')
  })
}
