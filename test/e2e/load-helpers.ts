/**
 * What the tests against the real server under load share: readers that time every answer while
 * something else goes on, and request bodies that arrive slowly.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'

/**
 * Asks for `paths` in turn, one request at a time, until `until` settles; the slowest answer's
 * time in ms, and how many were answered (each must be a 200).
 */
export async function readWhile(
  base: string,
  paths: string[],
  until: Promise<unknown>,
): Promise<{ slowestMs: number; answered: number; failed: string[] }> {
  let done = false
  void until.finally(() => (done = true)).catch(() => undefined)
  let slowestMs = 0
  let answered = 0
  const failed: string[] = []
  for (let i = 0; !done; i++) {
    const path = paths[i % paths.length]!
    const started = performance.now()
    const response = await fetch(base + path)
    await response.arrayBuffer()
    slowestMs = Math.max(slowestMs, performance.now() - started)
    answered++
    if (response.status !== 200) failed.push(`${path}: ${response.status}`)
    await sleep(20)
  }
  return { slowestMs, answered, failed }
}

/** A request body that sends `parts` with a pause before each but the first. */
export function trickle(parts: Array<string | Uint8Array>, pauseMs: number): ReadableStream {
  const encoder = new TextEncoder()
  return new ReadableStream({
    async start(controller) {
      for (const [i, part] of parts.entries()) {
        if (i > 0) await sleep(pauseMs)
        controller.enqueue(typeof part === 'string' ? encoder.encode(part) : part)
      }
      controller.close()
    },
  })
}

/** A request body that sends `first` and then nothing, never ending. */
export function stall(first: string): ReadableStream {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first))
    },
  })
}

/** The rows of one query on the database file, read in a connection of its own. */
export function sql<T = unknown>(database: string, query: string, ...params: unknown[]): T[] {
  const db = new Database(database, { readonly: true })
  try {
    return db.prepare(query).all(...params) as T[]
  } finally {
    db.close()
  }
}
