/**
 * Recognising outlets in text by name or alias ("The Wall Street Journal", "the Los Angeles
 * Times", "AP"), from the built-in list of major outlets and the outlets the caller knows. Names
 * are matched word by word and case-sensitively, so "time" is not Time magazine.
 */
import { KNOWN_OUTLETS } from '../domain/known-outlets'
import { bare, type Token } from './tokens'

export interface OutletMatch {
  /** The outlet's name as the list gives it. */
  name: string
  first: number
  last: number
}

/** One-word names that are ordinary words too; they are recognised only with "the" before them. */
const COMMON_WORDS = new Set([
  'time',
  'independent',
  'insider',
  'guardian',
  'economist',
  'hill',
  'atlantic',
  'times',
  'journal',
  'post',
  'mail',
  'globe',
  'sun',
  'star',
  'mirror',
  'nation',
  'spiegel',
])

/**
 * The last words of a newspaper's or broadcaster's name: "the Coastal Gazette", "Harbour Daily
 * News". A run of capitalised words ending in one is an outlet the lists do not know (an article
 * names local papers no list holds); those that are surnames too ("Emily Post") only after "the".
 */
const OUTLET_ENDINGS = new Set([
  'gazette',
  'herald',
  'tribune',
  'chronicle',
  'telegraph',
  'courier',
  'inquirer',
  'ledger',
  'sentinel',
  'journal',
  'times',
  'news',
  'bulletin',
  'newspaper',
  'magazine',
])
const SURNAME_ENDINGS = new Set(['post', 'star', 'globe', 'press', 'record', 'mirror'])
/** The most words an unknown outlet's name is read over. */
const MAX_NAME_WORDS = 6

interface Candidate {
  words: string[]
  name: string
  /** An ordinary word as a name ("Guardian"): an outlet only after "the". */
  needsThe: boolean
}

/** Words of a name as tokens give them: "The New York Times" → ["The", "New", "York", "Times"]. */
const nameWords = (name: string): string[] =>
  name.match(/(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu) ?? []

export class OutletNames {
  readonly #byFirstWord = new Map<string, Candidate[]>()

  constructor(extra: Array<{ name: string; aliases: string[] }> = []) {
    for (const outlet of [...KNOWN_OUTLETS, ...extra]) {
      for (const name of [outlet.name, ...outlet.aliases]) this.#add(name, outlet.name)
    }
    // Longest name first, sorted once: thousands of outlets may share a first word.
    for (const list of this.#byFirstWord.values())
      list.sort((a, b) => b.words.length - a.words.length)
  }

  #add(written: string, name: string): void {
    let words = nameWords(written)
    if (words[0]?.toLowerCase() === 'the') words = words.slice(1)
    if (words.length === 0) return
    const needsThe = words.length === 1 && COMMON_WORDS.has(words[0]!.toLowerCase())
    const key = words[0]!.toLowerCase()
    const list = this.#byFirstWord.get(key) ?? []
    list.push({ words, name, needsThe })
    this.#byFirstWord.set(key, list)
  }

  /** The outlet named at token `at` (an optional "the" included), longest name first. */
  at(tokens: Token[], at: number): OutletMatch | null {
    let first = at
    if (tokens[first]?.word && bare(tokens[first]!) === 'the') first++
    const token = tokens[first]
    if (!token?.word) return null
    const key = token.text.toLowerCase().replace(/['’]s$/u, '')
    for (const candidate of this.#byFirstWord.get(key) ?? []) {
      if (candidate.needsThe && first === at) continue
      const matches = candidate.words.every(
        (word, k) => tokens[first + k]?.text.replace(/['’]s$/u, '') === word,
      )
      if (matches)
        return { name: candidate.name, first: at, last: first + candidate.words.length - 1 }
    }
    return this.#shapedLikeOutlet(tokens, at, first)
  }

  /** An outlet no list knows, by the shape of its name ("the Coastal Gazette"): the longest. */
  #shapedLikeOutlet(tokens: Token[], at: number, first: number): OutletMatch | null {
    const afterThe = first > at
    const words: string[] = []
    let found: OutletMatch | null = null
    for (let k = first; k < first + MAX_NAME_WORDS; k++) {
      const token = tokens[k]
      if (!token?.word || !/^\p{Lu}/u.test(token.text)) break
      const word = token.text.replace(/['’]s$/u, '')
      words.push(word)
      const ending = word.toLowerCase()
      const named = OUTLET_ENDINGS.has(ending)
        ? words.length > 1 || afterThe
        : SURNAME_ENDINGS.has(ending) && afterThe && words.length > 1
      // A capitalised word after it makes it a title of someone: "Gazette Editor Jane Roe".
      const next = tokens[k + 1]
      const titleOfName = next?.word === true && /^\p{Lu}/u.test(next.text) && word === token.text
      if (named && !titleOfName) found = { name: words.join(' '), first: at, last: k }
      // A possessive ends the name: "the Gazette's editor".
      if (word !== token.text) break
    }
    return found
  }

  /** Every outlet named in the tokens, in order. */
  all(tokens: Token[]): OutletMatch[] {
    const found: OutletMatch[] = []
    for (let i = 0; i < tokens.length; i++) {
      const match = this.at(tokens, i)
      if (match) {
        found.push(match)
        i = match.last
      }
    }
    return found
  }
}

/** Anaphora that name a document, which an outlet's report may be but a modified one is not. */
export const DOCUMENT_NOUNS = new Set(['report', 'article', 'story'])

/** Words that point back to an outlet named before: "according to the report", "per the paper". */
export const OUTLET_ANAPHORA = new Set([
  'report',
  'paper',
  'newspaper',
  'outlet',
  'network',
  'publication',
  'broadcaster',
  'magazine',
  'article',
  'story',
])
