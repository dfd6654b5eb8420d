/**
 * The SQLite side of an import session: reads for entity resolution and the bundle writer, all on
 * the connection that holds the session's transaction.
 */
import { inArray } from 'drizzle-orm'
import type {
  DirectoryOutlet,
  DirectorySpeaker,
  EntityDirectory,
  ImportSession,
  StoredArticle,
} from '../domain/store'
import { createBundleWriter } from './bundle-writer'
import type { Db } from './client'
import { articles } from './schema'

/** Alias rows grouped by the id of the record they name. */
export function groupAliases(rows: Array<{ id: number; alias: string }>): Map<number, string[]> {
  const byId = new Map<number, string[]>()
  for (const { id, alias } of rows) byId.set(id, [...(byId.get(id) ?? []), alias])
  return byId
}

/** The stored outlets and speakers with all their names, by id: all of them, or those with `only`. */
export function readDirectory(
  db: Db,
  only?: { outlets: number[]; speakers: number[] },
): { outlets: Map<number, DirectoryOutlet>; speakers: Map<number, DirectorySpeaker> } {
  // Read whole, or by the ids asked for (a few: those the change feed names).
  const rows = <T>(query: string, column: string, ids: number[] | undefined): T[] =>
    (ids
      ? db.$client
          .prepare(`${query} WHERE ${column} IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids))
      : db.$client.prepare(query).all()) as T[]
  type Alias = { id: number; alias: string }
  const outletNames = groupAliases(
    rows<Alias>('SELECT outlet_id AS id, alias FROM outlet_aliases', 'outlet_id', only?.outlets),
  )
  const speakerNames = groupAliases(
    rows<Alias>(
      'SELECT speaker_id AS id, alias FROM speaker_aliases',
      'speaker_id',
      only?.speakers,
    ),
  )
  const outletRows = rows<Omit<DirectoryOutlet, 'aliases'>>(
    'SELECT id, slug, name, domain FROM outlets',
    'id',
    only?.outlets,
  )
  const speakerRows = rows<Omit<DirectorySpeaker, 'aliases' | 'anonymous'> & { anonymous: number }>(
    'SELECT id, slug, name, wikidata_id AS wikidataId, anonymous FROM speakers',
    'id',
    only?.speakers,
  )
  return {
    outlets: new Map(outletRows.map((o) => [o.id, { ...o, aliases: outletNames.get(o.id) ?? [] }])),
    speakers: new Map(
      speakerRows.map((s) => [
        s.id,
        { ...s, anonymous: s.anonymous === 1, aliases: speakerNames.get(s.id) ?? [] },
      ]),
    ),
  }
}

const URLS_PER_QUERY = 500

export function readArticles(db: Db, urls: string[]): Map<string, StoredArticle> {
  const found = new Map<string, StoredArticle>()
  const unique = [...new Set(urls)]
  for (let i = 0; i < unique.length; i += URLS_PER_QUERY) {
    const rows = db
      .select({ url: articles.url, body: articles.body })
      .from(articles)
      .where(inArray(articles.url, unique.slice(i, i + URLS_PER_QUERY)))
      .all()
    for (const { url, body } of rows) found.set(url, { body })
  }
  return found
}

/** What an import needs on `db`, inside a write; `directory` gives the stored names (the store may keep them between writes). */
export function createImportSession(db: Db, directory: () => EntityDirectory): ImportSession {
  const write = createBundleWriter(db)
  return {
    directory: async () => directory(),
    articles: async (urls) => readArticles(db, urls),
    writeBundle: async (bundle) => write(bundle),
  }
}
