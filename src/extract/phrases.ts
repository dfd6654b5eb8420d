/**
 * Noun phrases around a cue: the speaker before a cue ("Mr. Obama said", "Donna Brazile, the
 * party's chairwoman, said"), after it ("said Donna Brazile, the party's chairwoman"), and whom
 * something was said to ("told reporters"). Each search looks at a bounded number of tokens, so
 * a sentence of any length costs the same per cue.
 */
import { bare, capitalized, type Token } from './tokens'

/**
 * `appositive`: take the appositive after a comma too ("Donna Brazile, the party's chairwoman");
 * `closed`: only an appositive closed by a comma of its own (the sentence's claim follows it).
 */
export interface PhraseOptions {
  appositive: boolean
  closed?: boolean
}

/** A phrase's first and last token indices. */
export interface Phrase {
  first: number
  last: number
}

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who'])

// Not "that": before a verb it is far more often "… said that …" than "that official".
const DETERMINERS = new Set(
  `the a an this these those his her their its our my your some many several both other another
  few most all one two three four five six seven eight nine ten dozens hundreds thousands numerous
  various each every either any no such`.split(/\s+/),
)

/** Nouns that can head a speaker: people, roles, bodies and documents that say things. */
export const SPEAKER_NOUNS = new Set(
  `official officials spokesman spokeswoman spokesperson spokespeople aide aides source sources person
  people adviser advisers advisor advisors analyst analysts expert experts lawmaker lawmakers leader
  leaders member members president secretary minister director chief chairman chairwoman chair governor
  senator representative candidate candidates nominee campaign administration department agency ministry
  government police prosecutor prosecutors lawyer lawyers attorney attorneys statement report reports
  paper newspaper poll polls survey study studies researchers researcher scientists scientist economist
  economists strategist strategists operative operatives staffer staffers diplomat diplomats officer
  officers investigators investigator critics critic supporters supporter voters voter residents resident
  witness witnesses activist activists organizers organizer group groups committee commission council
  court judge justice mayor ambassador general commander team office spokespeople insiders insider
  observers observer man woman men women friend friends family relatives colleague colleagues
  democrats republicans party company firm network outlet agency authorities authority regulators
  aides allies ally opponents opponent rivals rival campaigns data figures records documents memo letter
  filing analysis polling pollster pollsters economist advocates advocate union unions host anchor
  reporter reporters correspondent columnist editor writer contributor commentator percent majority
  plurality respondents`.split(/\s+/),
)

/** Words that may sit inside a speaker's noun phrase without heading it. */
const MODIFIERS = new Set(
  `senior former top chief deputy acting local state federal national foreign military white house
  campaign party government police election health law enforcement intelligence security defense
  justice department administration congressional republican democratic independent presidential
  vice prime press communications political longtime veteran current new high-ranking ranking
  mexican american u.s. us of and for at the`.split(/\s+/),
)

/** Adverbs and auxiliaries that may stand between a speaker and the verb: "she has also said". */
const BETWEEN = new Set(
  `also has have had 's would will did does do is was were later recently then once repeatedly
  previously again further finally first earlier privately publicly flatly simply quickly reportedly
  allegedly initially subsequently often frequently still even already never not just had`.split(
    /\s+/,
  ),
)

const isWordLike = (t: Token | undefined) => t !== undefined && t.word

/**
 * Words that open sentences and clauses, capitalised there, and never name anyone: "As reported
 * by …", "However, …". (Not "Will", "May" or "Grant", which are names too.)
 */
const NEVER_NAMES = new Set(
  `as however but and or if when while after before because although though since then meanwhile
  yet so in on at by for with from during despite according asked also instead later earlier now
  here there this that these those what which where why how nor still thus therefore moreover
  furthermore indeed besides otherwise elsewhere overall once even just only`.split(/\s+/),
)

/** A capitalised word that can be part of a name. */
const namelike = (token: Token) => capitalized(token) && !NEVER_NAMES.has(token.text.toLowerCase())

/** "one said", "said another": a member of a group named before. */
const GROUP_MEMBERS = new Set(['one', 'another'])
/** Nouns that end as adverbs do: "attorneys for the family said". */
const LY_NOUNS = new Set(
  'family ally rally assembly supply monopoly anomaly bully reply july italy'.split(' '),
)
const isLyAdverb = (t: Token) =>
  /^[a-z]+ly$/.test(t.text) && t.text.length > 4 && !LY_NOUNS.has(t.text)

/** Whether a token can be part of a speaker's noun phrase. */
function inPhrase(token: Token): boolean {
  if (!token.word) return token.text === '&'
  const word = bare(token)
  return (
    namelike(token) ||
    DETERMINERS.has(word) ||
    SPEAKER_NOUNS.has(word) ||
    MODIFIERS.has(word) ||
    /^\d+$/.test(word)
  )
}

/** Whether a token can end (head) a speaker's noun phrase. */
function headsPhrase(token: Token): boolean {
  if (!token.word) return false
  const word = bare(token)
  return PRONOUNS.has(word) || namelike(token) || SPEAKER_NOUNS.has(word)
}

/**
 * A common noun that heads a phrase opened by a determiner a few words before: "The New York
 * businessman says", "his doctor wrote". Returns the determiner's index, or -1.
 */
function determinerBefore(tokens: Token[], head: number): number {
  if (NOT_NOUNS.has(bare(tokens[head]!)) || /(?:ed|ing|ly)$/.test(tokens[head]!.text)) return -1
  for (let i = head - 1; i >= 0 && head - i <= 5; i--) {
    const token = tokens[i]!
    if (!token.word || NOT_NOUNS.has(bare(token))) return -1
    if (DETERMINERS.has(bare(token)) || /['’]s$/u.test(token.text)) return i
  }
  return -1
}

/** Words that never head or sit inside a speaker's noun phrase: verbs, conjunctions, prepositions. */
const NOT_NOUNS = new Set(
  `to are is was were be been being but and or that which who whom whose if when while because as
  than then should would could will can may might must do does did have has had not no so also in on
  at by for with from into about over after before under between through during against without
  there here it he she they we i you`.split(/\s+/),
)

/** Longest run of phrase tokens ending at `last`, at most `max` tokens, not starting with "and"/"of". */
function extendLeft(tokens: Token[], last: number, max = 10): number {
  let first = last
  while (first - 1 >= 0 && last - first < max && inPhrase(tokens[first - 1]!)) first--
  while (first < last && ['and', 'of', 'for', 'at'].includes(bare(tokens[first]!))) first++
  return first
}

/**
 * The speaker before the cue at `cue`: "Mr. Obama said", "Defense Secretary Pete Hegseth recently
 * said", "Donna Brazile, the party's chairwoman, said". Null when none stands there.
 */
export function subjectBefore(tokens: Token[], cue: number): Phrase | null {
  let i = cue - 1
  while (i >= 0 && tokens[i]!.word && (BETWEEN.has(bare(tokens[i]!)) || isLyAdverb(tokens[i]!))) i--
  // "The Times on Saturday wrote", "who in 2010 said": a day or a year between the subject and
  // its verb is not the subject.
  const when = (t: Token) => WEEKDAYS.has(bare(t)) || /^(?:1[89]|20)\d\d$/.test(t.text)
  if (i >= 1 && when(tokens[i]!) && ['on', 'in'].includes(bare(tokens[i - 1]!))) i -= 2
  while (i >= 0 && tokens[i]!.word && (BETWEEN.has(bare(tokens[i]!)) || isLyAdverb(tokens[i]!))) i--
  // "Sen. Harry Reid (D-Nev.) said": a party and state in brackets belong to the name before them.
  let bracketed: number | null = null
  if (tokens[i]?.text === ')') {
    let open = i - 1
    while (open >= 0 && i - open < 8 && tokens[open]!.text !== '(') open--
    if (open >= 1 && tokens[open]!.text === '(' && tokens[open - 1]!.word) {
      bracketed = i
      i = open - 1
    }
  }
  if (i < 0) return null
  let appositiveFirst: number | null = null
  if (tokens[i]!.text === ',') {
    // An appositive closed by a comma: find the comma that opens it.
    let j = i - 1
    while (j >= 0 && i - j < 25 && tokens[j]!.text !== ',' && !tokens[j]!.quotation) j--
    if (j < 0 || tokens[j]!.text !== ',') return null
    // "Rep. Gregory Meeks (D-N.Y.), chairman of …, said": the name stands before its bracket.
    let nameEnd = j - 1
    if (tokens[nameEnd]?.text === ')') {
      let open = nameEnd - 1
      while (open >= 0 && nameEnd - open < 8 && tokens[open]!.text !== '(') open--
      if (open >= 1 && tokens[open]!.text === '(') nameEnd = open - 1
    }
    if (!isWordLike(tokens[nameEnd])) return null
    appositiveFirst = j
    i = nameEnd
  }
  const head = tokens[i]!
  if (GROUP_MEMBERS.has(bare(head)) && appositiveFirst === null) return { first: i, last: i }
  if (!headsPhrase(head)) {
    const determiner = head.word && /^\p{Ll}/u.test(head.text) ? determinerBefore(tokens, i) : -1
    if (determiner === -1) {
      // "Experts on North Korea said", "officials at the agency said": a speaker noun and the
      // phrase that says which.
      const noun = nounBeforePreposition(tokens, i)
      if (noun === -1) return null
      return { first: extendLeft(tokens, noun), last: appositiveFirst === null ? i : cue - 1 }
    }
    return { first: determiner, last: appositiveFirst === null ? i : cue - 1 }
  }
  if (PRONOUNS.has(bare(head)) && head.text.toLowerCase() !== 'it') {
    return { first: i, last: appositiveFirst === null ? i : cue - 1 }
  }
  const first = extendLeft(tokens, i)
  if (bracketed !== null) return { first, last: bracketed }
  const open = appositiveFirst === null ? openAppositive(tokens, first) : null
  if (open !== null) return { first: open, last: cue - 1 }
  // A lone capitalized word at the start of a sentence may be an ordinary word ("However said")…
  // but a lone capital before a cue is almost always a name, so it is kept.
  let last = i
  if (appositiveFirst !== null) {
    last = cue - 1
    while (
      last > i &&
      (tokens[last]!.text === ',' || BETWEEN.has(bare(tokens[last]!)) || isLyAdverb(tokens[last]!))
    )
      last--
  }
  return { first, last }
}

export const WEEKDAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
)

const OF_WHICH = new Set(['on', 'of', 'at', 'from', 'with', 'in', 'for'])

/**
 * A speaker noun followed by a preposition a few words before `head`, all words between: the
 * index of the noun in "Experts on North Korea and nuclear nonproliferation", else -1.
 */
function nounBeforePreposition(tokens: Token[], head: number): number {
  for (let k = head - 1; k >= 0 && head - k <= 8; k--) {
    const token = tokens[k]!
    if (!token.word) return -1
    if (SPEAKER_NOUNS.has(bare(token)) && OF_WHICH.has(bare(tokens[k + 1]!)) && k + 1 < head)
      return k
  }
  return -1
}

/** Prepositions that put a place or a body inside an appositive: "the agent in Mexico City". */
const INSIDE_APPOSITIVE = new Set(['in', 'at', 'of', 'from', 'for', 'with', 'near', 'outside'])

/**
 * "Todd Zimmerman, the agency's agent in Mexico City said": an appositive whose closing comma is
 * missing leaves a place or a body just before the cue. When a preposition stands before the
 * phrase found and a comma before that follows a name, the phrase is the name and its appositive;
 * returns the name's first token, or null.
 */
function openAppositive(tokens: Token[], first: number): number | null {
  const before = tokens[first - 1]
  if (!before?.word || !INSIDE_APPOSITIVE.has(before.text)) return null
  for (let j = first - 2; j >= 1 && first - j < 20; j--) {
    const token = tokens[j]!
    if (token.quotation) return null
    if (token.text !== ',') continue
    const name = tokens[j - 1]!
    if (!name.word || !namelike(name)) return null
    return extendLeft(tokens, j - 1)
  }
  return null
}

/** Words that end a phrase after a cue: time and place ("said on Tuesday", "said in a statement"). */
const ENDS_PHRASE_AFTER = new Set(
  `on in at during after before when while to that this last next earlier later yesterday today
  tonight monday tuesday wednesday thursday friday saturday sunday because as if though although but
  about`.split(/\s+/),
)

/**
 * The phrase after the token at `from` (the speaker of "said Donna Brazile, the party's
 * chairwoman", or the source of "according to the poll"): a noun phrase and, after a comma, its
 * appositive up to the end of the sentence or the next comma. Null when none stands there.
 */
export function phraseAfter(tokens: Token[], from: number, options: PhraseOptions): Phrase | null {
  const first = from
  const start = tokens[first]
  if (!start || !start.word) return null
  const startWord = bare(start)
  if (PRONOUNS.has(startWord)) return { first, last: first }
  if (GROUP_MEMBERS.has(startWord) && !tokens[first + 1]?.word) return { first, last: first }
  if (!inPhrase(start)) return null
  // "the customs agency", "his doctor": a determiner and the common nouns after it.
  if (DETERMINERS.has(startWord) && tokens[first + 1]?.word && !capitalized(tokens[first + 1]!)) {
    let last = first
    while (last + 1 < tokens.length && last - first < 5) {
      const next = tokens[last + 1]!
      if (
        !next.word ||
        capitalized(next) ||
        NOT_NOUNS.has(bare(next)) ||
        ENDS_PHRASE_AFTER.has(bare(next))
      )
        break
      last++
    }
    if (last > first && !/ly$/.test(tokens[last]!.text))
      return withAppositive(tokens, first, last, options)
  }
  let last = first
  while (last + 1 < tokens.length && last - first < 12) {
    const next = tokens[last + 1]!
    const word = next.word ? bare(next) : ''
    if (!inPhrase(next) || (ENDS_PHRASE_AFTER.has(word) && !capitalized(next))) break
    // "of" continues a name only before a capital: "Secretary of State John Kerry".
    if (
      word === 'of' &&
      !(
        tokens[last + 2] &&
        (capitalized(tokens[last + 2]!) || DETERMINERS.has(bare(tokens[last + 2]!)))
      )
    )
      break
    last++
  }
  while (last > first && ['and', 'of', 'the', 'a', 'for', 'at'].includes(bare(tokens[last]!)))
    last--
  if (!headsPhrase(tokens[last]!) && !tokens.slice(first, last + 1).some(headsPhrase)) return null
  return withAppositive(tokens, first, last, options)
}

/** A phrase with, when asked for, the appositive after it: ", the chief economist at Nordbank". */
function withAppositive(
  tokens: Token[],
  first: number,
  last: number,
  options: PhraseOptions,
): Phrase {
  if (options.appositive && tokens[last + 1]?.text === ',' && tokens[last + 2]?.word) {
    if (options.closed) {
      // Looked for within the appositive's own bound, so the cost per cue stays constant.
      let closing = last + 2
      while (closing < tokens.length && closing - last <= 30 && tokens[closing]!.text !== ',')
        closing++
      if (tokens[closing]?.text !== ',') return { first, last }
    }
    const lead = bare(tokens[last + 2]!)
    if (
      DETERMINERS.has(lead) ||
      MODIFIERS.has(lead) ||
      SPEAKER_NOUNS.has(lead) ||
      capitalized(tokens[last + 2]!)
    ) {
      let end = last + 2
      while (
        end + 1 < tokens.length &&
        end - last < 30 &&
        tokens[end + 1]!.text !== ',' &&
        !tokens[end + 1]!.quotation &&
        !['.', ';', ':', '?', '!'].includes(tokens[end + 1]!.text)
      )
        end++
      return { first, last: end }
    }
  }
  return { first, last }
}
