/**
 * How threads are formed, whatever database keeps them: statements read from rows, the candidates
 * found for each from the fingerprint index, the pairs the rule joins, and the threads those pairs
 * merge. The upkeep of each engine (`db/thread-upkeep.ts`, `db/pg/thread-upkeep.ts`) reads and
 * writes the tables around these steps.
 */
import { dayNumber, lastDayOf } from '../domain/partial-dates'
import type { Change } from '../domain/store'
import type { DatePrecision, QuoteKind } from '../domain/vocabulary'
import { fingerprintsOf } from './fingerprints'
import { THREADS } from './options'
import { sameStatement, speakerKey, threadStatement, type ThreadStatement } from './same-statement'

/** Changes taken in per step; a larger backlog is taken in step by step, in the same transaction. */
export const STEP = 5000

/** A statement as read from the database, with what the rule needs of its article and speaker. */
export interface StatementRow {
  id: number
  text: string
  kind: QuoteKind
  speakerId: number | null
  /** The speaker's flag: 0 or 1 in SQLite, a boolean in PostgreSQL; false with no speaker. */
  anonymous: number | boolean
  citedOutletId: number | null
  saidLatest: string | null
  publishedOn: string
  datePrecision: DatePrecision
  outletId: number
}

/** The day by which a statement was surely said: its said date, else its article's last day. */
function saidBy(row: StatementRow): number {
  const day =
    row.saidLatest ?? lastDayOf({ firstDay: row.publishedOn, precision: row.datePrecision })
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return dayNumber(year, month, date)
}

/** The comparable form of a statement row. */
export const toStatement = (row: StatementRow): ThreadStatement =>
  threadStatement({
    id: row.id,
    kind: row.kind,
    text: row.text,
    speakerId: row.speakerId,
    anonymous: row.anonymous === true || row.anonymous === 1,
    citedOutletId: row.citedOutletId,
    sourceOutletId: row.citedOutletId ?? (row.speakerId === null ? row.outletId : null),
    saidBy: saidBy(row),
  })

/**
 * Sets of ids joined one by one, each set named by its smallest id, and holding at most one named
 * speaker: a join that would put two named people's words in one set is refused. (An unnamed
 * source's words can match two people's; the thread stays with the first it joined.)
 */
export class Groups {
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

/**
 * A thread formed again from the statements left in it (after one was edited or removed): those
 * the rule still joins stay together, each part under its smallest id. Two are compared only when
 * they share a fingerprint, as when they were joined, and only while they are apart: a thread of
 * copies of one quotation is formed again in one pass. Each statement's id, with its part's.
 */
export function formAgain(
  statements: Iterable<ThreadStatement>,
): Array<[id: number, root: number]> {
  const groups = new Groups()
  const holders = new Map<number, ThreadStatement[]>()
  for (const st of [...statements].sort((a, b) => a.id - b.id)) {
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
  for (const [root, ids] of groups.sets()) for (const id of ids) assignments.push([id, root])
  return assignments
}

/**
 * A statement holding a fingerprint: its id and its `speakerKey`. Two statements of different named
 * speakers are never one statement, so a candidate of another named speaker is passed over unread.
 */
export type Posting = [id: number, speaker: number]

/** A row of the fingerprint index. */
export type PostingRow = [fingerprint: number, id: number, speaker: number]

/**
 * The fingerprints of statements taken in, in id order: each one's own, and all of them in
 * fingerprint order (so the index is read front to back).
 */
export function fingerprintsOfEach(statements: Map<number, ThreadStatement>): {
  ids: number[]
  own: Map<number, number[]>
  all: number[]
} {
  const ids = [...statements.keys()].sort((a, b) => a - b)
  const own = new Map<number, number[]>()
  const all = new Set<number>()
  for (const id of ids) {
    const fingerprints = fingerprintsOf(statements.get(id)!)
    own.set(id, fingerprints)
    for (const f of fingerprints) all.add(f)
  }
  return { ids, own, all: [...all].sort((a, b) => a - b) }
}

/** The postings read of every fingerprint in `fingerprints` (an empty list for those with none). */
export function postingsOf(
  fingerprints: number[],
  rows: Iterable<PostingRow>,
): Map<number, Posting[]> {
  const read = new Map<number, Posting[]>()
  for (const f of fingerprints) read.set(f, [])
  for (const [f, id, speaker] of rows) read.get(f)!.push([id, speaker])
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
 * Each statement's candidates, taken in id order, each seeing those before it (its postings are
 * added to `read`); the candidates not among `statements`, to be read; and the postings to add to
 * the index, in fingerprint order (each index page is written once, not once per posting).
 */
export function findCandidates(
  statements: Map<number, ThreadStatement>,
  { ids, own }: { ids: number[]; own: Map<number, number[]> },
  read: Map<number, Posting[]>,
): { candidates: Map<number, number[]>; wanted: Set<number>; added: PostingRow[] } {
  const added: PostingRow[] = []
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
  added.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  return { candidates, wanted, added }
}

/** The postings met (in `read`) of statements since deleted (`gone`), by their key. */
export function stalePostings(
  read: Map<number, Posting[]>,
  gone: Set<number>,
): Array<[fingerprint: number, id: number]> {
  const stale: Array<[number, number]> = []
  if (gone.size === 0) return stale
  for (const [f, postings] of read)
    for (const [id] of postings) if (gone.has(id)) stale.push([f, id])
  return stale
}

/**
 * The pairs of a statement taken in and a candidate of it that the rule says are one statement,
 * in id order; `others` holds the candidates not taken in that still exist.
 */
export function sameStatementPairs(
  statements: Map<number, ThreadStatement>,
  ids: number[],
  candidates: Map<number, number[]>,
  others: Map<number, ThreadStatement>,
): Array<[number, number]> {
  const edges: Array<[number, number]> = []
  for (const id of ids) {
    const statement = statements.get(id)!
    for (const c of candidates.get(id)!) {
      const other = statements.get(c) ?? others.get(c)
      if (other && sameStatement(statement, other)) edges.push([id, c])
    }
  }
  return edges.sort((x, y) => x[0] - y[0] || x[1] - y[1])
}

/**
 * The threads the pairs merge: each merged thread, under the smallest id among them. Threads are
 * joined in id order of their statements, each keeping to one named speaker (`speakers`: each
 * thread's `speakerKey`, of the threads of the pairs' statements, by `threadOf`).
 */
export function mergedThreads(
  edges: Array<[number, number]>,
  threadOf: Map<number, number>,
  speakers: Iterable<[thread: number, speaker: number]>,
): Array<[root: number, merged: number[]]> {
  const groups = new Groups()
  for (const [threadId, speaker] of speakers) groups.add(threadId, speaker)
  for (const [a, b] of edges) groups.join(threadOf.get(a) ?? a, threadOf.get(b) ?? b)
  const merges: Array<[number, number[]]> = []
  for (const [root, threadIds] of groups.sets()) {
    const merged = threadIds.filter((t) => t !== root)
    if (merged.length > 0) merges.push([root, merged])
  }
  return merges
}

/** The threads of the pairs' statements (a statement with none is a thread of its own). */
export const threadsOfPairs = (edges: Array<[number, number]>, threadOf: Map<number, number>) => [
  ...new Set(edges.flat().map((id) => threadOf.get(id) ?? id)),
]

/**
 * What one step of changes asks to take in again: the statements changed, and those of the
 * articles and speakers changed — an article's date moves the window its paraphrases are compared
 * in, its outlet their source; a speaker may become anonymous, or named.
 */
export function changedEntities(changes: Change[]): {
  quoteIds: Set<number>
  articleIds: Set<number>
  speakerIds: Set<number>
} {
  const quoteIds = new Set<number>()
  const articleIds = new Set<number>()
  const speakerIds = new Set<number>()
  for (const change of changes) {
    if (change.entity === 'quote') quoteIds.add(change.id)
    else if (change.op !== 'update') continue
    else if (change.entity === 'article') articleIds.add(change.id)
    else if (change.entity === 'speaker') speakerIds.add(change.id)
  }
  return { quoteIds, articleIds, speakerIds }
}
