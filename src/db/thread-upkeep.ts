/**
 * Keeping threads: the writer takes every change to statements into the threads, from the change
 * feed, inside the writing transaction — at the start of each write (what others wrote since: a
 * hand-run statement, another process) and before it commits (what it wrote). So threads change
 * with the write that changed the statements, whatever path it took, or not at all.
 *
 * - A new or edited statement is looked up in the fingerprint index (`threads/fingerprints.ts`);
 *   the candidates found are checked with the rule (`threads/same-statement.ts`), and the threads
 *   of those that are the same statement become one, under the smallest id among them.
 * - A statement edited or removed leaves its thread, which is formed again from the statements
 *   left in it: those still joined by the rule stay together, and may split.
 *
 * Adding a statement costs a few index lookups whatever the size of the database: a fingerprint's
 * list keeps at most `THREADS.postingsKept` statements, and at most `THREADS.candidates` are read.
 */
import {
  STEP,
  changedEntities,
  findCandidates,
  fingerprintsOfEach,
  formAgain,
  mergedThreads,
  postingsOf,
  sameStatementPairs,
  stalePostings,
  threadsOfPairs,
  toStatement,
  type Posting,
  type PostingRow,
  type StatementRow,
} from '../threads/thread-forming'
import type { ThreadStatement } from '../threads/same-statement'
import { changesAfter, feedHead } from './change-feed'
import { outletsOfOne } from './quote-chain'
import type { Db } from './client'

const prepare = (db: Db) => {
  const sqlite = db.$client
  return {
    position: sqlite.prepare('SELECT position FROM thread_state').pluck(),
    setPosition: sqlite.prepare('UPDATE thread_state SET position = ?'),
    statements: sqlite.prepare(
      `SELECT q.id, q.text, q.kind, q.speaker_id AS speakerId, coalesce(s.anonymous, 0) AS anonymous,
        q.cited_outlet_id AS citedOutletId, q.said_latest AS saidLatest, a.published_on AS publishedOn,
        a.date_precision AS datePrecision, a.outlet_id AS outletId
       FROM json_each(?) j JOIN quotes q ON q.id = j.value JOIN articles a ON a.id = q.article_id
       LEFT JOIN speakers s ON s.id = q.speaker_id`,
    ),
    threadsOf: sqlite.prepare(
      `SELECT t.quote_id AS quoteId, t.thread_id AS threadId
       FROM json_each(?) j JOIN quote_threads t ON t.quote_id = j.value`,
    ),
    quotesOfArticle: sqlite.prepare('SELECT id FROM quotes WHERE article_id = ?').pluck(),
    quotesOfSpeaker: sqlite.prepare('SELECT id FROM quotes WHERE speaker_id = ?').pluck(),
    members: sqlite.prepare('SELECT quote_id FROM quote_threads WHERE thread_id = ?').pluck(),
    forget: sqlite.prepare(
      'DELETE FROM quote_threads WHERE quote_id IN (SELECT value FROM json_each(?))',
    ),
    join: sqlite.prepare(
      `INSERT OR REPLACE INTO quote_threads (quote_id, thread_id)
       SELECT value ->> 0, value ->> 1 FROM json_each(?)`,
    ),
    /** Each thread's named speaker (any one, should there be several), or 0. */
    threadSpeakers: sqlite
      .prepare(
        `SELECT j.value, coalesce(max(CASE WHEN s.anonymous = 0 THEN q.speaker_id END), 0)
       FROM json_each(?) j JOIN quote_threads t ON t.thread_id = j.value
       JOIN quotes q ON q.id = t.quote_id LEFT JOIN speakers s ON s.id = q.speaker_id
       GROUP BY j.value`,
      )
      .raw(),
    retag: sqlite.prepare(
      'UPDATE quote_threads SET thread_id = ? WHERE thread_id IN (SELECT value FROM json_each(?))',
    ),
    index: sqlite.prepare(
      `INSERT OR REPLACE INTO quote_fingerprints (fingerprint, quote_id, speaker)
       SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
    ),
    postings: sqlite
      .prepare(
        `SELECT p.fingerprint, p.quote_id, p.speaker FROM json_each(?) j
         JOIN quote_fingerprints p ON p.fingerprint = j.value`,
      )
      .raw(),
    dropPostings: sqlite.prepare(
      `DELETE FROM quote_fingerprints WHERE (fingerprint, quote_id) IN
       (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
    ),
    singletons: sqlite.prepare(
      `INSERT OR REPLACE INTO threads (id, statements, outlets)
       SELECT value ->> 0, 1, value ->> 1 FROM json_each(?)`,
    ),
    recount: sqlite.prepare(
      `INSERT OR REPLACE INTO threads (id, statements, outlets)
       SELECT j.value,
         (SELECT count(*) FROM quote_threads m WHERE m.thread_id = j.value),
         (SELECT count(*) FROM (
           SELECT a.outlet_id FROM quote_threads m JOIN quotes q ON q.id = m.quote_id
             JOIN articles a ON a.id = q.article_id WHERE m.thread_id = j.value
           UNION SELECT q.cited_outlet_id FROM quote_threads m JOIN quotes q ON q.id = m.quote_id
             WHERE m.thread_id = j.value AND q.cited_outlet_id IS NOT NULL))
       FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM quote_threads m WHERE m.thread_id = j.value)`,
    ),
    dropEmpty: sqlite.prepare(
      `DELETE FROM threads WHERE id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM quote_threads m WHERE m.thread_id = threads.id)`,
    ),
    quoteIdsAfter: sqlite.prepare('SELECT id FROM quotes WHERE id > ? ORDER BY id LIMIT ?').pluck(),
  }
}

type Statements = ReturnType<typeof prepare>
const prepared = new WeakMap<Db, Statements>()
const statementsOf = (db: Db) => {
  let found = prepared.get(db)
  if (!found) prepared.set(db, (found = prepare(db)))
  return found
}

const json = (value: unknown) => JSON.stringify(value)

/** The statements of `ids` that exist, by id. */
function readStatements(s: Statements, ids: Iterable<number>): Map<number, ThreadStatement> {
  const found = new Map<number, ThreadStatement>()
  const list = [...ids]
  for (let i = 0; i < list.length; i += STEP) {
    for (const row of s.statements.all(json(list.slice(i, i + STEP))) as StatementRow[])
      found.set(row.id, toStatement(row))
  }
  return found
}

/** Forms the thread `threadId` again from the statements left in it (see `formAgain`). */
function reform(s: Statements, threadId: number, recount: Set<number>): void {
  const members = s.members.all(threadId) as number[]
  recount.add(threadId)
  if (members.length === 0) return
  const assignments = formAgain(readStatements(s, members).values())
  for (const [, root] of assignments) recount.add(root)
  s.join.run(json(assignments))
}

/**
 * The postings of every fingerprint in `fingerprints` (in fingerprint order, so the index is read
 * front to back). No list holds more than `THREADS.postingsKept`.
 */
function readPostings(s: Statements, fingerprints: number[]): Map<number, Posting[]> {
  const rows: PostingRow[] = []
  for (let i = 0; i < fingerprints.length; i += STEP * 4) {
    // One by one: a slice's rows (up to 20,000 fingerprints' postings) are too many to spread.
    const slice = s.postings.all(json(fingerprints.slice(i, i + STEP * 4))) as PostingRow[]
    for (const row of slice) rows.push(row)
  }
  return postingsOf(fingerprints, rows)
}

/**
 * Takes in statements added or changed (`statements`, each with no thread now): finds each one's
 * candidates, indexes its fingerprints, then joins it to the threads of the statements it is one
 * with. Statements are taken in id order, each seeing those before it.
 */
function thread(
  s: Statements,
  statements: Map<number, ThreadStatement>,
  outletCounts: Map<number, number>,
  recount: Set<number>,
): void {
  const fingerprints = fingerprintsOfEach(statements)
  const { ids } = fingerprints
  s.join.run(json(ids.map((id) => [id, id])))
  s.singletons.run(json(ids.map((id) => [id, outletCounts.get(id) ?? 1])))

  const read = readPostings(s, fingerprints.all)
  const { candidates, wanted, added } = findCandidates(statements, fingerprints, read)
  s.index.run(json(added))

  const others = readStatements(s, wanted)
  // Postings of statements since deleted are removed where they were met, by their key.
  const stale = stalePostings(read, new Set([...wanted].filter((id) => !others.has(id))))
  if (stale.length > 0) s.dropPostings.run(json(stale))

  const edges = sameStatementPairs(statements, ids, candidates, others)
  if (edges.length === 0) return
  const threadOf = new Map<number, number>()
  for (const { quoteId, threadId } of s.threadsOf.all(json([...new Set(edges.flat())])) as Array<{
    quoteId: number
    threadId: number
  }>)
    threadOf.set(quoteId, threadId)
  const speakers = s.threadSpeakers.all(json(threadsOfPairs(edges, threadOf))) as Array<
    [number, number]
  >
  for (const [root, merged] of mergedThreads(edges, threadOf, speakers)) {
    s.retag.run(root, json(merged))
    recount.add(root)
    for (const t of merged) recount.add(t)
  }
}

/** Takes in one step of changes (see `changedEntities`). */
function takeIn(
  s: Statements,
  quoteIds: Set<number>,
  articleIds: Set<number>,
  speakerIds: Set<number>,
): void {
  // The threads to count again: those a statement left, joined or was formed into.
  const recount = new Set<number>()
  const changed = new Set(quoteIds)
  for (const articleId of articleIds)
    for (const id of s.quotesOfArticle.all(articleId) as number[]) changed.add(id)
  for (const speakerId of speakerIds)
    for (const id of s.quotesOfSpeaker.all(speakerId) as number[]) changed.add(id)

  const ids = [...changed]
  const before = s.threadsOf.all(json(ids)) as Array<{ quoteId: number; threadId: number }>
  s.forget.run(json(ids))
  // A thread that lost a statement is formed again from those left; one that lost only its
  // one statement is gone.
  for (const threadId of new Set(before.map((b) => b.threadId))) reform(s, threadId, recount)

  const outletCounts = new Map<number, number>()
  const current = new Map<number, ThreadStatement>()
  for (let i = 0; i < ids.length; i += STEP) {
    for (const row of s.statements.all(json(ids.slice(i, i + STEP))) as StatementRow[]) {
      current.set(row.id, toStatement(row))
      outletCounts.set(row.id, outletsOfOne(row.citedOutletId, row.outletId))
    }
  }
  if (current.size > 0) thread(s, current, outletCounts, recount)

  const counted = json([...recount])
  s.recount.run(counted)
  s.dropEmpty.run(counted)
}

/** Threads every statement stored afresh: for a database whose threads are not kept yet. */
function threadAll(db: Db, s: Statements): void {
  const sqlite = db.$client
  sqlite.exec('DELETE FROM quote_threads; DELETE FROM quote_fingerprints; DELETE FROM threads')
  const head = feedHead(db)
  for (let after = 0; ;) {
    const ids = s.quoteIdsAfter.all(after, STEP) as number[]
    if (ids.length === 0) break
    takeIn(s, new Set(ids), new Set(), new Set())
    after = ids.at(-1)!
  }
  s.setPosition.run(head)
}

/**
 * Brings the threads up to date with the change feed. Call it inside a write's transaction: what
 * it changes commits or rolls back with the write.
 */
export function keepThreads(db: Db): void {
  const s = statementsOf(db)
  const position = s.position.get() as number | null | undefined
  if (position === undefined) return // A database made before threads and not yet migrated.
  if (position === null) return threadAll(db, s)
  for (let at = position; ;) {
    const { changes, gap } = changesAfter(db, at, STEP)
    if (gap) return threadAll(db, s)
    if (changes.length === 0) return
    const { quoteIds, articleIds, speakerIds } = changedEntities(changes)
    takeIn(s, quoteIds, articleIds, speakerIds)
    at = changes.at(-1)!.seq
    s.setPosition.run(at)
  }
}
