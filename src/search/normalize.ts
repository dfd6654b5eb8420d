/**
 * One normalisation for every search path: the query parser, the typo vocabulary and the name index
 * all see words the way the FTS5 tokenizer (`unicode61 remove_diacritics 2`) sees them — lower case,
 * accents removed, split at anything that is not a letter or a digit.
 */

/**
 * Characters a reader cannot see that pasted text brings along — the soft hyphen, zero-width
 * spaces and joiners, the word joiner, the byte-order mark — which would split or hide a word.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu

/** `text` without the characters a reader cannot see (see `INVISIBLE`): what a query means. */
export const withoutInvisibles = (text: string): string => text.replace(INVISIBLE, '')

/** A word as the index sees it, with where it stood in the original string. */
export interface Token {
  /** The folded word: lower case, without accents. */
  text: string
  /** UTF-16 offsets of the word in the tokenized string (composed to NFC first). */
  start: number
  end: number
  /** True when the word was written as dotted initials, such as "U.S." (folded to "us"). */
  acronym: boolean
}

// The index's tokenizer keeps letters, digits and private-use characters; everything else,
// combining marks included, separates words. Input is composed (NFC) first, so an accent typed
// as a separate mark joins its letter.
const WORD = /[\p{L}\p{N}\p{Co}]+/gu

const COMBINING_MARKS = /\p{M}+/gu

/** Latin letters whose accents the index removes (Latin-1 Supplement to Latin Extended-B, and
 * Latin Extended Additional); other scripts keep theirs, as FTS5's `remove_diacritics` does. */
const isLatinWithAccents = (code: number) =>
  (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)

/**
 * Lower-cases `word` and removes the accents of Latin letters, exactly as the index does:
 * "Joaquín" → "joaquin", "Łódź" → "łodz", while "κλειστός" keeps its tonos (its final sigma
 * becomes σ) and "й" stays "й".
 */
export function foldWord(word: string): string {
  let folded = ''
  for (const ch of word) {
    const lower = ch.toLowerCase()
    folded += isLatinWithAccents(ch.codePointAt(0)!)
      ? lower.normalize('NFD').replace(COMBINING_MARKS, '')
      : lower
  }
  return folded.replaceAll('ς', 'σ')
}

/**
 * Splits `input` into folded words. Dotted initials ("U.S.", "D.C.") become one word ("us", "dc")
 * marked as an acronym, because the index holds them as separate letters and the query compiler
 * must look for both spellings.
 */
export function tokenize(original: string): Token[] {
  const input = original.normalize('NFC')
  const words: Token[] = []
  for (const match of input.matchAll(WORD)) {
    const start = match.index
    words.push({ text: foldWord(match[0]), start, end: start + match[0].length, acronym: false })
  }
  return joinInitials(input, words)
}

/** Joins runs of single letters separated by single dots ("u", ".", "s", ".") into one acronym. */
function joinInitials(input: string, words: Token[]): Token[] {
  const joined: Token[] = []
  let i = 0
  while (i < words.length) {
    const first = words[i]!
    let j = i
    while (
      j + 1 < words.length &&
      isInitial(words[j]!) &&
      isInitial(words[j + 1]!) &&
      input[words[j]!.end] === '.' &&
      words[j + 1]!.start === words[j]!.end + 1
    ) {
      j++
    }
    if (j > i) {
      const letters = words.slice(i, j + 1).map((w) => w.text)
      joined.push({ text: letters.join(''), start: first.start, end: words[j]!.end, acronym: true })
    } else {
      joined.push(first)
    }
    i = j + 1
  }
  return joined
}

function isInitial(token: Token): boolean {
  return token.text.length === 1 && /\p{L}/u.test(token.text)
}

/**
 * The words FTS5 indexes for `input`: like `tokenize`, but dotted initials stay separate letters
 * ("U.S." → "u", "s"), as the index holds them.
 */
export function indexTerms(input: string): string[] {
  const terms: string[] = []
  for (const match of input.matchAll(WORD)) terms.push(foldWord(match[0]))
  return terms
}

/** The folded words of `input`, as plain strings. */
export function words(input: string): string[] {
  return tokenize(input).map((t) => t.text)
}
