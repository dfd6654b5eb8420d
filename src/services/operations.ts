/**
 * Every named write operation, as the writers run them (on this thread or the write thread): the
 * changes to records and imports (`write-operations.ts`) and the review of extracted statements
 * (`review-operations.ts`).
 */
import type { WriteSession } from '../domain/store'
import { reviewOperations } from './review-operations'
import { writeOperations, type Written } from './write-operations'

export const operations = { ...writeOperations, ...reviewOperations }

export type Operations = typeof operations
export type OperationName = keyof Operations
/** What an operation takes besides the session. */
export type OperationArgs<K extends OperationName> =
  Parameters<Operations[K]> extends [WriteSession, ...infer A] ? A : never
/** What an operation answers. */
export type OperationValue<K extends OperationName> =
  Awaited<ReturnType<Operations[K]>> extends Written<infer V> ? V : never
