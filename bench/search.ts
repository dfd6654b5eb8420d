/**
 * The search benchmark: `npm run bench -- --quotes N [--json]`.
 *
 * Generates the deterministic corpus, imports it through the real import path, starts quotedb
 * through the real start-up path and runs a fixed query mix through the service layer, exactly as
 * the API answers it (facets, snippets, typo correction, chains). In the same process, on the same
 * database, the same queries go to the two references (see references.ts); the real server is
 * started on the database and loaded over HTTP before the peer is built.
 *
 * With `--store postgres` the same corpus is imported into PostgreSQL too (a server of its own that
 * `.ci/postgres` starts, or the one `--database-url` names), and the same queries run through the
 * same services over it, after SQLite's, in the same process: `postgres` in the report.
 *
 * Options: --quotes N (100000) · --json (with `npm run -s bench`, so npm prints no banner) · --rounds R (5 timed rounds of every query) · --per-class K
 * (20 queries per class) · --db FILE (keep the database there, and reuse it when it already holds N
 * quotes) · --no-peer (skip the MiniSearch peer) · --no-http (skip the server run).
 *
 * A measurement, not a test: nothing fails. Ratios: `ratio_p99_fts5` is quotedb's p99 over the
 * limit's (what facets, snippets and chains cost); `ratio_p99_minisearch` is the peer's p99 over
 * quotedb's (how many times faster quotedb is).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { toMatchExpression } from '../src/db/fts-expression'
import { createServices } from '../src/services'
import { quoteCriteria } from '../src/services/quotes'
import { openQuotedb } from '../src/start'
import { corpusDatabase } from './corpus-database'
import { postgresCorpus } from './postgres-database'
import { loadServer, type ServerRun } from './http-load'
import { percentiles, timeEach, type Percentiles } from './latency'
import { machine } from './machine'
import {
  autocompleteMix,
  claimMix,
  queryMix,
  searchPath,
  threadMix,
  type BenchQuery,
} from './query-mix'
import { buildPeer, fts5Limit, type LimitQuery } from './references'

const { values: args } = parseArgs({
  options: {
    quotes: { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '5' },
    'per-class': { type: 'string', default: '20' },
    db: { type: 'string' },
    'no-peer': { type: 'boolean', default: false },
    'no-http': { type: 'boolean', default: false },
    store: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
  },
})
if (args.store !== 'sqlite' && args.store !== 'postgres')
  throw new Error('--store is sqlite (the default) or postgres (beside SQLite).')
const withPostgres = args.store === 'postgres'
const quoteCount = Number(args.quotes)
const rounds = Number(args.rounds)
const perClass = Number(args['per-class'])
const log = (message: string) => process.stderr.write(`${message}\n`)

const scratch = mkdtempSync(join(tmpdir(), 'quotedb-bench-'))
const databasePath = args.db ?? join(scratch, 'bench.sqlite')

const round1 = (n: number) => Math.round(n * 10) / 10
const megabytes = (bytes: number) => round1(bytes / 1024 / 1024)

const { import_per_s, sources, file } = await corpusDatabase(
  databasePath,
  quoteCount,
  scratch,
  log,
  { keepFile: withPostgres },
)

// The references' own connection, and the query mix drawn from the corpus.
const sqlite = new Database(databasePath, { readonly: true })
sqlite.pragma('cache_size = -65536')
const classes = queryMix(sqlite, perClass)

// Start-up as the server does it: open (migrate), build the in-memory indexes, answer a search.
const startedAt = performance.now()
const opened = await openQuotedb({ databasePath, databaseUrl: null }, { seedWhenEmpty: false })
const context = { store: opened.store, indexes: opened.indexes }
// Latency is what a search costs to compute: the cache that answers a repeated search is off.
const services = createServices(context, { resultCacheSize: 0 })
await services.searchQuotes({ q: classes[0]!.queries[0]!.q, limit: 20, offset: 0 })
const startMs = performance.now() - startedAt
// Memory once every index is complete, as the server holds it while it runs.
await opened.indexes.complete
globalThis.gc?.()
const memory = process.memoryUsage()
log(`Started in ${Math.round(startMs)} ms; heap ${megabytes(memory.heapUsed)} MB.`)

const idOf = (table: 'speakers' | 'outlets') => {
  const statement = sqlite.prepare(`SELECT id FROM ${table} WHERE slug = ?`).pluck()
  return (slug: string | undefined) =>
    slug === undefined ? undefined : (statement.get(slug) as number)
}
const [speakerId, outletId] = [idOf('speakers'), idOf('outlets')]

const searchParams = (query: BenchQuery) => ({
  q: query.q,
  speakers: query.speakers ?? [],
  outlets: query.outlets ?? [],
  from: query.from ?? null,
  to: query.to ?? null,
})

/** The limit's query: the FTS5 expression quotedb compiles (typos corrected), the filter by id. */
async function limitQuery(query: BenchQuery): Promise<LimitQuery> {
  const { clauses, filters } = await quoteCriteria(context, searchParams(query))
  return {
    match: toMatchExpression(clauses!)!,
    speakerId: speakerId(query.speakers?.[0]),
    outletId: outletId(query.outlets?.[0]),
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
  }
}

type ClassResult = {
  quotedb: Percentiles
  fts5: Percentiles | null
  minisearch: Percentiles | null
  ratio_p99_fts5: number | null
  ratio_p99_minisearch: number | null
  median_total: number
}
const results: Record<string, ClassResult> = {}
const limit = fts5Limit(sqlite)

/** Times the services on one class's queries; the samples and the median number of matches. */
async function timeClass(on: typeof services, queries: BenchQuery[]) {
  const totals: number[] = []
  const samples = await timeEach(queries, rounds, async (query) => {
    const result = await on.searchQuotes({ ...searchParams(query), limit: 20, offset: 0 })
    totals.push(result.total)
  })
  return { samples, median: totals.sort((a, b) => a - b)[Math.floor(totals.length / 2)] ?? 0 }
}

/** Times claims, autocomplete and threads through the services. */
async function timeOthers(on: typeof services) {
  const claims = percentiles(
    await timeEach(claimMix(sqlite, perClass), rounds, (q) =>
      on.checkClaim({ q, limit: 20, offset: 0 }),
    ),
  )
  const autocomplete = percentiles(
    await timeEach(autocompleteMix(sqlite, perClass), rounds, (q) =>
      on.listSpeakers({ q, limit: 8, offset: 0 }),
    ),
  )
  const threads = percentiles(
    await timeEach(threadMix(sqlite, perClass), rounds, (id) => on.getThread(id)),
  )
  log(
    `claims p99 ${claims.p99_ms} ms · autocomplete p99 ${autocomplete.p99_ms} ms · thread p99 ${threads.p99_ms} ms`,
  )
  return { claims, autocomplete, threads }
}

for (const { name, queries } of classes) {
  const { samples: quotedbSamples, median } = await timeClass(services, queries)
  const limitQueries = await Promise.all(queries.map(limitQuery))
  const fts5Samples = await timeEach(limitQueries, rounds, limit)
  const quotedb = percentiles(quotedbSamples)
  const fts5 = percentiles(fts5Samples)
  results[name] = {
    quotedb,
    fts5,
    minisearch: null,
    ratio_p99_fts5: round1(quotedb.p99_ms / fts5.p99_ms),
    ratio_p99_minisearch: null,
    median_total: median,
  }
  log(
    `${name.padEnd(20)} quotedb p50 ${quotedb.p50_ms} p99 ${quotedb.p99_ms} · fts5 p50 ${fts5.p50_ms} p99 ${fts5.p99_ms} ms`,
  )
}

const { claims, autocomplete, threads } = await timeOthers(services)

// The bench writes nothing; the thread is stopped so that the process can end.
await opened.writeThread?.close()
await opened.store.close()

/** The same corpus and queries over PostgreSQL: import, start, every class, beside SQLite's. */
async function postgresRun() {
  const corpus = await postgresCorpus(args['database-url'], file!, quoteCount, log)
  try {
    const started = performance.now()
    const pgOpened = await openQuotedb(
      { databasePath: '', databaseUrl: corpus.url },
      { seedWhenEmpty: false },
    )
    const pgServices = createServices(
      { store: pgOpened.store, indexes: pgOpened.indexes },
      { resultCacheSize: 0 },
    )
    await pgServices.searchQuotes({ q: classes[0]!.queries[0]!.q, limit: 20, offset: 0 })
    const start_ms = Math.round(performance.now() - started)
    await pgOpened.indexes.complete
    const complete_ms = Math.round(performance.now() - started)
    log(`PostgreSQL: started in ${start_ms} ms, every index complete in ${complete_ms} ms.`)
    const pgClasses: Record<string, { quotedb: Percentiles; ratio_p99_sqlite: number }> = {}
    for (const { name, queries } of classes) {
      const quotedb = percentiles((await timeClass(pgServices, queries)).samples)
      pgClasses[name] = {
        quotedb,
        ratio_p99_sqlite: round1(quotedb.p99_ms / results[name]!.quotedb.p99_ms),
      }
      log(`${name.padEnd(20)} postgres p50 ${quotedb.p50_ms} p99 ${quotedb.p99_ms} ms`)
    }
    const others = await timeOthers(pgServices)
    await pgServices.close()
    await pgOpened.store.close()
    return {
      import_per_s: corpus.import_per_s,
      start_ms,
      indexes_complete_ms: complete_ms,
      classes: pgClasses,
      ...others,
    }
  } finally {
    await corpus.drop()
  }
}
const postgres = withPostgres ? await postgresRun() : null

// The real server first, while this process is quiet; the peer's build would compete with it.
let server: ServerRun | null = null
let uncached: ServerRun | null = null
if (!args['no-http']) {
  log('Loading the real server over HTTP for 10 s, then again with its result cache off…')
  const paths = classes.map(({ queries }) => searchPath(queries[0]!))
  server = await loadServer(databasePath, paths)
  uncached = await loadServer(databasePath, paths, { QUOTEDB_RESULT_CACHE: '0' })
}

let peerInfo: { build_s: number; heap_mb: number } | null = null
if (!args['no-peer']) {
  log('Building the MiniSearch peer over every quote…')
  const peer = buildPeer(sqlite)
  peerInfo = { build_s: peer.build_s, heap_mb: peer.heap_mb }
  log(`Peer built in ${peer.build_s} s, ${peer.heap_mb} MB of heap.`)
  for (const { name, queries } of classes) {
    const peerQueries = queries.map((query) => ({
      q: query.q.replace(/["*]/g, ''),
      prefix: !name.startsWith('phrase'),
      fuzzy: name.startsWith('typo'),
      speakerId: speakerId(query.speakers?.[0]),
      outletId: outletId(query.outlets?.[0]),
      from: query.from ? `${query.from}-01` : undefined,
      to: query.to ? `${query.to}-31` : undefined,
    }))
    const minisearch = percentiles(
      await timeEach(peerQueries, Math.min(rounds, 2), (q) => peer.search(q)),
    )
    const result = results[name]!
    result.minisearch = minisearch
    result.ratio_p99_minisearch = round1(minisearch.p99_ms / result.quotedb.p99_ms)
    log(`${name.padEnd(20)} minisearch p50 ${minisearch.p50_ms} p99 ${minisearch.p99_ms} ms`)
  }
}

sqlite.close()

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0)
const report = {
  benchmark: 'search',
  quotes: quoteCount,
  machine: machine(),
  corpus: { seed: 1, text_from: sources },
  rounds,
  queries_per_class: perClass,
  classes: results,
  claims,
  threads,
  autocomplete,
  import_per_s,
  start_ms: Math.round(startMs),
  first_search_ms: server?.first_search_ms ?? null,
  heap_mb: megabytes(memory.heapUsed),
  // The facts' typed arrays live outside the JS heap.
  array_buffers_mb: megabytes(memory.arrayBuffers),
  rss_mb: megabytes(memory.rss),
  db_mb: megabytes(fileSize(databasePath) + fileSize(`${databasePath}-wal`)),
  http_rps: server?.http_rps ?? null,
  http_rps_uncached: uncached?.http_rps ?? null,
  http_p99_ms: server?.http_p99_ms ?? null,
  http_errors: server === null ? null : server.http_errors + uncached!.http_errors,
  server_rss_mb: server?.server_rss_mb ?? null,
  minisearch_peer: peerInfo,
  postgres,
}
if (!args.db) rmSync(scratch, { recursive: true, force: true })

if (args.json) console.log(JSON.stringify(report))
else {
  console.log(
    `quotedb search benchmark: ${quoteCount} quotes on ${report.machine.cpu} (${report.machine.cores} cores, Node ${report.machine.node})`,
  )
  console.log(
    'class                 quotedb p50/p99   fts5 p50/p99   minisearch p50/p99   ×fts5  peer÷quotedb',
  )
  for (const [name, r] of Object.entries(results)) {
    const pair = (p: Percentiles | null) => (p ? `${p.p50_ms}/${p.p99_ms}` : '–')
    console.log(
      `${name.padEnd(21)} ${pair(r.quotedb).padStart(15)} ${pair(r.fts5).padStart(14)} ${pair(r.minisearch).padStart(20)} ${String(r.ratio_p99_fts5).padStart(6)} ${String(r.ratio_p99_minisearch ?? '–').padStart(13)}`,
    )
  }
  console.log(
    `claims p50/p99 ${claims.p50_ms}/${claims.p99_ms} ms · autocomplete ${autocomplete.p50_ms}/${autocomplete.p99_ms} ms · thread ${threads.p50_ms}/${threads.p99_ms} ms`,
  )
  console.log(
    `import ${import_per_s ?? '–'} quotes/s · start ${report.start_ms} ms · first search ${report.first_search_ms ?? '–'} ms after process start · heap ${report.heap_mb} MB · rss ${report.rss_mb} MB · db ${report.db_mb} MB · http ${report.http_rps ?? '–'} searches/s (${report.http_rps_uncached ?? '–'} with the result cache off)`,
  )
  if (postgres) {
    console.log('PostgreSQL, the same queries through the same services:')
    for (const [name, r] of Object.entries(postgres.classes))
      console.log(
        `${name.padEnd(21)} ${`${r.quotedb.p50_ms}/${r.quotedb.p99_ms}`.padStart(15)}  ×sqlite p99 ${r.ratio_p99_sqlite}`,
      )
    console.log(
      `claims p99 ${postgres.claims.p99_ms} ms · autocomplete p99 ${postgres.autocomplete.p99_ms} ms · thread p99 ${postgres.threads.p99_ms} ms · import ${postgres.import_per_s} quotes/s · first search ${postgres.start_ms} ms after opening`,
    )
  }
}
