/**
 * The seed: the article the database starts from and its curated statements, read from `seed/`.
 * Seeding is idempotent: a second run finds every record already there and adds nothing.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BundleSummary } from '../domain/bundle'
import type { Store } from '../domain/store'
import { describeProblems, validateBundle, type UncheckedBundle } from './validate-bundle'

/** The `seed/` folder of this project. */
export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed')

const readJson = (dir: string, file: string): unknown[] =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown[]

/**
 * Reads the seed files of `dir` as an unchecked bundle. An article's `bodyFile` names the file
 * beside it that holds its body.
 */
export function readSeed(dir: string = SEED_DIR): UncheckedBundle {
  const articles = readJson(dir, 'articles.json').map((article) => {
    const { bodyFile, ...rest } = article as { bodyFile?: string }
    return bodyFile === undefined
      ? rest
      : { ...rest, body: readFileSync(join(dir, bodyFile), 'utf8') }
  })
  return {
    outlets: readJson(dir, 'outlets.json'),
    speakers: readJson(dir, 'speakers.json'),
    articles,
    quotes: readJson(dir, 'quotes.json'),
  }
}

/**
 * Validates a seed and writes it. Refuses the whole seed, naming every bad statement, when any
 * record breaks an invariant (such as a quote whose text is not at its offsets).
 */
export async function seedDatabase(
  store: Store,
  seed: UncheckedBundle = readSeed(),
): Promise<BundleSummary> {
  const validation = validateBundle(seed)
  if (!validation.ok) {
    throw new Error(
      `The seed was refused; nothing was written:\n${describeProblems(validation.problems)}`,
    )
  }
  return store.importBundle(validation.bundle)
}
