/**
 * How a query is read, beyond its syntax: the way people ask ("what did the DEA agent say about
 * drones") and the forms words come in ("drone", "drones").
 *
 * - Common words ("what", "did", "about", "the") are dropped when the query has other words to
 *   look for: no statement need hold them. Inside a quoted phrase, excluded, typed in capitals
 *   ("IT"), or a negation ("not guilty") they are kept.
 * - Speakers named by the query are recognised (`NameIndex.recogniseSpeakers`): their statements
 *   rank first, and the words naming them stay exact.
 * - Every other word also finds the other forms of it the index holds (`Vocabulary.forms`).
 */
import type { NameIndex, RecognisedSpeaker } from './names'
import { NAMES, WORD_FORMS } from './options'
import type { SearchClause, WordClause } from './query'
import { NEGATIONS, STOPWORDS } from './stopwords'
import type { Vocabulary } from './typos'

export interface QueryReading {
  /** The clauses to search for, other forms added. */
  clauses: SearchClause[]
  /** The speakers the query names, best first. */
  speakers: RecognisedSpeaker[]
}

const isCommonWord = (clause: SearchClause): clause is WordClause =>
  clause.type === 'word' &&
  !clause.negated &&
  !clause.capitals &&
  STOPWORDS.has(clause.word) &&
  !NEGATIONS.has(clause.word)

/**
 * The clauses without their common words, when other words are left to look for; done before typo
 * correction, so that "what" is never corrected to "that".
 */
export function withoutCommonWords(clauses: SearchClause[]): {
  clauses: SearchClause[]
  /** The common words left out, as folded. */
  dropped: string[]
} {
  const hasOtherWords = clauses.some((c) => !c.negated && !isCommonWord(c))
  if (!hasOtherWords) return { clauses, dropped: [] }
  return {
    clauses: clauses.filter((c) => !isCommonWord(c)),
    dropped: clauses.filter(isCommonWord).map((c) => c.word),
  }
}

/**
 * Reads clauses left by `withoutCommonWords` and corrected for typos; see the module comment.
 * While the vocabulary or the name index is still loading at start, words are searched as typed
 * and no speaker is recognised.
 */
export function readQuery(
  clauses: SearchClause[],
  { vocabulary, names }: { vocabulary: Vocabulary; names: NameIndex },
): QueryReading {
  const queryWords = clauses.flatMap((c) =>
    c.negated ? [] : c.type === 'word' ? c.alternatives : c.words.map((w) => w.word),
  )
  const speakers = names.loaded ? names.recogniseSpeakers(queryWords, NAMES.maxRecognised) : []
  const naming = new Set(speakers.flatMap((s) => s.words))

  const read = clauses.map((clause): SearchClause => {
    if (clause.type !== 'word' || !vocabulary.loaded || naming.has(clause.word)) return clause
    const typed = new Set(clause.alternatives)
    const forms = new Set<string>()
    // A misspelt word looks for the other forms of its nearest correction only: those of every
    // guess would look for a dozen words where one was meant.
    for (const alternative of clause.alternatives.slice(0, 1)) {
      for (const form of vocabulary.forms(alternative)) {
        // A word being typed already finds the forms it begins.
        if (!typed.has(form) && !(clause.prefix && form.startsWith(clause.word))) forms.add(form)
      }
    }
    return { ...clause, forms: [...forms].slice(0, WORD_FORMS.max) }
  })
  return { clauses: read, speakers }
}
