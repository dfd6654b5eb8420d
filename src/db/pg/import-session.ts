/**
 * The PostgreSQL side of an import session, as SQLite's `../import-session.ts`: reads for entity
 * resolution and the bundle writer, all on the connection that holds the session's transaction.
 */
import type {
  DirectoryOutlet,
  DirectorySpeaker,
  EntityDirectory,
  ImportSession,
  StoredArticle,
} from '../../domain/store'
import { groupAliases } from '../import-session'
import { createBundleWriter } from './bundle-writer'
import type { PgDb } from './client'

/** The stored outlets and speakers with all their names, by id: all of them, or those with `only`. */
export async function readDirectory(
  db: PgDb,
  only?: { outlets: number[]; speakers: number[] },
): Promise<{ outlets: Map<number, DirectoryOutlet>; speakers: Map<number, DirectorySpeaker> }> {
  // Read whole, or by the ids asked for (a few: those the change feed names).
  const rows = async <T>(query: string, column: string, ids: number[] | undefined) => {
    const { rows } = ids
      ? await db.$client.query(`${query} WHERE ${column} = ANY($1::int[]) ORDER BY ${column}`, [
          ids,
        ])
      : await db.$client.query(`${query} ORDER BY ${column}`)
    return rows as T[]
  }
  type Alias = { id: number; alias: string }
  const outletNames = groupAliases(
    await rows<Alias>(
      'SELECT outlet_id AS id, alias FROM outlet_aliases',
      'outlet_id',
      only?.outlets,
    ),
  )
  const speakerNames = groupAliases(
    await rows<Alias>(
      'SELECT speaker_id AS id, alias FROM speaker_aliases',
      'speaker_id',
      only?.speakers,
    ),
  )
  const outletRows = await rows<Omit<DirectoryOutlet, 'aliases'>>(
    'SELECT id, slug, name, domain FROM outlets',
    'id',
    only?.outlets,
  )
  const speakerRows = await rows<Omit<DirectorySpeaker, 'aliases'>>(
    'SELECT id, slug, name, wikidata_id AS "wikidataId", anonymous FROM speakers',
    'id',
    only?.speakers,
  )
  return {
    outlets: new Map(outletRows.map((o) => [o.id, { ...o, aliases: outletNames.get(o.id) ?? [] }])),
    speakers: new Map(
      speakerRows.map((s) => [s.id, { ...s, aliases: speakerNames.get(s.id) ?? [] }]),
    ),
  }
}

/** The stored articles among `urls`, by url. */
export async function readArticles(db: PgDb, urls: string[]): Promise<Map<string, StoredArticle>> {
  const found = new Map<string, StoredArticle>()
  if (urls.length === 0) return found
  const { rows } = await db.$client.query<{ url: string; body: string | null }>(
    'SELECT url, body FROM articles WHERE url = ANY($1::text[])',
    [[...new Set(urls)]],
  )
  for (const { url, body } of rows) found.set(url, { body })
  return found
}

/**
 * What an import needs on `db`, inside a write; `directory` gives the stored names (the store may
 * keep them between writes).
 */
export function createImportSession(
  db: PgDb,
  directory: () => EntityDirectory | Promise<EntityDirectory>,
): ImportSession {
  const write = createBundleWriter(db)
  return {
    directory: async () => directory(),
    articles: (urls) => readArticles(db, urls),
    writeBundle: (bundle) => write(bundle),
  }
}
