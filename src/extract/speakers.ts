/**
 * Who a speaker mention is: a name with the title the article gives it ("Mexican President
 * Claudia Sheinbaum" → Claudia Sheinbaum, "Mexican President"), an anonymous source ("a U.S.
 * official"), or a pronoun or surname that refers back to someone named before ("she",
 * "Trevilla").
 */
import type { AttributionMethod } from '../domain/vocabulary'
import type { ResolvedSpeaker } from './types'
import type { WordClasses } from './word-classes'

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.'])

/** Words that make a title rather than a name when they come before one. */
const TITLE_WORDS = new Set(
  `president vice secretary minister prime general gen. sen. senator rep. representative governor gov.
  mayor chairman chairwoman chair director chief judge justice ambassador spokesman spokeswoman
  commander admiral adm. lt. col. colonel captain sgt. sergeant attorney speaker leader deputy former
  acting first lady sheriff pope king queen prince princess rev. reverend father sister detective
  officer agent special defense state foreign interior homeland security treasury health education
  energy labor commerce justice agriculture transportation house senate majority minority whip
  republican democratic democrat gop party candidate nominee presidential mexican american u.s. us
  british french german chinese russian israeli ukrainian canadian european white press campaign
  campaign's top senior executive ceo founder co-founder professor prof. analyst strategist pollster
  host anchor reporter correspondent columnist editor writer contributor commentator`.split(/\s+/),
)

/** Nouns that make a phrase an anonymous source when no name stands in it. */
const ANONYMOUS_HEADS =
  /\b(?:official|officials|source|sources|aide|aides|person|people|adviser|advisers|advisor|advisors|spokesman|spokeswoman|spokesperson|diplomat|diplomats|officer|officers|insider|insiders|lawmaker|lawmakers|analyst|analysts|expert|experts|resident|residents|witness|witnesses|staffer|staffers|operative|operatives|someone|authorities|investigators)\b/i

const PRONOUN = /^(?:he|she|they|i|we|you|him|her|them)$/i

const words = (text: string) =>
  text.match(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\.?/gu) ?? []
const isCapital = (w: string) => /^\p{Lu}/u.test(w)

/** A mention as printed → name, title and anonymity, before any reference to earlier mentions. */
export function describeMention(printed: string): ResolvedSpeaker {
  // "Harry Reid (D-Nev.)", "Paul Ryan, R-Wis.,": a party and state say nothing of who it is.
  const mention = printed
    .replace(/\s*\([^()]{0,20}\)/g, '')
    .replace(/,\s*[RDI]-[\p{L}. ]{2,12},?\s*$/u, '')
    .replace(/,\s*[RDI]-[\p{L}. ]{2,12},/u, ',')
    // "McConnell, who": the relative pronoun as printed says nothing more of who it is.
    .replace(/,\s*(?:who|which)\s*$/iu, '')
    // "Donald Trump’s claim": the possessor.
    .replace(/['’]s\s*$/u, '')
  const comma = mention.indexOf(',')
  const head = (comma === -1 ? mention : mention.slice(0, comma)).trim()
  const appositive =
    comma === -1
      ? null
      : mention
          .slice(comma + 1)
          .replace(/,\s*$/, '')
          .trim() || null
  // "CNN’s Jake Tapper": the name is what follows the last possessive.
  const allWords = words(head).filter((w) => !HONORIFICS.has(w.toLowerCase()))
  const lastPossessive = allWords.findLastIndex(
    (w, k) => k < allWords.length - 1 && /['’]s$/u.test(w),
  )
  const headWords = allWords
  // The name: the capitalised words at the end of the head that are not title words.
  let split = headWords.length
  while (
    split > 0 &&
    isCapital(headWords[split - 1]!) &&
    !TITLE_WORDS.has(headWords[split - 1]!.toLowerCase())
  )
    split--
  if (lastPossessive >= 0 && split <= lastPossessive) split = lastPossessive + 1
  const name = headWords.slice(split).join(' ')
  const leading = headWords.slice(0, split).join(' ')
  const isName =
    name !== '' &&
    headWords
      .slice(0, split)
      .every(
        (w) => isCapital(w) || TITLE_WORDS.has(w.toLowerCase()) || /^(?:of|the|for|and)$/i.test(w),
      )
  // "Mexico's Secretary of Defense, Gen. Ricardo Trevilla", "His spokeswoman, Karoline Leavitt",
  // "The mayor of Chicago, Brandon Johnson": a title first, the person's full name in apposition.
  const inner = appositive ? describeMention(appositive) : null
  const fullName =
    inner !== null &&
    !inner.anonymous &&
    inner.name.includes(' ') &&
    inner.title !== appositive &&
    inner.name === appositive!.replace(/^(?:(?:\p{Lu}[\p{L}.]*\.)\s+)*/u, '').trim()
  const titleFirst = name === '' || /\b(?:of|in|at|for)\s+\p{Lu}/u.test(leading + ' ' + name)
  if (fullName && titleFirst && (name === '' || !isName || leading !== ''))
    return { name: inner.name, title: head, anonymous: false }
  if (isName && !ANONYMOUS_HEADS.test(name)) {
    return { name, title: appositive ?? (leading || null), anonymous: false }
  }
  return {
    name: head,
    title: appositive,
    // An unnamed source: "a U.S. official", "one", "another", "the driver" — a description, no name.
    anonymous:
      ANONYMOUS_HEADS.test(head) ||
      /^(?:a|an|one|another|two|several|some|many)\b/i.test(head) ||
      /^(?:[Tt]he|[Tt]his|[Tt]hat)\s.*\b\p{Ll}[\p{L}'’-]*$/u.test(head),
  }
}

/** The last word of a name, to match a later mention by surname: "Ricardo Trevilla" → "trevilla". */
export const surname = (name: string) =>
  words(name)
    .at(-1)
    ?.toLowerCase()
    .replace(/['’]s$/u, '') ?? ''

/** Nouns of office a person is referred to by: "the president", "the general", "the DEA agent". */
const ROLES = new Set(
  `president secretary minister general senator governor mayor agent chief director spokesman
  spokeswoman spokesperson ambassador commander admiral colonel captain judge justice chairman
  chairwoman leader ceo premier chancellor king queen pope prosecutor sheriff lieutenant sergeant
  representative congressman congresswoman lawmaker candidate nominee doctor professor coach
  founder attorney envoy`.split(/\s+/),
)

/**
 * Nouns that end a title before a name, beyond the title words and roles the rules know: "Harbour
 * Master", "Chief Inspector", "Fire Marshal".
 */
const OFFICE_NOUNS = new Set([
  ...TITLE_WORDS,
  ...ROLES,
  ...`master inspector marshal warden ranger clerk treasurer auditor controller administrator manager
  coordinator commissioner superintendent supervisor engineer economist scientist researcher
  physician surgeon nurse lawyer counsel magistrate councillor councilman councilwoman alderman
  trustee chairperson head organizer organiser activist campaigner teacher principal dean rector
  pastor rabbi imam bishop cardinal constable investigator`.split(/\s+/),
])

/** Abbreviated titles by the role they stand for: "Gen." → general. */
const ABBREVIATED: Record<string, string> = {
  'gen.': 'general',
  'sen.': 'senator',
  'rep.': 'representative',
  'gov.': 'governor',
  'adm.': 'admiral',
  'col.': 'colonel',
  'lt.': 'lieutenant',
  'sgt.': 'sergeant',
  'capt.': 'captain',
  'pres.': 'president',
  'sec.': 'secretary',
  'dr.': 'doctor',
  'prof.': 'professor',
}

/** The roles a title names: "Mexico's Secretary of Defense" → secretary; "Gen." → general. */
function rolesOf(title: string | null): string[] {
  if (!title) return []
  return words(title)
    .map((w) => w.toLowerCase().replace(/['’]s$/u, ''))
    .map((w) => ABBREVIATED[w] ?? w)
    .filter((w) => ROLES.has(w))
}

/** "the president", "Mexico's defense secretary": a role with no name in it, or null. */
function roleMention(mention: string, described: ResolvedSpeaker): string | null {
  if (described.name !== mention.trim()) return null
  const last = words(mention).at(-1)?.toLowerCase()
  // "A captain", "one trawler captain": someone not named, never someone named before. (But "Two
  // Rivers mayor", "One Nation leader": a numeral that begins a proper name.)
  const indefinite = /^(?:an?\s|(?:one|another|some|several|two|three|many)\s+\p{Ll})/iu.test(
    mention.trim(),
  )
  return last && ROLES.has(last) && !indefinite ? last : null
}

/** A mention resolved: the person, and how the mention led to them. */
export interface Resolution {
  speaker: ResolvedSpeaker
  method: Extract<
    AttributionMethod,
    'named' | 'surname' | 'title' | 'nearest-person' | 'pronoun' | 'anonymous'
  >
}

type Gender = 'male' | 'female' | null

/** Last words of names that are places or bodies, whatever the first word: "Madison Square Garden". */
const PLACE_OR_BODY = new Set(
  `Garden Gardens Park Square Street Avenue Center Centre Hall Stadium Arena Bank Group Company Inc
  Corp Corporation University College School Hospital Institute Foundation Fund Bridge River County
  City Station Airport Church Cathedral Museum Theater Theatre Hotel Tower Building Capitol
  Sachs Fargo Motors Airlines Partners Associates Capital Holdings`.split(/\s+/),
)
const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'male',
  him: 'male',
  she: 'female',
  her: 'female',
}

interface Person {
  speaker: ResolvedSpeaker
  gender: Gender
}

/**
 * The people an article has named so far, for resolving a pronoun, a surname or a role ("the
 * president") to the person it refers back to. Lookups are by map, so an article with thousands
 * of people costs no more per mention than one with two.
 */
export class SpeakerMemory {
  /** The latest named person for each surname. */
  readonly #bySurname = new Map<string, Person>()
  /** The latest named person holding each role. */
  readonly #byRole = new Map<string, Person>()
  /**
   * The last few people referred to, the latest last (others named in passing are kept just
   * behind it), for a pronoun of one gender; and how many sentences ago the latest was.
   */
  readonly #recent: Person[] = []
  #sentencesSince = 0

  constructor(readonly classes: WordClasses) {}

  /** Remembers a named person (anonymous sources are not referred back to by name). */
  remember(speaker: ResolvedSpeaker, gender?: Gender): void {
    // Not "The Senate" or "The Trump campaign": a body is not who "he" or "she" refers to.
    if (speaker.anonymous || PRONOUN.test(speaker.name) || /^the\s/i.test(speaker.name)) return
    const person: Person = {
      speaker,
      gender: gender ?? this.#bySurname.get(surname(speaker.name))?.gender ?? null,
    }
    this.#bySurname.set(surname(speaker.name), person)
    for (const role of rolesOf(speaker.title)) this.#byRole.set(role, person)
    this.#refer(person)
  }

  /** Remembers a person named in passing, without making them the one last referred to. */
  #behind(person: Person): void {
    if (this.#recent.some((p) => p.speaker.name === person.speaker.name)) return
    this.#bySurname.set(surname(person.speaker.name), person)
    this.#recent.splice(Math.max(0, this.#recent.length - 1), 0, person)
    if (this.#recent.length > 5) this.#recent.shift()
  }

  /** `person` is the one last referred to. */
  #refer(person: Person): void {
    this.#sentencesSince = 0
    const at = this.#recent.findIndex((p) => p.speaker.name === person.speaker.name)
    if (at !== -1) this.#recent.splice(at, 1)
    this.#recent.push(person)
    if (this.#recent.length > 5) this.#recent.shift()
  }

  /** The latest named person with this surname. */
  bySurname(word: string): ResolvedSpeaker | null {
    return this.#bySurname.get(word.toLowerCase().replace(/['’]s$/u, ''))?.speaker ?? null
  }

  /** A new sentence begins: what was named long ago is no longer what "the president" means. */
  nextSentence(): void {
    this.#sentencesSince++
  }

  /**
   * People a sentence names outside any statement: "President Lena Marsh visited …" (a person
   * with a role), "Viktor Lund signed …" (a person the tagger knows, subject of the sentence),
   * "Sheinbaum has sought …" (someone named before, brought forward). `runs` are the sentence's
   * runs of capitalised words, outlets left out.
   */
  mentioned(runs: Array<{ text: string; opensSentence: boolean }>): void {
    for (const run of runs) {
      const words = run.text.split(' ')
      // One word is a surname named before, or nothing to remember.
      if (words.length === 1) {
        const earlier = this.#bySurname.get(words[0]!.toLowerCase().replace(/['’]s$/u, ''))
        if (earlier) this.#refer(earlier)
        continue
      }
      const described = describeMention(run.text)
      if (described.anonymous || described.name === '' || described.name === run.text.trim()) {
        if (words.length > 4 || words.some((w) => PLACE_OR_BODY.has(w))) continue
        const info = this.classes.name(run.text)
        if (info.kind !== 'person') continue
        // The subject becomes the one last referred to; others named (objects) are remembered
        // behind it, for a pronoun of their gender.
        if (run.opensSentence || this.#recent.length === 0)
          this.remember({ name: run.text, title: null, anonymous: false }, info.gender)
        else
          this.#behind({
            speaker: { name: run.text, title: null, anonymous: false },
            gender: info.gender,
          })
        continue
      }
      // A title and a name: "President Lena Marsh", "Gen. Omar Haddad".
      if (rolesOf(described.title).length > 0 && described.name.includes(' '))
        this.remember(described, this.classes.name(described.name).gender)
    }
  }

  /** Whether a pronoun can refer to the person a mention names, as far as genders tell. */
  canBe(pronoun: string, mention: string): boolean {
    const gender = PRONOUN_GENDER[pronoun.trim().toLowerCase()] ?? null
    if (mention.trim().toLowerCase() === pronoun.trim().toLowerCase()) return true
    const named = describeMention(mention).name
    const other = this.classes.name(named).gender ?? this.#bySurname.get(surname(named))?.gender
    if (!gender || gender === other) return true
    // Unknown: "Ban Ki-moon condemned what he called …" is his, unless someone of that gender was
    // just named ("Maria Lopez opened. Mark Kelly said she called it …" keeps "she").
    return other === undefined || other === null
      ? !this.#recent.some((p) => p.gender === gender && p.speaker.name !== named)
      : false
  }

  /**
   * What a mention refers to — an earlier person for a pronoun, surname or role, else the mention
   * itself — and how it was found; null when it is nobody (a place, a pronoun with no one before).
   */
  resolve(mention: string): Resolution | null {
    const trimmed = mention.trim().replace(/['’]s$/u, '')
    // "She’s promised": the pronoun without its contracted verb.
    if (PRONOUN.test(trimmed)) {
      // The latest person the pronoun can be: "she" passes over a man named since, and prefers a
      // woman the lexicon knows to someone whose first name says nothing.
      const gender = PRONOUN_GENDER[trimmed.toLowerCase()] ?? null
      const person =
        (gender ? this.#recent.findLast((p) => p.gender === gender) : undefined) ??
        this.#recent.findLast((p) => !gender || !p.gender)
      return person ? { speaker: person.speaker, method: 'pronoun' } : null
    }
    const described = describeMention(mention)
    const role = roleMention(mention, described)
    if (role) {
      const holder = this.#byRole.get(role)
      if (holder) return { speaker: holder.speaker, method: 'title' }
      // "Claudia Sheinbaum spoke on Thursday. “…,” the president said.": the person just named,
      // unless the article gave them another office.
      const last = this.#recent.at(-1)
      if (last && this.#sentencesSince <= 1 && rolesOf(last.speaker.title).length === 0)
        return { speaker: last.speaker, method: 'nearest-person' }
      return {
        speaker: { name: described.name, title: null, anonymous: true },
        method: 'anonymous',
      }
    }
    if (!described.anonymous && !described.name.includes(' ')) {
      const earlier = this.bySurname(described.name)
      if (earlier)
        return {
          speaker: { ...earlier, title: described.title ?? earlier.title },
          method: 'surname',
        }
    }
    // "Mexico City said": a place is never a person.
    if (!described.anonymous && /^\p{Lu}/u.test(described.name)) {
      if (this.classes.name(described.name).kind === 'place') return null
    }
    if (described.anonymous) return { speaker: described, method: 'anonymous' }
    return { speaker: this.#titleApart(described), method: 'named' }
  }

  /**
   * A title no list knows, told apart from the name by the first name that follows it: "Harbour
   * Master Ingrid Solberg" → Ingrid Solberg, "Harbour Master". Only for a name of three words or
   * more that does not itself begin with a first name.
   */
  #titleApart(described: ResolvedSpeaker): ResolvedSpeaker {
    const words = described.name.split(' ')
    if (described.title !== null || words.length < 3) return described
    if (this.classes.name(described.name).kind === 'person') return described
    for (let k = 1; k + 2 <= words.length; k++) {
      // The title ends in a noun of office ("Master", "Inspector"): "Andrés Manuel López Obrador"
      // and "Bola Ahmed Tinubu" are names whose first word the lexicon does not know.
      if (!OFFICE_NOUNS.has(words[k - 1]!.toLowerCase())) continue
      const rest = words.slice(k).join(' ')
      if (this.classes.name(rest).kind === 'person')
        return { ...described, name: rest, title: words.slice(0, k).join(' ') }
    }
    return described
  }
}
