/**
 * Attribution cues: the words that tell who said something. Speech verbs in every form ("said",
 * "tells", "insisted"), verbs of reporting and of belief, and phrases ("according to", "per").
 */
import { bare, capitalized, type Token } from './tokens'
import type { WordClasses } from './word-classes'

/** How a cue relates its speaker and its content. */
export type CueKind =
  /** A speech verb: "X said", "said X", "X told Y". */
  | 'speech'
  /**
   * A verb that attributes a claim or a stance but not a quotation: thought ("X believes"),
   * intention ("X plans"), stance ("X endorsed Cruz"), or a verb like "announced" with a plain
   * object. Paraphrases only.
   */
  | 'belief'
  /** "according to X", "per X": the source follows, the content is the rest of the sentence. */
  | 'source-after'

/**
 * Speech verbs by their base form; every form is derived ("insist" → insists, insisted,
 * insisting). Irregular pasts are listed as extra forms.
 */
const SPEECH_BASES =
  `say tell add ask write explain note argue claim insist warn state declare announce tweet
  post continue reply respond recall acknowledge admit suggest complain conclude contend emphasize
  emphasise stress predict promise pledge vow urge quip joke boast testify report confirm deny describe
  call allege assert maintain remark observe comment counter charge accuse mention disclose reveal
  signal threaten propose demand shout yell recount reiterate agree credit estimate show find indicate
  encourage dub label brand characterize characterise refer deride slam blast praise criticize
  criticise condemn mock tout hail decry dismiss attack blame question lament concede caution advise
  insist rail lash accuse applaud welcome thank recommend insist muse wonder interject scoff sneer
  retort snap plead beg vent gush rave rant concur dispute challenge reject assure promise order
  interrupt exclaim whisper mutter scream cry chant recite greet answer summarize summarise
  preach proclaim insist pronounce surmise speculate theorize theorise opine reckon acknowledge
  recount relate inform notify brief assure vow swear profess announce portray depict frame cast
  liken compare scold`
    .split(/\s+/)
    .filter(Boolean)

const IRREGULAR = `said saying says told tells telling wrote written writes found finds showed shown
  testified testifies replied replies denied denies decried decries`
  .split(/\s+/)
  .filter(Boolean)

const BELIEF_BASES =
  `believe think feel fear worry hope expect doubt know suspect want wish endorse support
  oppose defend decline refuse plan seek back favor favour consider intend vote pledge fault applaud`
    .split(/\s+/)
    .filter(Boolean)

const IRREGULAR_BELIEF = `thought thinks felt knew worried worries wants`
  .split(/\s+/)
  .filter(Boolean)

/** Doubling the last consonant: "admit" → admitted, "slam" → slammed, "quip" → quipped. */
const DOUBLES = /^(?:admit|slam|quip|snap|scoff|vent|rant|plan|commit|omit|refer|regret|prefer)$/

/** The forms of a regular verb: base, -s, -ed, -ing. */
function forms(base: string): string[] {
  const stem = DOUBLES.test(base) && !/(?:ff|nt)$/.test(base) ? base + base.at(-1) : base
  const third = /(?:s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`
  const past = base.endsWith('e')
    ? `${base}d`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ied`
      : `${stem}ed`
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${stem}ing`
  return [base, third, past, ing]
}

const SPEECH_VERBS = [...SPEECH_BASES.flatMap(forms), ...IRREGULAR]
const BELIEF_VERBS = [...BELIEF_BASES.flatMap(forms), ...IRREGULAR_BELIEF]

const SPEECH = new Set(SPEECH_VERBS)
const BELIEF = new Set(BELIEF_VERBS)
const BASES = new Set([...SPEECH_BASES, ...BELIEF_BASES])

/** A verb of saying in any form the lists know: "said", "warns", "quipped". */
export const isSpeechVerb = (word: string) => SPEECH.has(word.toLowerCase())

/** A verb of thought or stance ("doubts", "feared"), which never says whose words they were. */
export const isBeliefVerb = (word: string) =>
  BELIEF.has(word.toLowerCase()) && !SPEECH.has(word.toLowerCase())

/**
 * Whether a cue is a verb's bare form ("say", "comment", "estimate"): after a singular subject it
 * is a noun instead — "a controversial comment", "an overall cost estimate".
 */
export const isBareForm = (cue: Cue) =>
  cue.first === cue.last && BASES.has(cue.text.toLowerCase()) && !PAST_AS_BARE.has(cue.text)

/** Verbs whose past is their bare form: "Clinton cast her rival as …". */
const PAST_AS_BARE = new Set(['cast'])

/** A cue found in a sentence: the tokens it spans and what kind it is. */
export interface Cue {
  kind: CueKind
  /** Index of its first and last token in the sentence's tokens. */
  first: number
  last: number
  start: number
  end: number
  text: string
}

/**
 * Verbs that attribute words only when a quotation or a "that" clause follows them: "called it
 * “a disgrace”" and "declared that …" attribute, "called off the plan" and "declared an
 * emergency" do not.
 */
const NEEDS_THAT_OR_QUOTE = new Set(
  `call continue declare announce deny describe confirm report reveal disclose estimate mention charge accuse signal demand observe dub label brand characterize characterise refer
  deride slam blast praise criticize criticise condemn mock tout hail decry dismiss attack blame
  question lament caution advise rail lash applaud welcome thank recommend challenge reject order
  encourage want wish know liken compare`
    .split(/\s+/)
    .filter(Boolean)
    .flatMap(forms)
    .concat(['denied', 'denies', 'decried', 'knew']),
)

/** Verbs that headlines print in capitals: "Obama Says …", "…, Graham Warns". */
const HEADLINE_CUES = new Set(['says', 'said', 'tells', 'told', 'warns', 'claims', 'urges', 'vows'])

/** A headline in title case: most of its words (of more than three letters) capitalised. */
function isTitleCase(words: Token[]): boolean {
  let long = 0
  let capitals = 0
  for (const token of words) {
    if (!token.word || token.text.length <= 3) continue
    long++
    if (/^\p{Lu}/u.test(token.text)) capitals++
    if (long > 40) return false
  }
  return long >= 3 && capitals / long >= 0.8
}

/** Verbs of evidence, which attribute only a "that" clause: "the poll shows that …". */
const NEEDS_THAT = new Set(
  [
    'show',
    'shows',
    'showed',
    'shown',
    'showing',
    'find',
    'finds',
    'found',
    'finding',
    'indicate',
  ].concat(['indicates', 'indicated', 'indicating']),
)

/** Whether "that" follows token `i` closely. */
function thatAfter(words: Token[], i: number): boolean {
  for (let k = i + 1; k < words.length && k <= i + 4; k++)
    if (bare(words[k]!) === 'that') return true
  return false
}

/** Whether a "that" clause or a quotation follows token `i` closely. */
function thatOrQuotationAfter(words: Token[], i: number): boolean {
  // "Caddell continued:" — what follows the colon, in the next paragraph, is the quotation.
  if (words[i + 1]?.text === ':') return true
  for (let k = i + 1; k < words.length && k <= i + 10; k++) {
    if (words[k]!.quotation || bare(words[k]!) === 'that') return true
  }
  // "“…,” he continued": the quotation just before the cue counts too.
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (words[k]!.quotation) return true
  return false
}

/**
 * "Reid has been pounding Trump as a “con artist”", "Trump admires Putin as a “strong leader”":
 * a quotation that names something as what someone calls it. The verb before "as" is the cue.
 */
function characterisingVerb(words: Token[], quotation: number): number | null {
  let as = quotation - 1
  if (words[as]?.word && ['a', 'an', 'the', 'being'].includes(bare(words[as]!))) as--
  if (!words[as]?.word || bare(words[as]!) !== 'as') return null
  // The clause's own verb: the first finite-looking verb after a capital or a noun phrase, so that
  // "White House officials started to portray the shooting as “…”" takes "started", not "shooting".
  for (let k = Math.max(1, as - 15); k < as; k++) {
    const token = words[k]!
    if (!token.word) continue
    if (
      /^\p{Ll}+(?:ed|s)$/u.test(token.text) &&
      !/(?:ss|us|is|ous)$/.test(token.text) &&
      words[k - 1]!.word
    )
      return k
  }
  for (let k = as - 1; k >= 0 && as - k <= 8; k--) {
    const token = words[k]!
    if (!token.word) return null
    if (/^\p{Ll}+(?:ed|ing|s)$/u.test(token.text) && !/(?:ss|us|is)$/.test(token.text)) return k
  }
  return null
}

/** Nouns of a document or an occasion that says something: "in a poll", "in a statement". */
const SOURCE_NOUNS = new Set([
  'poll',
  'survey',
  'study',
  'report',
  'statement',
  'interview',
  'memo',
  'letter',
  'filing',
  'speech',
  'op-ed',
  'editorial',
  'tweet',
  'post',
  'video',
  'ad',
  'advertisement',
  'email',
  'analysis',
])

/** Whether "In" at `i` opens a phrase ending, before a comma, with a source noun. */
function sourceNounBeforeComma(words: Token[], i: number): boolean {
  for (let k = i + 1; k < words.length && k <= i + 10; k++) {
    const token = words[k]!
    if (token.text === ',') return false
    if (token.word && SOURCE_NOUNS.has(bare(token))) return true
  }
  return false
}

/** Words that may stand between a quotation and the verb as its subject: "the city's mayor". */
const SUBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'one'])
/** Words after a verb of saying that end the attribution: "Okafor fumed on Monday." */
const AFTER_VERB = new Set([
  'on',
  'in',
  'at',
  'last',
  'this',
  'yesterday',
  'today',
  'earlier',
  'later',
])
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we'])

/** A verb the lists know already: found as a cue without asking the tagger. */
const isListed = (token: Token) => {
  const lower = token.text.toLowerCase()
  return SPEECH.has(lower) || BELIEF.has(lower)
}

/** A subject of a few words: a pronoun, capitalised words, or a determiner and its nouns. */
function isSubject(words: Token[], first: number, last: number): boolean {
  if (last < first || last - first > 5) return false
  const head = words[first]!
  if (!head.word) return false
  if (first === last && SUBJECT_PRONOUNS.has(head.text.toLowerCase())) return true
  const determined = SUBJECT_DETERMINERS.has(head.text.toLowerCase())
  if (!determined && !capitalized(head)) return false
  for (let k = first + 1; k <= last; k++) {
    const token = words[k]!
    if (!token.word && token.text !== '.') return false
    if (!determined && token.word && !capitalized(token) && token.text !== 'of') return false
  }
  return true
}

/**
 * Any verb of saying where the position leaves no doubt, list or not: "“…,” Okafor fumed." and
 * "Okafor clarified, “…”" / "Okafor scrawled: “…”". The tagger confirms the word is a verb.
 */
function verbsBesideQuotations(words: Token[], classes: WordClasses): number[] {
  const found: number[] = []
  const text = (first: number, last: number) =>
    words
      .slice(first, last + 1)
      .map((t) => t.text)
      .join(' ')
  words.forEach((token, q) => {
    if (!token.quotation) return
    // After: quotation [,] SUBJECT VERB (end of sentence, a comma or a time phrase).
    let from = q + 1
    if (words[from]?.text === ',') from++
    for (let verb = from + 1; verb <= from + 5 && verb < words.length; verb++) {
      const candidate = words[verb]!
      const next = words[verb + 1]
      const ends =
        next === undefined ||
        (!next.word && !next.quotation) ||
        AFTER_VERB.has(next.text.toLowerCase())
      if (!candidate.word || capitalized(candidate) || !ends) continue
      if (isListed(candidate)) break
      if (
        isSubject(words, from, verb - 1) &&
        classes.isVerbAfter(text(from, verb - 1), candidate.text)
      )
        found.push(verb)
      break
    }
    // Before: SUBJECT VERB [,:] quotation, the subject opening the sentence or a clause.
    const mark = words[q - 1]
    const verb = q - 2
    if (!mark || (mark.text !== ',' && mark.text !== ':') || verb < 1) return
    const candidate = words[verb]!
    if (!candidate.word || capitalized(candidate) || isListed(candidate)) return
    let first = verb - 1
    while (first > 0 && verb - first < 5 && words[first - 1]!.word) first--
    if (
      isSubject(words, first, verb - 1) &&
      classes.isVerbAfter(text(first, verb - 1), candidate.text)
    )
      found.push(verb)
  })
  return found
}

/** The cues among a sentence's tokens, in order. */
export function findCues(words: Token[], classes?: WordClasses): Cue[] {
  const cues: Cue[] = []
  /** The cue of kind `kind` over tokens first…last. */
  const add = (kind: CueKind, first: number, last: number) =>
    cues.push({
      kind,
      first,
      last,
      start: words[first]!.start,
      end: words[last]!.end,
      text: words
        .slice(first, last + 1)
        .map((t) => t.text)
        .join(' '),
    })
  let seenWord = false
  const titleCase = isTitleCase(words)
  const verbs = new Set<number>()
  words.forEach((token, i) => {
    if (!token.quotation) return
    const verb = characterisingVerb(words, i)
    if (verb !== null) verbs.add(verb)
  })
  for (let i = 0; i < words.length; i++) {
    const token = words[i]!
    if (!token.word) continue
    const opens = !seenWord
    seenWord = true
    const lower = token.text.toLowerCase()
    const next = words[i + 1]
    if (lower === 'according' && next && bare(next) === 'to') {
      add('source-after', i, i + 1)
      i++
      continue
    }
    // "In a poll released Monday, 50 percent …", "In a statement, the ministry …": the source opens
    // the sentence and its claim follows the comma.
    if (opens && lower === 'in' && sourceNounBeforeComma(words, i)) {
      add('source-after', i, i)
      continue
    }
    // "As reported by Reuters, …", "first reported by the Post": the outlet follows.
    if (lower === 'reported' && next && bare(next) === 'by') {
      add('source-after', i, i + 1)
      i++
      continue
    }
    // "per the report", "per Reuters" — not "per capita".
    if (lower === 'per' && next && next.word && (capitalized(next) || bare(next) === 'the')) {
      add('source-after', i, i)
      continue
    }
    // A verb in capitals is part of a name ("The Washington Post"), not a cue — unless it opens the
    // sentence ("Asked about the plan, …", "Said Ms. Lee: …") or the sentence is a headline in
    // title case ("Obama Says Museum Will Tell …", "…, Lindsey Graham Says").
    if (/^\p{Lu}/u.test(token.text) && !opens && !(titleCase && HEADLINE_CUES.has(lower))) continue
    if (verbs.has(i) && !SPEECH.has(lower)) {
      add('speech', i, i)
      continue
    }
    if (SPEECH.has(lower)) {
      // Without a clause or a quotation after it, "announced his resignation" attributes a claim only.
      // "The poll shows that …" attributes; "had shown bad judgment in using X “as a …”" does not.
      const weak = NEEDS_THAT.has(lower)
        ? !thatAfter(words, i)
        : NEEDS_THAT_OR_QUOTE.has(lower) && !thatOrQuotationAfter(words, i)
      add(weak ? 'belief' : 'speech', i, i)
      continue
    }
    if (BELIEF.has(lower)) {
      add('belief', i, i)
    }
  }
  if (!classes) return cues
  const taken = new Set(cues.flatMap((c) => [c.first, c.last]))
  for (const i of verbsBesideQuotations(words, classes)) {
    if (!taken.has(i)) add('speech', i, i)
  }
  return cues.sort((a, b) => a.first - b.first)
}
