/**
 * One normalisation for every search path: the query parser, the typo vocabulary and the name index
 * all see words the way the FTS5 tokenizer (`unicode61 remove_diacritics 2`) sees them — lower case,
 * accents removed, split at anything that is not a letter or a digit.
 */

/** A word as the index sees it, with where it stood in the original string. */
export interface Token {
  /** The folded word: lower case, without accents. */
  text: string
  /** UTF-16 offsets of the word in the string that was tokenized. */
  start: number
  end: number
  /** True when the word was written as dotted initials, such as "U.S." (folded to "us"). */
  acronym: boolean
}

const COMBINING_MARKS = /\p{M}+/gu
// Combining marks belong to the word they decorate ("i" + U+0301 is one letter).
const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** Lower-cases `word` and removes its accents: "Joaquín" → "joaquin". */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
}

/**
 * Splits `input` into folded words. Dotted initials ("U.S.", "D.C.") become one word ("us", "dc")
 * marked as an acronym, because the index holds them as separate letters and the query compiler
 * must look for both spellings.
 */
export function tokenize(input: string): Token[] {
  const words: Token[] = []
  for (const match of input.matchAll(WORD)) {
    const start = match.index
    const end = start + match[0].length
    const text = foldWord(match[0])
    // A run of combining marks alone folds to nothing: no word there.
    if (text !== '') words.push({ text, start, end, acronym: false })
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

/** The folded words of `input`, as plain strings. */
export function words(input: string): string[] {
  return tokenize(input).map((t) => t.text)
}
