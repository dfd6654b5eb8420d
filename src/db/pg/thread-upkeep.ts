/**
 * Keeping threads in PostgreSQL: what `../thread-upkeep.ts` does in SQLite, with the same rule and
 * the same steps (`threads/thread-forming.ts`), each table read or written once per step of
 * changes rather than once per statement. Runs inside the writing transaction, which holds the
 * write lock: the feed is taken in the order writes commit.
 */
import type { ThreadStatement } from '../../threads/same-statement'
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
  type PostingRow,
  type StatementRow,
} from '../../threads/thread-forming'
import { outletsOfOne } from '../quote-chain'
import { changesAfter, feedHead } from './change-feed'
import type { PgDb } from './client'

/** The rows of a statement on the write's connection. */
async function rows<T>(db: PgDb, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.$client.query(text, values)).rows as T[]
}

/** The rows of a statement as arrays of numbers (a bigint comes back as a string: made a number). */
async function numbers(db: PgDb, text: string, values: unknown[]): Promise<number[][]> {
  const { rows } = await db.$client.query({ text, values, rowMode: 'array' })
  return (rows as unknown[][]).map((row) => row.map(Number))
}

/** A list of pairs as two lists, one parameter each. */
const columns = <A, B>(pairs: Array<[A, B]>): [A[], B[]] => [
  pairs.map((p) => p[0]),
  pairs.map((p) => p[1]),
]

/** The statements of `ids` that exist, with their articles and speakers. */
const statementRows = (db: PgDb, ids: number[]) =>
  rows<StatementRow>(
    db,
    `SELECT q.id, q.text, q.kind, q.speaker_id AS "speakerId",
       coalesce(s.anonymous, false) AS anonymous, q.cited_outlet_id AS "citedOutletId",
       q.said_latest AS "saidLatest", a.published_on AS "publishedOn",
       a.date_precision AS "datePrecision", a.outlet_id AS "outletId"
     FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
     WHERE q.id = ANY($1::int[])`,
    [ids],
  )

/** The statements of `ids` that exist, by id. */
async function readStatements(db: PgDb, ids: Iterable<number>) {
  const found = new Map<number, ThreadStatement>()
  for (const row of await statementRows(db, [...ids])) found.set(row.id, toStatement(row))
  return found
}

/** The thread of each statement of `ids` that has one. */
async function threadsOf(db: PgDb, ids: number[]): Promise<Map<number, number>> {
  const found = await numbers(
    db,
    'SELECT quote_id, thread_id FROM quote_threads WHERE quote_id = ANY($1::int[])',
    [ids],
  )
  return new Map(found as Array<[number, number]>)
}

/** Puts each statement in its thread (`[statement, thread]`), whatever thread it was in. */
async function join(db: PgDb, assignments: Array<[number, number]>): Promise<void> {
  if (assignments.length === 0) return
  await db.$client.query(
    `INSERT INTO quote_threads (quote_id, thread_id)
     SELECT * FROM unnest($1::int[], $2::int[])
     ON CONFLICT (quote_id) DO UPDATE SET thread_id = excluded.thread_id`,
    columns(assignments),
  )
}

/**
 * Forms again the threads that lost statements, each from the statements left in it (see
 * `formAgain`); threads are apart, so all of them are read and written at once.
 */
async function reform(db: PgDb, threadIds: number[], recount: Set<number>): Promise<void> {
  for (const threadId of threadIds) recount.add(threadId)
  if (threadIds.length === 0) return
  const members = await numbers(
    db,
    'SELECT thread_id, quote_id FROM quote_threads WHERE thread_id = ANY($1::int[])',
    [threadIds],
  )
  if (members.length === 0) return
  const statements = await readStatements(
    db,
    members.map(([, id]) => id!),
  )
  const byThread = new Map<number, ThreadStatement[]>()
  for (const [threadId, id] of members) {
    const statement = statements.get(id!)
    if (!statement) continue
    const list = byThread.get(threadId!)
    if (list) list.push(statement)
    else byThread.set(threadId!, [statement])
  }
  const assignments: Array<[number, number]> = []
  for (const list of byThread.values()) {
    for (const assignment of formAgain(list)) {
      recount.add(assignment[1])
      assignments.push(assignment)
    }
  }
  await join(db, assignments)
}

/**
 * Takes in statements added or changed (`statements`, each with no thread now): finds each one's
 * candidates, indexes its fingerprints, then joins it to the threads of the statements it is one
 * with. Statements are taken in id order, each seeing those before it.
 */
async function thread(
  db: PgDb,
  statements: Map<number, ThreadStatement>,
  outletCounts: Map<number, number>,
  recount: Set<number>,
): Promise<void> {
  const fingerprints = fingerprintsOfEach(statements)
  const { ids } = fingerprints
  await join(
    db,
    ids.map((id) => [id, id]),
  )
  await db.$client.query(
    `INSERT INTO threads (id, statements, outlets)
     SELECT id, 1, outlets FROM unnest($1::int[], $2::int[]) AS u(id, outlets)
     ON CONFLICT (id) DO UPDATE SET statements = 1, outlets = excluded.outlets`,
    [ids, ids.map((id) => outletCounts.get(id) ?? 1)],
  )

  const postings = await numbers(
    db,
    `SELECT fingerprint, quote_id, speaker FROM quote_fingerprints
     WHERE fingerprint = ANY($1::bigint[])`,
    [fingerprints.all],
  )
  const read = postingsOf(fingerprints.all, postings as PostingRow[])
  const { candidates, wanted, added } = findCandidates(statements, fingerprints, read)
  if (added.length > 0) {
    await db.$client.query(
      `INSERT INTO quote_fingerprints (fingerprint, quote_id, speaker)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[])
       ON CONFLICT (fingerprint, quote_id) DO UPDATE SET speaker = excluded.speaker`,
      [added.map((p) => p[0]), added.map((p) => p[1]), added.map((p) => p[2])],
    )
  }

  const others = await readStatements(db, wanted)
  // Postings of statements since deleted are removed where they were met, by their key.
  const stale = stalePostings(read, new Set([...wanted].filter((id) => !others.has(id))))
  if (stale.length > 0) {
    await db.$client.query(
      `DELETE FROM quote_fingerprints WHERE (fingerprint, quote_id) IN
       (SELECT * FROM unnest($1::bigint[], $2::int[]))`,
      columns(stale),
    )
  }

  const edges = sameStatementPairs(statements, ids, candidates, others)
  if (edges.length === 0) return
  const threadOf = await threadsOf(db, [...new Set(edges.flat())])
  // Each thread's named speaker (any one, should there be several), or 0.
  const speakers = await numbers(
    db,
    `SELECT t.thread_id, coalesce(max(CASE WHEN NOT s.anonymous THEN q.speaker_id END), 0)
     FROM quote_threads t JOIN quotes q ON q.id = t.quote_id LEFT JOIN speakers s ON s.id = q.speaker_id
     WHERE t.thread_id = ANY($1::int[]) GROUP BY t.thread_id`,
    [threadsOfPairs(edges, threadOf)],
  )
  const retags: Array<[number, number]> = []
  for (const [root, merged] of mergedThreads(
    edges,
    threadOf,
    speakers as Array<[number, number]>,
  )) {
    recount.add(root)
    for (const t of merged) {
      recount.add(t)
      retags.push([t, root])
    }
  }
  if (retags.length === 0) return
  await db.$client.query(
    `UPDATE quote_threads m SET thread_id = u.root
     FROM unnest($1::int[], $2::int[]) AS u(old, root) WHERE m.thread_id = u.old`,
    columns(retags),
  )
}

/** Takes in one step of changes (see `changedEntities`). */
async function takeIn(
  db: PgDb,
  quoteIds: Set<number>,
  articleIds: Set<number>,
  speakerIds: Set<number>,
): Promise<void> {
  // The threads to count again: those a statement left, joined or was formed into.
  const recount = new Set<number>()
  const changed = new Set(quoteIds)
  if (articleIds.size > 0 || speakerIds.size > 0) {
    const found = await numbers(
      db,
      'SELECT id FROM quotes WHERE article_id = ANY($1::int[]) OR speaker_id = ANY($2::int[])',
      [[...articleIds], [...speakerIds]],
    )
    for (const [id] of found) changed.add(id!)
  }

  const ids = [...changed]
  const before = await threadsOf(db, ids)
  await db.$client.query('DELETE FROM quote_threads WHERE quote_id = ANY($1::int[])', [ids])
  // A thread that lost a statement is formed again from those left; one that lost only its
  // one statement is gone.
  await reform(db, [...new Set(before.values())], recount)

  const outletCounts = new Map<number, number>()
  const current = new Map<number, ThreadStatement>()
  for (const row of await statementRows(db, ids)) {
    current.set(row.id, toStatement(row))
    outletCounts.set(row.id, outletsOfOne(row.citedOutletId, row.outletId))
  }
  if (current.size > 0) await thread(db, current, outletCounts, recount)

  const counted = [...recount]
  // Each thread's statements, and the outlets that printed or are cited for them.
  await db.$client.query(
    `INSERT INTO threads (id, statements, outlets)
     SELECT m.thread_id, count(DISTINCT m.quote_id), count(DISTINCT o.outlet)
     FROM quote_threads m LEFT JOIN quotes q ON q.id = m.quote_id
       LEFT JOIN articles a ON a.id = q.article_id
       LEFT JOIN LATERAL (VALUES (a.outlet_id), (q.cited_outlet_id)) AS o(outlet) ON true
     WHERE m.thread_id = ANY($1::int[]) GROUP BY m.thread_id
     ON CONFLICT (id) DO UPDATE SET statements = excluded.statements, outlets = excluded.outlets`,
    [counted],
  )
  await db.$client.query(
    `DELETE FROM threads t WHERE t.id = ANY($1::int[])
     AND NOT EXISTS (SELECT 1 FROM quote_threads m WHERE m.thread_id = t.id)`,
    [counted],
  )
}

const setPosition = (db: PgDb, position: number) =>
  db.$client.query('UPDATE thread_state SET position = $1', [position])

/** Threads every statement stored afresh: for a database whose threads are not kept yet. */
async function threadAll(db: PgDb): Promise<void> {
  await db.$client.query(
    'DELETE FROM quote_threads; DELETE FROM quote_fingerprints; DELETE FROM threads',
  )
  const head = await feedHead(db.$client)
  for (let after = 0; ;) {
    const ids = (
      await numbers(db, 'SELECT id FROM quotes WHERE id > $1 ORDER BY id LIMIT $2', [after, STEP])
    ).map(([id]) => id!)
    if (ids.length === 0) break
    await takeIn(db, new Set(ids), new Set(), new Set())
    after = ids.at(-1)!
  }
  await setPosition(db, head)
}

/**
 * Brings the threads up to date with the change feed. Call it inside a write's transaction, after
 * taking the write lock: what it changes commits or rolls back with the write.
 */
export async function keepThreads(db: PgDb): Promise<void> {
  const [state] = await rows<{ position: string | null }>(db, 'SELECT position FROM thread_state')
  if (state === undefined) return // A database not yet migrated to threads.
  if (state.position === null) return threadAll(db)
  for (let at = Number(state.position); ;) {
    const { changes, gap } = await changesAfter(db.$client, at, STEP)
    if (gap) return threadAll(db)
    if (changes.length === 0) return
    const { quoteIds, articleIds, speakerIds } = changedEntities(changes)
    await takeIn(db, quoteIds, articleIds, speakerIds)
    at = changes.at(-1)!.seq
    await setPosition(db, at)
  }
}
