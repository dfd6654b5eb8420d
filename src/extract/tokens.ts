/**
 * Words and punctuation of a stretch of text, with offsets. A word keeps its inner apostrophes,
 * hyphens and dotted initials ("Clinton’s", "cross-border", "U.S."); everything else that is not
 * a space is a punctuation token of its own.
 */

export interface Token {
  text: string
  start: number
  end: number
  /** A word (letters or digits) rather than punctuation. */
  word: boolean
  /** A whole quotation, standing in for the words inside its marks. */
  quotation?: true
  /** A quotation that is a name or title (“El Chapo”), not words someone said. */
  nameInQuotes?: true
  /** The text as {@link bare} gives it, once asked. */
  bare?: string
}

// Dotted initials first ("U.S.", "D.C."), then a title's abbreviation or an initial before a name
// ("Rep. Jim Jordan", "Donald J. Trump": one token, so the name does not stop at its full stop), then words with inner
// apostrophes, hyphens and periods between letters ("a.m"), then any single non-space character. Each alternative is bounded by its
// own characters, so the scan is linear.
const TOKEN =
  /(?:\p{L}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|\p{Lu})\.(?=\s+\p{Lu})|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|\S/gu

/** The tokens of text[from, to). */
export function tokens(text: string, from = 0, to = text.length): Token[] {
  const result: Token[] = []
  const slice = text.slice(from, to)
  for (const match of slice.matchAll(TOKEN)) {
    const value = match[0]
    result.push({
      text: value,
      start: from + match.index,
      end: from + match.index + value.length,
      word: /[\p{L}\p{N}]/u.test(value[0]!),
    })
  }
  return result
}

/** The token's text in lower case, without a possessive ending ("Clinton’s" → "clinton"). */
export function bare(token: Token): string {
  // Asked of the same token many times over (every phrase and cue test): kept on it.
  return (token.bare ??= token.text.toLowerCase().replace(/['’]s$/u, ''))
}

/** Starts with a capital letter. */
export const capitalized = (token: Token) => /^\p{Lu}/u.test(token.text)

/**
 * The tokens of text[from, to) with each quotation in it (outer spans) as one token: phrases
 * around a quotation are looked for in the words outside it.
 */
export function tokensAround(
  text: string,
  from: number,
  to: number,
  quotations: Array<{ outerStart: number; outerEnd: number }>,
): Token[] {
  const result: Token[] = []
  // A loop, not push(...spread): a sentence may hold more tokens than the call stack takes arguments.
  const add = (more: Token[]) => {
    for (const token of more) result.push(token)
  }
  let at = from
  for (const q of quotations) {
    if (q.outerEnd <= from || q.outerStart >= to) continue
    add(tokens(text, at, Math.max(at, q.outerStart)))
    result.push({
      text: text.slice(q.outerStart, q.outerEnd),
      start: q.outerStart,
      end: q.outerEnd,
      word: false,
      quotation: true,
    })
    at = q.outerEnd
  }
  add(tokens(text, at, to))
  return result
}
