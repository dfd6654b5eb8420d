/**
 * Parsed search clauses as PostgreSQL `tsquery` text, for `to_tsquery('quotedb_simple', …)` over
 * the words as written (`search_words`): the only place that writes tsquery syntax. The same
 * clauses and the same alternatives as SQLite's FTS5 expressions (`../fts-expression.ts`, both
 * from `clauseAlternatives`): every wanted clause must match (or any one), none of the excluded
 * ones may, a phrase is its words one after the other (`<->`), a prefix ends in `:*`.
 */
import type { AnyWordMatch, WordTerm } from '../../domain/store'
import type { ExpressionOptions } from '../fts-expression'
import { clauseAlternatives, type SearchClause, type WordSequence } from '../../search/query'

/** A word as a tsquery lexeme: quoted, its quotes and backslashes escaped. */
export const lexeme = (word: string) => `'${word.replace(/['\\]/g, (c) => `\\${c}`)}'`

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

/** A word of a loose match as a tsquery: the lexeme, or every word beginning with it. */
export const termQuery = ({ word, prefix }: WordTerm) => lexeme(word) + (prefix ? ':*' : '')

const anyWordQuery = (terms: WordTerm[]) => [...new Set(terms.map(termQuery))].join(' | ')

/**
 * The tsquery of a loose match (a claim in the user's words): any of its words, and one of the
 * required ones when there are some; as SQLite's `toAnyWordExpression`. Null when it has no words.
 */
export function toAnyWordTsQuery({ terms, required }: AnyWordMatch): string | null {
  if (terms.length === 0) return null
  const all = anyWordQuery(terms)
  return required === null || required.length === 0 ? all : `(${anyWordQuery(required)}) & (${all})`
}
