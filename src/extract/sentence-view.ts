/**
 * One sentence as extraction reads it: its tokens (each quotation one token), its cues and the
 * attributions they make, and what every per-quotation question needs — computed once, so that a
 * sentence with thousands of quotations and cues (hostile input) still costs linear time.
 */
import { attributions, type ArticleState, type Attribution } from './attribution'
import { findCues, type Cue } from './cues'
import type { OutletNames } from './outlet-names'
import type { Quotation } from './quotation-marks'
import { resolveSaid, timePhrases, type SaidDate } from './said-dates'
import type { Sentence } from './sentences'
import { PRONOUNS } from './phrases'
import { bare, tokensAround, type Token } from './tokens'

export class SentenceView {
  readonly tokens: Token[]
  readonly cues: Cue[]
  readonly attributions: Attribution[]
  /** The quotations of the sentence, by the offset of their opening mark. */
  readonly quotations: Map<number, Quotation>
  /** Attributions of speech (not belief), ordered by cue, for the nearest one to a quotation. */
  readonly #speech: Attribution[]
  /** How many words and quotations stand before each token. */
  readonly #contentBefore: number[]
  readonly #content: number
  /** Token indices where a cue ends. */
  readonly #cueEndsAt: Set<number>
  #phrases: Array<{ start: number; end: number; phrase: string }> | undefined
  #outer: Attribution | null | undefined
  /** The first cue of speech (not belief), for a quotation whose speaker is not found. */
  readonly firstSpeechCue: Cue | null

  constructor(
    readonly text: string,
    readonly sentence: Sentence,
    quotations: Quotation[],
    outlets: OutletNames,
    state: ArticleState,
    readonly published: string | null,
  ) {
    this.tokens = tokensAround(text, sentence.start, sentence.end, quotations)
    this.quotations = new Map(quotations.map((q) => [q.outerStart, q]))
    this.cues = findCues(this.tokens, state.classes)
    this.attributions = attributions(this.tokens, this.cues, outlets, state)
    const speech = this.attributions.filter((a) => a.cue.kind !== 'belief')
    // A cue whose speaker could not be found is the nearest only when no other names one.
    const sourced = speech.filter((a) => a.speaker !== null || a.citedOutlet !== null)
    this.#speech = sourced.length > 0 ? sourced : speech
    this.#cueEndsAt = new Set(this.cues.map((c) => c.last))
    this.firstSpeechCue = this.cues.find((c) => c.kind !== 'belief') ?? null
    this.#contentBefore = []
    let count = 0
    for (const token of this.tokens) {
      this.#contentBefore.push(count)
      if (token.word || token.quotation) count++
    }
    this.#content = count
  }

  /** The speech attribution whose cue is nearest to the token at `index` (binary search). */
  nearestAttribution(index: number): Attribution | null {
    const list = this.#speech
    let low = 0
    let high = list.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (list[mid]!.cue.first < index) low = mid + 1
      else high = mid
    }
    const after = list[low]
    const before = list[low - 1]
    if (!before) return after ?? null
    if (!after) return before
    return after.cue.first - index < index - before.cue.last ? after : before
  }

  /**
   * "She said she recalls the colleague being “confused”": when the nearest cue's speaker is a
   * pronoun inside the clause of an earlier cue that names someone, the earlier one — the
   * sentence's own attribution, and the same person.
   */
  outerAttribution(a: Attribution | null): Attribution | null {
    if (!a?.speaker || a.speaker.first !== a.speaker.last) return a
    if (!PRONOUNS.has(bare(this.tokens[a.speaker.first]!))) return a
    // The first attribution that names a speaker before its cue, found once per sentence: any
    // earlier one with a cue before this pronoun would come first in cue order.
    this.#outer ??= this.#speech.find((o) => o.speaker !== null && !o.inverted) ?? null
    const outer = this.#outer
    if (!outer?.speaker || outer.cue.last >= a.speaker.first) return a
    // "She said she recalls …": the same pronoun twice is one person, named by the first.
    const head = this.tokens[outer.speaker.last]!
    const inner = this.tokens[a.speaker.first]!
    return PRONOUNS.has(bare(head)) && bare(head) !== bare(inner) ? a : outer
  }

  /** No word or quotation before the token: it opens the sentence. */
  opensSentence(index: number): boolean {
    return this.#contentBefore[index] === 0
  }

  /** No word or quotation after the token: it ends the sentence. */
  endsSentence(index: number): boolean {
    return this.#contentBefore[index]! + 1 === this.#content
  }

  /**
   * Whether a quotation stands as a clause of its own (direct) rather than inside a sentence
   * (partial): it opens the sentence, follows a colon, or ends the sentence right after a comma or a
   * cue ("she said, “…”", "he wrote “…”"). After "that" it is part of the sentence's clause.
   */
  standsAlone(index: number): boolean {
    if (this.opensSentence(index)) return true
    const before = this.tokens[index - 1]!
    if (before.text === ':') return true
    return this.endsSentence(index) && (before.text === ',' || this.#cueEndsAt.has(index - 1))
  }

  /**
   * When it was said, from the first time words outside the quotations — and outside `claim`, a
   * paraphrase's reported words ("she said fares would not rise this year": the year is the
   * fares', not the saying's).
   */
  said(claim?: { start: number; end: number }): SaidDate | null {
    const found = this.#timePhrases().find(
      (p) => !claim || p.end <= claim.start || p.start >= claim.end,
    )
    return found ? resolveSaid(found.phrase, this.published) : null
  }

  /** The sentence's time phrases outside quotations, with their offsets; found once. */
  #timePhrases(): Array<{ start: number; end: number; phrase: string }> {
    if (this.#phrases === undefined) {
      const { start, end } = this.sentence
      // Time words inside a quotation are the speaker's, not the article's: blank them out.
      let outside = ''
      let at = start
      for (const q of this.quotations.values()) {
        const from = Math.max(at, q.outerStart)
        const to = Math.min(q.outerEnd, end)
        if (to <= from) continue
        outside += this.text.slice(at, from) + ' '.repeat(to - from)
        at = to
      }
      outside += this.text.slice(at, end)
      this.#phrases = timePhrases(outside).map(({ index, phrase }) => ({
        start: start + index,
        end: start + index + phrase.length,
        phrase,
      }))
    }
    return this.#phrases
  }
}
