/**
 * The command line and the server on one database file at once, as an operator runs them: a
 * large import from the command line while clients read and write through the server, two
 * imports started together, a file that unpacks to far more than it looks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { generateQuoteItems } from '../../bench/corpus'
import { cli, startCli } from '../cli/run-cli'
import { readWhile, sql } from './load-helpers'
import { startServer, type RunningServer } from './server-process'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-beside-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An NDJSON file of `quotes` generated quotes whose urls are its own. */
function corpusFile(name: string, quotes: number, seed: number): string {
  const path = join(dir, name)
  const lines = generateQuoteItems({ quotes, seed }).map((record) => {
    const r = record as { type: string; url?: string }
    if (r.type === 'article') r.url = `${r.url}/${name}`
    return JSON.stringify(r)
  })
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

/** Resolves once another process holds the database's write lock: its import has begun. */
async function writing(database: string): Promise<void> {
  const probe = new Database(database)
  probe.pragma('busy_timeout = 0')
  try {
    for (let waited = 0; waited < 60_000; waited += 10) {
      try {
        probe.exec('BEGIN IMMEDIATE')
        probe.exec('ROLLBACK')
      } catch {
        return
      }
      await sleep(10)
    }
    throw new Error('the import never began writing')
  } finally {
    probe.close()
  }
}

/** Posts `n` small articles at once; each answer's status, Retry-After and url. */
function postArticles(server: RunningServer, n: number, tag: string) {
  return Promise.all(
    [...Array(n).keys()].map(async (i) => {
      const url = `https://beside.example/${tag}/${i}`
      const response = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          url,
          outlet: 'Beside Bulletin',
          published: '2025-06-01',
          body: `Written beside ${tag} ${i}, she said.`,
          quotes: [{ text: `Written beside ${tag} ${i}`, kind: 'paraphrase' }],
        }),
      })
      await response.arrayBuffer()
      return { status: response.status, retryAfter: response.headers.get('Retry-After'), url }
    }),
  )
}

describe('a command-line import beside the running server', () => {
  it('holds no search, and the server’s writes wait their turn: kept, searchable, never a 500', async () => {
    const server = await startServer()
    try {
      const file = corpusFile('beside.ndjson', 20_000, 11)
      const importing = startCli(server.database, 'import', file)
      await writing(server.database)
      const writes = postArticles(server, 20, 'waiting')
      const reads = readWhile(
        server.url,
        ['/api/quotes?q=drones', '/api/health', '/api/quotes?q=sheinbaun'],
        importing.exited,
      )
      const [answers, imported, { slowestMs, failed }] = await Promise.all([
        writes,
        importing.exited,
        reads,
      ])
      expect(imported.code, imported.stderr).toBe(0)
      expect(failed).toEqual([])
      // A search held by the import would wait for all of it (many seconds); one answered beside
      // it took up to 1.1 s on a 2-core machine busy with the import and the writes.
      expect(slowestMs).toBeLessThan(3000)
      // Within the default wait (10 s) the writes had their turn once the import committed.
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201))
      const stored = sql<{ url: string }>(
        server.database,
        "SELECT url FROM articles WHERE url LIKE 'https://beside.example/waiting/%'",
      )
      expect(stored).toHaveLength(20)
      const found = (await (
        await fetch(`${server.url}/api/quotes?q=${encodeURIComponent('"written beside waiting"')}`)
      ).json()) as { total: number }
      expect(found.total).toBe(20)
      // The server takes in what the other process wrote.
      const [{ n }] = sql<{ n: number }>(server.database, 'SELECT count(*) AS n FROM quotes') as [
        { n: number },
      ]
      let total = 0
      for (let waited = 0; waited < 30_000 && total !== n; waited += 200) {
        total = ((await (await fetch(`${server.url}/api/quotes?limit=1`)).json()) as any).total
        if (total !== n) await sleep(200)
      }
      expect(total).toBe(n)
    } finally {
      await server.stop()
    }
  }, 180_000)

  it('refuses the server’s writes with 503 and Retry-After when they cannot wait long enough', async () => {
    const server = await startServer(undefined, { QUOTEDB_WRITE_WAIT: '1' })
    try {
      const file = corpusFile('refused.ndjson', 60_000, 12)
      const importing = startCli(server.database, 'import', file)
      await writing(server.database)
      const answers = await postArticles(server, 5, 'refused')
      expect((await importing.exited).code).toBe(0)
      expect(answers.map((a) => [a.status, a.retryAfter])).toEqual(Array(5).fill([503, '2']))
      const stored = sql(
        server.database,
        "SELECT url FROM articles WHERE url LIKE 'https://beside.example/refused/%'",
      )
      expect(stored).toEqual([])
    } finally {
      await server.stop()
    }
  }, 180_000)
})

describe('two command-line imports at once', () => {
  it('run one after the other: the second says it waits, and neither fails', async () => {
    const database = join(dir, 'two.sqlite')
    expect((await cli(database, 'seed')).code).toBe(0)
    const first = startCli(database, 'import', corpusFile('first.ndjson', 30_000, 13))
    await writing(database)
    const second = await cli(database, 'import', corpusFile('second.ndjson', 2_000, 14))
    const done = await first.exited
    expect(done.code, done.stderr).toBe(0)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toContain(
      `Another process is writing to ${database}; waiting for it to finish (Ctrl-C to give up)…`,
    )
    expect(second.stderr + done.stderr).not.toMatch(/^\s+at /m)
    const [{ n }] = sql<{ n: number }>(database, 'SELECT count(*) AS n FROM quotes') as [
      { n: number },
    ]
    expect(n).toBe(27 + 30_000 + 2_000)
  }, 180_000)
})

/** The largest resident memory a process reached, in MB, read until it exits. */
async function peakRssMb(run: ReturnType<typeof startCli>): Promise<number> {
  let peak = 0
  let exited = false
  void run.exited.then(() => (exited = true))
  while (!exited) {
    try {
      const status = readFileSync(`/proc/${run.child.pid}/status`, 'utf8')
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024)
    } catch {
      // Gone between the check and the read.
    }
    await sleep(20)
  }
  return peak
}

describe('a file that unpacks to far more than it looks', () => {
  it('is refused in bounded time and memory, as CSV or as NDJSON', async () => {
    const database = join(dir, 'zeros.sqlite')
    const file = join(dir, 'zeros.gz')
    // 256 MB of zeros, without a line break, in 250 kB.
    writeFileSync(file, gzipSync(Buffer.alloc(256 * 1024 * 1024)))
    const asCsv = startCli(database, 'import', file)
    const csvPeak = await peakRssMb(asCsv)
    const csv = await asCsv.exited
    expect(csv.code).toBe(1)
    expect(csv.stderr.trim()).toBe(
      `Nothing was imported: ${file} cannot be read: the first line is longer than 65536 characters: it cannot be a CSV header.`,
    )
    const asNdjson = startCli(database, 'import', file, '--format', 'ndjson')
    const ndjsonPeak = await peakRssMb(asNdjson)
    const ndjson = await asNdjson.exited
    expect(ndjson.code).toBe(1)
    expect(ndjson.stderr).toContain('line 1: the line is longer than 4000000 characters')
    expect(sql(database, 'SELECT id FROM quotes')).toEqual([])
    expect(Math.max(csvPeak, ndjsonPeak)).toBeLessThan(400)
  }, 120_000)
})
