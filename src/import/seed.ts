/**
 * The seed: the article the database starts from and its curated statements, read from `seed/`
 * and written through the import path, so it meets every check an import does. Seeding is
 * idempotent: a second run finds every record already there and adds nothing.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Store } from '../domain/store'
import { importEntries, type ImportReport } from './importer'
import type { SourceEntry } from './readers'

/** The `seed/` folder of this project. */
export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed')

/** The seed's files, in the order they are written: what a record refers to comes first. */
const SEED_FILES = {
  outlets: { file: 'outlets.json', type: 'outlet' },
  speakers: { file: 'speakers.json', type: 'speaker' },
  articles: { file: 'articles.json', type: 'article' },
  quotes: { file: 'quotes.json', type: 'quote' },
} as const

type SeedRecord = Record<string, unknown>
export type Seed = Record<keyof typeof SEED_FILES, SeedRecord[]>

/** The seed's records per file, each tagged with its type; an article's `bodyFile` is read in. */
export function readSeed(dir: string = SEED_DIR): Seed {
  const read = (section: keyof Seed): SeedRecord[] => {
    const { file, type } = SEED_FILES[section]
    const records = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SeedRecord[]
    return records.map(({ bodyFile, ...record }) =>
      typeof bodyFile === 'string'
        ? { type, ...record, body: readFileSync(join(dir, bodyFile), 'utf8') }
        : { type, ...record },
    )
  }
  return {
    outlets: read('outlets'),
    speakers: read('speakers'),
    articles: read('articles'),
    quotes: read('quotes'),
  }
}

/**
 * Writes a seed (by default the project's). Refuses the whole seed, naming each record at fault
 * by file and position, when any record breaks an invariant such as a quote whose text is not at
 * its offsets.
 */
export async function seedDatabase(store: Store, seed: Seed = readSeed()): Promise<ImportReport> {
  const labels: string[] = []
  const entries: SourceEntry[] = []
  for (const section of Object.keys(SEED_FILES) as Array<keyof Seed>) {
    seed[section].forEach((value, index) => {
      labels.push(`${SEED_FILES[section].file} #${index + 1}`)
      entries.push({ kind: 'record', line: labels.length, raw: '', value })
    })
  }
  const report = await importEntries(
    store,
    (async function* () {
      yield* entries
    })(),
  )
  if (!report.committed) {
    const lines = report.problems.map(
      (p) => `${labels[p.line - 1]}${p.field ? ` ${p.field}` : ''}: ${p.message}`,
    )
    throw new Error(`The seed was refused; nothing was written:\n${lines.join('\n')}`)
  }
  return report
}
