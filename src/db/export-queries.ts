/**
 * Outlets and speakers as export records: their own fields and aliases, nothing counted. An
 * export of everything reads them a page at a time by id (a cursor, not an offset), so each page
 * costs the same however far it is, and one removed meanwhile shifts nothing.
 */
import { asc, gt, inArray, type SQL } from 'drizzle-orm'
import type { OutletRecord, SpeakerRecord } from '../domain/bundle'
import type { Db } from './client'
import { outletAliases, outlets, speakerAliases, speakers } from './schema'

/** Aliases by owner id, each list in alphabetical order. */
export function aliasesBy(rows: Array<{ id: number; alias: string }>): Map<number, string[]> {
  const byId = new Map<number, string[]>()
  for (const { id, alias } of rows) {
    const list = byId.get(id)
    if (list) list.push(alias)
    else byId.set(id, [alias])
  }
  return byId
}

function outletRecords(
  db: Db,
  where: SQL,
  limit: number,
): Array<{ id: number; record: OutletRecord }> {
  const rows = db.select().from(outlets).where(where).orderBy(asc(outlets.id)).limit(limit).all()
  const aliases = aliasesBy(
    db
      .select({ id: outletAliases.outletId, alias: outletAliases.alias })
      .from(outletAliases)
      .where(
        inArray(
          outletAliases.outletId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(outletAliases.alias))
      .all(),
  )
  return rows.map(({ id, slug, name, kind, country, domain }) => ({
    id,
    record: { slug, name, kind, country, domain, aliases: aliases.get(id) ?? [] },
  }))
}

function speakerRecords(
  db: Db,
  where: SQL,
  limit: number,
): Array<{ id: number; record: SpeakerRecord }> {
  const rows = db.select().from(speakers).where(where).orderBy(asc(speakers.id)).limit(limit).all()
  const aliases = aliasesBy(
    db
      .select({ id: speakerAliases.speakerId, alias: speakerAliases.alias })
      .from(speakerAliases)
      .where(
        inArray(
          speakerAliases.speakerId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(speakerAliases.alias))
      .all(),
  )
  return rows.map(({ id, slug, name, description, wikidataId, anonymous }) => ({
    id,
    record: { slug, name, description, wikidataId, anonymous, aliases: aliases.get(id) ?? [] },
  }))
}

/** The next `limit` outlets after the outlet `afterId`, in id order. */
export const outletRecordsAfter = (db: Db, afterId: number, limit: number) =>
  outletRecords(db, gt(outlets.id, afterId), limit)

/** The next `limit` speakers after the speaker `afterId`, in id order. */
export const speakerRecordsAfter = (db: Db, afterId: number, limit: number) =>
  speakerRecords(db, gt(speakers.id, afterId), limit)

/** The outlets with these slugs (at most a few hundred), in id order. */
export const outletRecordsOf = (db: Db, slugs: string[]) =>
  slugs.length === 0 ? [] : outletRecords(db, inArray(outlets.slug, slugs), slugs.length)

/** The speakers with these slugs (at most a few hundred), in id order. */
export const speakerRecordsOf = (db: Db, slugs: string[]) =>
  slugs.length === 0 ? [] : speakerRecords(db, inArray(speakers.slug, slugs), slugs.length)
