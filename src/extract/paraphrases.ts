/**
 * Paraphrases: the claim a cue attributes outside quotation marks — "X said (that) CLAIM",
 * "CLAIM, X said", "CLAIM, according to X", "According to X, CLAIM" — and claims the article
 * attributes to unnamed reports ("reportedly").
 */
import type { Attribution } from './attribution'
import { bare, type Token } from './tokens'

/** A stretch of a sentence's tokens. */
export interface TokenRange {
  first: number
  last: number
}

const CLAUSE_BREAKS = new Set(['while', 'but', 'although', 'though', 'whereas'])

/** The most tokens a claim runs to: longer runs are not one claim, and the bound keeps time linear. */
const MAX_CLAIM_TOKENS = 120
/** Words between a cue and its claim: "said last week that …". */
const SKIP_AFTER_CUE = new Set([
  'that',
  'on',
  'in',
  'at',
  'last',
  'this',
  'earlier',
  'week',
  'month',
  'year',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'recently',
  'again',
  'also',
])

/**
 * The tokens from `first` to `last` without punctuation at either end, or null when they hold fewer
 * than three words or a quotation that is a statement of its own (the quoted words are then the
 * statement).
 */
export function claimRange(tokens: Token[], first: number, last: number): TokenRange | null {
  while (first <= last && !tokens[first]!.word && !tokens[first]!.quotation) first++
  while (last >= first && !tokens[last]!.word && !tokens[last]!.quotation) last--
  if (last < first) return null
  let words = 0
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!
    if (token.quotation && !token.nameInQuotes) return null
    if (token.word) words++
  }
  return words >= 3 ? { first, last } : null
}

/**
 * The claims an attribution makes outside quotation marks. `opensSentence(i)` tells whether
 * nothing but punctuation stands before token i.
 */
export function paraphrasesOf(
  tokens: Token[],
  a: Attribution,
  opensSentence: (index: number) => boolean,
): TokenRange[] {
  if (a.quotationsOnly) return []
  const end = tokens.length - 1
  const found: Array<TokenRange | null> = []
  const upTo = (last: number) => claimRange(tokens, Math.max(0, last - MAX_CLAIM_TOKENS), last)
  if (a.cue.kind === 'source-after') {
    const source = a.speaker ?? a.citedOutlet?.phrase
    const sourceEnd = source ? source.last : a.cue.last + 2
    if (opensSentence(a.cue.first)) {
      found.push(claimRange(tokens, sourceEnd + 1, Math.min(end, sourceEnd + MAX_CLAIM_TOKENS)))
    } else {
      found.push(upTo(a.cue.first - 1))
      // "…, according to X, REST": the rest is the same source's claim too.
      if (tokens[sourceEnd + 1]?.text === ',') {
        found.push(
          claimRange(tokens, sourceEnd + 2, Math.min(end, sourceEnd + 2 + MAX_CLAIM_TOKENS)),
        )
      }
    }
    return found.filter((f): f is TokenRange => f !== null)
  }
  const speakerFirst = a.speaker?.first ?? a.citedOutlet?.phrase?.first ?? a.cue.first
  // "told The Washington Post that …": the claim begins after the outlet told.
  const toldOutlet =
    a.citedOutlet?.phrase && a.citedOutlet.phrase.first === a.cue.last + 1
      ? a.citedOutlet.phrase.last
      : null
  const afterCue =
    (a.audience?.last ??
      toldOutlet ??
      (a.inverted ? (a.speaker?.last ?? a.cue.last) : a.cue.last)) + 1
  let first = afterCue
  while (first <= end && tokens[first]!.word && SKIP_AFTER_CUE.has(bare(tokens[first]!))) first++
  let last = first
  while (last + 1 <= end && last - first < MAX_CLAIM_TOKENS) {
    const next = tokens[last + 1]!
    const following = tokens[last + 2]
    if (
      next.text === ';' ||
      (next.text === ',' &&
        (a.clauseOnly || (following?.word && CLAUSE_BREAKS.has(bare(following)))))
    )
      break
    last++
  }
  const after = first <= end && !a.inverted ? claimRange(tokens, first, last) : null
  // "told The New York Times" with nothing after is no claim.
  const toldNobody =
    a.cue.text.toLowerCase() === 'told' &&
    after?.first === afterCue &&
    a.audience === null &&
    toldOutlet === null
  if (after && !toldNobody) return [after]
  // "…, she said." / "…, said Donna Brazile.": the claim is the clause before.
  let before = Math.min(speakerFirst, a.cue.first) - 1
  // "…, engineer Maya Lindqvist told the outlet": a lowercase description before the name.
  for (let k = 0; k < 2 && before > 0 && tokens[before]!.word; k++) before--
  if (before > 0 && tokens[before]?.text === ',') {
    const claim = upTo(before - 1)
    if (claim) return [claim]
  }
  return []
}

/**
 * "The flights have reportedly been taking place since …": a sentence that says its claim is
 * reported, without saying by whom. Returns the claim and the word that says so.
 */
export function reportedClaim(tokens: Token[]): { claim: TokenRange; cue: Token } | null {
  const cue = tokens.find((t) => t.word && /^(?:reportedly|allegedly)$/i.test(t.text))
  if (!cue || tokens.length > MAX_CLAIM_TOKENS * 2) return null
  const claim = claimRange(tokens, 0, tokens.length - 1)
  return claim ? { claim, cue } : null
}
