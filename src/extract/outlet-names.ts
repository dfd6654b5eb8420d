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
    return null
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
