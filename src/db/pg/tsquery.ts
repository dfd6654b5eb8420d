/**
 * Parsed search clauses as PostgreSQL `tsquery` text, for `to_tsquery('quotedb_simple', …)` over
 * the words as written (`search_words`): the only place that writes tsquery syntax. The same
 * clauses and the same alternatives as SQLite's FTS5 expressions (`../fts-expression.ts`, both
 * from `clauseAlternatives`): every wanted clause must match (or any one), none of the excluded
 * ones may, a phrase is its words one after the other (`<->`), a prefix ends in `:*`.
 */
import type { ExpressionOptions } from '../fts-expression'
import { clauseAlternatives, type SearchClause, type WordSequence } from '../../search/query'

/** A word as a tsquery lexeme: quoted, its quotes and backslashes escaped. */
const lexeme = (word: string) => `'${word.replace(/['\\]/g, (c) => `\\${c}`)}'`

function sequenceQuery({ words, prefix }: WordSequence): string {
  const last = words.length - 1
  const parts = words.map((word, i) => lexeme(word) + (prefix && i === last ? ':*' : ''))
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`
}

function clauseQuery(clause: SearchClause, options: ExpressionOptions): string {
  const parts = [...new Set(clauseAlternatives(clause, options).map(sequenceQuery))]
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`
}

/**
 * The tsquery for the clauses: every wanted clause (`&`; or any one, `|`), and none of the
 * excluded ones in any of their forms (`& !`). Null when nothing is wanted.
 */
export function toTsQuery(
  clauses: SearchClause[],
  options: ExpressionOptions = { otherForms: true, combine: 'all' },
): string | null {
  const wanted = clauses.filter((c) => !c.negated).map((c) => clauseQuery(c, options))
  if (wanted.length === 0) return null
  let query =
    wanted.length === 1 ? wanted[0]! : `(${wanted.join(options.combine === 'all' ? ' & ' : ' | ')})`
  for (const excluded of clauses.filter((c) => c.negated)) {
    query = `(${query} & !${clauseQuery(excluded, { ...options, otherForms: true })})`
  }
  return query
}
