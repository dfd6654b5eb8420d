/**
 * When two statements are one statement: the thresholds of the thread rules (see
 * `same-statement.ts`), in one place so the README and the evaluation can name them.
 */
export const THREADS = {
  /**
   * Quotations: the share of the shorter text's word pairs (consecutive words, folded) that the
   * longer one also holds. 0.8 lets through a fragment, other quotation marks and punctuation, an
   * ellipsis and a word or two changed; a different sentence on the same subject shares far less.
   */
  quotationContainment: 0.8,
  /**
   * The fewest content words the shorter statement needs when one of the two has an unknown or
   * anonymous speaker. Default: 3.
   */
  unknownSpeakerMinContentWords: 3,
  /** The fewest words a quotation needs to join another by containment. Default: 4. */
  minQuotationWords: 4,
  /**
   * Paraphrases: the share of the smaller set of content words (stop words dropped, stemmed) the
   * other holds. Looser than quotations, so the source must be the same speaker or cited outlet and
   * the statements said within `paraphraseWindowDays` of each other.
   */
  paraphraseOverlap: 0.6,
  /** The fewest content words two paraphrases must share. Default: 3. */
  paraphraseMinShared: 3,
  /** The most days between the days by which each was surely said (said date, else published). */
  paraphraseWindowDays: 30,
  /** Words per shingle, the unit of the candidate index. Default: 3. */
  shingleWords: 3,
  /**
   * The winnowing window, in shingles: of every run of this many shingles one is indexed, so any
   * run of `shingleWords + window - 1` words (6) two statements share finds one of them from the
   * other. Default: 4.
   */
  window: 4,
  /**
   * Content-word hashes (MinHash) indexed per statement, for paraphrases: two that share 60% of
   * their content words share one of 4 with a chance of 97%. Default: 4.
   */
  minHashes: 4,
  /**
   * The most statements a fingerprint's list keeps: a list that is full takes no more. Those it
   * holds are enough to find a popular quotation's thread (the 500th copy is one with the first),
   * and a phrase many statements share ("we are going to") costs no more than this. Default: 50.
   */
  postingsKept: 50,
  /**
   * The most candidates a new statement is checked against: those sharing the most fingerprints
   * with it. Keeps the cost of adding a statement the same however many are stored. Default: 10.
   */
  candidates: 10,
} as const
