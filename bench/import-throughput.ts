/**
 * Import throughput: generated quotes written to an NDJSON file, then imported from it through the
 * real import path (streamed reading, parsing, resolution, checks, the FTS5 index updated in the
 * same transaction) into a fresh database file, as `npm run import` does.
 *
 *   npx tsx bench/import-throughput.ts [--quotes 100000] [--json]
 *
 * The same import runs twice in one process: first into a database whose threads are switched off
 * (its `thread_state` row removed: the upkeep then does nothing), then with threads kept as they
 * always are, so the cost of threading is the difference between the two.
 *
 * Prints quotes per second and the machine it ran on. A measurement, not a test: nothing fails.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../src/db/client'
import { createSqliteStore } from '../src/db/sqlite-store'
import { readItems } from '../src/import/formats'
import { importEntries } from '../src/import/importer'
import { generateQuoteItems } from './corpus'
import { machine } from './machine'

const { values } = parseArgs({
  options: {
    quotes: { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false },
  },
})
const quotes = Number(values.quotes)

const dir = mkdtempSync(join(tmpdir(), 'quotedb-bench-'))
const file = join(dir, 'quotes.ndjson')
writeFileSync(
  file,
  generateQuoteItems({ quotes, seed: 1 })
    .map((item) => JSON.stringify(item))
    .join('\n'),
)

/** Imports the file into a new database; seconds taken and the database's size. */
async function importOnce(name: string, threads: boolean) {
  const path = join(dir, name)
  const db = openDatabase(path)
  if (!threads) db.$client.exec('DELETE FROM thread_state')
  const store = createSqliteStore(db)
  const started = performance.now()
  const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })
  const report = await importEntries(store, readItems('ndjson', chunks), { batchSize: 2000 })
  const seconds = (performance.now() - started) / 1000
  store.close()
  return { committed: report.committed, seconds, mb: statSync(path).size / 1024 / 1024 }
}

const without = await importOnce('without-threads.sqlite', false)
const withThreads = await importOnce('bench.sqlite', true)
const seconds = withThreads.seconds
const report = withThreads

const result = {
  benchmark: 'import',
  quotes,
  committed: report.committed && without.committed,
  seconds: Number(seconds.toFixed(2)),
  import_per_s: Math.round(quotes / seconds),
  import_per_s_without_threads: Math.round(quotes / without.seconds),
  threads_cost: Number((withThreads.seconds / without.seconds - 1).toFixed(3)),
  db_mb: Number(withThreads.mb.toFixed(1)),
  db_mb_without_threads: Number(without.mb.toFixed(1)),
  machine: machine(),
}
rmSync(dir, { recursive: true, force: true })
if (values.json) console.log(JSON.stringify(result))
else
  console.log(
    `Imported ${quotes} quotes in ${result.seconds} s: ${result.import_per_s} quotes/s (${result.db_mb} MB).`,
    result.machine,
  )
