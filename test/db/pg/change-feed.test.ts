/**
 * The change feed on PostgreSQL, as two servers over one database read it: what one writes, the
 * other is woken for and reads in order; entries every reader has passed are pruned, and a reader
 * behind a prune is told to rebuild — while a rolled-back write's unused positions are no gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  changesAfter,
  feedHead,
  pruneChanges,
  reportPosition,
} from '../../../src/db/pg/change-feed'
import { listenForChanges, openPostgres, type PgConnections } from '../../../src/db/pg/client'
import { ADMIN_URL, freshDatabase } from './database'

let url: string
let drop: (() => Promise<void>) | undefined
let one: PgConnections
let other: PgConnections

describe.runIf(ADMIN_URL)('the PostgreSQL change feed', () => {
  beforeAll(async () => {
    const database = await freshDatabase()
    ;({ url, drop } = database)
    one = await openPostgres(url)
    other = await openPostgres(url)
  }, 60_000)

  afterAll(async () => {
    await one?.close()
    await other?.close()
    await drop?.()
  })

  const addOutlet = (db: PgConnections, slug: string) =>
    db.pool.query('INSERT INTO outlets (slug, name) VALUES ($1, $1)', [slug])

  it('wakes the other server for a write, which then reads it after its position', async () => {
    const position = await feedHead(other.pool)
    let wake = () => {}
    const woken = new Promise<void>((resolve) => (wake = resolve))
    // Listening before the write: the wake-up is for commits after LISTEN.
    const stop = await listenForChanges(url, () => wake())
    await addOutlet(one, 'first-outlet')
    await woken
    await stop()
    const { changes, gap } = await changesAfter(other.pool, position, 100)
    expect(gap).toBe(false)
    expect(changes.map((c) => [c.entity, c.op])).toEqual([['outlet', 'insert']])
    expect(changes[0]!.seq).toBe(await feedHead(one.pool))
  })

  it('takes the unused positions of a rolled-back write for no gap', async () => {
    const position = await feedHead(other.pool)
    const client = await one.pool.connect()
    await client.query('BEGIN')
    await client.query("INSERT INTO outlets (slug, name) VALUES ('never-kept', 'x')")
    await client.query('ROLLBACK')
    client.release()
    await addOutlet(one, 'kept-outlet')
    const { changes, gap } = await changesAfter(other.pool, position, 100)
    expect(gap).toBe(false)
    expect(changes).toHaveLength(1)
    expect(changes[0]!.seq).toBeGreaterThan(position + 1)
  })

  it('prunes what every reader has passed, and tells a reader behind it to rebuild', async () => {
    const start = await feedHead(one.pool)
    for (const slug of ['a-outlet', 'b-outlet', 'c-outlet']) await addOutlet(one, slug)
    const head = await feedHead(one.pool)
    const now = Date.now()
    await reportPosition(other.pool, 'server-two', start, { now, retained: 0 })
    await reportPosition(one.pool, 'server-one', head, { now, retained: 0 })
    // The slower reader still needs everything after its position.
    expect((await changesAfter(other.pool, start, 100)).changes).toHaveLength(3)
    await reportPosition(other.pool, 'server-two', head, { now, retained: 0 })
    const behind = await changesAfter(other.pool, start, 100)
    expect(behind).toEqual({ changes: [], gap: true })
    expect(await changesAfter(other.pool, head, 100)).toEqual({ changes: [], gap: false })
    // The head stays where it was with nothing left in the feed.
    await pruneChanges(one.pool, { now, retained: 0 })
    expect(await feedHead(one.pool)).toBe(head)
  })
})
