/**
 * Every search option in one place: FTS5 ranking and snippets, typo tolerance, the name index and
 * claim matching. Each is documented with its value and why it has it.
 */

/**
 * bm25 weights of the `quotes_fts` columns, in column order (text, speaker, title, outlets).
 * A word in the quote itself outranks the same word in a name, a name outranks a title, and a title
 * outranks an outlet name. Default: `[10, 4, 2, 1]`.
 */
export const COLUMN_WEIGHTS = [10, 4, 2, 1] as const

/** Snippets: cut from the quote's text around the words a search matched (see `snippet.ts`). */
export const SNIPPET = {
  /** How many words a snippet holds at most. Default: 32, enough for most whole quotations. */
  maxWords: 32,
  /** Private-use markers put around matched words; turned into `<mark>` after escaping. */
  open: '\u0002',
  close: '\u0003',
  ellipsis: '…',
} as const

/** Typo tolerance: how a query word missing from the index is corrected to words that are in it. */
export const TYPOS = {
  /** Words shorter than this are never corrected (too many near neighbours). Default: 4. */
  minLength: 4,
  /** Words of at least this length may be two edits away; shorter ones one. Default: 8. */
  twoEditsFrom: 8,
  /** How many corrections a word may expand into, nearest and most common first. Default: 3. */
  maxCorrections: 3,
} as const

/**
 * The last word of a query is a prefix while it is being typed, once it has this many letters: a
 * single letter as a prefix would match a good part of the language. Default: 2.
 */
export const IMPLICIT_PREFIX = { minLength: 2 } as const

/**
 * Words of two to four letters may be initials written without dots ("us" for "U.S."), so the
 * compiler also looks for them spelt out letter by letter, as the index holds "U.S.".
 */
export const INITIALS = { minLength: 2, maxLength: 4 } as const

/** The in-memory name index over speakers and outlets (MiniSearch). */
export const NAMES = {
  /** Field boosts: the name counts most, then aliases, then titles and descriptions. */
  boost: { name: 3, aliases: 2, titles: 1 },
  /**
   * Fuzziness as a share of the word's length, rounded: 0.25 allows one edit in four to five
   * letters and two from six, so a swapped pair ("hegseht") is forgiven in a name. Default: 0.25.
   */
  fuzzy: 0.25,
  /** Words shorter than this are matched exactly (apart from the prefix of the last word). */
  fuzzyMinLength: 4,
  /** Recognising speakers in a query: how many are recognised at most. Default: 10. */
  maxRecognised: 10,
} as const

/**
 * Ranking by relevance. bm25 is computed for the passing quotes of a window: the most recently
 * added `window` of them. A word held by a tenth of a million quotes then costs no more to rank
 * than one held by five thousand, and recent quotes are what a reader of a news archive looks
 * for first; quotes beyond the window follow, newest first. Default: 5000.
 */
export const RANKING = { window: 5000 } as const

/**
 * Word forms: a query word also finds the indexed words with its stem (Snowball English), "drone"
 * finding "drones". Words typed as the quotes hold them rank first.
 */
export const WORD_FORMS = {
  /** The most other forms one word is looked for in. Default: 12. */
  max: 12,
} as const

/** Matching a claim in the user's own words (`/api/claims`). */
export const CLAIMS = {
  /** How many best-ranked statements (by bm25) are considered before grouping into threads. Default: 200. */
  candidates: 200,
  /**
   * The least share of the claim's weight (each word weighted by its rarity; words no quote holds
   * weigh nothing) a statement must hold to count as carrying the claim. Just under a half, so that
   * two of three equally rare words are enough. Default: 0.45.
   */
  minCoverage: 0.45,
  /**
   * Two of the claim's words, one after the other in the claim, stand close together in a
   * statement when at most this many words apart; a statement gains rank for each such pair.
   */
  closeWithin: 3,
} as const

/**
 * Unnamed sources described alike ("a U.S. official", one speaker for each article that quoted
 * one) count as one value of the speaker facet and one suggestion, and a description in the
 * speaker box stands for them: at most this many, half of what a filter takes, so that they can
 * be added to other speakers. Default: 10.
 */
export const UNNAMED_ALIKE = { max: 10 } as const

/** Search input limits. */
export const LIMITS = {
  /** The longest `q` accepted, in characters. Default: 500. */
  queryLength: 500,
  /** The most words a query may have; the rest would only slow the search. Default: 32. */
  queryWords: 32,
} as const
