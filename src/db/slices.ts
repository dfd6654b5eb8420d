/**
 * A list of keys read in slices: SQLite limits how many values one statement may bind (32,766),
 * and a write may touch more quotes than that (an article's, an import's).
 */

/** Keys bound per statement. */
const SLICE = 500

/** The rows `read` gives for each slice of `keys`, in order, as one list. */
export function inSlices<K, R>(keys: readonly K[], read: (slice: K[]) => R[]): R[] {
  const rows: R[] = []
  for (let i = 0; i < keys.length; i += SLICE) rows.push(...read(keys.slice(i, i + SLICE)))
  return rows
}
