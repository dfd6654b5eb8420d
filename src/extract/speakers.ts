/**
 * Who a speaker mention is: a name with the title the article gives it ("Mexican President
 * Claudia Sheinbaum" → Claudia Sheinbaum, "Mexican President"), an anonymous source ("a U.S.
 * official"), or a pronoun or surname that refers back to someone named before ("she",
 * "Trevilla").
 */
import type { ResolvedSpeaker } from './types'

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
  campaign's top senior executive ceo founder co-founder professor prof. analyst strategist pollster`.split(
    /\s+/,
  ),
)

/** Nouns that make a phrase an anonymous source when no name stands in it. */
const ANONYMOUS_HEADS =
  /\b(?:official|officials|source|sources|aide|aides|person|people|adviser|advisers|advisor|advisors|spokesman|spokeswoman|spokesperson|diplomat|diplomats|officer|officers|insider|insiders|lawmaker|lawmakers|analyst|analysts|expert|experts|resident|residents|witness|witnesses|staffer|staffers|operative|operatives|someone|authorities|investigators)\b/i

const PRONOUN = /^(?:he|she|they|i|we|you|him|her|them)$/i

const words = (text: string) =>
  text.match(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*\.?/gu) ?? []
const isCapital = (w: string) => /^\p{Lu}/u.test(w)

/** A mention as printed → name, title and anonymity, before any reference to earlier mentions. */
export function describeMention(mention: string): ResolvedSpeaker {
  const comma = mention.indexOf(',')
  const head = (comma === -1 ? mention : mention.slice(0, comma)).trim()
  const appositive =
    comma === -1
      ? null
      : mention
          .slice(comma + 1)
          .replace(/,\s*$/, '')
          .trim() || null
  const headWords = words(head).filter((w) => !HONORIFICS.has(w.toLowerCase()))
  // The name: the capitalised words at the end of the head that are not title words.
  let split = headWords.length
  while (
    split > 0 &&
    isCapital(headWords[split - 1]!) &&
    !TITLE_WORDS.has(headWords[split - 1]!.toLowerCase())
  )
    split--
  const name = headWords.slice(split).join(' ')
  const leading = headWords.slice(0, split).join(' ')
  const isName =
    name !== '' &&
    headWords
      .slice(0, split)
      .every(
        (w) => isCapital(w) || TITLE_WORDS.has(w.toLowerCase()) || /^(?:of|the|for|and)$/i.test(w),
      )
  if (isName && !ANONYMOUS_HEADS.test(name)) {
    return { name, title: appositive ?? (leading || null), anonymous: false }
  }
  return {
    name: head,
    title: appositive,
    anonymous: ANONYMOUS_HEADS.test(head) || /^(?:a|an|one|two|several|some|many)\b/i.test(head),
  }
}

/** The last word of a name, to match a later mention by surname: "Ricardo Trevilla" → "trevilla". */
const surname = (name: string) =>
  words(name)
    .at(-1)
    ?.toLowerCase()
    .replace(/['’]s$/u, '') ?? ''

/**
 * The speakers named so far in an article, for resolving a pronoun or a surname to the person it
 * refers back to. Lookups are by map, so an article with thousands of speakers costs no more per
 * mention than one with two.
 */
export class SpeakerMemory {
  /** The latest named speaker for each surname. */
  readonly #bySurname = new Map<string, ResolvedSpeaker>()
  #last: ResolvedSpeaker | null = null

  /** Remembers a named speaker (anonymous sources are not referred back to by name). */
  remember(speaker: ResolvedSpeaker): void {
    if (speaker.anonymous || PRONOUN.test(speaker.name)) return
    this.#bySurname.set(surname(speaker.name), speaker)
    this.#last = speaker
  }

  /** The latest named speaker with this surname. */
  bySurname(word: string): ResolvedSpeaker | null {
    return this.#bySurname.get(word.toLowerCase().replace(/['’]s$/u, '')) ?? null
  }

  /** Brings forward a speaker the text names again outside a statement ("President Sheinbaum has sought…"). */
  mentioned(words: string[]): void {
    for (const word of words) {
      if (!isCapital(word)) continue
      const speaker = this.bySurname(word)
      if (speaker) this.#last = speaker
    }
  }

  /** What a mention refers to: an earlier speaker for a pronoun or surname, else the mention itself. */
  resolve(mention: string): ResolvedSpeaker {
    const described = describeMention(mention)
    // "She’s promised": the pronoun without its contracted verb.
    if (PRONOUN.test(mention.trim().replace(/['’]s$/u, ''))) {
      return this.#last ?? { name: mention.trim(), title: null, anonymous: true }
    }
    if (!described.anonymous && !described.name.includes(' ')) {
      const earlier = this.bySurname(described.name)
      if (earlier) return { ...earlier, title: described.title ?? earlier.title }
    }
    return described
  }
}
