/**
 * The change feed in PostgreSQL: `change_log`, filled by triggers in every writing transaction
 * (migrations-pg/0002), read forward by position by every server; the readers' positions, by which
 * what every reader has passed is pruned; and how far it was pruned (`change_feed_state`), since
 * positions have holes here. The same contract as SQLite's (`../change-feed.ts`).
 */
import type { Change } from '../../domain/store'
import { READER_TIMEOUT_MS, RETAINED_CHANGES, type PruneOptions } from '../change-feed'
import type pg from 'pg'

/** A pool, or one client inside a transaction: what the feed's queries run on. */
type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>

const prunedThrough = async (db: Queryable): Promise<number> =>
  Number((await db.query('SELECT pruned_through FROM change_feed_state')).rows[0].pruned_through)

/** The position of the last change ever recorded (or pruned through); 0 when none was. */
export async function feedHead(db: Queryable): Promise<number> {
  const { rows } = await db.query(
    `SELECT greatest(coalesce((SELECT max(seq) FROM change_log), 0),
                     (SELECT pruned_through FROM change_feed_state)) AS head`,
  )
  return Number(rows[0].head)
}

/**
 * Up to `limit` changes after `position`, in order. `gap` is true when changes after `position`
 * were pruned: a reader that far behind rebuilds what it keeps.
 */
export async function changesAfter(
  db: Queryable,
  position: number,
  limit: number,
): Promise<{ changes: Change[]; gap: boolean }> {
  const { rows } = await db.query(
    `SELECT seq, entity, entity_id AS id, op, removed_words AS "removedWords"
     FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [position, limit],
  )
  const changes = rows.map((row) => ({ ...row, seq: Number(row.seq) }) as Change)
  return { changes, gap: (await prunedThrough(db)) > position }
}

/** Records how far `reader` has applied the feed, and prunes what every live reader has passed. */
export async function reportPosition(
  db: Queryable,
  reader: string,
  position: number,
  prune: PruneOptions,
): Promise<void> {
  await db.query(
    `INSERT INTO change_readers (reader, position, seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (reader) DO UPDATE SET position = excluded.position, seen_at = excluded.seen_at`,
    [reader, position, prune.now],
  )
  await pruneChanges(db, prune)
}

/** Forgets a reader that stops following the feed. */
export async function forgetReader(db: Queryable, reader: string, prune: PruneOptions) {
  await db.query('DELETE FROM change_readers WHERE reader = $1', [reader])
  await pruneChanges(db, prune)
}

/**
 * Deletes the entries every live reader has applied (with no reader at all, any), but never the
 * `retained` latest; records how far it pruned.
 */
export async function pruneChanges(
  db: Queryable,
  { now, retained = RETAINED_CHANGES }: PruneOptions,
): Promise<void> {
  await db.query('DELETE FROM change_readers WHERE seen_at < $1', [now - READER_TIMEOUT_MS])
  const head = await feedHead(db)
  const { rows } = await db.query('SELECT min(position) AS slowest FROM change_readers')
  const slowest = rows[0].slowest === null ? head : Number(rows[0].slowest)
  const through = Math.min(slowest, head - retained)
  if (through <= (await prunedThrough(db))) return
  await db.query('DELETE FROM change_log WHERE seq <= $1', [through])
  await db.query('UPDATE change_feed_state SET pruned_through = $1', [through])
}
