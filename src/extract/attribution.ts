/**
 * The attribution a sentence makes: which cue, whose words (the speaker mention), to whom (an
 * audience or an outlet), and which outlet is cited — found in the words outside its quotations.
 */
import { isBareForm, type Cue } from './cues'
import { DOCUMENT_NOUNS, OUTLET_ANAPHORA, type OutletMatch, type OutletNames } from './outlet-names'
import { phraseAfter, PRONOUNS, SPEAKER_NOUNS, subjectBefore, type Phrase } from './phrases'
import { bare, capitalized, type Token } from './tokens'
import type { WordClasses } from './word-classes'

export interface Attribution {
  cue: Cue
  /** The speaker as printed, as token indices; null when the source is an outlet or nobody. */
  speaker: Phrase | null
  /** The outlet cited as the source, with where it is named (null span for "the report"). */
  citedOutlet: { name: string; phrase: Phrase | null } | null
  /** Whom it was said to, when that is not an outlet. */
  audience: Phrase | null
  /** True when the speaker follows the cue: "…,” said Donna Brazile. */
  inverted: boolean
  /** True when the speaker phrase names an outlet ("the AP said"): a mention, not a person. */
  speakerIsOutlet?: boolean
  /**
   * The claim ends at the next comma: a cue inside a relative clause ("McConnell, who said the goal
   * was X, retired") or a noun ("Trump’s claim that X has been debunked"), whose sentence goes on.
   */
  clauseOnly?: boolean
  /**
   * A noun cue ("Trump’s claim that …"): it attributes the quotations near it, but where its claim
   * ends cannot be told from commas, so it makes no paraphrase.
   */
  quotationsOnly?: boolean
}

/** What the text has named so far, for "according to the report" and "the paper said". */
export interface ArticleState {
  lastOutlet: string | null
  /**
   * The outlets named so far by the last word of their name ("times" → "The New York Times"), for
   * "the Times said" — the short name a paper goes by after its first mention.
   */
  shortNames: Map<string, string>
  /** The article's questions to the tagger. */
  classes: WordClasses
}

const TELL = new Set(['tell', 'tells', 'told', 'telling'])
/** Words that introduce the relative clause of an outlet: "The Times, which first reported…". */
const RELATIVE = new Set(['which', 'that', 'who'])

const outletAt = (outlets: OutletNames, tokens: Token[], phrase: Phrase | null) =>
  phrase ? outlets.at(tokens, phrase.first) : null

/**
 * "the report", "the paper" (the outlet named last) and "the Times", "the Journal" (the outlet named
 * before by that last word): an outlet named before, as long as the phrase is only that.
 */
function outletAnaphor(tokens: Token[], phrase: Phrase | null, state: ArticleState): string | null {
  if (!phrase) return null
  const words = tokens.slice(phrase.first, phrase.last + 1).filter((t) => t.word)
  const head = words.at(-1)
  if (!head || words.length < 2 || words.length > 3) return null
  if (!['the', 'that', 'this', 'its'].includes(bare(words[0]!))) return null
  // "the Times": exactly the article and the short name — "The Seattle Times" is another paper.
  if (capitalized(head))
    return words.length === 2 ? (state.shortNames.get(bare(head)) ?? null) : null
  // "the report" may be the outlet's; "the congressional report" is a document of its own.
  if (DOCUMENT_NOUNS.has(bare(head)) && words.length > 2) return null
  return OUTLET_ANAPHORA.has(bare(head)) ? state.lastOutlet : null
}

/** Words that end a bare audience: the clause or a time phrase begins. */
const AUDIENCE_ENDS = new Set([
  'that',
  'this',
  'the',
  'a',
  'an',
  'last',
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'about',
  'of',
])

/** Whom "told" names after it: an outlet, or an audience ("reporters", "the FBI"). */
function toldWhom(tokens: Token[], cue: Cue, outlets: OutletNames, state: ArticleState) {
  const from = cue.last + 1
  const outlet = outlets.at(tokens, from)
  if (outlet) return { outlet, audience: null }
  const phrase = phraseAfter(tokens, from, { appositive: false })
  const anaphor = outletAnaphor(tokens, phrase, state)
  // "told the paper": the outlet named before.
  if (phrase && anaphor) return { outlet: { name: anaphor, ...phrase }, audience: null }
  if (phrase && !PRONOUNS.has(bare(tokens[phrase.first]!)))
    return { outlet: null, audience: phrase }
  // "told reporters the storm was …": a bare plural noun, up to where the clause begins.
  let last = from - 1
  while (last + 1 < tokens.length && last - from < 5) {
    const next = tokens[last + 1]!
    if (!next.word || PRONOUNS.has(bare(next)) || AUDIENCE_ENDS.has(bare(next))) break
    last++
  }
  return { outlet: null, audience: last >= from ? { first: from, last } : null }
}

/** The attribution a cue makes, or null when no speaker or source can be found for it. */
export function attributionOf(
  tokens: Token[],
  cue: Cue,
  outlets: OutletNames,
  state: ArticleState,
  /** The index of the sentence's first word. */
  firstWord = tokens.findIndex((t) => t.word),
): Attribution | null {
  if (cue.kind === 'source-after') {
    // Opening the sentence, the source ends at the comma before its claim: "According to the
    // Guardian, the ministry …" — an appositive there must be closed by a comma of its own.
    const opens =
      cue.first <= firstWord || (cue.first === firstWord + 1 && bare(tokens[firstWord]!) === 'as')
    let source =
      phraseAfter(tokens, cue.last + 1, { appositive: true, closed: opens }) ??
      (opens && cue.last > cue.first ? phraseToComma(tokens, cue.last + 1) : null)
    if (!source) return null
    // "according to the AP", "per the paper": the outlet is the source, and the phrase its mention.
    // The article's own short name comes first: "the Times" after The New York Times is that paper.
    const anaphor = outletAnaphor(tokens, source, state)
    const found = anaphor ? null : outletAt(outlets, tokens, source)
    // "according to MSNBC host Chris Matthews": a person of the outlet, who is the source.
    const outlet = found && isWholeOutlet(tokens, found, source) ? found : null
    const name = outlet?.name ?? anaphor
    if (found && !outlet) {
      const cited = { name: found.name, phrase: { first: found.first, last: found.last } }
      return { cue, speaker: source, citedOutlet: cited, audience: null, inverted: true }
    }
    if (name !== null) {
      return {
        cue,
        speaker: source,
        citedOutlet: { name, phrase: outlet ? source : null },
        audience: null,
        inverted: true,
        speakerIsOutlet: true,
      }
    }
    return { cue, speaker: source, citedOutlet: null, audience: null, inverted: true }
  }
  const before = tokens[cue.first - 1]
  const after = tokens[cue.last + 1]
  // "…,” said Donna Brazile": the cue comes right after the quotation, the speaker after it.
  // "Said Ellis: “…”": a cue that opens the sentence has its speaker after it too.
  const opensSentence = cue.first <= firstWord && capitalized(tokens[cue.first]!)
  const inverted =
    (opensSentence ||
      (before !== undefined &&
        (before.quotation === true ||
          (before.text === ',' && tokens[cue.first - 2]?.quotation === true)))) &&
    after !== undefined &&
    after.word &&
    !PRONOUNS.has(bare(after))
  // "Clinton spoke out in Tulsa, Oklahoma, arguing …": a participle after a comma belongs to the
  // sentence's subject, not to the words just before it.
  const participle = isTrailingParticiple(tokens, cue)
  let speaker: Phrase | null = inverted
    ? phraseAfter(tokens, cue.last + 1, { appositive: true })
    : ((participle ? sentenceSubject(tokens, firstWord, cue.first) : null) ??
      subjectBefore(tokens, cue.first))
  // "Donald Trump’s claim that …", "his call for …": the cue is a noun, and whose it is speaks.
  const owner = speaker && !inverted && isBareForm(cue) ? possessor(tokens, speaker, cue) : null
  if (owner)
    return {
      cue,
      speaker: owner,
      citedOutlet: null,
      audience: null,
      inverted: false,
      quotationsOnly: true,
    }
  // "a controversial comment", "an overall cost estimate": a bare form after one thing is a noun.
  if (
    speaker &&
    !inverted &&
    isBareForm(cue) &&
    isSingular(tokens, speaker) &&
    !auxiliaryBefore(tokens, speaker.last, cue.first)
  )
    return null
  if (!speaker && !inverted && before?.quotation !== true) {
    // "…, said Donna Brazile" after a clause rather than a quotation.
    if (before?.text === ',' && after?.word && capitalized(after))
      speaker = phraseAfter(tokens, cue.last + 1, { appositive: true })
  }
  // "Hillary Clinton chimed in on Twitter, saying …", "Trump bemoaned the unrest and said …": a
  // cue after a comma, "and" or "while" shares the subject that opens the sentence.
  if (!speaker && !inverted && before && SHARES_SUBJECT.has(before.text.toLowerCase()))
    speaker = sentenceSubject(tokens, firstWord, cue.first) ?? coordinateSubject(tokens, cue.first)
  if (!speaker) return null
  // A phrase that cannot be a speaker ("Mrs. Clinton's", "one of the") leaves the cue without one:
  // the words it attributes are still a statement, whose speaker is not known.
  if (!headsSpeaker(tokens, speaker))
    return { cue, speaker: null, citedOutlet: null, audience: null, inverted }
  let citedOutlet: Attribution['citedOutlet'] = null
  let mentionOnly = false
  let relative = false
  // "The New York Times reported", "the paper said": the outlet is the source.
  const anaphor = outletAnaphor(tokens, speaker, state)
  const outlet = anaphor ? null : outletAt(outlets, tokens, speaker)
  // The speaker phrase stays as the mention ("the AP said" is said by the AP, as printed).
  if (outlet && isWholeOutlet(tokens, outlet, speaker)) {
    citedOutlet = { name: outlet.name, phrase: speaker }
    mentionOnly = true
  } else if (anaphor) {
    citedOutlet = { name: anaphor, phrase: null }
    mentionOnly = true
  } else if (outlet) {
    // "MSNBC host Chris Matthews said": the person speaks, on the outlet.
    citedOutlet = { name: outlet.name, phrase: { first: outlet.first, last: outlet.last } }
  } else if (speaker.first === speaker.last && RELATIVE.has(bare(tokens[speaker.first]!))) {
    // "The Times, which first reported …": the relative pronoun stands for the outlet before it.
    const previous = outletBefore(tokens, speaker.first, outlets)
    if (previous) {
      citedOutlet = { name: previous.name, phrase: { first: previous.first, last: previous.last } }
      speaker = null
    } else {
      // "Mitch McConnell, who in 2010 said …": the person before the comma, with "who" as printed.
      const antecedent = personBefore(tokens, speaker.first)
      if (antecedent === null) return null
      speaker = { first: antecedent, last: speaker.last }
      relative = true
    }
  }
  let audience: Phrase | null = null
  if (TELL.has(cue.text.toLowerCase())) {
    const whom = toldWhom(tokens, cue, outlets, state)
    if (whom.outlet)
      citedOutlet = {
        name: whom.outlet.name,
        phrase: { first: whom.outlet.first, last: whom.outlet.last },
      }
    audience = whom.audience
  }
  return {
    cue,
    speaker,
    citedOutlet,
    audience,
    inverted,
    speakerIsOutlet: mentionOnly,
    clauseOnly: relative,
  }
}

/**
 * Whether a phrase is the outlet and nothing more, or the outlet and an appositive about it ("the
 * Post, which obtained the memo"): not "the Washington Post’s Bob Woodward" or "MSNBC host Chris
 * Matthews", who are people.
 */
function isWholeOutlet(tokens: Token[], outlet: OutletMatch, phrase: Phrase): boolean {
  return outlet.last >= phrase.last || tokens[outlet.last + 1]?.text === ','
}

const AUXILIARIES = new Set(
  `would will could can may might must should shall did does do to not never also n't cannot`.split(
    /\s+/,
  ),
)

/** Whether an auxiliary stands between a subject and its verb: "Trump would support". */
function auxiliaryBefore(tokens: Token[], subjectLast: number, cue: number): boolean {
  for (let k = cue - 1; k > subjectLast && cue - k <= 4; k--) {
    const word = tokens[k]!.text.toLowerCase().replace(/['’]/g, '')
    if (AUXILIARIES.has(word) || word.endsWith('nt')) return true
  }
  return false
}

/** "According to exit polls, …": the source is whatever few words stand before the comma. */
function phraseToComma(tokens: Token[], from: number): Phrase | null {
  let last = from
  while (last < tokens.length && tokens[last]!.word && last - from < 6) last++
  // Things that say, in the plural ("exit polls", "court records"): not "plan" or "tradition".
  if (last - from < 2 || !/[^s]s$/.test(tokens[last - 1]!.text)) return null
  return tokens[last]?.text === ',' ? { first: from, last: last - 1 } : null
}

/**
 * "…, I laughed and said": the subject of the verb just before "and", when the sentence opens with
 * something else. Looks at most eight words back.
 */
function coordinateSubject(tokens: Token[], cue: number): Phrase | null {
  if (bare(tokens[cue - 1]!) !== 'and') return null
  for (let k = cue - 2; k >= 1 && cue - k <= 8; k--) {
    const verb = tokens[k]!
    const subject = tokens[k - 1]!
    if (!verb.word || capitalized(verb) || !subject.word) continue
    if (!PRONOUNS.has(bare(subject)) && !capitalized(subject)) continue
    const phrase = subjectBefore(tokens, k)
    return phrase && headsSpeaker(tokens, phrase) ? phrase : null
  }
  return null
}

/** Subjects that take a plural verb though they do not end in -s. */
const PLURAL_WORDS = new Set(['i', 'we', 'you', 'they', 'people', 'police', 'staff', 'who'])

/** Whether a subject is one thing ("a controversial", "the Pentagon"), so it takes "says". */
function isSingular(tokens: Token[], phrase: Phrase): boolean {
  let last = phrase.first
  while (last < phrase.last && tokens[last + 1]!.text !== ',') last++
  const words = tokens.slice(phrase.first, last + 1).filter((t) => t.word)
  if (words.some((t) => bare(t) === 'and')) return false
  const head = words.at(-1)
  if (!head) return false
  const word = head.text.toLowerCase()
  return !PLURAL_WORDS.has(word) && !/[^s']s$/.test(word)
}

/** What may stand just before a cue that shares the sentence's subject. */
const SHARES_SUBJECT = new Set([',', 'and', 'while', 'before', 'after', 'by'])

/**
 * The noun phrase that opens a sentence and is its subject — "Dean, a former party chairman,"
 * — when it ends before `cue` and is followed by a lowercase word (its verb).
 */
function sentenceSubject(tokens: Token[], firstWord: number, cue: number): Phrase | null {
  if (firstWord < 0 || firstWord >= cue) return null
  const phrase = phraseAfter(tokens, firstWord, { appositive: true, closed: true })
  if (!phrase || phrase.last >= cue - 1) return null
  let next = phrase.last + 1
  if (tokens[next]?.text === ',') next++
  const verb = tokens[next]
  if (!verb?.word || capitalized(verb)) return null
  return headsSpeaker(tokens, phrase) ? phrase : null
}

const DEMONYMS = new Set(
  `republican democratic american mexican british french german chinese russian israeli ukrainian
  canadian european conservative liberal progressive federal national`.split(/\s+/),
)

const NOT_HEADS = new Set(
  `the a an this that these those his her their its our my your some any few of to in on at for
  by with from and or but january february march april may june july august september october
  november december monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
)

/**
 * Whether a phrase can be who said something by its last word before any appositive: not a
 * possessive ("Mrs. Clinton's" is missing its noun), a determiner or preposition ("one of the"),
 * or a day or month ("Friday").
 */
function headsSpeaker(tokens: Token[], phrase: Phrase): boolean {
  // "32% of Republican claims": a demonym alone describes, it does not speak.
  if (phrase.first === phrase.last && DEMONYMS.has(bare(tokens[phrase.first]!))) return false
  let last = phrase.first
  while (last < phrase.last && tokens[last + 1]!.text !== ',') last++
  const head = tokens[last]!
  if (!head.word) return head.text === ')'
  if (/['’]s$/u.test(head.text) && last === phrase.last) return false
  // "Donald Trump’s flurry of late-night (tweets)": a thing of someone's, not someone.
  const possessed = tokens
    .slice(phrase.first, last)
    .some((t) => t.word && capitalized(t) && /['’]s$/u.test(t.text))
  if (possessed && !capitalized(head) && !SPEAKER_NOUNS.has(bare(head))) return false
  return !NOT_HEADS.has(head.text.toLowerCase())
}

/** "Donald Trump’s" just before a noun cue: the possessor's phrase, or null. */
function possessor(tokens: Token[], phrase: Phrase, cue: Cue): Phrase | null {
  const last = tokens[cue.first - 1]
  if (phrase.last !== cue.first - 1 || !last?.word) return null
  const possessive = /['’]s$/u.test(last.text) && capitalized(last)
  return possessive ? phrase : null
}

/** The first token of the name just before ", who": "Mitch McConnell, who". */
function personBefore(tokens: Token[], who: number): number | null {
  if (tokens[who - 1]?.text !== ',') return null
  let first = who - 2
  if (!tokens[first]?.word || !capitalized(tokens[first]!)) return null
  while (first > 0 && who - first < 6 && tokens[first - 1]!.word && capitalized(tokens[first - 1]!))
    first--
  return first
}

/** The outlet named just before a relative pronoun: "The New York Times, which". */
function outletBefore(tokens: Token[], at: number, outlets: OutletNames): OutletMatch | null {
  let i = at - 1
  if (tokens[i]?.text === ',') i--
  for (let first = Math.max(0, i - 5); first <= i; first++) {
    const match = outlets.at(tokens, first)
    if (match && match.last === i) return match
  }
  return null
}

/** "…, she said, adding that …": a participle after a comma shares the subject of the clause before. */
const isTrailingParticiple = (tokens: Token[], cue: Cue) =>
  cue.text.toLowerCase().endsWith('ing') && tokens[cue.first - 1]?.text === ','

/**
 * An outlet the sentence names beside its attribution: "…, Bloomberg reported, citing Reuters"
 * (the one cited), "… said in an interview with The Atlantic", "speaking to CNN".
 */
function outletAlongside(
  tokens: Token[],
  outlets: OutletNames,
  state: ArticleState,
): { name: string; phrase: Phrase; at: number; citing: boolean } | null {
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i]!.word ? bare(tokens[i]!) : ''
    const next = tokens[i + 1]!.word ? bare(tokens[i + 1]!) : ''
    const from =
      word === 'citing'
        ? i + 1
        : (word === 'interview' && next === 'with') ||
            (word === 'speaking' && (next === 'to' || next === 'with'))
          ? i + 2
          : -1
    if (from < 0) continue
    const outlet = outlets.at(tokens, from)
    if (outlet)
      return {
        name: outlet.name,
        phrase: { first: outlet.first, last: outlet.last },
        at: i,
        citing: word === 'citing',
      }
    const phrase = phraseAfter(tokens, from, { appositive: false })
    const anaphor = outletAnaphor(tokens, phrase, state)
    if (phrase && anaphor) return { name: anaphor, phrase, at: i, citing: word === 'citing' }
  }
  return null
}

/** Every cue of a sentence with the attribution it makes, in order. */
export function attributions(
  tokens: Token[],
  cues: Cue[],
  outlets: OutletNames,
  state: ArticleState,
): Attribution[] {
  let found: Attribution[] = []
  const firstWord = tokens.findIndex((t) => t.word)
  for (const cue of cues) {
    const previous = found.at(-1)
    // With no attribution before it, the participle's subject is the sentence's (below).
    if (isTrailingParticiple(tokens, cue) && previous) {
      found.push({ ...previous, cue, audience: null, inverted: false })
      continue
    }
    const attribution = attributionOf(tokens, cue, outlets, state, firstWord)
    if (attribution) found.push(attribution)
  }
  // "According to the Post, Okafor said …", "As reported by Reuters, Okafor said …": the outlet
  // that opens the sentence is cited by the person who speaks in it, not a source of its own.
  const opening = found[0]
  const person = found.find(
    (a) => a !== opening && a.speaker !== null && !a.speakerIsOutlet && a.cue.kind !== 'belief',
  )
  if (
    opening?.cue.kind === 'source-after' &&
    opening.speakerIsOutlet &&
    opening.citedOutlet &&
    person &&
    !person.citedOutlet &&
    person.cue.first > (opening.speaker?.last ?? opening.cue.last)
  ) {
    const cited = opening.citedOutlet
    found = found.slice(1).map((a) => (a === person ? { ...a, citedOutlet: cited } : a))
  }
  // "“…,” Sanders said, according to CNN": Sanders speaks; CNN, which reported it, is cited.
  const trailing = found.at(-1)
  const speaking = found.at(-2)
  if (
    trailing?.cue.kind === 'source-after' &&
    trailing.speakerIsOutlet &&
    trailing.citedOutlet &&
    speaking?.speaker &&
    !speaking.speakerIsOutlet &&
    !speaking.citedOutlet &&
    speaking.cue.kind !== 'belief' &&
    tokens[trailing.cue.first - 1]?.text === ','
  ) {
    const cited = trailing.citedOutlet
    found = found.slice(0, -1).map((a) => (a === speaking ? { ...a, citedOutlet: cited } : a))
  }
  const alongside = outletAlongside(tokens, outlets, state)
  if (alongside) {
    const cited = { name: alongside.name, phrase: alongside.phrase }
    found = found.map((a) =>
      // "X reported, citing Y": Y is cited, whatever X was; otherwise it fills in a missing outlet.
      (alongside.citing && a.cue.first < alongside.at) || !a.citedOutlet
        ? { ...a, citedOutlet: cited }
        : a,
    )
  }
  return found
}
