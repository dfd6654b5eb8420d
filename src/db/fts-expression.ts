/**
 * Parsed search clauses as FTS5 MATCH expressions: the only place that writes FTS5's query syntax.
 *
 * Every wanted clause must match (AND), and none of the excluded ones may. A word matches itself
 * or any of its typo corrections, and words typed as initials match them spelt out; a phrase
 * matches each variant of its initials.
 */
import type { AnyWordMatch, WordTerm } from '../domain/store'
import { clauseAlternatives, type SearchClause, type WordSequence } from '../search/query'

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`

/**
 * Whether words also match their other forms (`WordClause.forms`) or only as typed, and whether
 * every wanted clause must match or any one.
 */
export interface ExpressionOptions {
  otherForms: boolean
  combine: 'all' | 'any'
}

/** One alternative as FTS5 writes it: a quoted word or phrase, a prefix with a star. */
const sequenceExpression = ({ words, prefix }: WordSequence) =>
  quoted(words.join(' ')) + (prefix ? '*' : '')

function clauseExpression(clause: SearchClause, options: ExpressionOptions): string {
  const parts = [...new Set(clauseAlternatives(clause, options).map(sequenceExpression))]
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
}

/**
 * The FTS5 MATCH expression for the clauses: every wanted clause must match (AND; or any one, OR),
 * and none of the excluded ones may (in any of their forms). Returns null when nothing is wanted.
 */
export function toMatchExpression(
  clauses: SearchClause[],
  options: ExpressionOptions = { otherForms: true, combine: 'all' },
): string | null {
  const wanted = clauses.filter((c) => !c.negated).map((c) => clauseExpression(c, options))
  if (wanted.length === 0) return null
  const joiner = options.combine === 'all' ? ' AND ' : ' OR '
  let expression = wanted.length === 1 ? wanted[0]! : `(${wanted.join(joiner)})`
  for (const excluded of clauses.filter((c) => c.negated)) {
    expression = `(${expression} NOT ${clauseExpression(excluded, { ...options, otherForms: true })})`
  }
  return expression
}

/** Any of the words, each a prefix where it says so. */
function anyWordExpression(terms: WordTerm[]): string {
  const parts = terms.flatMap(({ word, prefix }) =>
    prefix ? [`${quoted(word)}*`] : [quoted(word)],
  )
  return [...new Set(parts)].join(' OR ')
}

/**
 * The FTS5 MATCH expression of a loose match (a claim in the user's words): any of its words, and
 * one of the required ones when there are some. Null when it has no words.
 */
export function toAnyWordExpression({ terms, required }: AnyWordMatch): string | null {
  if (terms.length === 0) return null
  const all = anyWordExpression(terms)
  return required === null || required.length === 0
    ? all
    : `(${anyWordExpression(required)}) AND (${all})`
}
