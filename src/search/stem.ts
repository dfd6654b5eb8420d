/**
 * A light English stemmer for matching a claim in the user's words: it cuts a common ending so the
 * rest can be looked up as a prefix ("drones" → "drone", matching "drone" and "drones";
 * "surveilling" → "surveill", matching "surveillance"). Only claims use it; the quote search matches
 * words as typed.
 */
import { CLAIMS } from './options'

// Longest first, so "ations" is cut before "s".
const ENDINGS = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ances',
  'ance',
  'ences',
  'ence',
  'ings',
  'ing',
  'ies',
  'ied',
  'ers',
  'er',
  'ed',
  'es',
  'ly',
  's',
  'e',
]

/** The word without its ending, or the word itself when what is left would be too short. */
export function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= CLAIMS.stemMinLength) {
      return word.slice(0, -ending.length)
    }
  }
  return word
}
