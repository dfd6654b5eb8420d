/**
 * The one writer: writes never interleave, a refused write changes nothing, and waiting for a
 * lock held by another connection never holds the event loop.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/domain/errors'
import { WriteQueue } from '../../src/db/write-queue'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A database file with one table of numbers, in WAL mode. */
function numbersFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotedb-queue-'))
  dirs.push(dir)
  const path = join(dir, 'numbers.sqlite')
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE numbers (n INTEGER NOT NULL)')
  db.close()
  return path
}

const numbers = (db: Database.Database) =>
  db.prepare('SELECT n FROM numbers ORDER BY rowid').pluck().all() as number[]

describe('WriteQueue.run', () => {
  it('runs writes one at a time in the order queued, even when each waits inside', async () => {
    const db = new Database(numbersFile())
    const queue = new WriteQueue(db)
    const events: string[] = []
    const write = (n: number, pause: number) =>
      queue.run(async () => {
        events.push(`begin ${n}`)
        db.prepare('INSERT INTO numbers VALUES (?)').run(n)
        await sleep(pause)
        // Still inside this write's own transaction: nobody else's rows in between.
        db.prepare('INSERT INTO numbers VALUES (?)').run(n)
        events.push(`end ${n}`)
        return n
      })
    expect(await Promise.all([write(1, 30), write(2, 0), write(3, 10)])).toEqual([1, 2, 3])
    expect(events).toEqual(['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3'])
    expect(numbers(db)).toEqual([1, 1, 2, 2, 3, 3])
  })

  it('rolls back the whole of a write that fails, and goes on with the next', async () => {
    const db = new Database(numbersFile())
    const queue = new WriteQueue(db)
    const failing = queue.run(async () => {
      db.prepare('INSERT INTO numbers VALUES (1)').run()
      await sleep(5)
      throw new AppError('conflict', 'no')
    })
    const next = queue.run(() => db.prepare('INSERT INTO numbers VALUES (2)').run())
    await expect(failing).rejects.toThrow('no')
    await next
    expect(numbers(db)).toEqual([2])
  })

  it('rolls back when told not to commit, and runs afterCommit only after a commit', async () => {
    const db = new Database(numbersFile())
    const queue = new WriteQueue(db)
    const after: number[] = []
    for (const n of [1, 2]) {
      await queue.run(() => (db.prepare('INSERT INTO numbers VALUES (?)').run(n), n), {
        commit: (result) => result === 2,
        afterCommit: async (result) => void after.push(result),
      })
    }
    expect(numbers(db)).toEqual([2])
    expect(after).toEqual([2])
  })

  it('does not begin the next write until afterCommit is done', async () => {
    const db = new Database(numbersFile())
    const queue = new WriteQueue(db)
    const events: string[] = []
    await Promise.all([
      queue.run(() => events.push('write 1'), {
        afterCommit: async () => {
          await sleep(20)
          events.push('after 1')
        },
      }),
      queue.run(() => events.push('write 2')),
    ])
    expect(events).toEqual(['write 1', 'after 1', 'write 2'])
  })

  it('refuses a write that cannot have its turn in time, without breaking the order after it', async () => {
    const db = new Database(numbersFile())
    const queue = new WriteQueue(db, { waitMs: 100 })
    const events: string[] = []
    const long = queue.run(async () => {
      await sleep(250)
      events.push('long')
    })
    const refused = queue.run(() => events.push('refused'))
    // Queued after the refused one has given up, and in time for its own turn.
    const later = sleep(200).then(() => queue.run(() => events.push('later')))
    const error = await refused.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'busy', status: 503, retryAfterSeconds: 2 })
    await Promise.all([long, later])
    expect(events).toEqual(['long', 'later'])
  })

  it('waits for another connection’s lock without holding the event loop, then writes', async () => {
    const path = numbersFile()
    const other = new Database(path)
    const db = new Database(path)
    const told: string[] = []
    const queue = new WriteQueue(db, { waitMs: 5_000, onLockHeld: () => told.push('waiting') })
    other.exec('BEGIN IMMEDIATE')
    other.prepare('INSERT INTO numbers VALUES (1)').run()
    const write = queue.run(() => db.prepare('INSERT INTO numbers VALUES (2)').run())
    // Timers keep firing while the write waits: nothing blocks inside SQLite.
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    await sleep(200)
    clearInterval(ticker)
    expect(ticks).toBeGreaterThan(10)
    expect(told).toEqual(['waiting'])
    other.exec('COMMIT')
    await write
    expect(numbers(db)).toEqual([1, 2])
  })

  it('refuses with busy, changing nothing, when another connection keeps the lock too long', async () => {
    const path = numbersFile()
    const other = new Database(path)
    const db = new Database(path)
    const queue = new WriteQueue(db, { waitMs: 100 })
    other.exec('BEGIN IMMEDIATE')
    const write = queue.run(() => db.prepare('INSERT INTO numbers VALUES (2)').run())
    await expect(write).rejects.toMatchObject({
      code: 'busy',
      message:
        'Another process is writing to the database; nothing was written. Try again shortly.',
    })
    other.exec('ROLLBACK')
    expect(numbers(db)).toEqual([])
    // The queue goes on: the next write has its turn.
    await queue.run(() => db.prepare('INSERT INTO numbers VALUES (3)').run())
    expect(numbers(db)).toEqual([3])
  })
})

describe('WriteQueue.noTransaction', () => {
  it('resolves only once the open write has committed', async () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE numbers (n INTEGER NOT NULL)')
    const queue = new WriteQueue(db)
    const write = queue.run(async () => {
      db.prepare('INSERT INTO numbers VALUES (1)').run()
      await sleep(30)
    })
    await sleep(5)
    expect(queue.transactionOpen).toBe(true)
    await queue.noTransaction()
    expect(queue.transactionOpen).toBe(false)
    expect(numbers(db)).toEqual([1])
    await write
  })
})
