/**
 * A database holding the benchmark corpus: generated, written to NDJSON and imported through the
 * real import path, as `npm run import` does — or reused when the file already holds it. The
 * NDJSON file is kept when asked (`keepFile`), for a second database: PostgreSQL beside SQLite.
 */
import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import Database from 'better-sqlite3'
import { openDatabase } from '../src/db/client'
import { createSqliteStore } from '../src/db/sqlite-store'
import type { Store } from '../src/domain/store'
import { readItems } from '../src/import/formats'
import { importEntries } from '../src/import/importer'
import { generateCorpus } from './corpus'

export interface CorpusDatabase {
  /** Quotes imported per second; null when an existing database was reused. */
  import_per_s: number | null
  /** Where the quote text was learnt from. */
  sources: string[]
  /** The corpus as NDJSON, when asked to keep it; else null. */
  file: string | null
}

/** Imports the corpus file into `store` through the real import path; quotes per second. */
export async function importCorpus(store: Store, file: string, quotes: number): Promise<number> {
  const started = performance.now()
  const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })
  const report = await importEntries(store, readItems('ndjson', chunks), { batchSize: 2000 })
  const seconds = (performance.now() - started) / 1000
  if (!report.committed)
    throw new Error(`The corpus did not import: ${JSON.stringify(report.problems.slice(0, 3))}`)
  return Math.round(quotes / seconds)
}

export async function corpusDatabase(
  path: string,
  quotes: number,
  scratch: string,
  log: (message: string) => void,
  options: { keepFile?: boolean } = {},
): Promise<CorpusDatabase> {
  const corpus = generateCorpus({ quotes, seed: 1 })
  const file = join(scratch, 'corpus.ndjson')
  const reused = existsSync(path)
  if (reused) {
    const existing = new Database(path, { readonly: true })
    const held = existing.prepare('SELECT count(*) FROM quotes').pluck().get() as number
    existing.close()
    if (held !== quotes)
      throw new Error(`${path} holds ${held} quotes, not ${quotes}: remove it first.`)
    log(`Reusing ${path} (${held} quotes); the import rate is not measured.`)
    if (!options.keepFile) return { import_per_s: null, sources: corpus.sources, file: null }
  }
  const out = createWriteStream(file)
  for (const record of corpus.records()) {
    if (!out.write(`${JSON.stringify(record)}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  out.end()
  await finished(out)
  let import_per_s: number | null = null
  if (!reused) {
    log(`Importing ${quotes} quotes…`)
    const store = createSqliteStore(openDatabase(path))
    try {
      import_per_s = await importCorpus(store, file, quotes)
    } finally {
      await store.close()
    }
  }
  if (!options.keepFile) rmSync(file)
  return { import_per_s, sources: corpus.sources, file: options.keepFile ? file : null }
}
