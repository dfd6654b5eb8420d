/**
 * Extraction: every attributed statement in an article's text with its chain — direct quotations,
 * quoted fragments and paraphrased claims; the speaker as printed and whom it refers to; the cue,
 * the audience, the outlet cited and when it was said.
 *
 * The text is read paragraph by paragraph and sentence by sentence. A quotation takes the
 * attribution of its sentence (the cue nearest to it); a quotation with none continues the speaker
 * of the quotation before it when it plainly runs on (the next paragraph of a long quote, the second
 * half of a quote split around "she said"); any other quotation (a title, a nickname, scare quotes)
 * is not a statement. A cue with a clause and no quotation makes a paraphrase.
 *
 * Deterministic, and linear in the length of the text: every search looks at a bounded window.
 */
import { attributions, type ArticleState, type Attribution } from './attribution'
import { findCues } from './cues'
import { OutletNames } from './outlet-names'
import { phraseAfter, type Phrase } from './phrases'
import { findQuotations, paragraphs, type Quotation } from './quotation-marks'
import { saidDate } from './said-dates'
import { sentences, type Sentence } from './sentences'
import { SpeakerMemory } from './speakers'
import { bare, capitalized, tokensAround, type Token } from './tokens'
import type { ExtractedStatement, ExtractionContext, TextSpan } from './types'

const span = (text: string, start: number, end: number): TextSpan => ({
  start,
  end,
  text: text.slice(start, end),
})
const phraseSpan = (text: string, tokens: Token[], phrase: Phrase): TextSpan =>
  span(text, tokens[phrase.first]!.start, tokens[phrase.last]!.end)

/** A quotation's text as a statement: its inner span without the comma that closes it before an attribution. */
function quotationSpan(text: string, q: Quotation): { start: number; end: number } {
  let start = q.start
  let end = q.end
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--
  return { start, end }
}

/** A title, name or nickname in quotation marks, not words someone said: “El Chapo”, “The Art of the Deal”. */
function isNameInQuotes(text: string, tokens: Token[], index: number, q: Quotation): boolean {
  const words = text.slice(q.start, q.end).match(/[\p{L}\p{N}’']+/gu) ?? []
  if (words.length === 0) return true
  const titleCase = words.every(
    (w) =>
      /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|a|an|and|in|on|for|to|at|de|del|la|el)$/.test(w),
  )
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  const betweenNames =
    before?.word === true && capitalized(before) && after?.word === true && capitalized(after)
  return (
    (titleCase && words.length <= 8 && !/[.!?]$/.test(text.slice(q.start, q.end).trim())) ||
    betweenNames
  )
}

/** Whether a quotation stands as a clause of its own (direct) rather than inside a sentence (partial). */
function standsAlone(tokens: Token[], index: number): boolean {
  const previous = tokens.slice(0, index).filter((t) => t.word || t.quotation)
  if (previous.length === 0) return true
  const before = tokens[index - 1]!
  if (before.text === ':') return true
  const following = tokens.slice(index + 1).filter((t) => t.word || t.quotation)
  const last = following.length === 0
  return last && (before.text === ',' || before.word)
}

/** Chooses, for a quotation, the attribution whose cue is nearest to it. */
function nearest(list: Attribution[], index: number): Attribution | null {
  let best: Attribution | null = null
  let distance = Infinity
  for (const a of list) {
    if (a.cue.kind === 'belief') continue
    const d = a.cue.first > index ? a.cue.first - index : index - a.cue.last
    if (d < distance) {
      best = a
      distance = d
    }
  }
  return best
}

const CLAUSE_BREAKS = new Set(['while', 'but', 'although', 'though', 'whereas'])
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
 * The span of words from token `first` to `last`, or null when it holds fewer than three words or
 * a quotation that is a statement of its own (the quoted words are the statement then).
 */
function contentSpan(
  tokens: Token[],
  first: number,
  last: number,
): { first: number; last: number } | null {
  while (first <= last && !tokens[first]!.word && !tokens[first]!.quotation) first++
  while (last >= first && !tokens[last]!.word && !tokens[last]!.quotation) last--
  if (last < first) return null
  const inside = tokens.slice(first, last + 1)
  if (inside.some((t) => t.quotation && !t.nameInQuotes)) return null
  if (inside.filter((t) => t.word).length < 3) return null
  return { first, last }
}

/** The claim an attribution makes outside quotation marks, as token indices; null when none. */
function paraphraseOf(tokens: Token[], a: Attribution): Array<{ first: number; last: number }> {
  const end = tokens.length - 1
  const found: Array<{ first: number; last: number } | null> = []
  if (a.cue.kind === 'source-after') {
    const source = a.speaker ?? a.citedOutlet?.phrase
    const sourceEnd = source ? source.last : a.cue.last + 2
    if (a.cue.first === 0 || tokens.slice(0, a.cue.first).every((t) => !t.word)) {
      found.push(contentSpan(tokens, sourceEnd + 1, end))
    } else {
      found.push(contentSpan(tokens, 0, a.cue.first - 1))
      if (tokens[sourceEnd + 1]?.text === ',') found.push(contentSpan(tokens, sourceEnd + 2, end))
    }
    return found.filter((f): f is { first: number; last: number } => f !== null)
  }
  const speakerFirst = a.speaker?.first ?? a.citedOutlet?.phrase?.first ?? a.cue.first
  const afterCue =
    (a.audience?.last ?? (a.inverted ? (a.speaker?.last ?? a.cue.last) : a.cue.last)) + 1
  let first = afterCue
  while (first <= end && tokens[first]!.word && SKIP_AFTER_CUE.has(bare(tokens[first]!))) first++
  let last = first
  while (last + 1 <= end) {
    const next = tokens[last + 1]!
    if (
      next.text === ';' ||
      (next.text === ',' && tokens[last + 2]?.word && CLAUSE_BREAKS.has(bare(tokens[last + 2]!)))
    )
      break
    last++
  }
  const after = first <= end && !a.inverted ? contentSpan(tokens, first, last) : null
  if (
    after &&
    !(a.cue.text.toLowerCase() === 'told' && after.first === afterCue && a.audience === null)
  )
    return [after]
  // "…, she said." / "…, said Donna Brazile.": the claim is the clause before.
  const before = Math.min(speakerFirst, a.cue.first) - 1
  if (before > 0 && tokens[before]?.text === ',') {
    const claim = contentSpan(tokens, 0, before - 1)
    if (claim) return [claim]
  }
  return []
}

/**
 * "The flights have reportedly been taking place since …": a claim the article attributes to
 * unnamed reports, with no speaker or outlet.
 */
function reportedClaim(text: string, tokens: Token[]): ExtractedStatement | null {
  const cue = tokens.find((t) => t.word && /^(?:reportedly|allegedly)$/i.test(t.text))
  if (!cue) return null
  const claim = contentSpan(tokens, 0, tokens.length - 1)
  if (!claim) return null
  const start = tokens[claim.first]!.start
  const end = tokens[claim.last]!.end
  return {
    text: text.slice(start, end),
    start,
    end,
    kind: 'paraphrase',
    cue: cue.text,
    cueSpan: span(text, cue.start, cue.end),
    speakerMention: null,
    speaker: null,
    citedOutlet: null,
    audience: null,
    said: null,
  }
}

/** A transcript's speaker label at a paragraph's start: `PENCE:` or `"WALLACE:`. */
const SPEAKER_LABEL = /^["“]?((?:\p{Lu}[\p{Lu}.'’-]+)(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s/u

const DASHES = new Set(['―', '—', '–', '-'])

/** A quotation signed with a dash and a name: “…” ― Sonya Herridge. */
function dashSignature(tokens: Token[], index: number): Phrase | null {
  let i = index + 1
  if (tokens[i]?.text === ',' || tokens[i]?.text === '.') i++
  if (!tokens[i] || !DASHES.has(tokens[i]!.text)) return null
  const name = tokens[i + 1]
  if (!name?.word || !capitalized(name)) return null
  return phraseAfter(tokens, i + 1, { appositive: true })
}

/** Every attributed statement in `text`; see the module comment. */
export function extractStatements(
  text: string,
  context: ExtractionContext = {},
): ExtractedStatement[] {
  const outlets = new OutletNames(context.outlets)
  const memory = new SpeakerMemory()
  const state: ArticleState = { lastOutlet: null }
  const quotations = findQuotations(text)
  const statements: ExtractedStatement[] = []
  let q = 0
  /** The last quotation statement, for quotations that run on from it. */
  let lastQuoted: { statement: ExtractedStatement; paragraph: number } | null = null

  /** A statement attributed to a speaker mention (resolved here) with its cue and chain. */
  const build = (
    content: { start: number; end: number },
    kind: ExtractedStatement['kind'],
    parts: {
      cue: TextSpan | null
      mention: TextSpan | null
      citedOutlet: ExtractedStatement['citedOutlet']
      audience: TextSpan | null
      sentence: Sentence
    },
  ): ExtractedStatement => {
    const speaker = parts.mention ? memory.resolve(parts.mention.text) : null
    if (speaker) memory.remember(speaker)
    const { sentence } = parts
    // Time words inside a quotation are the speaker's, not the article's: look outside them.
    const masked = text
      .slice(sentence.start, sentence.end)
      .replace(/[“"‘][^”"’]*[”"’]/gu, (m) => ' '.repeat(m.length))
    return {
      text: text.slice(content.start, content.end),
      start: content.start,
      end: content.end,
      kind,
      cue: parts.cue?.text ?? null,
      cueSpan: parts.cue,
      speakerMention: parts.mention,
      speaker,
      citedOutlet: parts.citedOutlet,
      audience: parts.audience,
      said: saidDate(masked, 0, masked.length, context.published ?? null),
    }
  }

  const statementFrom = (
    tokens: Token[],
    a: Attribution,
    sentence: Sentence,
    content: { start: number; end: number },
    kind: ExtractedStatement['kind'],
  ): ExtractedStatement =>
    build(content, kind, {
      cue: span(text, a.cue.start, a.cue.end),
      mention: a.speaker ? phraseSpan(text, tokens, a.speaker) : null,
      citedOutlet: a.citedOutlet
        ? {
            name: a.citedOutlet.name,
            span: a.citedOutlet.phrase ? phraseSpan(text, tokens, a.citedOutlet.phrase) : null,
          }
        : null,
      audience: a.audience ? phraseSpan(text, tokens, a.audience) : null,
      sentence,
    })

  paragraphs(text).forEach((paragraph, paragraphIndex) => {
    const inParagraph: Quotation[] = []
    while (q < quotations.length && quotations[q]!.outerStart < paragraph.end)
      inParagraph.push(quotations[q++]!)
    // A transcript: "PENCE: Well, look, …" — the whole paragraph is the labelled speaker's.
    const label = SPEAKER_LABEL.exec(
      text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 60)),
    )
    if (label) {
      const mentionStart = paragraph.start + label.index + label[0].indexOf(label[1]!)
      const mention = span(text, mentionStart, mentionStart + label[1]!.length)
      const contentStart = paragraph.start + label[0].length
      let contentEnd = paragraph.end
      while (contentEnd > contentStart && /[\s"”]/.test(text[contentEnd - 1]!)) contentEnd--
      if (contentEnd > contentStart) {
        const statement = build({ start: contentStart, end: contentEnd }, 'direct', {
          cue: null,
          mention,
          citedOutlet: null,
          audience: null,
          sentence: { start: contentStart, end: contentEnd },
        })
        statements.push(statement)
        lastQuoted = { statement, paragraph: paragraphIndex }
      }
      return
    }
    for (const sentence of sentences(text, paragraph.start, paragraph.end, inParagraph)) {
      const inSentence = inParagraph.filter(
        (x) => x.outerStart >= sentence.start && x.outerStart < sentence.end,
      )
      const tokens = tokensAround(text, sentence.start, sentence.end, inSentence)
      const found = attributions(tokens, outlets, state)
      memory.mentioned(
        tokens
          .filter((t) => t.word)
          .map((t) => t.text)
          .join(' '),
      )

      tokens.forEach((token, index) => {
        if (!token.quotation) return
        const quotation = inSentence.find((x) => x.outerStart === token.start)!
        const content = quotationSpan(text, quotation)
        if (content.end <= content.start) return
        if (isNameInQuotes(text, tokens, index, quotation)) {
          token.nameInQuotes = true
          return
        }
        const a = nearest(found, index)
        const signed = a ? null : dashSignature(tokens, index)
        if (signed) {
          const statement = build(content, 'direct', {
            cue: null,
            mention: phraseSpan(text, tokens, signed),
            citedOutlet: null,
            audience: null,
            sentence,
          })
          statements.push(statement)
          lastQuoted = { statement, paragraph: paragraphIndex }
          return
        }
        if (a) {
          const statement = statementFrom(
            tokens,
            a,
            sentence,
            content,
            standsAlone(tokens, index) ? 'direct' : 'partial',
          )
          statements.push(statement)
          lastQuoted = { statement, paragraph: paragraphIndex }
          return
        }
        // No attribution here: a quotation that runs on from the one before keeps its speaker.
        const previous = lastQuoted as { statement: ExtractedStatement; paragraph: number } | null
        const cues = findCues(tokens)
        const opensSentence =
          standsAlone(tokens, index) && tokens.slice(0, index).every((t) => !t.word)
        const runsOn =
          previous !== null &&
          found.length === 0 &&
          opensSentence &&
          (quotation.continues ||
            previous.paragraph === paragraphIndex ||
            (previous.paragraph === paragraphIndex - 1 &&
              previous.statement.kind === 'direct' &&
              quotation.outerStart === paragraph.start))
        if (!runsOn) {
          // A sentence that attributes (it has a cue) but whose speaker was not found: the quotation
          // is still words someone said.
          if (cues.some((c) => c.kind !== 'belief')) {
            const cue = cues.find((c) => c.kind !== 'belief')!
            statements.push(
              build(content, standsAlone(tokens, index) ? 'direct' : 'partial', {
                cue: span(text, cue.start, cue.end),
                mention: null,
                citedOutlet: null,
                audience: null,
                sentence,
              }),
            )
          }
          return
        }
        const statement: ExtractedStatement = {
          ...previous!.statement,
          text: text.slice(content.start, content.end),
          start: content.start,
          end: content.end,
          kind: 'direct',
        }
        statements.push(statement)
        lastQuoted = { statement, paragraph: paragraphIndex }
      })

      for (const a of found) {
        if (!a.speaker && !a.citedOutlet) continue
        for (const claim of paraphraseOf(tokens, a)) {
          const content = { start: tokens[claim.first]!.start, end: tokens[claim.last]!.end }
          statements.push(statementFrom(tokens, a, sentence, content, 'paraphrase'))
        }
      }
      if (found.length === 0) {
        const reported = reportedClaim(text, tokens)
        if (reported) statements.push(reported)
      }
      const named = outlets.all(tokens).at(-1)
      if (named) state.lastOutlet = named.name
    }
  })
  return statements.sort((a, b) => a.start - b.start || b.end - a.end)
}
