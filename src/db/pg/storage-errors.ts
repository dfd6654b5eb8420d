/**
 * What PostgreSQL's refusals mean to a client, as `../storage-errors.ts` says it for SQLite: a
 * server gone or refusing connections, a full disk, a read-only replica, another server's write
 * holding the lock too long. Each becomes an AppError with a sentence a person can act on.
 */
import { AppError, busy } from '../../domain/errors'
import { RETRY_AFTER_SECONDS } from '../write-queue'

const UNAVAILABLE = 'The database server cannot be reached; the operator has been told.'

/** SQLSTATE classes and codes, and what they mean. */
const MEANINGS: Array<[prefix: string, code: AppError['code'], message: string]> = [
  ['25006', 'read_only', 'The database is read-only: writes are refused; reads go on.'],
  ['53100', 'storage_full', 'The disk is full: the write was refused and nothing of it was kept.'],
  ['08', 'storage_unavailable', UNAVAILABLE],
  ['57P', 'storage_unavailable', UNAVAILABLE],
  ['53', 'storage_unavailable', 'The database server is out of resources; try again shortly.'],
]

/** Node's codes for a server that cannot be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE'])

/**
 * The server's error behind `error`: drizzle wraps it (a DrizzleQueryError with the statement),
 * and the code is on its `cause`.
 */
export function databaseError(error: unknown): {
  code: unknown
  message: string
  constraint: string | undefined
} {
  let at: unknown = error
  while (at instanceof Error && !('code' in at) && at.cause !== undefined) at = at.cause
  const { code, constraint } = (at ?? {}) as { code?: unknown; constraint?: string }
  return { code, constraint, message: at instanceof Error ? at.message : String(at) }
}

/** The AppError a PostgreSQL failure stands for, or the error itself when it is something else. */
export function asPgStorageError(error: unknown): unknown {
  if (error instanceof AppError) return error
  const { code, message } = databaseError(error)
  // A lock not granted in time (another server's long write), or a transaction the server chose
  // to end to break a deadlock: nothing was written, and trying again will do.
  if (code === '55P03' || code === '40P01' || code === '40001') {
    return busy(
      'The database is busy with other writes; nothing was written. Try again shortly.',
      RETRY_AFTER_SECONDS,
    )
  }
  if (
    (typeof code === 'string' && UNREACHABLE.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect/.test(message)
  ) {
    console.error('quotedb: PostgreSQL:', message)
    return new AppError('storage_unavailable', UNAVAILABLE)
  }
  // SQLite stores any string; PostgreSQL's text holds no NUL character.
  if (code === '22021' || code === '22P05') {
    return new AppError(
      'invalid_parameter',
      'The request holds a character that cannot be stored or looked up (a NUL character).',
    )
  }
  // PostgreSQL's ids and offsets are 32-bit; SQLite's are not.
  if (code === '22003') {
    return new AppError(
      'invalid_parameter',
      'A number in the request is too large: ids and offsets are below 2147483648.',
    )
  }
  if (typeof code !== 'string') return error
  const meaning = MEANINGS.find(([prefix]) => code.startsWith(prefix))
  if (!meaning) return error
  if (meaning[1] !== 'read_only') console.error(`quotedb: PostgreSQL ${code}:`, message)
  return new AppError(meaning[1], meaning[2])
}
