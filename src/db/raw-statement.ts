/**
 * A drizzle query compiled once to a bare better-sqlite3 statement, for the import's hot path:
 * the SQL still comes from the drizzle schema, but each execution skips drizzle's per-call work
 * (which costs as much as the insert itself at tens of thousands of rows per second). Values are
 * bound by placeholder name and must already be what SQLite stores (1 and 0 for booleans); rows
 * come back with their SQL column names.
 */
import type { Db } from './client'

interface Compilable {
  toSQL(): { sql: string; params: unknown[] }
}

function placeholderName(param: unknown): string {
  const holder = (param as { value?: unknown }).value ?? param
  const name = (holder as { name?: unknown }).name
  if (typeof name !== 'string') throw new Error('A raw statement takes placeholders only.')
  return name
}

export interface RawStatement {
  run(values: Record<string, unknown>): { lastInsertRowid: number | bigint; changes: number }
  /** The first row, or undefined. */
  row<T>(values: Record<string, unknown>): T | undefined
  /** The first column of the first row, or undefined. */
  value<T>(values: Record<string, unknown>): T | undefined
}

export function rawStatement(db: Db, query: Compilable): RawStatement {
  const { sql, params } = query.toSQL()
  const names = params.map(placeholderName)
  const statement = db.$client.prepare(sql)
  const plucked = statement.reader ? db.$client.prepare(sql).pluck() : null
  const args = (values: Record<string, unknown>) => names.map((name) => values[name] ?? null)
  return {
    run: (values) => statement.run(args(values)),
    row: <T>(values: Record<string, unknown>) => statement.get(args(values)) as T | undefined,
    value: <T>(values: Record<string, unknown>) => plucked?.get(args(values)) as T | undefined,
  }
}
