/**
 * The candidate index of threads: a few numbers per statement such that two statements that may be
 * one statement share at least one, found by an index lookup instead of a comparison with every
 * statement stored.
 *
 * - Quotations: hashes of word shingles (`THREADS.shingleWords` consecutive words), winnowed
 *   (Schleimer, Wilkerson and Aiken, "Winnowing", SIGMOD 2003): of every `THREADS.window`
 *   consecutive shingles the smallest hash is kept. Two texts that share a run of
 *   `shingleWords + window - 1` words keep the same hash for it, whatever surrounds the run — so a
 *   fragment finds the longer quotation it was cut from. A text too short for one window keeps all
 *   its shingles.
 * - Paraphrases: a MinHash of the content words (`THREADS.minHashes` hash functions, the word with
 *   the smallest hash under each), so two renderings that share most content words share some.
 */
import { THREADS } from './options'

/** FNV-1a over UTF-16 code units, from a seed: 32 bits. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** A 53-bit hash (two 32-bit ones), exact as a JavaScript number and as an SQLite integer. */
export const hash53 = (text: string): number =>
  fnv1a(text, 0) * 0x200000 + (fnv1a(text, 0x9e3779b9) & 0x1fffff)

/** The winnowed shingle hashes of a text's words; see the module comment. */
export function shingleFingerprints(words: readonly string[]): number[] {
  const k = THREADS.shingleWords
  if (words.length < k) return words.length === 0 ? [] : [hash53(words.join(' '))]
  const hashes: number[] = []
  for (let i = 0; i + k <= words.length; i++) hashes.push(hash53(words.slice(i, i + k).join(' ')))
  const w = THREADS.window
  if (hashes.length <= w) return [...new Set(hashes)]
  const kept = new Set<number>()
  for (let start = 0; start + w <= hashes.length; start++) {
    let smallest = hashes[start]!
    for (let i = start + 1; i < start + w; i++) smallest = Math.min(smallest, hashes[i]!)
    kept.add(smallest)
  }
  return [...kept]
}

/** Every fingerprint of a statement: of its words, and of its content words. */
export const fingerprintsOf = (statement: {
  words: readonly string[]
  stems: ReadonlySet<string>
}): number[] => [
  ...new Set([...shingleFingerprints(statement.words), ...minHashFingerprints(statement.stems)]),
]

/** The MinHash of a set of content words: under each hash function, the smallest word's hash. */
export function minHashFingerprints(stems: ReadonlySet<string>): number[] {
  if (stems.size === 0) return []
  const kept = new Set<number>()
  for (let f = 0; f < THREADS.minHashes; f++) {
    let best = ''
    let bestHash = Infinity
    for (const s of stems) {
      const h = fnv1a(s, f + 1)
      if (h < bestHash || (h === bestHash && s < best)) [best, bestHash] = [s, h]
    }
    // Tagged with the function, so the same word under two functions is two fingerprints.
    kept.add(hash53(`\u0000${f}\u0000${best}`))
  }
  return [...kept]
}
