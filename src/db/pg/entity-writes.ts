/**
 * Changing outlets, speakers, articles and quotes one at a time, in PostgreSQL: as SQLite's
 * `../entity-writes.ts`, inside the write's transaction the store began. A change that may be
 * refused runs under a savepoint: a broken constraint rolls back to it, so the refused change
 * leaves nothing behind and the transaction goes on, and becomes the same AppError as in SQLite.
 *
 * The triggers keep the change feed and the names in the quotes' search documents; speakers'
 * titles (`speaker_titles`), kept by triggers on a quote's update and delete in SQLite, are kept
 * here.
 */
import { count, eq, inArray } from 'drizzle-orm'
import type { OutletRecord, SpeakerRecord } from '../../domain/bundle'
import type { OutletChanges, QuoteChanges, SpeakerChanges } from '../../domain/store'
import {
  differentPeople,
  outletInUse,
  quoteColumns,
  referenceConflict,
  ruleBroken,
  speakerHasQuotes,
  uniqueConflict,
  unknown,
} from '../entity-writes'
import type { PgDb } from './client'
import { databaseError } from './storage-errors'
import { articles, outletAliases, outlets, quotes, speakerAliases, speakers } from './schema'

/** Fields a unique constraint protects, by constraint name. */
const FIELD_OF: Record<string, string> = {
  outlets_slug_unique: 'slug',
  outlets_domain_unique: 'domain',
  speakers_slug_unique: 'slug',
  articles_url_unique: 'url',
  quotes_article_span_kind: 'start',
}

/**
 * Runs `write` under a savepoint, as SQLite's `guarded`: when it fails, what it wrote is rolled
 * back (and the transaction stays usable); a broken constraint becomes an AppError a user can act
 * on.
 */
export async function guarded<T>(db: PgDb, write: () => Promise<T>): Promise<T> {
  await db.$client.query('SAVEPOINT quotedb_guarded')
  try {
    const result = await write()
    await db.$client.query('RELEASE SAVEPOINT quotedb_guarded')
    return result
  } catch (error) {
    // When even this fails (a lost connection), the original error says more.
    await db.$client
      .query('ROLLBACK TO SAVEPOINT quotedb_guarded; RELEASE SAVEPOINT quotedb_guarded')
      .catch(() => undefined)
    const { code, constraint } = databaseError(error)
    if (code === '23505') {
      throw uniqueConflict(FIELD_OF[constraint ?? ''] ?? constraint ?? 'value')
    }
    if (code === '23514') throw ruleBroken(constraint ?? 'a check')
    if (code === '23503') throw referenceConflict()
    throw error
  }
}

const outletIdOf = async (db: PgDb, slug: string) =>
  (await db.select({ id: outlets.id }).from(outlets).where(eq(outlets.slug, slug)))[0]?.id

const speakerIdOf = async (db: PgDb, slug: string) =>
  (await db.select({ id: speakers.id }).from(speakers).where(eq(speakers.slug, slug)))[0]?.id

async function replaceOutletAliases(db: PgDb, outletId: number, aliases: string[]) {
  await db.delete(outletAliases).where(eq(outletAliases.outletId, outletId))
  const rows = [...new Set(aliases)].map((alias) => ({ outletId, alias }))
  if (rows.length > 0) await db.insert(outletAliases).values(rows)
}

async function replaceSpeakerAliases(db: PgDb, speakerId: number, aliases: string[]) {
  await db.delete(speakerAliases).where(eq(speakerAliases.speakerId, speakerId))
  const rows = [...new Set(aliases)].map((alias) => ({ speakerId, alias }))
  if (rows.length > 0) await db.insert(speakerAliases).values(rows)
}

/** A speaker's title as its quotes give it. */
export interface TitleUse {
  speakerId: number | null
  title: string | null
}

/**
 * Keeps speakers' titles in step with their quotes, as SQLite's triggers do: the titles `used`
 * join their speakers' titles; those `dropped` leave them when no quote of the speaker still has
 * them.
 */
export async function keepTitles(
  db: PgDb,
  used: readonly TitleUse[],
  dropped: readonly TitleUse[] = [],
): Promise<void> {
  const pairs = (uses: readonly TitleUse[]) => {
    const known = uses.filter(
      (u): u is { speakerId: number; title: string } => u.speakerId !== null && u.title !== null,
    )
    return [known.map((u) => u.speakerId), known.map((u) => u.title)] as const
  }
  const [usedIds, usedTitles] = pairs(used)
  if (usedIds.length > 0) {
    await db.$client.query(
      `INSERT INTO speaker_titles (speaker_id, title)
       SELECT DISTINCT * FROM unnest($1::int[], $2::text[])
       ON CONFLICT DO NOTHING`,
      [usedIds, usedTitles],
    )
  }
  const [droppedIds, droppedTitles] = pairs(dropped)
  if (droppedIds.length > 0) {
    await db.$client.query(
      `DELETE FROM speaker_titles t
       USING unnest($1::int[], $2::text[]) AS d(speaker_id, title)
       WHERE t.speaker_id = d.speaker_id AND t.title = d.title
         AND NOT EXISTS (SELECT 1 FROM quotes q
           WHERE q.speaker_id = d.speaker_id AND q.speaker_title = d.title)`,
      [droppedIds, droppedTitles],
    )
  }
}

/** Adds an outlet with its aliases, as in SQLite's ../entity-writes.ts. */
export async function createOutlet(db: PgDb, { aliases, ...outlet }: OutletRecord): Promise<void> {
  await guarded(db, async () => {
    const [row] = await db.insert(outlets).values(outlet).returning({ id: outlets.id })
    await replaceOutletAliases(db, row!.id, aliases)
  })
}

/** Applies changes to an outlet; false when no outlet has the slug. */
export async function updateOutlet(
  db: PgDb,
  slug: string,
  { aliases, ...changes }: OutletChanges,
): Promise<boolean> {
  return guarded(db, async () => {
    const id = await outletIdOf(db, slug)
    if (id === undefined) return false
    if (Object.keys(changes).length > 0)
      await db.update(outlets).set(changes).where(eq(outlets.id, id))
    if (aliases !== undefined) await replaceOutletAliases(db, id, aliases)
    return true
  })
}

/** Deletes an unused outlet; false when no outlet has the slug. Refuses one still referred to. */
export async function deleteOutlet(db: PgDb, slug: string): Promise<boolean> {
  return guarded(db, async () => {
    const id = await outletIdOf(db, slug)
    if (id === undefined) return false
    const [published] = await db
      .select({ n: count() })
      .from(articles)
      .where(eq(articles.outletId, id))
    const [cited] = await db.select({ n: count() }).from(quotes).where(eq(quotes.citedOutletId, id))
    const use = { published: published?.n ?? 0, cited: cited?.n ?? 0 }
    if (use.published + use.cited > 0) throw outletInUse(use)
    await db.delete(outlets).where(eq(outlets.id, id))
    return true
  })
}

/** Merges outlets that are one into `target`, as in SQLite's ../entity-writes.ts. */
export async function mergeOutlets(db: PgDb, target: string, sources: string[]): Promise<boolean> {
  return guarded(db, async () => {
    const targetId = await outletIdOf(db, target)
    const sourceRows = await db.select().from(outlets).where(inArray(outlets.slug, sources))
    if (targetId === undefined || sourceRows.length !== new Set(sources).size) return false
    const sourceIds = sourceRows.map((o) => o.id)
    const moved = await db
      .select({ alias: outletAliases.alias })
      .from(outletAliases)
      .where(inArray(outletAliases.outletId, sourceIds))
    await db
      .update(articles)
      .set({ outletId: targetId })
      .where(inArray(articles.outletId, sourceIds))
    await db
      .update(quotes)
      .set({ citedOutletId: targetId })
      .where(inArray(quotes.citedOutletId, sourceIds))
    await db.delete(outlets).where(inArray(outlets.id, sourceIds))
    const names = new Set([
      ...sourceRows.flatMap((o) => [o.name, ...(o.domain ? [o.domain] : [])]),
      ...moved.map((a) => a.alias),
    ])
    if (names.size > 0) {
      await db
        .insert(outletAliases)
        .values([...names].map((alias) => ({ outletId: targetId, alias })))
        .onConflictDoNothing()
    }
    return true
  })
}

/** Adds a speaker with its aliases, as in SQLite's ../entity-writes.ts. */
export async function createSpeaker(
  db: PgDb,
  { aliases, ...speaker }: SpeakerRecord,
): Promise<void> {
  await guarded(db, async () => {
    const [row] = await db.insert(speakers).values(speaker).returning({ id: speakers.id })
    await replaceSpeakerAliases(db, row!.id, aliases)
  })
}

/** Applies changes to a speaker; false when no speaker has the slug. */
export async function updateSpeaker(
  db: PgDb,
  slug: string,
  { aliases, ...changes }: SpeakerChanges,
): Promise<boolean> {
  return guarded(db, async () => {
    const id = await speakerIdOf(db, slug)
    if (id === undefined) return false
    if (Object.keys(changes).length > 0)
      await db.update(speakers).set(changes).where(eq(speakers.id, id))
    if (aliases !== undefined) await replaceSpeakerAliases(db, id, aliases)
    return true
  })
}

/** Deletes a speaker with no quotes; false when no speaker has the slug. */
export async function deleteSpeaker(db: PgDb, slug: string): Promise<boolean> {
  return guarded(db, async () => {
    const id = await speakerIdOf(db, slug)
    if (id === undefined) return false
    const [row] = await db.select({ n: count() }).from(quotes).where(eq(quotes.speakerId, id))
    const n = row?.n ?? 0
    if (n > 0) throw speakerHasQuotes(n)
    await db.delete(speakers).where(eq(speakers.id, id))
    return true
  })
}

/**
 * Merges speakers who are one person into `target`, as in SQLite's ../entity-writes.ts; the
 * titles of the quotes it takes over become its titles.
 */
export async function mergeSpeakers(db: PgDb, target: string, sources: string[]): Promise<boolean> {
  return guarded(db, async () => {
    const [targetRow] = await db.select().from(speakers).where(eq(speakers.slug, target))
    const sourceRows = await db.select().from(speakers).where(inArray(speakers.slug, sources))
    if (!targetRow || sourceRows.length !== new Set(sources).size) return false
    const sourceIds = sourceRows.map((s) => s.id)
    const ids = new Set(sourceRows.map((s) => s.wikidataId).filter((id) => id !== null))
    if (targetRow.wikidataId) ids.add(targetRow.wikidataId)
    if (ids.size > 1) throw differentPeople(ids)
    const moved = await db
      .select({ alias: speakerAliases.alias })
      .from(speakerAliases)
      .where(inArray(speakerAliases.speakerId, sourceIds))
    const movedQuotes = await db
      .update(quotes)
      .set({ speakerId: targetRow.id })
      .where(inArray(quotes.speakerId, sourceIds))
      .returning({ speakerId: quotes.speakerId, title: quotes.speakerTitle })
    // The sources' titles go with them (a cascade); the target's are its quotes' titles.
    await keepTitles(db, movedQuotes)
    await db.delete(speakers).where(inArray(speakers.id, sourceIds))
    if (!targetRow.wikidataId && ids.size === 1) {
      await db
        .update(speakers)
        .set({ wikidataId: [...ids][0]! })
        .where(eq(speakers.id, targetRow.id))
    }
    const names = new Set([...sourceRows.map((s) => s.name), ...moved.map((a) => a.alias)])
    names.delete(targetRow.name)
    if (names.size > 0) {
      await db
        .insert(speakerAliases)
        .values([...names].map((alias) => ({ speakerId: targetRow.id, alias })))
        .onConflictDoNothing()
    }
    return true
  })
}

/** Deletes an article and its quotes; false when no article has the id. */
export async function deleteArticle(db: PgDb, id: number): Promise<boolean> {
  const titles = await db
    .selectDistinct({ speakerId: quotes.speakerId, title: quotes.speakerTitle })
    .from(quotes)
    .where(eq(quotes.articleId, id))
  const deleted = await db.delete(articles).where(eq(articles.id, id))
  await keepTitles(db, [], titles)
  return (deleted.rowCount ?? 0) > 0
}

/** The id of the article with this url. */
export async function articleIdByUrl(db: PgDb, url: string): Promise<number | null> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.url, url))
  return row?.id ?? null
}

/** What a quote's change must be checked against: its article's body and its current fields. */
export async function quoteForChange(db: PgDb, id: number) {
  const [row] = await db
    .select({ text: quotes.text, start: quotes.start, end: quotes.end, body: articles.body })
    .from(quotes)
    .innerJoin(articles, eq(articles.id, quotes.articleId))
    .where(eq(quotes.id, id))
  return row ?? null
}

/** Applies checked changes to a quote; speaker and cited outlet by slug. False when it is gone. */
export async function updateQuote(db: PgDb, id: number, changes: QuoteChanges): Promise<boolean> {
  return guarded(db, async () => {
    const { speaker, citedOutlet } = changes
    const set: Partial<typeof quotes.$inferInsert> = quoteColumns(changes)
    if (speaker !== undefined) {
      set.speakerId =
        speaker === null ? null : ((await speakerIdOf(db, speaker)) ?? unknown('speaker', speaker))
    }
    if (citedOutlet !== undefined) {
      set.citedOutletId =
        citedOutlet === null
          ? null
          : ((await outletIdOf(db, citedOutlet)) ?? unknown('citedOutlet', citedOutlet))
    }
    const byTitle = set.speakerId !== undefined || set.speakerTitle !== undefined
    const [before] = byTitle
      ? await db
          .select({ speakerId: quotes.speakerId, title: quotes.speakerTitle })
          .from(quotes)
          .where(eq(quotes.id, id))
      : []
    const after = await db
      .update(quotes)
      .set(set)
      .where(eq(quotes.id, id))
      .returning({ speakerId: quotes.speakerId, title: quotes.speakerTitle })
    if (byTitle && before) await keepTitles(db, after, [before])
    return after.length > 0
  })
}

/** Deletes a quote; false when no quote has the id. */
export async function deleteQuote(db: PgDb, id: number): Promise<boolean> {
  const deleted = await db
    .delete(quotes)
    .where(eq(quotes.id, id))
    .returning({ speakerId: quotes.speakerId, title: quotes.speakerTitle })
  await keepTitles(db, [], deleted)
  return deleted.length > 0
}
