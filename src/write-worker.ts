/**
 * The write thread's entry (see `services/write-thread.ts`): a writing connection of its own to
 * the database file, and the write operations run on it one call at a time.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from './db/client'
import { createSqliteStore } from './db/sqlite-store'
import { resolverFor } from './import/importer'
import { describeError, type CallMessage, type ThreadMessage } from './services/write-thread'
import { operate } from './services/writer'

/** The thread's page cache: an upload of 50,000 quotes imports within a few percent of 64 MiB's time. */
const CACHE_MIB = 16
/** How often the thread checkpoints the WAL itself, to hear of a failure. */
const CHECKPOINT_MS = 30_000

const { path, waitMs } = workerData as { path: string; waitMs: number }
const db = openDatabase(path)
db.$client.pragma(`cache_size = ${-1024 * CACHE_MIB}`)
const store = createSqliteStore(db, { waitMs })
const port = parentPort!
const send = (message: ThreadMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer)

send({ type: 'ready' })
// Every name, keyed for resolution, before the first write asks: it is then as quick as the rest.
// (With another process writing at start, the first write does it instead.)
void store.write(async (session) => void (await resolverFor(session))).catch(() => undefined)
// SQLite checkpoints the WAL after commits on its own, and says nothing when that fails (the file
// made read-only or immutable under it): a checkpoint asked for here now and then says it aloud.
let lastCheckpointFailure = ''
setInterval(() => {
  if (db.$client.inTransaction) return
  try {
    db.$client.pragma('wal_checkpoint(PASSIVE)')
    lastCheckpointFailure = ''
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (message !== lastCheckpointFailure)
      console.error(`quotedb: the WAL of ${path} could not be written back to it: ${message}`)
    lastCheckpointFailure = message
  }
}, CHECKPOINT_MS).unref()

port.on('message', async ({ id, name, args }: CallMessage) => {
  try {
    const written = await store.write((session) => operate(name, session, args), {
      commit: (w) => w.commit !== false,
    })
    send({ type: 'reply', id, ok: true, value: written.value, committed: written.commit !== false })
  } catch (error) {
    const described = describeError(error)
    if (described.kind === 'other') console.error(`quotedb: the write ${name} failed:`, error)
    send({ type: 'reply', id, ok: false, error: described })
  }
})
