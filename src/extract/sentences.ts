/**
 * Sentences of a paragraph. A sentence ends at ".", "!" or "?" (and any closing quotation marks or
 * brackets after it) followed by a space and a capital, a digit or an opening mark — but not after
 * an abbreviation ("Mr.", "U.S.", "Gen."), an initial ("Donald J. Trump") or inside a quotation, so
 * a quotation of several sentences stays in the sentence that attributes it.
 */

export interface Sentence {
  start: number
  end: number
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr gen sen rep gov lt col sgt capt cmdr adm maj st jr sr inc co corp ltd no vs etc
  jan feb mar apr aug sep sept oct nov dec prof rev pres supt det insp atty dept univ ave blvd
  mt ft est approx fig al`.split(/\s+/),
)

const TERMINAL = new Set(['.', '!', '?'])
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»'])

function endsWithAbbreviation(text: string, dot: number, from: number): boolean {
  if (text[dot] !== '.') return false
  let i = dot - 1
  while (i >= from && /[\p{L}.]/u.test(text[i]!)) i--
  const word = text.slice(i + 1, dot)
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true // an initial: "J."
  if (word.includes('.')) return true // "U.S", "a.m"
  return ABBREVIATIONS.has(word.toLowerCase())
}

/**
 * The sentences of `text` between `from` and `to`, never cut inside the quotations given (outer
 * spans, sorted by start).
 */
export function sentences(
  text: string,
  from: number,
  to: number,
  quotations: Array<{ outerStart: number; outerEnd: number }> = [],
): Sentence[] {
  const result: Sentence[] = []
  let start = from
  let q = 0
  for (let i = from; i < to; i++) {
    while (q < quotations.length && quotations[q]!.outerEnd <= i) q++
    const quotation = q < quotations.length ? quotations[q]! : null
    const inside = quotation !== null && quotation.outerStart < i && i < quotation.outerEnd - 1
    // A quotation that ends a sentence ends with its own full stop: "… many years.” Next"
    const closesSentence =
      quotation !== null && i === quotation.outerEnd - 1 && TERMINAL.has(text[i - 1]!)
    if (!closesSentence && (inside || !TERMINAL.has(text[i]!))) continue
    let end = i + 1
    while (end < to && CLOSERS.has(text[end]!)) end++
    if (end >= to) break
    if (!/\s/.test(text[end]!)) continue
    let next = end
    while (next < to && /\s/.test(text[next]!)) next++
    if (next >= to || !/[\p{Lu}\p{N}"“‘'(]/u.test(text[next]!)) continue
    if (!closesSentence && endsWithAbbreviation(text, i, from)) continue
    result.push({ start, end })
    start = next
    i = next - 1
  }
  if (start < to) result.push({ start, end: to })
  return result
}
