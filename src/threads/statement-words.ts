/**
 * A statement's words as the thread rules compare them: folded as the search index folds them
 * (lower case, accents removed), so quotation marks, punctuation, an ellipsis or a dash between
 * words make no difference.
 */
import { tokenize } from '../search/normalize'
import { stem } from '../search/stem'
import { STOPWORDS } from '../search/stopwords'

export const wordsOf = (text: string): string[] => tokenize(text).map((t) => t.text)

/** The words that carry the claim, stemmed: what two renderings of one claim share. */
export const contentStemsOf = (words: readonly string[]): Set<string> =>
  new Set(words.filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w)).map(stem))

/** Consecutive word pairs, each once. */
export function wordPairs(words: readonly string[]): Set<string> {
  const pairs = new Set<string>()
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`)
  return pairs
}
