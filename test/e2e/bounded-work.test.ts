/**
 * Work per request is bounded against the real server: an import of 16 MB of broken lines, a CSV
 * with no line break, an export of nearly everything over 100,000 quotes. Memory stays within
 * bounds, and other readers are answered within a second meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusDatabase } from '../../bench/corpus-database'
import { readWhile, sql } from './load-helpers'
import { startServer, type RunningServer } from './server-process'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-bounded-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const post = (server: RunningServer, path: string, body: string | Uint8Array) =>
  fetch(server.url + path, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${server.token}`,
      'Content-Type': 'application/octet-stream',
    },
    body,
  })

/** The server's largest resident memory while `until` runs, sampled every 50 ms. */
async function peakRss(server: RunningServer, until: Promise<unknown>): Promise<number> {
  let done = false
  void until.finally(() => (done = true)).catch(() => undefined)
  let peak = server.rssMb()
  while (!done) {
    await new Promise((r) => setTimeout(r, 50))
    peak = Math.max(peak, server.rssMb())
  }
  return peak
}

describe('an import of 16 MB of broken lines', () => {
  it('is refused with the first problems listed and all counted, in bounded memory, reads answered', async () => {
    const server = await startServer()
    try {
      const lines = 8 * 1024 * 1024
      const body = 'x\n'.repeat(lines)
      const before = server.rssMb()
      const answer = post(server, '/api/import?format=ndjson', body).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as any,
      }))
      const [peak, reads, { status, body: refused }] = await Promise.all([
        peakRss(server, answer),
        readWhile(server.url, ['/api/health', '/api/quotes?q=drones', '/'], answer),
        answer,
      ])
      expect(status).toBe(400)
      expect(refused.error.report.problemCount).toBe(lines)
      expect(refused.error.report.problems).toHaveLength(1000)
      expect(refused.error.report.problems[0]).toEqual({
        line: 1,
        field: '',
        message: 'the line is not valid JSON (it begins with "x")',
      })
      expect(peak - before).toBeLessThan(300)
      expect(reads.failed).toEqual([])
      expect(reads.slowestMs).toBeLessThan(1000)
    } finally {
      await server.stop()
    }
  }, 120_000)
})

describe('a CSV file without a line break', () => {
  it('is refused at once: no header is that long', async () => {
    const server = await startServer()
    try {
      const before = server.rssMb()
      const response = await post(server, '/api/import?format=csv', 'a,'.repeat(4 * 1024 * 1024))
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        error: {
          code: 'invalid_parameter',
          message:
            'The file cannot be imported: the first line is longer than 65536 characters: it cannot be a CSV header.',
        },
      })
      expect(server.rssMb() - before).toBeLessThan(300)
    } finally {
      await server.stop()
    }
  }, 60_000)
})

describe('an export of a common prefix over 100,000 quotes', () => {
  const database = join(dir, 'corpus.sqlite')
  let server: RunningServer
  beforeAll(async () => {
    await corpusDatabase(database, 100_000, dir, () => undefined)
    server = await startServer(database, { QUOTEDB_SEED: 'false' })
  }, 180_000)
  afterAll(() => server?.stop())

  it('streams every match while health checks beside it are answered within a second', async () => {
    const total = ((await (await fetch(`${server.url}/api/quotes?q=t*&limit=1`)).json()) as any)
      .total as number
    expect(total).toBeGreaterThan(50_000)
    const exported = fetch(`${server.url}/api/quotes.ndjson?q=t*`).then((r) => r.text())
    const reads = await readWhile(server.url, ['/api/health', '/static/style.css'], exported)
    const records = (await exported).trimEnd().split('\n')
    const quotes = records.filter((line) => line.startsWith('{"type":"quote"'))
    expect(quotes).toHaveLength(total)
    const [{ n }] = sql<{ n: number }>(
      database,
      "SELECT count(*) AS n FROM quotes_fts WHERE quotes_fts MATCH 't*'",
    ) as [{ n: number }]
    expect(total).toBe(n)
    expect(reads.failed).toEqual([])
    expect(reads.slowestMs).toBeLessThan(1000)
    expect(reads.answered).toBeGreaterThan(5)
  }, 120_000)
})
