/**
 * The change feed as the database keeps it: every change, by whatever statement, is recorded in the
 * same transaction; entries are pruned once every live reader has passed them; a reader behind a
 * pruned entry is told so.
 */
import { describe, expect, it } from 'vitest'
import {
  changesAfter,
  feedHead,
  pruneChanges,
  reportPosition,
  READER_TIMEOUT_MS,
} from '../../src/db/change-feed'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { seedDatabase } from '../../src/import/seed'

async function seeded() {
  const db = openDatabase(':memory:')
  await seedDatabase(createSqliteStore(db))
  return db
}

/** The entries a statement adds, as `entity id op removed`. */
function recorded(db: ReturnType<typeof openDatabase>, statement: string, ...args: unknown[]) {
  const before = feedHead(db)
  db.$client.prepare(statement).run(...args)
  return changesAfter(db, before, 1000).changes.map(
    (c) => `${c.entity} ${c.op}${c.removedWords === null ? '' : ` "${c.removedWords}"`}`,
  )
}

describe('the change feed', () => {
  it('records every change to quotes, articles, speakers and outlets, however it is made', async () => {
    const db = await seeded()
    const q = db.$client.prepare('SELECT id, article_id, speaker_id FROM quotes LIMIT 1').get() as {
      id: number
      article_id: number
      speaker_id: number
    }
    const table: Array<[string, unknown[], string[]]> = [
      ['UPDATE quotes SET kind = ? WHERE id = ?', ['paraphrase', q.id], ['quote update']],
      [
        "UPDATE quotes SET text = 'new words', speaker_title = NULL WHERE id = ?",
        [q.id],
        [expect.stringMatching(/^quote update ".+"$/) as unknown as string],
      ],
      [
        'UPDATE quotes SET speaker_id = NULL WHERE id = ?',
        [q.id],
        ['quote update', 'speaker refs'],
      ],
      [
        "INSERT INTO quotes (article_id, text, kind) VALUES (?, 'hand-run', 'paraphrase')",
        [q.article_id],
        ['quote insert'],
      ],
      [
        "UPDATE speakers SET name = 'Renamed' WHERE id = ?",
        [q.speaker_id],
        [expect.stringMatching(/^speaker update ".+"$/) as unknown as string],
      ],
      ['UPDATE speakers SET wikidata_id = NULL WHERE id = ?', [q.speaker_id], ['speaker update']],
      [
        "INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, 'Nick')",
        [q.speaker_id],
        ['speaker names'],
      ],
      ["DELETE FROM speaker_aliases WHERE alias = 'Nick'", [], ['speaker names "Nick"']],
      [
        "UPDATE outlets SET name = 'Renamed Outlet' WHERE id = 1",
        [],
        [expect.stringMatching(/^outlet update ".+"$/) as unknown as string],
      ],
    ]
    for (const [statement, args, entries] of table) {
      expect(recorded(db, statement, ...args), statement).toEqual(entries)
    }
    // A deleted quote leaves its words and the records its search document named.
    const deleted = recorded(db, "DELETE FROM quotes WHERE text = 'hand-run'")
    expect(deleted).toEqual(['quote delete "hand-run "', 'outlet refs'])
  })

  it('indexes a quote inserted by hand, as the writer would', async () => {
    const db = await seeded()
    const articleId = db.$client.prepare('SELECT id FROM articles LIMIT 1').pluck().get()
    db.$client
      .prepare(
        "INSERT INTO quotes (article_id, text, kind) VALUES (?, 'zyzzyva larvae', 'paraphrase')",
      )
      .run(articleId)
    const found = db.$client
      .prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'zyzzyva'")
      .pluck()
      .get()
    expect(found).toBe(1)
  })

  it('records nothing of a write that was rolled back', async () => {
    const db = await seeded()
    const head = feedHead(db)
    expect(() =>
      db.$client.transaction(() => {
        db.$client.prepare("UPDATE speakers SET name = 'Gone' WHERE id = 1").run()
        throw new Error('rolled back')
      })(),
    ).toThrow('rolled back')
    expect(feedHead(db)).toBe(head)
    expect(changesAfter(db, head, 10)).toEqual({ changes: [], gap: false })
  })

  it('prunes what every live reader has passed, and tells a reader behind a pruned entry', async () => {
    const db = await seeded()
    const head = feedHead(db)
    const now = Date.now()
    // Nothing kept beyond what the readers need, to see the pruning at this size.
    reportPosition(db, 'slow', 10, { now, retained: 0 })
    reportPosition(db, 'fast', head, { now, retained: 0 })
    expect(changesAfter(db, 10, 1).changes[0]?.seq).toBe(11)
    expect(changesAfter(db, 9, 1).gap).toBe(true)
    // A reader not heard from for longer than the timeout no longer holds entries back.
    reportPosition(db, 'fast', head, { now: now + READER_TIMEOUT_MS + 1, retained: 0 })
    expect(changesAfter(db, 10, 1)).toEqual({ changes: [], gap: true })
    expect(changesAfter(db, head, 1)).toEqual({ changes: [], gap: false })
  })

  it('keeps the latest entries for readers that never report', async () => {
    const db = await seeded()
    const head = feedHead(db)
    pruneChanges(db, { now: Date.now(), retained: 5 })
    expect(changesAfter(db, head - 5, 10).changes.map((c) => c.seq)).toEqual(
      [1, 2, 3, 4, 5].map((n) => head - 5 + n),
    )
    expect(changesAfter(db, head - 6, 1).gap).toBe(true)
  })
})
