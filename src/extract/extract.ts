/**
 * Extraction: every attributed statement in an article's text with its chain — direct quotations,
 * quoted fragments and paraphrased claims; the speaker as printed and whom it refers to; the cue,
 * the audience, the outlet cited and when it was said.
 *
 * The text is read paragraph by paragraph and sentence by sentence. A quotation takes the
 * attribution of its sentence (the cue nearest to it); a quotation with none continues the speaker
 * of the quotation before it when it plainly runs on (the next paragraph of a long quote, the second
 * half of a quote split around "she said"); a quotation in a sentence that attributes but whose
 * speaker is not found is kept without one; any other quotation (a title, a nickname, scare quotes)
 * is not a statement. A cue with a clause and no quotation makes a paraphrase.
 *
 * Deterministic, and linear in the length of the text: every search looks at a bounded window or
 * at values computed once per sentence.
 */
import type { Attribution, ArticleState } from './attribution'
import { OutletNames } from './outlet-names'
import { paraphrasesOf, reportedClaim } from './paraphrases'
import type { Phrase } from './phrases'
import { findQuotations, paragraphs, type Quotation } from './quotation-marks'
import {
  dashSignature,
  headlineSource,
  isNameInQuotes,
  quotationText,
  transcriptLabel,
} from './quotation-roles'
import { SentenceView } from './sentence-view'
import { sentences } from './sentences'
import { SpeakerMemory } from './speakers'
import type { Token } from './tokens'
import type { ExtractedStatement, ExtractionContext, TextSpan } from './types'

type Kind = ExtractedStatement['kind']
type Range = { start: number; end: number }

/** Everything about a statement but its place and kind. */
interface Source {
  cue: TextSpan | null
  mention: TextSpan | null
  /** The mention names an outlet ("the AP"): there is no person to resolve it to. */
  mentionIsOutlet?: boolean
  citedOutlet: ExtractedStatement['citedOutlet']
  audience: TextSpan | null
  said: ExtractedStatement['said']
}

const span = (text: string, start: number, end: number): TextSpan => ({
  start,
  end,
  text: text.slice(start, end),
})

/** Reads one article; see the module comment. */
class ArticleReader {
  readonly statements: ExtractedStatement[] = []
  readonly #outlets: OutletNames
  readonly #memory = new SpeakerMemory()
  readonly #state: ArticleState = { lastOutlet: null }
  /** The last quotation statement and its paragraph, for quotations that run on from it. */
  #lastQuoted: { statement: ExtractedStatement; paragraph: number } | null = null

  constructor(
    readonly text: string,
    readonly context: ExtractionContext,
  ) {
    this.#outlets = new OutletNames(context.outlets)
  }

  read(): ExtractedStatement[] {
    const { text } = this
    const quotations = findQuotations(text)
    let q = 0
    paragraphs(text).forEach((paragraph, index) => {
      const inParagraph: Quotation[] = []
      while (q < quotations.length && quotations[q]!.outerStart < paragraph.end)
        inParagraph.push(quotations[q++]!)
      if (this.#transcript(paragraph, index)) return
      this.#headline(paragraph, inParagraph)
      let s = 0
      for (const sentence of sentences(text, paragraph.start, paragraph.end, inParagraph)) {
        const inSentence: Quotation[] = []
        while (s < inParagraph.length && inParagraph[s]!.outerStart < sentence.end)
          inSentence.push(inParagraph[s++]!)
        this.#sentence(
          new SentenceView(
            text,
            sentence,
            inSentence,
            this.#outlets,
            this.#state,
            this.context.published ?? null,
          ),
          paragraph,
          index,
        )
      }
    })
    return this.statements.sort((a, b) => a.start - b.start || b.end - a.end)
  }

  #add(content: Range, kind: Kind, source: Source): ExtractedStatement {
    const speaker =
      source.mention && !source.mentionIsOutlet ? this.#memory.resolve(source.mention.text) : null
    if (speaker) this.#memory.remember(speaker)
    const statement: ExtractedStatement = {
      text: this.text.slice(content.start, content.end),
      start: content.start,
      end: content.end,
      kind,
      cue: source.cue?.text ?? null,
      cueSpan: source.cue,
      speakerMention: source.mention,
      speaker,
      citedOutlet: source.citedOutlet,
      audience: source.audience,
      said: source.said,
    }
    this.statements.push(statement)
    return statement
  }

  #quoted(statement: ExtractedStatement, paragraph: number): void {
    this.#lastQuoted = { statement, paragraph }
  }

  /** A transcript paragraph ("PENCE: Well, look, …") is wholly the labelled speaker's. */
  #transcript(paragraph: Range, index: number): boolean {
    const found = transcriptLabel(this.text, paragraph.start, paragraph.end)
    if (!found) return false
    let end = paragraph.end
    while (end > found.content && /[\s"”]/.test(this.text[end - 1]!)) end--
    if (end > found.content) {
      const statement = this.#add({ start: found.content, end }, 'direct', {
        cue: null,
        mention: span(this.text, found.label.start, found.label.end),
        citedOutlet: null,
        audience: null,
        said: null,
      })
      this.#quoted(statement, index)
    }
    return true
  }

  /** "Pence: Gennifer Flowers Won’t Be at Debate": a headline's claim and its source. */
  #headline(paragraph: Range, quotations: Quotation[]): void {
    const found = headlineSource(this.text, paragraph.start, paragraph.end)
    if (!found) return
    let end = paragraph.end
    while (end > found.content && /[\s.]/.test(this.text[end - 1]!)) end--
    if (end - found.content < 8) return
    const quoted = quotations.some((q) => q.outerStart >= found.content)
    this.#add({ start: found.content, end }, quoted ? 'partial' : 'paraphrase', {
      cue: span(this.text, found.source.end, found.source.end + 1),
      mention: span(this.text, found.source.start, found.source.end),
      citedOutlet: null,
      audience: null,
      said: null,
    })
  }

  #phrase(tokens: Token[], phrase: Phrase): TextSpan {
    return span(this.text, tokens[phrase.first]!.start, tokens[phrase.last]!.end)
  }

  #source(view: SentenceView, a: Attribution): Source {
    const { tokens } = view
    return {
      cue: span(this.text, a.cue.start, a.cue.end),
      mention: a.speaker ? this.#phrase(tokens, a.speaker) : null,
      mentionIsOutlet: a.speakerIsOutlet === true,
      citedOutlet: a.citedOutlet
        ? {
            name: a.citedOutlet.name,
            span: a.citedOutlet.phrase ? this.#phrase(tokens, a.citedOutlet.phrase) : null,
          }
        : null,
      audience: a.audience ? this.#phrase(tokens, a.audience) : null,
      said: view.said(),
    }
  }

  #sentence(view: SentenceView, paragraph: Range, paragraphIndex: number): void {
    const { tokens } = view
    this.#memory.mentioned(tokens.filter((t) => t.word).map((t) => t.text))
    tokens.forEach((token, index) => {
      if (token.quotation) this.#quotation(view, index, paragraph, paragraphIndex)
    })
    for (const a of view.attributions) {
      if (!a.speaker && !a.citedOutlet) continue
      for (const claim of paraphrasesOf(tokens, a, (i) => view.opensSentence(i))) {
        this.#add(
          { start: tokens[claim.first]!.start, end: tokens[claim.last]!.end },
          'paraphrase',
          this.#source(view, a),
        )
      }
    }
    if (view.attributions.length === 0) {
      const reported = reportedClaim(tokens)
      if (reported) {
        const { claim, cue } = reported
        this.#add(
          { start: tokens[claim.first]!.start, end: tokens[claim.last]!.end },
          'paraphrase',
          {
            cue: span(this.text, cue.start, cue.end),
            mention: null,
            citedOutlet: null,
            audience: null,
            said: null,
          },
        )
      }
    }
    const named = this.#outlets.all(tokens).at(-1)
    if (named) this.#state.lastOutlet = named.name
  }

  #quotation(view: SentenceView, index: number, paragraph: Range, paragraphIndex: number): void {
    const { tokens } = view
    const token = tokens[index]!
    const quotation = view.quotations.get(token.start)!
    const content = quotationText(this.text, quotation)
    if (content.end <= content.start) return
    if (isNameInQuotes(this.text, tokens, index, quotation)) {
      token.nameInQuotes = true
      return
    }
    const kind: Kind = view.standsAlone(index) ? 'direct' : 'partial'
    const attribution = view.nearestAttribution(index)
    if (attribution) {
      this.#quoted(this.#add(content, kind, this.#source(view, attribution)), paragraphIndex)
      return
    }
    const signed = dashSignature(tokens, index)
    if (signed) {
      const source = {
        cue: null,
        mention: this.#phrase(tokens, signed),
        citedOutlet: null,
        audience: null,
        said: null,
      }
      this.#quoted(this.#add(content, 'direct', source), paragraphIndex)
      return
    }
    // No attribution here: a quotation that runs on from the one before keeps its speaker.
    const previous = this.#lastQuoted
    const runsOn =
      previous !== null &&
      view.attributions.length === 0 &&
      view.opensSentence(index) &&
      (quotation.continues ||
        previous.paragraph === paragraphIndex ||
        (previous.paragraph === paragraphIndex - 1 &&
          previous.statement.kind === 'direct' &&
          quotation.outerStart === paragraph.start))
    if (runsOn) {
      const statement: ExtractedStatement = {
        ...previous.statement,
        text: this.text.slice(content.start, content.end),
        start: content.start,
        end: content.end,
        kind: 'direct',
      }
      this.statements.push(statement)
      this.#quoted(statement, paragraphIndex)
      return
    }
    // A sentence that attributes (it has a cue) but whose speaker was not found: the quotation is
    // still words someone said.
    const cue = view.cues.find((c) => c.kind !== 'belief')
    if (cue) {
      this.#add(content, kind, {
        cue: span(this.text, cue.start, cue.end),
        mention: null,
        citedOutlet: null,
        audience: null,
        said: view.said(),
      })
    }
  }
}

/** Every attributed statement in `text`; see the module comment. */
export function extractStatements(
  text: string,
  context: ExtractionContext = {},
): ExtractedStatement[] {
  return new ArticleReader(text, context).read()
}
