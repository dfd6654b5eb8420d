/**
 * Changing outlets, speakers, articles and quotes one at a time: create, update, delete and merge.
 * Each change is one transaction; the FTS5 triggers re-index what it touches inside it. A broken
 * constraint becomes an AppError that names the field.
 */
import { count, eq, inArray } from 'drizzle-orm'
import { AppError } from '../domain/errors'
import type { OutletRecord, SpeakerRecord } from '../domain/bundle'
import type { OutletChanges, QuoteChanges, SpeakerChanges } from '../domain/store'
import type { Db } from './client'
import { inSlices } from './slices'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** The database or a transaction on it. */
type Conn = Db | Tx
import { articles, outletAliases, outlets, quotes, speakerAliases, speakers } from './schema'

/** Fields a unique or check constraint protects, by constraint or column name. */
const FIELD_OF: Record<string, string> = {
  'outlets.slug': 'slug',
  'outlets.domain': 'domain',
  'speakers.slug': 'slug',
  'articles.url': 'url',
  'quotes.article_id, quotes.start, quotes.end, quotes.kind': 'start',
}

/** Runs `write`, turning a broken SQLite constraint into an AppError a user can act on. */
export function guarded<T>(write: () => T): T {
  try {
    return write()
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const columns = message?.replace(/^UNIQUE constraint failed: /, '') ?? ''
      throw uniqueConflict(FIELD_OF[columns] ?? columns)
    }
    if (code === 'SQLITE_CONSTRAINT_CHECK') {
      throw ruleBroken(/CHECK constraint failed: (\w+)/.exec(message ?? '')?.[1] ?? 'a check')
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw referenceConflict()
    throw error
  }
}

/** A broken unique constraint on `field`, as the user is told of it. */
export function uniqueConflict(field: string): AppError {
  const what =
    field === 'start'
      ? 'The article already holds a statement of this kind at these offsets.'
      : `Another record already has this ${field}.`
  return new AppError('conflict', what, field)
}

/** A broken check constraint, as the user is told of it. */
export const ruleBroken = (constraint: string) =>
  new AppError('invalid_parameter', `The change breaks the rule ${constraint}.`)

/** A broken foreign key, as the user is told of it. */
export const referenceConflict = () =>
  new AppError(
    'conflict',
    'The change refers to a record that does not exist, or is still referred to.',
  )

/** The refusal to delete an outlet still referred to. */
export const outletInUse = (use: { published: number; cited: number }) =>
  new AppError(
    'conflict',
    `The outlet published ${use.published} articles and is cited by ${use.cited} quotes; merge it into another outlet instead.`,
  )

/** The refusal to delete a speaker with quotes. */
export const speakerHasQuotes = (n: number) =>
  new AppError(
    'conflict',
    `The speaker has ${n} quotes; merge them into another speaker, or delete the quotes first.`,
  )

/** The refusal to merge speakers with different Wikidata ids. */
export const differentPeople = (ids: Set<string>) =>
  new AppError(
    'conflict',
    `These speakers have different Wikidata ids (${[...ids].sort().join(', ')}): they are not one person.`,
    'from',
  )

const outletIdOf = (db: Conn, slug: string) =>
  db.select({ id: outlets.id }).from(outlets).where(eq(outlets.slug, slug)).get()?.id

const speakerIdOf = (db: Conn, slug: string) =>
  db.select({ id: speakers.id }).from(speakers).where(eq(speakers.slug, slug)).get()?.id

function replaceOutletAliases(db: Conn, outletId: number, aliases: string[]): void {
  db.delete(outletAliases).where(eq(outletAliases.outletId, outletId)).run()
  for (const alias of new Set(aliases)) db.insert(outletAliases).values({ outletId, alias }).run()
}

function replaceSpeakerAliases(db: Conn, speakerId: number, aliases: string[]): void {
  db.delete(speakerAliases).where(eq(speakerAliases.speakerId, speakerId)).run()
  for (const alias of new Set(aliases)) db.insert(speakerAliases).values({ speakerId, alias }).run()
}

export function createOutlet(db: Db, { aliases, ...outlet }: OutletRecord): void {
  guarded(() =>
    db.transaction((tx) => {
      const { id } = tx.insert(outlets).values(outlet).returning({ id: outlets.id }).get()
      replaceOutletAliases(tx, id, aliases)
    }),
  )
}

/** Applies changes to an outlet; false when no outlet has the slug. */
export function updateOutlet(
  db: Db,
  slug: string,
  { aliases, ...changes }: OutletChanges,
): boolean {
  return guarded(() =>
    db.transaction((tx) => {
      const id = outletIdOf(tx, slug)
      if (id === undefined) return false
      if (Object.keys(changes).length > 0)
        tx.update(outlets).set(changes).where(eq(outlets.id, id)).run()
      if (aliases !== undefined) replaceOutletAliases(tx, id, aliases)
      return true
    }),
  )
}

/** How many articles an outlet published and how many quotes cite it. */
function outletUse(db: Conn, id: number) {
  const published =
    db.select({ n: count() }).from(articles).where(eq(articles.outletId, id)).get()?.n ?? 0
  const cited =
    db.select({ n: count() }).from(quotes).where(eq(quotes.citedOutletId, id)).get()?.n ?? 0
  return { published, cited }
}

/** Deletes an unused outlet; false when no outlet has the slug. Refuses one still referred to. */
export function deleteOutlet(db: Db, slug: string): boolean {
  return db.transaction((tx) => {
    const id = outletIdOf(tx, slug)
    if (id === undefined) return false
    const use = outletUse(tx, id)
    if (use.published + use.cited > 0) throw outletInUse(use)
    tx.delete(outlets).where(eq(outlets.id, id)).run()
    return true
  })
}

/**
 * Merges outlets that are one into `target`: their articles and citations move to it, their names
 * and domains become its aliases, and they are deleted. False when a slug names no outlet.
 */
export function mergeOutlets(db: Db, target: string, sources: string[]): boolean {
  return guarded(() =>
    db.transaction((tx) => {
      const targetId = outletIdOf(tx, target)
      const sourceRows = tx.select().from(outlets).where(inArray(outlets.slug, sources)).all()
      if (targetId === undefined || sourceRows.length !== new Set(sources).size) return false
      const sourceIds = sourceRows.map((o) => o.id)
      const moved = tx
        .select({ alias: outletAliases.alias })
        .from(outletAliases)
        .where(inArray(outletAliases.outletId, sourceIds))
        .all()
        .map((a) => a.alias)
      tx.update(articles)
        .set({ outletId: targetId })
        .where(inArray(articles.outletId, sourceIds))
        .run()
      tx.update(quotes)
        .set({ citedOutletId: targetId })
        .where(inArray(quotes.citedOutletId, sourceIds))
        .run()
      tx.delete(outlets).where(inArray(outlets.id, sourceIds)).run()
      const names = [
        ...sourceRows.flatMap((o) => [o.name, ...(o.domain ? [o.domain] : [])]),
        ...moved,
      ]
      for (const alias of new Set(names)) {
        tx.insert(outletAliases).values({ outletId: targetId, alias }).onConflictDoNothing().run()
      }
      return true
    }),
  )
}

export function createSpeaker(db: Db, { aliases, ...speaker }: SpeakerRecord): void {
  guarded(() =>
    db.transaction((tx) => {
      const { id } = tx.insert(speakers).values(speaker).returning({ id: speakers.id }).get()
      replaceSpeakerAliases(tx, id, aliases)
    }),
  )
}

export function updateSpeaker(
  db: Db,
  slug: string,
  { aliases, ...changes }: SpeakerChanges,
): boolean {
  return guarded(() =>
    db.transaction((tx) => {
      const id = speakerIdOf(tx, slug)
      if (id === undefined) return false
      if (Object.keys(changes).length > 0)
        tx.update(speakers).set(changes).where(eq(speakers.id, id)).run()
      if (aliases !== undefined) replaceSpeakerAliases(tx, id, aliases)
      return true
    }),
  )
}

/** Deletes a speaker with no quotes; false when no speaker has the slug. */
export function deleteSpeaker(db: Db, slug: string): boolean {
  return db.transaction((tx) => {
    const id = speakerIdOf(tx, slug)
    if (id === undefined) return false
    const n = tx.select({ n: count() }).from(quotes).where(eq(quotes.speakerId, id)).get()?.n ?? 0
    if (n > 0) throw speakerHasQuotes(n)
    tx.delete(speakers).where(eq(speakers.id, id)).run()
    return true
  })
}

/**
 * Merges speakers who are one person into `target`: their quotes move to it, their names and
 * aliases become its aliases, a Wikidata id it lacks is taken over, and they are deleted.
 */
export function mergeSpeakers(db: Db, target: string, sources: string[]): boolean {
  return guarded(() =>
    db.transaction((tx) => {
      const targetRow = tx.select().from(speakers).where(eq(speakers.slug, target)).get()
      const sourceRows = tx.select().from(speakers).where(inArray(speakers.slug, sources)).all()
      if (!targetRow || sourceRows.length !== new Set(sources).size) return false
      const sourceIds = sourceRows.map((s) => s.id)
      const ids = new Set(sourceRows.map((s) => s.wikidataId).filter((id) => id !== null))
      if (targetRow.wikidataId) ids.add(targetRow.wikidataId)
      if (ids.size > 1) throw differentPeople(ids)
      const moved = tx
        .select({ alias: speakerAliases.alias })
        .from(speakerAliases)
        .where(inArray(speakerAliases.speakerId, sourceIds))
        .all()
        .map((a) => a.alias)
      tx.update(quotes)
        .set({ speakerId: targetRow.id })
        .where(inArray(quotes.speakerId, sourceIds))
        .run()
      tx.delete(speakers).where(inArray(speakers.id, sourceIds)).run()
      if (!targetRow.wikidataId && ids.size === 1) {
        tx.update(speakers)
          .set({ wikidataId: [...ids][0]! })
          .where(eq(speakers.id, targetRow.id))
          .run()
      }
      for (const alias of new Set([...sourceRows.map((s) => s.name), ...moved])) {
        if (alias === targetRow.name) continue
        tx.insert(speakerAliases)
          .values({ speakerId: targetRow.id, alias })
          .onConflictDoNothing()
          .run()
      }
      return true
    }),
  )
}

/** Deletes an article and its quotes; false when no article has the id. */
export function deleteArticle(db: Db, id: number): boolean {
  return db.delete(articles).where(eq(articles.id, id)).run().changes > 0
}

/** The id of the article with this url. */
export function articleIdByUrl(db: Db, url: string): number | null {
  return (
    db.select({ id: articles.id }).from(articles).where(eq(articles.url, url)).get()?.id ?? null
  )
}

/** What a quote's change must be checked against: its article's body and its current fields. */
export function quoteForChange(db: Db, id: number) {
  return (
    db
      .select({
        text: quotes.text,
        start: quotes.start,
        end: quotes.end,
        body: articles.body,
      })
      .from(quotes)
      .innerJoin(articles, eq(articles.id, quotes.articleId))
      .where(eq(quotes.id, id))
      .get() ?? null
  )
}

/** Applies checked changes to a quote; speaker and cited outlet by slug. False when it is gone. */
export function updateQuote(db: Db, id: number, changes: QuoteChanges): boolean {
  return guarded(() =>
    db.transaction((tx) => {
      const { speaker, citedOutlet } = changes
      const set: Partial<typeof quotes.$inferInsert> = quoteColumns(changes)
      if (speaker !== undefined) {
        set.speakerId =
          speaker === null ? null : (speakerIdOf(tx, speaker) ?? unknown('speaker', speaker))
      }
      if (citedOutlet !== undefined) {
        set.citedOutletId =
          citedOutlet === null
            ? null
            : (outletIdOf(tx, citedOutlet) ?? unknown('citedOutlet', citedOutlet))
      }
      if (Object.keys(set).length === 0) {
        return (
          tx.select({ id: quotes.id }).from(quotes).where(eq(quotes.id, id)).get() !== undefined
        )
      }
      return tx.update(quotes).set(set).where(eq(quotes.id, id)).run().changes > 0
    }),
  )
}

/** The columns a quote's changes set, but for its speaker and cited outlet (given by slug). */
export function quoteColumns({
  speaker: _speaker,
  citedOutlet: _citedOutlet,
  said,
  ...fields
}: QuoteChanges) {
  const set: typeof fields & {
    extraction: null
    saidPhrase?: string | null
    saidEarliest?: string | null
    saidLatest?: string | null
  } = {
    ...fields,
    // A person who changes a statement has made it theirs: the extractor's evidence no longer
    // describes it.
    extraction: null,
  }
  if (said !== undefined) {
    set.saidPhrase = said?.phrase ?? null
    set.saidEarliest = said?.earliest ?? null
    set.saidLatest = said?.latest ?? null
  }
  return set
}

/** The refusal of a change that names a speaker or outlet by a slug none has. */
export function unknown(field: 'speaker' | 'citedOutlet', slug: string): never {
  const what = field === 'speaker' ? 'speaker' : 'outlet'
  throw new AppError('invalid_parameter', `No ${what} has the slug "${slug}".`, field)
}

/** Deletes a quote; false when no quote has the id. */
export function deleteQuote(db: Db, id: number): boolean {
  return db.delete(quotes).where(eq(quotes.id, id)).run().changes > 0
}
