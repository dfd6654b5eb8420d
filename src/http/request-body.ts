/**
 * Request bodies are received in full, within bounds, before any handler runs. So no write ever
 * waits on the network once it has its turn (an upload that trickles in holds nothing but its own
 * request), and what the server holds in memory for bodies is bounded:
 *
 * - a body over `maxBytes` is refused with 413 (at once, when its Content-Length says so);
 * - a body that takes longer than `timeoutMs` in all, or sends nothing for `stallMs`, with 408;
 * - while the bodies being held add up to `budgetBytes` (their first MiB each aside, which
 *   comes from a pool of its own for small writes), another is refused with 503 and
 *   Retry-After, rather than queued in memory;
 * - a body the client stops sending (the connection closed) is given up without a fuss.
 *
 * The body is handed on as Hono's cached body: `c.req.json()` and `c.req.arrayBuffer()` read it
 * from memory.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { errorBody } from './errors'

export interface BodyLimits {
  /** The largest body accepted, in bytes. */
  maxBytes: number
  /** How long a whole body may take to arrive, in ms. */
  timeoutMs: number
  /** How long a body may send nothing, in ms. */
  stallMs: number
  /** How many bytes of bodies may be held at once, across requests. */
  budgetBytes: number
}

/** Seconds a client refused for the budget is told to wait. */
const RETRY_AFTER_SECONDS = 2

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS'])

class Timeout extends Error {}

type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>

/** The next chunk, or a Timeout after `ms`. */
async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadResult> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Timeout()), Math.max(0, ms))
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Bytes a body counts against the pool of small bodies before it counts against `budgetBytes`: a
 * few large uploads, however slow, never keep out the small writes (a new speaker, a change).
 */
const SMALL_BODY_BYTES = 1024 * 1024
/** How many bytes of small bodies may be held at once. */
const SMALL_POOL_BYTES = 64 * SMALL_BODY_BYTES

/** Memory held for bodies, in two pools: the first MiB of each body, and the rest. */
class BodyPools {
  small = 0
  large = 0

  constructor(readonly budgetBytes: number) {}

  /** Takes `bytes` more for a body that holds `size` already; false when there is no room. */
  take(size: number, bytes: number): boolean {
    const small = Math.max(0, Math.min(bytes, SMALL_BODY_BYTES - size))
    const large = bytes - small
    if (this.small + small > SMALL_POOL_BYTES || this.large + large > this.budgetBytes) return false
    this.small += small
    this.large += large
    return true
  }

  /** Gives back all a body of `size` bytes took. */
  release(size: number): void {
    const small = Math.min(size, SMALL_BODY_BYTES)
    this.small -= small
    this.large -= size - small
  }
}

/** The middleware; see the module comment. */
export function receiveBodies(limits: BodyLimits): MiddlewareHandler {
  const pools = new BodyPools(limits.budgetBytes)
  const tooLarge = (c: Context) =>
    c.json(
      errorBody(
        'payload_too_large',
        `The request body is larger than ${limits.maxBytes} bytes; import larger files with "npm run import".`,
      ),
      413,
    )
  return async (c, next) => {
    const stream = c.req.raw.body
    if (WITHOUT_BODY.has(c.req.method) || !stream) return next()
    const declared = Number(c.req.header('content-length') ?? NaN)
    if (declared > limits.maxBytes) return tooLarge(c)

    const reader = stream.getReader()
    const chunks: Uint8Array[] = []
    /** Bytes of this body taken from the pools. */
    let size = 0
    const refuse = (response: Response) => {
      void reader.cancel().catch(() => undefined)
      pools.release(size)
      return response
    }
    const started = Date.now()
    for (;;) {
      const left = limits.timeoutMs - (Date.now() - started)
      let next: ReadResult
      try {
        next = await readWithin(reader, Math.min(limits.stallMs, left))
      } catch (error) {
        if (!(error instanceof Timeout)) {
          // The client went away mid-body: nobody is left to answer, and nothing is wrong here.
          return refuse(
            c.json(
              errorBody('invalid_parameter', 'The request body was not received in full.'),
              400,
            ),
          )
        }
        return refuse(
          c.json(
            errorBody(
              'request_timeout',
              `The request body did not arrive in time: it must arrive within ${limits.timeoutMs / 1000} s, with no pause over ${limits.stallMs / 1000} s.`,
            ),
            408,
          ),
        )
      }
      if (next.done) break
      const bytes = next.value.byteLength
      if (size + bytes > limits.maxBytes) return refuse(tooLarge(c))
      if (!pools.take(size, bytes)) {
        c.header('Retry-After', String(RETRY_AFTER_SECONDS))
        return refuse(
          c.json(
            errorBody(
              'busy',
              'The server is receiving as many uploads as it holds at once; try again shortly.',
            ),
            503,
          ),
        )
      }
      size += bytes
      chunks.push(next.value)
    }
    const body = Buffer.concat(chunks, size)
    chunks.length = 0
    // A large body has an ArrayBuffer of its own; a small one may share Node's pool.
    const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength
    // Hono keeps the promise of each body it has read under the method's name.
    ;(c.req.bodyCache as Record<string, Promise<unknown>>).arrayBuffer = Promise.resolve(
      (whole
        ? body.buffer
        : body.buffer.slice(body.byteOffset, body.byteOffset + size)) as ArrayBuffer,
    )
    try {
      await next()
    } finally {
      pools.release(size)
    }
  }
}
