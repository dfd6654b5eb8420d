/**
 * Word forms: the Snowball English (Porter2) stemmer. Two words with the same stem are forms of one
 * word ("drone" and "drones", "arrest" and "arrested", "policy" and "policies"). The search finds
 * a word's other forms through the index's vocabulary (`Vocabulary.forms`), claims compare
 * statements' words by stem, and threads compare paraphrases by the stems of their content words.
 */
import porter2 from 'wink-porter2-stemmer'

/**
 * Stems already made: the stemmer takes microseconds a word, and claims and threads stem the same
 * words again and again. Emptied when full, so it never holds more than `MEMO_SIZE`.
 */
const memo = new Map<string, string>()
const MEMO_SIZE = 100_000

/** The stem of a folded word (lower case, no accents). */
export function stem(word: string): string {
  let found = memo.get(word)
  if (found === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear()
    found = porter2(word)
    memo.set(word, found)
  }
  return found
}
