/**
 * Threads kept in PostgreSQL are the threads kept in SQLite: the same rows written to both, the
 * upkeep of each run, and the threads, their counts and the fingerprint index compared — after
 * threading everything afresh, and after each round of inserts, edits and removals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/db/client'
import { drizzleOn, openPostgres, type PgConnections } from '../../../src/db/pg/client'
import { keepThreads as keepPgThreads } from '../../../src/db/pg/thread-upkeep'
import { keepThreads } from '../../../src/db/thread-upkeep'
import { THREADS } from '../../../src/threads/options'
import { ADMIN_URL, freshDatabase } from './database'

let drop: (() => Promise<void>) | undefined
let pg: PgConnections
let sqlite: Db

/** `?` placeholders as PostgreSQL's `$1`, `$2`… */
const numbered = (text: string) => {
  let n = 0
  return text.replace(/\?/g, () => `$${++n}`)
}

/** Runs a statement on both databases (booleans as SQLite's 0 and 1 there). */
async function both(text: string, ...params: unknown[]): Promise<void> {
  sqlite.$client.prepare(text).run(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)))
  await pg.pool.query(numbered(text), params)
}

/** Keeps threads on both, PostgreSQL's inside a transaction as the store runs it. */
async function keepBoth(): Promise<void> {
  keepThreads(sqlite)
  const client = await pg.pool.connect()
  try {
    await client.query('BEGIN')
    await keepPgThreads(drizzleOn(client))
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

const TABLES = {
  quote_threads: 'SELECT quote_id, thread_id FROM quote_threads ORDER BY quote_id',
  threads: 'SELECT id, statements, outlets FROM threads ORDER BY id',
  quote_fingerprints:
    'SELECT fingerprint, quote_id, speaker FROM quote_fingerprints ORDER BY fingerprint, quote_id',
}

/** The rows of the threads' tables, numbers as numbers. */
async function kept(on: 'sqlite' | 'pg') {
  const found: Record<string, number[][]> = {}
  for (const [table, query] of Object.entries(TABLES)) {
    const rows =
      on === 'sqlite'
        ? (sqlite.$client.prepare(query).raw().all() as unknown[][])
        : ((await pg.pool.query({ text: query, rowMode: 'array' })).rows as unknown[][])
    found[table] = rows.map((row) => row.map(Number))
  }
  return found
}

async function expectSameThreads(): Promise<void> {
  const [inSqlite, inPg] = [await kept('sqlite'), await kept('pg')]
  expect(inSqlite.quote_threads!.length).toBeGreaterThan(0)
  expect(inPg).toEqual(inSqlite)
}

/** A pseudo-random number generator from a seed (mulberry32), so that a run can be repeated. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SENTENCES = [
  'if the cartels keep pushing fentanyl across the border they could be vaporized by the drones overhead',
  'we will not accept any intervention in our sovereign territory under any circumstances whatsoever',
  'the cartels are terrorist organizations and will be treated as such by this administration',
  'the central bank will keep interest rates high until inflation is firmly back under control',
]

/** A statement cut from one of the sentences: whole, a fragment, a word changed, or reworded. */
function statementOf(next: () => number): { text: string; kind: string } {
  const words = SENTENCES[Math.floor(next() * SENTENCES.length)]!.split(' ')
  const way = Math.floor(next() * 4)
  if (way === 1) {
    const start = Math.floor(next() * (words.length - 7))
    return {
      text: words.slice(start, start + 7 + Math.floor(next() * 4)).join(' '),
      kind: 'partial',
    }
  }
  if (way === 2) words[Math.floor(next() * words.length)] = 'really'
  if (way === 3) return { text: [...words].reverse().join(' '), kind: 'paraphrase' }
  return { text: words.join(' '), kind: 'direct' }
}

describe.runIf(ADMIN_URL)('threads kept in PostgreSQL', () => {
  beforeAll(async () => {
    const database = await freshDatabase()
    drop = database.drop
    pg = await openPostgres(database.url)
    sqlite = openDatabase(':memory:')
  }, 60_000)

  afterAll(async () => {
    sqlite?.$client.close()
    await pg?.close()
    await drop?.()
  })

  it('threads a quotation printed twice and a fragment of it, apart from another', async () => {
    await both(
      "INSERT INTO outlets (id, slug, name) VALUES (1, 'daily', 'Daily'), (2, 'herald', 'Herald')",
    )
    await both(
      `INSERT INTO speakers (id, slug, name, anonymous) VALUES (1, 'ana-ruiz', 'Ana Ruiz', ?),
       (2, 'bo-li', 'Bo Li', ?), (3, 'an-official', 'an official', ?)`,
      false,
      false,
      true,
    )
    for (const [id, outlet, day] of [
      [1, 1, '2025-03-01'],
      [2, 2, '2025-03-02'],
      [3, 1, '2025-03-05'],
      [4, 2, '2025-06-01'],
    ] as const) {
      await both(
        `INSERT INTO articles (id, outlet_id, url, published_on, date_precision, language)
         VALUES (?, ?, ?, ?, 'day', 'en')`,
        id,
        outlet,
        `https://news.example/${id}`,
        day,
      )
    }
    const quote = (
      id: number,
      article: number,
      text: string,
      speaker: number | null,
      kind = 'direct',
    ) =>
      both(
        'INSERT INTO quotes (id, article_id, speaker_id, text, kind) VALUES (?, ?, ?, ?, ?)',
        id,
        article,
        speaker,
        text,
        kind,
      )
    await quote(1, 1, SENTENCES[0]!, 1)
    await quote(2, 2, SENTENCES[0]!, null)
    await quote(3, 3, SENTENCES[0]!.split(' ').slice(3, 12).join(' '), 1, 'partial')
    await quote(4, 4, SENTENCES[3]!, 2)
    await keepBoth()
    await expectSameThreads()
    const { quote_threads, threads } = await kept('pg')
    expect(quote_threads).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 4],
    ])
    expect(threads).toEqual([
      [1, 3, 2],
      [4, 1, 1],
    ])
  })

  it('keeps the same threads as SQLite through inserts, edits and removals', async () => {
    const next = random(20250301)
    const pick = (n: number) => 1 + Math.floor(next() * n)
    for (let id = 5; id <= 12; id++) {
      await both(
        `INSERT INTO articles (id, outlet_id, url, published_on, date_precision, language)
         VALUES (?, ?, ?, ?, ?, 'en')`,
        id,
        pick(2),
        `https://news.example/${id}`,
        id % 3 === 0 ? '2025-04-01' : `2025-0${pick(5)}-1${pick(9)}`,
        id % 3 === 0 ? 'month' : 'day',
      )
    }
    let quoteId = 4
    const addQuote = async () => {
      const { text, kind } = statementOf(next)
      const speaker = next() < 0.3 ? null : pick(3)
      const cited = next() < 0.2 ? pick(2) : null
      await both(
        `INSERT INTO quotes (id, article_id, speaker_id, text, kind, cited_outlet_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
        ++quoteId,
        pick(12),
        speaker,
        text,
        kind,
        cited,
      )
    }
    for (let i = 0; i < 250; i++) await addQuote()
    // Once threaded afresh (as a database whose threads are not kept yet)…
    await both('UPDATE thread_state SET position = NULL')
    await keepBoth()
    await expectSameThreads()
    // Enough copies that the fullest fingerprint lists take no more.
    const { rows } = await pg.pool.query(
      'SELECT max(n)::int AS fullest FROM (SELECT count(*) AS n FROM quote_fingerprints GROUP BY fingerprint) c',
    )
    expect(rows[0].fullest).toBe(THREADS.postingsKept)
    // …then kept from the feed, round by round.
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 12; i++) {
        const what = Math.floor(next() * 6)
        const id = pick(quoteId)
        if (what === 0) await addQuote()
        else if (what === 1)
          await both('UPDATE quotes SET text = ? WHERE id = ?', statementOf(next).text, id)
        else if (what === 2) await both('DELETE FROM quotes WHERE id = ?', id)
        else if (what === 3)
          await both('UPDATE quotes SET speaker_id = ? WHERE id = ?', pick(3), id)
        else if (what === 4) {
          await both(
            "UPDATE articles SET published_on = ?, date_precision = 'day' WHERE id = ?",
            `2025-0${pick(9)}-0${pick(9)}`,
            pick(12),
          )
        } else await both('UPDATE speakers SET anonymous = ? WHERE id = ?', next() < 0.5, pick(3))
      }
      await keepBoth()
      await expectSameThreads()
    }
  }, 60_000)
})
