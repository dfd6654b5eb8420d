/**
 * Outlets and speakers as export records, a page at a time by id: SQLite's `../export-queries.ts`
 * in PostgreSQL.
 */
import { asc, gt, inArray, type SQL } from 'drizzle-orm'
import type { OutletRecord, SpeakerRecord } from '../../domain/bundle'
import { aliasesBy } from '../export-queries'
import type { PgDb } from './client'
import { outletAliases, outlets, speakerAliases, speakers } from './schema'

async function outletRecords(
  db: PgDb,
  where: SQL,
  limit: number,
): Promise<Array<{ id: number; record: OutletRecord }>> {
  const rows = await db.select().from(outlets).where(where).orderBy(asc(outlets.id)).limit(limit)
  const aliases = aliasesBy(
    await db
      .select({ id: outletAliases.outletId, alias: outletAliases.alias })
      .from(outletAliases)
      .where(
        inArray(
          outletAliases.outletId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(outletAliases.alias)),
  )
  return rows.map(({ id, slug, name, kind, country, domain }) => ({
    id,
    record: { slug, name, kind, country, domain, aliases: aliases.get(id) ?? [] },
  }))
}

async function speakerRecords(
  db: PgDb,
  where: SQL,
  limit: number,
): Promise<Array<{ id: number; record: SpeakerRecord }>> {
  const rows = await db.select().from(speakers).where(where).orderBy(asc(speakers.id)).limit(limit)
  const aliases = aliasesBy(
    await db
      .select({ id: speakerAliases.speakerId, alias: speakerAliases.alias })
      .from(speakerAliases)
      .where(
        inArray(
          speakerAliases.speakerId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(speakerAliases.alias)),
  )
  return rows.map(({ id, slug, name, description, wikidataId, anonymous }) => ({
    id,
    record: { slug, name, description, wikidataId, anonymous, aliases: aliases.get(id) ?? [] },
  }))
}

/** The next `limit` outlets after the outlet `afterId`, in id order. */
export const outletRecordsAfter = (db: PgDb, afterId: number, limit: number) =>
  outletRecords(db, gt(outlets.id, afterId), limit)

/** The next `limit` speakers after the speaker `afterId`, in id order. */
export const speakerRecordsAfter = (db: PgDb, afterId: number, limit: number) =>
  speakerRecords(db, gt(speakers.id, afterId), limit)

/** The outlets with these slugs (at most a few hundred), in id order. */
export const outletRecordsOf = async (db: PgDb, slugs: string[]) =>
  slugs.length === 0 ? [] : outletRecords(db, inArray(outlets.slug, slugs), slugs.length)

/** The speakers with these slugs (at most a few hundred), in id order. */
export const speakerRecordsOf = async (db: PgDb, slugs: string[]) =>
  slugs.length === 0 ? [] : speakerRecords(db, inArray(speakers.slug, slugs), slugs.length)
