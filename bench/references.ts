/**
 * The two references quotedb's search is measured against, on the same database in the same
 * process:
 *
 * - the limit: a bare FTS5 query — bm25 with the same column weights, `LIMIT 20`, the filter as a
 *   join, no facets, no snippets, no chains — what the embedded engine itself costs;
 * - the peer: a MiniSearch index over every quote, what a quote server built on MiniSearch alone
 *   would answer from (AND of the words, the last a prefix, fuzzy for the typo class, filters as a
 *   predicate, the top 20 of its ranking).
 */
import type Database from 'better-sqlite3'
import MiniSearch from 'minisearch'
import { COLUMN_WEIGHTS } from '../src/search/options'

export interface LimitQuery {
  match: string
  speakerId?: number
  outletId?: number
  from?: string
  to?: string
}

/** The bare FTS5 query for an expression and filter. */
export function fts5Limit(sqlite: Database.Database) {
  const rank = `bm25(quotes_fts, ${COLUMN_WEIGHTS.join(', ')})`
  const plain = sqlite.prepare(
    `SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY ${rank} LIMIT 20`,
  )
  const bySpeaker = sqlite.prepare(`SELECT f.rowid FROM quotes_fts f JOIN quotes q ON q.id = f.rowid
    WHERE quotes_fts MATCH ? AND q.speaker_id = ? ORDER BY ${rank} LIMIT 20`)
  const byOutlet = sqlite.prepare(`SELECT f.rowid FROM quotes_fts f JOIN quotes q ON q.id = f.rowid
    JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ? AND a.outlet_id = ?
    ORDER BY ${rank} LIMIT 20`)
  const byDates = sqlite.prepare(`SELECT f.rowid FROM quotes_fts f JOIN quotes q ON q.id = f.rowid
    JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ? AND a.published_on BETWEEN ? AND ?
    ORDER BY ${rank} LIMIT 20`)
  return (query: LimitQuery): number[] => {
    if (query.speakerId !== undefined)
      return bySpeaker.pluck().all(query.match, query.speakerId) as number[]
    if (query.outletId !== undefined)
      return byOutlet.pluck().all(query.match, query.outletId) as number[]
    if (query.from && query.to)
      return byDates.pluck().all(query.match, query.from, query.to) as number[]
    return plain.pluck().all(query.match) as number[]
  }
}

interface PeerDocument {
  id: number
  text: string
  speaker: string
  outlet: string
  speakerId: number | null
  outletId: number
  published: string
}

export interface PeerQuery {
  q: string
  prefix: boolean
  fuzzy: boolean
  speakerId?: number
  outletId?: number
  from?: string
  to?: string
}

export interface Peer {
  search(query: PeerQuery): number[]
  build_s: number
  heap_mb: number
}

/** Builds the MiniSearch peer over every quote, reporting how long it took and the heap it holds. */
export function buildPeer(sqlite: Database.Database): Peer {
  const heapBefore = usedHeap()
  const started = performance.now()
  const index = new MiniSearch<PeerDocument>({
    fields: ['text', 'speaker', 'outlet'],
    storeFields: ['speakerId', 'outletId', 'published'],
    searchOptions: { boost: { text: 10, speaker: 4, outlet: 1 }, combineWith: 'AND' },
  })
  const rows = sqlite
    .prepare(
      `SELECT q.id, q.text, coalesce(s.name, '') AS speaker, o.name AS outlet,
      q.speaker_id AS speakerId, a.outlet_id AS outletId, a.published_on AS published
      FROM quotes q JOIN articles a ON a.id = q.article_id JOIN outlets o ON o.id = a.outlet_id
      LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.id`,
    )
    .iterate() as IterableIterator<PeerDocument>
  for (const row of rows) index.add(row)
  const build_s = (performance.now() - started) / 1000
  return {
    build_s: Math.round(build_s * 10) / 10,
    heap_mb: Math.round((usedHeap() - heapBefore) / 1024 / 1024),
    search(query) {
      const results = index.search(query.q, {
        prefix: query.prefix ? (_term, i, terms) => i === terms.length - 1 : false,
        fuzzy: query.fuzzy ? 0.2 : false,
        filter:
          query.speakerId !== undefined
            ? (r) => r.speakerId === query.speakerId
            : query.outletId !== undefined
              ? (r) => r.outletId === query.outletId
              : query.from && query.to
                ? (r) => r.published >= query.from! && r.published <= query.to!
                : undefined,
      })
      return results.slice(0, 20).map((r) => r.id as number)
    },
  }
}

function usedHeap(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}
