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
import { withoutSayingTail } from './said-dates'
import { WEEKDAYS, type Phrase } from './phrases'
import { isBeliefVerb } from './cues'
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
import { bare, capitalized, type Token } from './tokens'
import type { ExtractedStatement, ExtractionContext, TextSpan } from './types'
import { WordClasses } from './word-classes'
import { confidenceOf } from './confidence'
import type { AttributionMethod } from '../domain/vocabulary'

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
  /** Where the attribution came from when not the statement's own sentence. */
  route?: Extract<
    AttributionMethod,
    'sentence-after' | 'sentence-before' | 'transcript' | 'signature' | 'headline'
  >
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
  readonly #memory: SpeakerMemory
  readonly #state: ArticleState
  /** The last quotation statement and its paragraph, for quotations that run on from it. */
  #lastQuoted: { statement: ExtractedStatement; paragraph: number } | null = null
  /**
   * An attribution that ends with its colon ("Carvalho answered on Tuesday:") or a heading that
   * names a speaker: the source of the quotation that opens what follows.
   */
  #pending: { source: Source; paragraph: number } | null = null

  constructor(
    readonly text: string,
    readonly context: ExtractionContext,
  ) {
    this.#outlets = new OutletNames(context.outlets)
    const classes = new WordClasses(text.length)
    this.#state = { lastOutlet: null, shortNames: new Map(), classes }
    this.#memory = new SpeakerMemory(classes)
  }

  #view(sentence: { start: number; end: number }, quotations: Quotation[]): SentenceView {
    return new SentenceView(
      this.text,
      sentence,
      quotations,
      this.#outlets,
      this.#state,
      this.context.published ?? null,
    )
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
      const all = sentences(text, paragraph.start, paragraph.end, inParagraph)
      all.forEach((sentence, k) => {
        const inSentence: Quotation[] = []
        while (s < inParagraph.length && inParagraph[s]!.outerStart < sentence.end)
          inSentence.push(inParagraph[s++]!)
        const next = all[k + 1]
        // The next sentence, read only when a quotation ends this one without an attribution.
        const peek = () =>
          next && !(s < inParagraph.length && inParagraph[s]!.outerStart < next.end)
            ? this.#view(next, [])
            : null
        this.#sentence(this.#view(sentence, inSentence), paragraph, index, peek)
      })
    })
    return this.statements.sort((a, b) => a.start - b.start || b.end - a.end)
  }

  #add(content: Range, kind: Kind, source: Source): ExtractedStatement {
    const resolution =
      source.mention && !source.mentionIsOutlet ? this.#memory.resolve(source.mention.text) : null
    const speaker = resolution?.speaker ?? null
    if (speaker) this.#memory.remember(speaker)
    const method: AttributionMethod = source.mentionIsOutlet
      ? 'outlet'
      : !resolution
        ? 'cue-only'
        : (source.route ?? resolution.method)
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
      method,
      confidence: confidenceOf(method, kind),
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
        route: 'transcript',
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
      route: 'headline',
    })
  }

  #phrase(tokens: Token[], phrase: Phrase): TextSpan {
    return span(this.text, tokens[phrase.first]!.start, tokens[phrase.last]!.end)
  }

  /** Who `a` attributes to and when it was said (outside `claim`, the words of a paraphrase). */
  #source(view: SentenceView, a: Attribution, claim?: { start: number; end: number }): Source {
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
      said: view.said(claim),
    }
  }

  /** The runs of capitalised words of a sentence outside outlets' names, for the people it names. */
  #nameRuns(
    tokens: Token[],
    outlets: Set<number>,
  ): Array<{ text: string; opensSentence: boolean }> {
    const runs: Array<{ text: string; opensSentence: boolean }> = []
    let run: Token[] = []
    let firstWord = true
    const close = () => {
      if (run.length > 0)
        runs.push({ text: run.map((t) => t.text).join(' '), opensSentence: firstWord })
      if (run.length > 0) firstWord = false
      run = []
    }
    tokens.forEach((token, i) => {
      if (token.word && capitalized(token) && !outlets.has(i) && run.length < 8) {
        run.push(token)
        return
      }
      close()
      if (token.word) firstWord = false
    })
    close()
    return runs
  }

  /**
   * A heading that names its speaker ("Mayor Ines Carvalho addresses the council"): no full stop,
   * a few words, a name and then a verb. Its source is the next quotation's when nothing else is.
   */
  #heading(view: SentenceView, paragraph: Range): Source | null {
    const { tokens } = view
    const last = this.text.slice(paragraph.start, paragraph.end).trimEnd().at(-1) ?? ''
    if (/[.!?:"”’]/.test(last) || tokens.length > 14 || view.quotations.size > 0) return null
    const verb = tokens.findIndex((t) => t.word && !capitalized(t))
    if (verb < 1 || !/(?:s|ed)$/.test(tokens[verb]!.text)) return null
    const mention = span(this.text, tokens[0]!.start, tokens[verb - 1]!.end)
    const speaker = this.#memory.resolve(mention.text)?.speaker
    if (!speaker || speaker.anonymous || !speaker.name.includes(' ')) return null
    // A person by a title or a first name the lexicon knows: not "Hurricane Milton nears Florida".
    const isPerson =
      speaker.title !== null || this.#state.classes.name(speaker.name).kind === 'person'
    if (!isPerson) return null
    return {
      cue: span(this.text, tokens[verb]!.start, tokens[verb]!.end),
      mention,
      citedOutlet: null,
      audience: null,
      said: null,
      route: 'headline',
    }
  }

  #sentence(
    view: SentenceView,
    paragraph: Range,
    paragraphIndex: number,
    peek: () => SentenceView | null,
  ): void {
    const { tokens } = view
    this.#memory.nextSentence()
    const outlets = this.#outlets.all(tokens)
    const inOutlets = new Set(outlets.flatMap((o) => range(o.first, o.last)))
    this.#memory.mentioned(this.#nameRuns(tokens, inOutlets))
    tokens.forEach((token, index) => {
      if (token.quotation) this.#quotation(view, index, paragraph, paragraphIndex, peek)
    })
    const endsWithColon = tokens.at(-1)?.text === ':'
    const heading =
      view.sentence.start === paragraph.start && view.sentence.end >= paragraph.end
        ? this.#heading(view, paragraph)
        : null
    if (heading) this.#pending = { source: heading, paragraph: paragraphIndex }
    for (const a of view.attributions) {
      if (!a.speaker && !a.citedOutlet && a.cue.kind !== 'speech') continue
      // "Carvalho answered the critics on Tuesday:" — what she said follows the colon.
      if (endsWithColon && view.quotations.size === 0 && a.cue.kind !== 'belief') {
        this.#pending = { source: this.#source(view, a), paragraph: paragraphIndex }
        continue
      }
      for (const claim of paraphrasesOf(tokens, a, (i) => view.opensSentence(i))) {
        const words = { start: tokens[claim.first]!.start, end: tokens[claim.last]!.end }
        this.#add(words, 'paraphrase', this.#source(view, a, withoutSayingTail(this.text, words)))
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
    const named = outlets.at(-1)
    if (named) this.#state.lastOutlet = named.name
    // "The Financial Times reported …" — later "the Times said".
    for (const outlet of outlets) {
      const last = tokens[outlet.last]!
      if (outlet.last > outlet.first && capitalized(last))
        this.#state.shortNames.set(last.text.toLowerCase().replace(/['’]s$/u, ''), outlet.name)
    }
  }

  #quotation(
    view: SentenceView,
    index: number,
    paragraph: Range,
    paragraphIndex: number,
    peek: () => SentenceView | null,
  ): void {
    const { tokens } = view
    const token = tokens[index]!
    const quotation = view.quotations.get(token.start)!
    const content = quotationText(this.text, quotation)
    if (content.end <= content.start) return
    if (isNameInQuotes(this.text, tokens, index, quotation, view.opensSentence(index))) {
      token.nameInQuotes = true
      return
    }
    const kind: Kind = view.standsAlone(index) ? 'direct' : 'partial'
    const nearest = view.nearestAttribution(index)
    const outer = view.outerAttribution(nearest)
    // The outer speaker only when the pronoun can be them ("she" is not Donald Trump).
    const attribution =
      outer !== nearest &&
      nearest?.speaker &&
      outer?.speaker &&
      !this.#memory.canBe(
        this.#phrase(tokens, nearest.speaker).text,
        this.#phrase(tokens, outer.speaker).text,
      )
        ? nearest
        : outer
    if (attribution) {
      this.#quoted(this.#add(content, kind, this.#source(view, attribution)), paragraphIndex)
      return
    }
    const signed = dashSignature(tokens, index)
    if (signed) {
      const source: Source = {
        cue: null,
        mention: this.#phrase(tokens, signed),
        citedOutlet: null,
        audience: null,
        said: null,
        route: 'signature',
      }
      this.#quoted(this.#add(content, 'direct', source), paragraphIndex)
      return
    }
    // "“It is true.” John Smith said.": the attribution is the whole of the next sentence.
    // Only a quotation that is its whole sentence: "The slogan was “…”. Biden mocked it." is not.
    const whole = view.opensSentence(index) && view.endsSentence(index)
    const next = whole && view.attributions.length === 0 ? peek() : null
    const tail = next ? tailAttribution(next) : null
    if (next && tail) {
      const source: Source = { ...this.#source(next, tail), route: 'sentence-after' }
      this.#quoted(this.#add(content, 'direct', source), paragraphIndex)
      return
    }
    // A colon or a heading before it named the speaker.
    const pending = this.#pending
    if (
      pending &&
      view.attributions.length === 0 &&
      whole &&
      paragraphIndex - pending.paragraph <= 1
    ) {
      this.#pending = null
      const source: Source = { route: 'sentence-before', ...pending.source }
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
        method: 'runs-on',
        confidence: confidenceOf('runs-on', 'direct'),
      }
      this.statements.push(statement)
      this.#quoted(statement, paragraphIndex)
      return
    }
    // A sentence that attributes (it has a cue) but whose speaker was not found: the quotation is
    // still words someone said.
    const cue = view.firstSpeechCue
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

const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, k) => first + k)

/**
 * A sentence that is nothing but an attribution — "John Smith said.", "asked Senator Okafor." —
 * with no quotation and no claim of its own: the attribution of the quotation before it.
 */
function tailAttribution(view: SentenceView): Attribution | null {
  const { tokens } = view
  if (tokens.filter((t) => t.word).length > 14) return null
  // A cue of speech, or one that wants a clause ("Vitter demanded."), never of belief ("Ruiz
  // doubts it"): after a quotation, the sentence says who spoke.
  const a = view.attributions.find((x) => (x.speaker || x.citedOutlet) && !isBeliefVerb(x.cue.text))
  if (!a || paraphrasesOf(tokens, a, (i) => view.opensSentence(i)).length > 0) return null
  // Nothing after the cue and its speaker but a time: "Ana Ruiz denied it." has an object.
  const end = Math.max(a.cue.last, a.inverted ? (a.speaker?.last ?? a.cue.last) : a.cue.last)
  const rest = tokens.slice(end + 1).filter((t) => t.word)
  if (rest.some((t) => !TIME_WORDS.has(bare(t)) && !/^\d+$/.test(t.text))) return null
  return a
}

/** Words a tail attribution may end with: "Okafor said on Monday.", "asked Ruiz later." */
const TIME_WORDS = new Set([
  ...WEEKDAYS,
  ...`on in at last this that yesterday today tonight later earlier recently again then morning
  afternoon evening night week month year`.split(/\s+/),
])

/** Every attributed statement in `text`; see the module comment. */
export function extractStatements(
  text: string,
  context: ExtractionContext = {},
): ExtractedStatement[] {
  return new ArticleReader(text, context).read()
}
