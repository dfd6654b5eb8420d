/**
 * What SQLite's refusals mean to a client: a read-only file, a full disk, a database busy with
 * another writer, or one that cannot be read. Each becomes an AppError with a sentence a person can
 * act on; the write that failed was rolled back whole, and reads go on where they can.
 */
import { AppError } from '../domain/errors'

const MEANINGS: Array<[prefix: string, code: AppError['code'], message: string]> = [
  ['SQLITE_READONLY', 'read_only', 'The database is read-only: writes are refused; reads go on.'],
  ['SQLITE_PERM', 'read_only', 'The database is read-only: writes are refused; reads go on.'],
  [
    'SQLITE_NOTADB',
    'storage_unavailable',
    'The database file is not a database; the operator has been told.',
  ],
  [
    'SQLITE_FULL',
    'storage_full',
    'The disk is full: the write was refused and nothing of it was kept.',
  ],
  [
    'SQLITE_BUSY',
    'storage_unavailable',
    'The database is busy with another write; try again shortly.',
  ],
  [
    'SQLITE_LOCKED',
    'storage_unavailable',
    'The database is busy with another write; try again shortly.',
  ],
  [
    'SQLITE_IOERR',
    'storage_unavailable',
    'The database file could not be read or written; the operator has been told.',
  ],
  [
    'SQLITE_CORRUPT',
    'storage_unavailable',
    'The database file is damaged; the operator has been told.',
  ],
  [
    'SQLITE_CANTOPEN',
    'storage_unavailable',
    'The database file could not be opened; the operator has been told.',
  ],
]

/** The AppError an SQLite failure stands for, or the error itself when it is something else. */
export function asStorageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return error
  const meaning = MEANINGS.find(([prefix]) => code.startsWith(prefix))
  if (!meaning) return error
  // The operator needs the cause (a full disk above all); the client gets the sentence. A busy
  // database is no fault.
  const expected = meaning[1] === 'read_only' || code.startsWith('SQLITE_BUSY')
  if (!expected) console.error(`quotedb: SQLite ${code}:`, error)
  return new AppError(meaning[1], meaning[2])
}
