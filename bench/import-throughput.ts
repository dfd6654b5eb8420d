/**
 * Import throughput: generated quotes written to an NDJSON file, then imported from it through the
 * real import path (streamed reading, parsing, resolution, checks, the FTS5 index updated in the
 * same transaction) into a fresh database file, as `npm run import` does.
 *
 *   npx tsx bench/import-throughput.ts [--quotes 100000] [--json]
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
const path = join(dir, 'bench.sqlite')
const store = createSqliteStore(openDatabase(path))
const file = join(dir, 'quotes.ndjson')
writeFileSync(
  file,
  generateQuoteItems({ quotes, seed: 1 })
    .map((item) => JSON.stringify(item))
    .join('\n'),
)

const started = performance.now()
const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })
const report = await importEntries(store, readItems('ndjson', chunks), { batchSize: 2000 })
const seconds = (performance.now() - started) / 1000
store.close()

const result = {
  benchmark: 'import',
  quotes,
  committed: report.committed,
  seconds: Number(seconds.toFixed(2)),
  import_per_s: Math.round(quotes / seconds),
  db_mb: Number((statSync(path).size / 1024 / 1024).toFixed(1)),
  machine: machine(),
}
rmSync(dir, { recursive: true, force: true })
if (values.json) console.log(JSON.stringify(result))
else
  console.log(
    `Imported ${quotes} quotes in ${result.seconds} s: ${result.import_per_s} quotes/s (${result.db_mb} MB).`,
    result.machine,
  )
