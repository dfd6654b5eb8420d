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
import { dayNumber, lastDayOf } from '../domain/partial-dates'
import type { DatePrecision, QuoteKind } from '../domain/vocabulary'
import { fingerprintsOf } from '../threads/fingerprints'
import { THREADS } from '../threads/options'
import {
  sameStatement,
  speakerKey,
  threadStatement,
  type ThreadStatement,
} from '../threads/same-statement'
import { changesAfter, feedHead } from './change-feed'
import { outletsOfOne } from './quote-chain'
import type { Db } from './client'

/** Changes taken in per step; a larger backlog is taken in step by step, in the same transaction. */
const STEP = 5000

interface StatementRow {
  id: number
  text: string
  kind: QuoteKind
  speakerId: number | null
  anonymous: number
  citedOutletId: number | null
  saidLatest: string | null
  publishedOn: string
  datePrecision: DatePrecision
  outletId: number
}

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

/** The day by which a statement was surely said: its said date, else its article's last day. */
function saidBy(row: StatementRow): number {
  const day =
    row.saidLatest ?? lastDayOf({ firstDay: row.publishedOn, precision: row.datePrecision })
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return dayNumber(year, month, date)
}

const toStatement = (row: StatementRow): ThreadStatement =>
  threadStatement({
    id: row.id,
    kind: row.kind,
    text: row.text,
    speakerId: row.speakerId,
    anonymous: row.anonymous === 1,
    citedOutletId: row.citedOutletId,
    sourceOutletId: row.citedOutletId ?? (row.speakerId === null ? row.outletId : null),
    saidBy: saidBy(row),
  })

/**
 * Sets of ids joined one by one, each set named by its smallest id, and holding at most one named
 * speaker: a join that would put two named people's words in one set is refused. (An unnamed
 * source's words can match two people's; the thread stays with the first it joined.)
 */
class Groups {
  readonly #parent = new Map<number, number>()
  /** Each set's named speaker (a `speakerKey`; 0 for none), by its root. */
  readonly #speaker = new Map<number, number>()

  /** Adds `id` as a set of its own, unless it is in one already. */
  add(id: number, speaker: number): void {
    if (this.#parent.has(id)) return
    this.#parent.set(id, id)
    this.#speaker.set(id, speaker)
  }

  find(id: number): number {
    this.add(id, 0)
    let root = id
    while (this.#parent.get(root) !== root) root = this.#parent.get(root)!
    // Every id on the way now points at the root.
    for (let at = id; at !== root;) {
      const next = this.#parent.get(at)!
      this.#parent.set(at, root)
      at = next
    }
    return root
  }

  /** Joins the sets of `a` and `b` (both added) unless each has a named speaker of its own. */
  join(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)]
    if (x === y) return
    const [sx, sy] = [this.#speaker.get(x)!, this.#speaker.get(y)!]
    if (sx !== 0 && sy !== 0 && sx !== sy) return
    const [root, other] = x < y ? [x, y] : [y, x]
    this.#parent.set(other, root)
    this.#speaker.set(root, sx || sy)
  }

  /** Every id added, by the smallest id of its set. */
  sets(): Map<number, number[]> {
    const sets = new Map<number, number[]>()
    for (const id of this.#parent.keys()) {
      const root = this.find(id)
      const set = sets.get(root)
      if (set) set.push(id)
      else sets.set(root, [id])
    }
    return sets
  }
}

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

/**
 * Forms the thread `threadId` again from the statements left in it (after one was edited or
 * removed): those the rule still joins stay together, each part under its smallest id. Two are
 * compared only when they share a fingerprint, as when they were joined, and only while they are
 * apart: a thread of copies of one quotation is formed again in one pass.
 */
function reform(s: Statements, threadId: number, recount: Set<number>): void {
  const members = s.members.all(threadId) as number[]
  recount.add(threadId)
  if (members.length === 0) return
  const statements = readStatements(s, members)
  const groups = new Groups()
  const holders = new Map<number, ThreadStatement[]>()
  for (const st of [...statements.values()].sort((a, b) => a.id - b.id)) {
    groups.add(st.id, speakerKey(st))
    for (const f of fingerprintsOf(st)) {
      const list = holders.get(f)
      if (list) list.push(st)
      else holders.set(f, [st])
    }
  }
  for (const list of holders.values()) {
    for (let i = 1; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [list[i]!, list[j]!]
        if (groups.find(a.id) !== groups.find(b.id) && sameStatement(a, b)) groups.join(a.id, b.id)
      }
    }
  }
  const assignments: Array<[number, number]> = []
  for (const [root, ids] of groups.sets()) {
    recount.add(root)
    for (const id of ids) assignments.push([id, root])
  }
  s.join.run(json(assignments))
}

/**
 * A statement holding a fingerprint: its id and its `speakerKey`. Two statements of different named
 * speakers are never one statement, so a candidate of another named speaker is passed over unread.
 */
type Posting = [id: number, speaker: number]

/**
 * The postings of every fingerprint in `fingerprints`, read in one statement (in fingerprint
 * order, so the index is read front to back). No list holds more than `THREADS.postingsKept`.
 */
function readPostings(s: Statements, fingerprints: Set<number>): Map<number, Posting[]> {
  const read = new Map<number, Posting[]>()
  const sorted = [...fingerprints].sort((a, b) => a - b)
  for (const f of sorted) read.set(f, [])
  for (let i = 0; i < sorted.length; i += STEP * 4) {
    const rows = s.postings.all(json(sorted.slice(i, i + STEP * 4))) as Array<
      [number, number, number]
    >
    for (const [f, id, speaker] of rows) read.get(f)!.push([id, speaker])
  }
  return read
}

/**
 * The statements most likely to be one with a statement: of those sharing an uncommon fingerprint
 * with it, the `THREADS.candidates` that share the most.
 */
function candidatesOf(
  fingerprints: number[],
  read: Map<number, Posting[]>,
  own: number,
  speaker: number,
): number[] {
  const shared = new Map<number, number>()
  for (const f of fingerprints) {
    for (const [id, other] of read.get(f)!) {
      if (id === own || (speaker !== 0 && other !== 0 && other !== speaker)) continue
      shared.set(id, (shared.get(id) ?? 0) + 1)
    }
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, THREADS.candidates)
    .map(([id]) => id)
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
  const ids = [...statements.keys()].sort((a, b) => a - b)
  s.join.run(json(ids.map((id) => [id, id])))
  s.singletons.run(json(ids.map((id) => [id, outletCounts.get(id) ?? 1])))

  const own = new Map<number, number[]>()
  const all = new Set<number>()
  for (const id of ids) {
    const fingerprints = fingerprintsOf(statements.get(id)!)
    own.set(id, fingerprints)
    for (const f of fingerprints) all.add(f)
  }
  const read = readPostings(s, all)
  const added: Array<[number, number, number]> = []
  const candidates = new Map<number, number[]>()
  const wanted = new Set<number>()
  for (const id of ids) {
    const fingerprints = own.get(id)!
    const speaker = speakerKey(statements.get(id)!)
    const found = candidatesOf(fingerprints, read, id, speaker)
    candidates.set(id, found)
    for (const c of found) if (!statements.has(c)) wanted.add(c)
    // Its postings, for the statements after it and for the index. A full list takes no more:
    // those it holds are enough to find what they are one with.
    for (const f of fingerprints) {
      const postings = read.get(f)!
      if (postings.length >= THREADS.postingsKept) continue
      postings.push([id, speaker])
      added.push([f, id, speaker])
    }
  }
  // In fingerprint order: each index page is written once, not once per posting.
  s.index.run(json(added.sort((a, b) => a[0] - b[0] || a[1] - b[1])))

  const others = readStatements(s, wanted)
  // Postings of statements since deleted are removed where they were met, by their key.
  const gone = new Set([...wanted].filter((id) => !others.has(id)))
  if (gone.size > 0) {
    const stale: Array<[number, number]> = []
    for (const [f, postings] of read)
      for (const [id] of postings) if (gone.has(id)) stale.push([f, id])
    s.dropPostings.run(json(stale))
  }

  const edges: Array<[number, number]> = []
  for (const id of ids) {
    const statement = statements.get(id)!
    for (const c of candidates.get(id)!) {
      const other = statements.get(c) ?? others.get(c)
      if (other && sameStatement(statement, other)) edges.push([id, c])
    }
  }
  if (edges.length === 0) return
  const endpoints = new Set(edges.flat())
  const threadOf = new Map<number, number>()
  for (const { quoteId, threadId } of s.threadsOf.all(json([...endpoints])) as Array<{
    quoteId: number
    threadId: number
  }>)
    threadOf.set(quoteId, threadId)
  // Threads joined in id order of their statements, each keeping to one named speaker.
  const threadIds = [...new Set(edges.flat().map((id) => threadOf.get(id) ?? id))]
  const groups = new Groups()
  for (const [threadId, speaker] of s.threadSpeakers.all(json(threadIds)) as Array<
    [number, number]
  >)
    groups.add(threadId, speaker)
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  for (const [a, b] of edges) groups.join(threadOf.get(a) ?? a, threadOf.get(b) ?? b)
  for (const [root, threadIds] of groups.sets()) {
    const merged = threadIds.filter((t) => t !== root)
    if (merged.length === 0) continue
    s.retag.run(root, json(merged))
    recount.add(root)
    for (const t of merged) recount.add(t)
  }
}

/**
 * Takes in one step of changes: the statements changed, and those of the articles and speakers
 * changed — an article's date moves the window its paraphrases are compared in, its outlet their
 * source; a speaker may become anonymous, or named.
 */
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
    const quoteIds = new Set<number>()
    const articleIds = new Set<number>()
    const speakerIds = new Set<number>()
    for (const change of changes) {
      if (change.entity === 'quote') quoteIds.add(change.id)
      else if (change.op !== 'update') continue
      else if (change.entity === 'article') articleIds.add(change.id)
      else if (change.entity === 'speaker') speakerIds.add(change.id)
    }
    takeIn(s, quoteIds, articleIds, speakerIds)
    at = changes.at(-1)!.seq
    s.setPosition.run(at)
  }
}
