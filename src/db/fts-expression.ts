/**
 * Parsed search clauses as FTS5 MATCH expressions: the only place that writes FTS5's query syntax.
 *
 * Every wanted clause must match (AND), and none of the excluded ones may. A word matches itself
 * or any of its typo corrections, and words typed as initials match them spelt out; a phrase
 * matches each variant of its initials.
 */
import type { AnyWordMatch, WordTerm } from '../domain/store'
import {
  MAX_PHRASE_VARIANTS,
  mayBeInitials,
  spellings,
  type PhraseClause,
  type SearchClause,
  type WordClause,
} from '../search/query'

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`

/**
 * Whether words also match their other forms (`WordClause.forms`) or only as typed, and whether
 * every wanted clause must match or any one.
 */
export interface ExpressionOptions {
  otherForms: boolean
  combine: 'all' | 'any'
}

/**
 * A word and its alternatives (and their other forms). A word being typed is a prefix, but its
 * spelt-out initials are not: "us" typed last finds "using" and "U.S.", while "a l"* would wrongly
 * find "a lot".
 */
function wordExpression(clause: WordClause, { otherForms }: ExpressionOptions): string {
  const parts = clause.alternatives.flatMap((alternative) => {
    const [whole, ...initials] = spellings(
      alternative,
      alternative === clause.word && mayBeInitials(alternative, clause.acronym, clause.capitals),
    )
    return [quoted(whole!) + (clause.prefix ? '*' : ''), ...initials.map(quoted)]
  })
  if (otherForms) parts.push(...clause.forms.map(quoted))
  const unique = [...new Set(parts)]
  return unique.length === 1 ? unique[0]! : `(${unique.join(' OR ')})`
}

function phraseExpression(clause: PhraseClause): string {
  const star = clause.prefix ? '*' : ''
  let variants: string[][] = [[]]
  for (const { word, acronym } of clause.words) {
    const forms = spellings(word, acronym)
    variants = variants
      .flatMap((prefix) => forms.map((form) => [...prefix, form]))
      .slice(0, MAX_PHRASE_VARIANTS)
  }
  const parts = variants.map((v) => quoted(v.join(' ')) + star)
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
}

function clauseExpression(clause: SearchClause, options: ExpressionOptions): string {
  return clause.type === 'word' ? wordExpression(clause, options) : phraseExpression(clause)
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
