/**
 * The rule that says two statements are one statement, the relation threads are made of (a thread
 * is a set of statements joined by it, directly or through others).
 *
 * - Two quotations (direct or partial) are one when the shorter's consecutive word pairs stand, for
 *   the most part (`THREADS.quotationContainment`), in the longer — a fragment, other punctuation,
 *   an ellipsis, a word changed — and their speakers agree: the same speaker, or one of them
 *   unknown or anonymous (the same words from "a U.S. official" and from the official named).
 * - Where either is a paraphrase, the rule is looser in the words and stricter in the source: the
 *   same speaker or the same source outlet (the one cited, or the one reporting on its own), said within `THREADS.paraphraseWindowDays` of each
 *   other, sharing most content words (`THREADS.paraphraseOverlap`).
 */
import type { QuoteKind } from '../domain/vocabulary'
import { THREADS } from './options'
import { contentStemsOf, wordPairs, wordsOf } from './statement-words'

/** What the rule compares of a statement. */
export interface ThreadStatement {
  id: number
  kind: QuoteKind
  speakerId: number | null
  /** True for an anonymous speaker ("a U.S. official"): as good as unknown when comparing words. */
  anonymous: boolean
  citedOutletId: number | null
  /**
   * The outlet whose claim it is: the outlet it cites, else — with no speaker named — the outlet
   * that printed it as its own reporting; null when a person said it.
   */
  sourceOutletId: number | null
  /** The day by which it was surely said (its said date, else its article's last day), as a day number. */
  saidBy: number
  words: string[]
  pairs: Set<string>
  stems: Set<string>
}

/** The comparable form of a statement. */
export function threadStatement(
  fields: Omit<ThreadStatement, 'words' | 'pairs' | 'stems'> & { text: string },
): ThreadStatement {
  const { text, ...rest } = fields
  const words = wordsOf(text)
  // Word pairs are wanted only when the statement is compared: made then, once.
  let pairs: Set<string> | undefined
  return {
    ...rest,
    words,
    stems: contentStemsOf(words),
    get pairs() {
      return (pairs ??= wordPairs(words))
    },
  }
}

const isQuotation = (s: ThreadStatement) => s.kind !== 'paraphrase'
/**
 * The speaker as threads tell people apart: a named speaker's id, or 0 for an unknown or anonymous
 * one (whose words may be anyone's).
 */
export const speakerKey = (s: Pick<ThreadStatement, 'speakerId' | 'anonymous'>): number =>
  s.speakerId === null || s.anonymous ? 0 : s.speakerId

const unknownSpeaker = (s: ThreadStatement) => speakerKey(s) === 0

/**
 * The same speaker, or one of them unknown. The same words from an unknown source join a named
 * speaker's only when they say something of their own — three content words or more — lest a
 * common phrase ("we will see what happens") chain two speakers' statements into one thread.
 */
function speakersAgree(a: ThreadStatement, b: ThreadStatement): boolean {
  if (a.speakerId === b.speakerId) return true
  if (!unknownSpeaker(a) && !unknownSpeaker(b)) return false
  return Math.min(a.stems.size, b.stems.size) >= THREADS.unknownSpeakerMinContentWords
}

/** The share of the shorter text's word pairs the longer holds. */
function containment(a: ThreadStatement, b: ThreadStatement): number {
  const [shorter, longer] = a.pairs.size <= b.pairs.size ? [a, b] : [b, a]
  if (shorter.pairs.size === 0) return 0
  let held = 0
  for (const pair of shorter.pairs) if (longer.pairs.has(pair)) held++
  return held / shorter.pairs.size
}

function sameQuotation(a: ThreadStatement, b: ThreadStatement): boolean {
  if (!speakersAgree(a, b)) return false
  if (Math.min(a.words.length, b.words.length) < THREADS.minQuotationWords) {
    // Too short to tell by its words alone: only the very same words, from the same person.
    return (
      a.speakerId !== null &&
      a.speakerId === b.speakerId &&
      a.words.length > 1 &&
      a.words.join(' ') === b.words.join(' ')
    )
  }
  return containment(a, b) >= THREADS.quotationContainment
}

function sameClaim(a: ThreadStatement, b: ThreadStatement): boolean {
  // Two named people never made one statement, whatever outlet carried it.
  if (!unknownSpeaker(a) && !unknownSpeaker(b) && a.speakerId !== b.speakerId) return false
  const sameSource =
    (a.speakerId !== null && a.speakerId === b.speakerId) ||
    (a.sourceOutletId !== null && a.sourceOutletId === b.sourceOutletId)
  if (!sameSource || Math.abs(a.saidBy - b.saidBy) > THREADS.paraphraseWindowDays) return false
  let shared = 0
  for (const s of a.stems) if (b.stems.has(s)) shared++
  const smaller = Math.min(a.stems.size, b.stems.size)
  return (
    shared >= THREADS.paraphraseMinShared &&
    smaller > 0 &&
    shared / smaller >= THREADS.paraphraseOverlap
  )
}

/** Whether `a` and `b` are one statement; see the module comment. */
export function sameStatement(a: ThreadStatement, b: ThreadStatement): boolean {
  if (a.id === b.id) return true
  return isQuotation(a) && isQuotation(b) ? sameQuotation(a, b) : sameClaim(a, b)
}
