/**
 * Request bodies are received whole before a handler runs, within bounds of size, time and the
 * memory all bodies hold at once — and small writes always find room beside large uploads.
 */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { seededQuotedb, TOKEN } from '../helpers'

const MiB = 1024 * 1024

/** A body that sends `bytes` bytes and then waits, until `fail` ends it. */
function heldOpen(bytes: number) {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
      c.enqueue(new Uint8Array(bytes).fill(120))
    },
  })
  return { body, fail: () => controller.error(new Error('the client went away')) }
}

describe('receiveBodies', () => {
  it('refuses a large upload while others fill the budget, and keeps room for small writes', async () => {
    const { services } = await seededQuotedb()
    const app = createApp(services, {
      writeToken: TOKEN,
      maxBodyBytes: 4 * MiB,
      uploadTimeoutMs: 60_000,
      uploadStallMs: 60_000,
    })
    const post = (path: string, body: string | ReadableStream<Uint8Array>) =>
      app.request(path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit)
    // Five uploads of 4 MiB hold 15 MiB beyond their first MiB each: the budget is 16 MiB.
    const held = Array.from({ length: 5 }, () => heldOpen(4 * MiB))
    const pending = held.map(({ body }) => post('/api/import?format=ndjson', body))
    await new Promise((r) => setTimeout(r, 100))
    const sixth = heldOpen(4 * MiB)
    const refused = await post('/api/import?format=ndjson', sixth.body)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('2')
    expect(((await refused.json()) as any).error.code).toBe('busy')
    const small = await post('/api/speakers', JSON.stringify({ name: 'Room For Me' }))
    expect(small.status).toBe(201)

    // Clients that go away are let go: their memory is given back, and nothing is logged as a fault.
    for (const { fail } of held) fail()
    const gone = await Promise.all(pending)
    expect(gone.map((r) => r.status)).toEqual(Array(5).fill(400))
    expect(((await gone[0]!.json()) as any).error.message).toBe(
      'The request body was not received in full.',
    )
    const again = heldOpen(4 * MiB)
    const accepted = post('/api/import?format=ndjson', again.body)
    await new Promise((r) => setTimeout(r, 100))
    again.fail()
    expect((await accepted).status).toBe(400)
  })
})
