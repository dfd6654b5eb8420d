/**
 * The search syntax: a query string parsed into clauses, engine-neutral (the SQLite store turns
 * them into an FTS5 expression: `db/fts-expression.ts`).
 *
 * Syntax: words separated by spaces must all match; `"a quoted phrase"` matches as a phrase;
 * `-word` or `-"a phrase"` excludes; `word*` is a prefix; the last word is a prefix too unless the
 * query ends with a space (search-as-you-type). A word with inner punctuation ("U.S.-Mexico",
 * "there's") matches as the phrase of its parts, as the index holds it. Case, accents and
 * punctuation do not matter.
 *
 * Parsing is a single left-to-right pass over the input with no regular expression backtracking, so
 * its time is linear in the length of the query.
 */
import { tokenize, withoutInvisibles, type Token } from './normalize'
import { IMPLICIT_PREFIX, INITIALS } from './options'

/** One thing the query asks for: a word or a phrase, wanted or excluded. */
export type SearchClause = WordClause | PhraseClause

export interface WordClause {
  type: 'word'
  /** The folded word as typed. */
  word: string
  /** The words to look for in its place: the word itself, or its typo corrections. */
  alternatives: string[]
  /**
   * The other forms of those words the index holds ("drones" for "drone"), looked for too but
   * ranked below them. Empty for names, which stay exact.
   */
  forms: string[]
  /** Written as dotted initials ("U.S."). */
  acronym: boolean
  /** Typed in capitals ("US", "FBI"): may be initials written without dots. */
  capitals: boolean
  prefix: boolean
  negated: boolean
}

export interface PhraseClause {
  type: 'phrase'
  words: Array<{ word: string; acronym: boolean }>
  prefix: boolean
  negated: boolean
}

const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', '»'])
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch)

/**
 * Parses a query string into clauses. Never throws: unbalanced quotation marks close at the end of
 * the input, and stray punctuation is ignored.
 */
export function parseQuery(typed: string): SearchClause[] {
  const query = withoutInvisibles(typed)
  const clauses: SearchClause[] = []
  let i = 0
  let lastWasClosedPhrase = false
  while (i < query.length) {
    while (isSpace(query[i])) i++
    if (i >= query.length) break
    let negated = false
    if (query[i] === '-' && i + 1 < query.length && !isSpace(query[i + 1])) {
      negated = true
      i++
    }
    let text: string
    let explicitPrefix = false
    lastWasClosedPhrase = false
    if (QUOTE_MARKS.has(query[i]!)) {
      const open = ++i
      while (i < query.length && !QUOTE_MARKS.has(query[i]!)) i++
      text = query.slice(open, i)
      if (i < query.length) {
        i++ // the closing mark
        lastWasClosedPhrase = true
      }
      if (query[i] === '*') {
        explicitPrefix = true
        lastWasClosedPhrase = false
        i++
      }
      const clause = toClause(text, { phrase: true, prefix: explicitPrefix, negated })
      if (clause) clauses.push(clause)
      continue
    }
    const start = i
    while (i < query.length && !isSpace(query[i])) i++
    text = query.slice(start, i)
    explicitPrefix = text.endsWith('*')
    const clause = toClause(text, { phrase: false, prefix: explicitPrefix, negated })
    if (clause) clauses.push(clause)
  }
  markLastAsPrefix(clauses, query, lastWasClosedPhrase)
  return clauses
}

function toClause(
  text: string,
  options: { phrase: boolean; prefix: boolean; negated: boolean },
): SearchClause | null {
  const tokens = tokenize(text)
  if (tokens.length === 0) return null
  if (tokens.length === 1 && !options.phrase) {
    const [token] = tokens as [Token]
    const typed = text.normalize('NFC').slice(token.start, token.end)
    return {
      type: 'word',
      word: token.text,
      alternatives: [token.text],
      forms: [],
      acronym: token.acronym,
      capitals: /^\p{Lu}+$/u.test(typed),
      prefix: options.prefix,
      negated: options.negated,
    }
  }
  return {
    type: 'phrase',
    words: tokens.map((t) => ({ word: t.text, acronym: t.acronym })),
    prefix: options.prefix,
    negated: options.negated,
  }
}

/** Search-as-you-type: the word being typed (no space after it yet) is a prefix. */
function markLastAsPrefix(clauses: SearchClause[], query: string, closedPhrase: boolean): void {
  const last = clauses.at(-1)
  if (!last || last.negated || closedPhrase || isSpace(query.at(-1))) return
  // Dotted initials ("U.S.") are complete as typed, and so is a final single letter ("Chapo's",
  // "drone b"): as a prefix "s" would match "son", and "b" a good part of the language.
  if (last.type === 'word' && (last.acronym || last.word.length < IMPLICIT_PREFIX.minLength)) return
  if (last.type === 'phrase' && last.words.at(-1)!.word.length < IMPLICIT_PREFIX.minLength) return
  last.prefix = true
}

/** True when a clause may only exclude: a query of exclusions alone matches nothing. */
export function hasWantedClause(clauses: SearchClause[]): boolean {
  return clauses.some((c) => !c.negated)
}

/**
 * A word of two to four letters typed in capitals may be initials without dots: "US" for "U.S.".
 * (Only in capitals: looking for every short word spelt out letter by letter, "us" or "curb", costs
 * a pass over the posting lists of single letters, some of which nearly every quote holds.)
 */
export function mayBeInitials(word: string, acronym: boolean, capitals: boolean): boolean {
  if (acronym) return true
  return (
    capitals &&
    word.length >= INITIALS.minLength &&
    word.length <= INITIALS.maxLength &&
    /^\p{L}+$/u.test(word)
  )
}

/** The ways a word can stand in the index: "us" also as the letters "u s" of "U.S.". */
export function spellings(word: string, initials: boolean): string[] {
  return initials ? [word, [...word].join(' ')] : [word]
}

/** Most phrase variants considered when a phrase holds several sets of initials. */
export const MAX_PHRASE_VARIANTS = 8

/** Words to be found one after the other; the last one a prefix where `prefix` says so. */
export interface WordSequence {
  words: string[]
  prefix: boolean
}

/**
 * What a clause matches, as sequences of words, any one of which will do: a word, its typo
 * corrections and (with `otherForms`) its other forms, and its spelt-out initials ("us" also as
 * "u s" of "U.S."); a phrase in each variant of its initials. A word being typed is a prefix, but
 * its spelt-out initials are not: "us" typed last finds "using" and "U.S.", while "a l"* would
 * wrongly find "a lot". The one definition both engines' query syntaxes are written from.
 */
export function clauseAlternatives(
  clause: SearchClause,
  { otherForms }: { otherForms: boolean },
): WordSequence[] {
  if (clause.type === 'phrase') {
    let variants: string[][] = [[]]
    for (const { word, acronym } of clause.words) {
      const forms = spellings(word, acronym)
      variants = variants
        .flatMap((prefix) => forms.map((form) => [...prefix, form]))
        .slice(0, MAX_PHRASE_VARIANTS)
    }
    return variants.map((words) => ({ words, prefix: clause.prefix }))
  }
  const sequences = clause.alternatives.flatMap((alternative) => {
    const [whole, ...initials] = spellings(
      alternative,
      alternative === clause.word && mayBeInitials(alternative, clause.acronym, clause.capitals),
    )
    return [
      { words: [whole!], prefix: clause.prefix },
      ...initials.map((spelt) => ({ words: spelt.split(' '), prefix: false })),
    ]
  })
  if (otherForms) sequences.push(...clause.forms.map((form) => ({ words: [form], prefix: false })))
  return sequences
}

/** A sequence of words a snippet marks where the quote holds it; the last may be a prefix. */
export type HighlightPhrase = Array<{ word: string; prefix: boolean }>

/**
 * What a snippet marks for the clauses: every form the match expression looks for, of every wanted
 * clause — a word's alternatives and spelt-out initials, a phrase's variants.
 */
export function highlightPhrases(clauses: SearchClause[]): HighlightPhrase[] {
  const phrases: HighlightPhrase[] = []
  for (const clause of clauses) {
    if (clause.negated) continue
    if (clause.type === 'word') {
      for (const alternative of clause.alternatives) {
        phrases.push([{ word: alternative, prefix: clause.prefix }])
        const initials =
          alternative === clause.word && mayBeInitials(alternative, clause.acronym, clause.capitals)
        if (initials)
          phrases.push([...alternative].map((letter) => ({ word: letter, prefix: false })))
      }
      for (const form of clause.forms) phrases.push([{ word: form, prefix: false }])
      continue
    }
    let variants: string[][] = [[]]
    for (const { word, acronym } of clause.words) {
      const forms = spellings(word, acronym)
      variants = variants
        .flatMap((prefix) => forms.map((form) => [...prefix, ...form.split(' ')]))
        .slice(0, MAX_PHRASE_VARIANTS)
    }
    for (const variant of variants) {
      phrases.push(
        variant.map((word, i) => ({ word, prefix: clause.prefix && i === variant.length - 1 })),
      )
    }
  }
  return phrases
}
