/**
 * The writer: how the services' writes reach the database. Every write is a named operation (see
 * `write-operations.ts`) run as one transaction in its turn; once it commits, and before the next
 * write begins, `afterCommit` runs — the in-memory indexes catch up with the change feed — so a
 * write is searchable by the time its caller hears it is done.
 *
 * Two writers, one behaviour: `localWriter` runs the operations on this thread, through the
 * store's own writing connection (an in-memory database, the tests, the command line);
 * `startWriteThread` (see `write-thread.ts`) runs them on a thread of their own, so that a long
 * write — a merge that re-indexes a hundred thousand quotes, an import of 16 MB — never holds the
 * event loop that answers reads.
 */
import type { Store, WriteSession } from '../domain/store'
import {
  operations,
  type OperationArgs,
  type OperationName,
  type OperationValue,
} from './operations'
import type { Written } from './write-operations'

export interface Writer {
  /** Runs the operation `name` as one write; see the module comment. */
  run<K extends OperationName>(name: K, ...args: OperationArgs<K>): Promise<OperationValue<K>>
  /** Ends the writer once the writes under way are done. */
  close(): Promise<void>
}

/** Runs the operation `name` over a session with arguments that `run` has checked by type. */
export const operate = (
  name: OperationName,
  session: WriteSession,
  args: unknown[],
): Promise<Written<unknown>> =>
  (operations[name] as (session: WriteSession, ...args: unknown[]) => Promise<Written<unknown>>)(
    session,
    ...args,
  )

/** The writer that runs every operation on this thread, through the store's writing connection. */
export function localWriter(store: Store, afterCommit: () => Promise<void>): Writer {
  return {
    async run(name, ...args) {
      const written = await store.write((session) => operate(name, session, args), {
        commit: (w) => w.commit !== false,
        afterCommit,
      })
      return written.value as never
    },
    close: async () => undefined,
  }
}
