/**
 * The load test: `npm run loadtest -- [--quotes 100000] [--seconds 60] [--db FILE] [--json]`.
 *
 * Starts the real server on a database of generated quotes (imported first, or reused) and drives
 * it from this second process with autocannon for the given time: searches with and without
 * filters on eight connections; on two more, claim checks, speaker pages (API and HTML) and a
 * trickle of writes (one new article with a statement in every twenty requests); and one client
 * that writes a statement every 50 ms, each write timed on its own. Then a bulk
 * import over HTTP while clients read and write beside it (see `import-under-load.ts`). Prints
 * requests per second, p50 and p99 latency and errors for each, and the server's memory at the
 * start and the end. A measurement, not a test: nothing fails; the goals are printed beside it.
 *
 * With `--store postgres [--database-url URL]`: two servers over one PostgreSQL database instead
 * (see `several-servers.ts`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { corpusDatabase } from './corpus-database'
import { machine } from './machine'
import { claimMix, queryMix, searchPath } from './query-mix'
import { firstAnswer, startServer } from './server-process'
import { importUnderLoad } from './import-under-load'
import { severalServersLoad } from './several-servers'

const { values: args } = parseArgs({
  options: {
    quotes: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '60' },
    db: { type: 'string' },
    /** Quotes of the bulk import under load; 0 skips that phase. */
    'import-quotes': { type: 'string', default: '50000' },
    json: { type: 'boolean', default: false },
    store: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
  },
})
if (args.store !== 'sqlite' && args.store !== 'postgres')
  throw new Error('--store is sqlite (the default) or postgres (two servers over one database).')
const quotes = Number(args.quotes)
const seconds = Number(args.seconds)
const log = (message: string) => process.stderr.write(`${message}\n`)
const scratch = mkdtempSync(join(tmpdir(), 'quotedb-load-'))
const databasePath = args.db ?? join(scratch, 'load.sqlite')
const token = `load-${Math.random().toString(36).slice(2)}-token`

const { file } = await corpusDatabase(databasePath, quotes, scratch, log, {
  keepFile: args.store === 'postgres',
})

// What the clients ask for, drawn from the corpus.
const sqlite = new Database(databasePath, { readonly: true })
const searches = queryMix(sqlite, 10).flatMap(({ queries }) => queries.map(searchPath))
const claims = claimMix(sqlite, 20).map((q) => `/api/claims?${new URLSearchParams({ q })}`)
const speakers = sqlite
  .prepare('SELECT slug FROM speakers WHERE anonymous = 0 ORDER BY id LIMIT 40')
  .pluck()
  .all() as string[]
const outlet = sqlite
  .prepare('SELECT slug FROM outlets ORDER BY id LIMIT 1')
  .pluck()
  .get() as string
sqlite.close()

if (args.store === 'postgres') {
  const report = {
    benchmark: 'load',
    store: 'postgres',
    quotes,
    seconds,
    machine: machine(),
    ...(await severalServersLoad({
      file: file!,
      quotes,
      seconds,
      searches,
      outlet,
      token,
      databaseUrl: args['database-url'],
      log,
    })),
  }
  if (!args.db) rmSync(scratch, { recursive: true, force: true })
  if (args.json) console.log(JSON.stringify(report))
  else {
    const line = (name: string, s: unknown) => console.log(`${name}: ${JSON.stringify(s)}`)
    line('one server', report.one_server)
    line('two servers', report.two_servers)
    line('a write found on the other server after (ms)', report.write_seen_on_other_ms)
  }
  process.exit(0)
}

// A body large enough for the bulk import of the second phase.
const server = await startServer(databasePath, {
  QUOTEDB_TOKEN: token,
  QUOTEDB_MAX_BODY: String(256 * 1024 * 1024),
})
await firstAnswer(server, searches[0]!)
// A short warm-up, so that "memory at start" is the running server's, not the idle one's.
await autocannon({
  url: server.url,
  connections: 4,
  duration: 3,
  requests: searches.map((path) => ({ path })),
})
const rssStart = server.rssMb()

let written = 0
const write: autocannon.Request = {
  method: 'POST',
  path: '/api/articles',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  setupRequest(request) {
    const n = ++written
    request.body = JSON.stringify({
      url: `https://load.example/${process.pid}/${n}`,
      outlet,
      published: '2026-01-15',
      quotes: [
        {
          text: `A statement made under load, number ${n}`,
          kind: 'paraphrase',
          speaker: speakers[n % speakers.length],
        },
      ],
    })
    return request
  },
}
const others: autocannon.Request[] = [
  ...claims
    .slice(0, 10)
    .flatMap((path, i) => [
      { path },
      { path: `/api/speakers/${speakers[i]}` },
      { path: `/speakers/${speakers[i]}` },
      ...(i % 2 === 0 ? [write] : []),
    ]),
]

log(`Loading ${server.url} for ${seconds} s…`)
// The server's memory every ten seconds: growth that levels off is caches filling; a leak keeps on.
const rssEveryTenSeconds: number[] = []
const sampler = setInterval(() => rssEveryTenSeconds.push(server.rssMb()), 10_000)
// Besides the mix, one client writes a statement every 50 ms and times each write on its own.
const writeTimes: number[] = []
let writing = true
const timedWrites = (async () => {
  for (let n = 0; writing; n++) {
    const started = performance.now()
    const response = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        url: `https://load.example/${process.pid}/timed/${n}`,
        outlet,
        published: '2026-01-16',
        quotes: [
          {
            text: `A timed statement, number ${n}`,
            kind: 'paraphrase',
            speaker: speakers[n % speakers.length],
          },
        ],
      }),
    })
    await response.arrayBuffer()
    if (response.status === 201) writeTimes.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
})()
const [searchRun, otherRun] = await Promise.all([
  autocannon({
    url: server.url,
    connections: 8,
    duration: seconds,
    requests: searches.map((path) => ({ path })),
  }),
  autocannon({ url: server.url, connections: 2, duration: seconds, requests: others }),
])
clearInterval(sampler)
writing = false
await timedWrites
const rssEnd = server.rssMb()
writeTimes.sort((a, b) => a - b)
const writeAt = (q: number) =>
  Math.round(writeTimes[Math.floor(q * (writeTimes.length - 1))]! * 10) / 10

const importQuotes = Number(args['import-quotes'])
if (importQuotes > 0)
  log(`Importing ${importQuotes} quotes over HTTP while 20 clients read and 20 write…`)
const bulk =
  importQuotes > 0
    ? await importUnderLoad({
        url: server.url,
        token,
        quotes: importQuotes,
        readPaths: [...searches.slice(0, 50), '/api/health'],
        outlet,
      })
    : null
server.stop()
if (!args.db) rmSync(scratch, { recursive: true, force: true })

const summary = (run: autocannon.Result) => ({
  requests_per_s: Math.round(run.requests.average),
  p50_ms: run.latency.p50,
  p99_ms: run.latency.p99,
  max_ms: run.latency.max,
  errors: run.errors + run.timeouts,
  non_2xx: run.non2xx,
})
const report = {
  benchmark: 'load',
  quotes,
  seconds,
  machine: machine(),
  searches: summary(searchRun),
  claims_speakers_writes: summary(otherRun),
  timed_writes: { count: writeTimes.length, p50_ms: writeAt(0.5), p99_ms: writeAt(0.99) },
  writes: written,
  server_rss_start_mb: rssStart,
  server_rss_end_mb: rssEnd,
  server_rss_change_pct: Math.round(((rssEnd - rssStart) / rssStart) * 1000) / 10,
  server_rss_every_10s_mb: rssEveryTenSeconds,
  import_under_load: bulk,
  goals: {
    errors: 0,
    search_p99_ms: 50,
    write_p50_ms: 3,
    rss_change_pct: 10,
    read_max_ms_during_import: 1000,
  },
}
if (args.json) console.log(JSON.stringify(report))
else {
  console.log(
    `quotedb load test: ${quotes} quotes, ${seconds} s, ${report.machine.cpu} (${report.machine.cores} cores)`,
  )
  for (const [name, s] of [
    ['searches', report.searches],
    ['claims, speakers, writes', report.claims_speakers_writes],
  ] as const) {
    console.log(
      `${name.padEnd(26)} ${s.requests_per_s} req/s · p50 ${s.p50_ms} ms · p99 ${s.p99_ms} ms · errors ${s.errors} · non-2xx ${s.non_2xx}`,
    )
  }
  console.log(
    `timed writes ${report.timed_writes.count} · p50 ${report.timed_writes.p50_ms} ms · p99 ${report.timed_writes.p99_ms} ms`,
  )
  console.log(
    `writes ${written} · server memory ${rssStart} MB → ${rssEnd} MB (${report.server_rss_change_pct}%); every 10 s: ${rssEveryTenSeconds.join(', ')} MB`,
  )
  if (bulk)
    console.log(
      `import of ${bulk.import_quotes} quotes: ${bulk.import_status} in ${bulk.import_seconds} s · reads meanwhile p50 ${bulk.read_p50_ms} ms, p99 ${bulk.read_p99_ms} ms, max ${bulk.read_max_ms} ms · writes ${JSON.stringify(bulk.writes_by_status)}, lost ${bulk.writes_lost}`,
    )
}
