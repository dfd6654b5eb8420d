/**
 * The change feed in SQLite: the table `change_log`, which triggers fill inside every writing
 * transaction (migration 0008), read forward by position; and the readers' positions, by which
 * entries every reader has passed are pruned.
 */
import type { Change } from '../domain/store'
import type { Db } from './client'

/** A reader not heard from for this long is dropped; should it return, it rebuilds. */
export const READER_TIMEOUT_MS = 15 * 60 * 1000

/**
 * The latest entries, kept whatever the readers' positions: a reader that never reports (a
 * read-only server, one still starting) follows a backlog this long without rebuilding.
 */
export const RETAINED_CHANGES = 50_000

const prepare = (db: Db) => {
  const sqlite = db.$client
  return {
    // AUTOINCREMENT keeps the largest position ever given in sqlite_sequence, pruned or not.
    head: sqlite
      .prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0)")
      .pluck(),
    after: sqlite.prepare(
      `SELECT seq, entity, entity_id AS id, op, removed_words AS removedWords
       FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?`,
    ),
    report: sqlite.prepare(
      `INSERT INTO change_readers (reader, position, seen_at) VALUES (?, ?, ?)
       ON CONFLICT (reader) DO UPDATE SET position = excluded.position, seen_at = excluded.seen_at`,
    ),
    forget: sqlite.prepare('DELETE FROM change_readers WHERE reader = ?'),
    dropStale: sqlite.prepare('DELETE FROM change_readers WHERE seen_at < ?'),
    slowest: sqlite.prepare('SELECT min(position) FROM change_readers').pluck(),
    prune: sqlite.prepare('DELETE FROM change_log WHERE seq <= ?'),
  }
}

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>()
const statements = (db: Db) => {
  let found = prepared.get(db)
  if (!found) prepared.set(db, (found = prepare(db)))
  return found
}

/** The position of the last change ever recorded; 0 when none was. */
export function feedHead(db: Db): number {
  return statements(db).head.get() as number
}

/**
 * Up to `limit` changes after `position`, in order. `gap` is true when changes after `position`
 * were pruned: a reader that far behind must rebuild what it keeps.
 */
export function changesAfter(
  db: Db,
  position: number,
  limit: number,
): { changes: Change[]; gap: boolean } {
  const { head, after } = statements(db)
  const changes = after.all(position, limit) as Change[]
  // Positions have no holes (a rolled-back entry takes its position back with it), so the first
  // entry after `position` is `position + 1` unless it was pruned.
  const gap = (head.get() as number) > position && changes[0]?.seq !== position + 1
  return { changes, gap }
}

/** How a prune is done: when it is, and how many of the latest entries it keeps regardless. */
export interface PruneOptions {
  now: number
  retained?: number
}

/** Records how far `reader` has applied the feed, and prunes what every live reader has passed. */
export function reportPosition(db: Db, reader: string, position: number, prune: PruneOptions) {
  statements(db).report.run(reader, position, prune.now)
  pruneChanges(db, prune)
}

/** Forgets a reader that stops following the feed. */
export function forgetReader(db: Db, reader: string, prune: PruneOptions): void {
  statements(db).forget.run(reader)
  pruneChanges(db, prune)
}

/**
 * Deletes the entries every live reader has applied (with no reader at all, any: a reader
 * starting later reads the database whole first), but never the `retained` latest.
 */
export function pruneChanges(db: Db, { now, retained = RETAINED_CHANGES }: PruneOptions): void {
  const s = statements(db)
  s.dropStale.run(now - READER_TIMEOUT_MS)
  const head = s.head.get() as number
  const slowest = (s.slowest.get() as number | null) ?? head
  s.prune.run(Math.min(slowest, head - retained))
}
