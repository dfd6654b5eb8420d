/**
 * The SQLite side of an import session: reads for entity resolution and the bundle writer, all on
 * the connection that holds the session's transaction.
 */
import { inArray } from 'drizzle-orm'
import type { EntityDirectory, ImportSession, StoredArticle } from '../domain/store'
import { createBundleWriter } from './bundle-writer'
import type { Db } from './client'
import { articles, outletAliases, outlets, speakerAliases, speakers } from './schema'

function groupAliases(rows: Array<{ id: number; alias: string }>): Map<number, string[]> {
  const byId = new Map<number, string[]>()
  for (const { id, alias } of rows) byId.set(id, [...(byId.get(id) ?? []), alias])
  return byId
}

/** Every stored outlet and speaker with all their names. */
export function readDirectory(db: Db): EntityDirectory {
  const outletNames = groupAliases(
    db.select({ id: outletAliases.outletId, alias: outletAliases.alias }).from(outletAliases).all(),
  )
  const speakerNames = groupAliases(
    db
      .select({ id: speakerAliases.speakerId, alias: speakerAliases.alias })
      .from(speakerAliases)
      .all(),
  )
  return {
    outlets: db
      .select({ id: outlets.id, slug: outlets.slug, name: outlets.name, domain: outlets.domain })
      .from(outlets)
      .all()
      .map(({ id, ...o }) => ({ ...o, aliases: outletNames.get(id) ?? [] })),
    speakers: db
      .select({
        id: speakers.id,
        slug: speakers.slug,
        name: speakers.name,
        wikidataId: speakers.wikidataId,
        anonymous: speakers.anonymous,
      })
      .from(speakers)
      .all()
      .map(({ id, ...s }) => ({ ...s, aliases: speakerNames.get(id) ?? [] })),
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
