/**
 * What a word or a name is, asked of compromise (an English tagger with a lexicon of first names,
 * places and organisations, offline in its npm package): whether "Mexico City" is a place, whether
 * "fumed" after "Okafor" is a verb. Capital letters alone cannot tell those apart.
 *
 * Names are looked up in its lexicon (first names with their usual gender, countries, regions and
 * cities), which costs a map lookup. Tagging reads about 0.2 MB/s, too slow for whole articles, so
 * it is asked only whether the word beside a quotation is a verb, each answer cached, and at most a
 * bounded number of times per article: past the budget the rules decide alone, so hostile input
 * stays linear.
 */
import { createRequire } from 'node:module'
import type nlpType from 'compromise'

/**
 * The tagger, loaded on first use: loading takes about 0.4 s, which a server or a command that
 * never extracts should not pay at start.
 */
let loaded: typeof nlpType | null = null
function nlp(text: string) {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof nlpType
  return loaded(text)
}

/** What a capitalised phrase names, as far as the tagger knows. */
export type NameKind = 'person' | 'place' | 'unknown'

/** A name's kind and, for a person whose first name the tagger knows, its usual gender. */
export interface NameInfo {
  kind: NameKind
  gender: 'male' | 'female' | null
}

const UNKNOWN: NameInfo = { kind: 'unknown', gender: null }

/** Answers kept between articles; cleared whole when full (the next articles fill it again). */
const CACHE_LIMIT = 20_000
/** The longest phrase asked about: names and subjects are short. */
const MAX_KEY = 120
const names = new Map<string, NameInfo>()
const verbs = new Map<string, boolean>()

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, value)
  return value
}

/** The tagger's lexicon: a word (or a few) → its tags, for names and places. */
let lexicon: Record<string, string | string[] | undefined> | null = null

function tagsOf(words: string): string[] {
  if (!lexicon) {
    nlp('')
    lexicon = (loaded!.model() as { one: { lexicon: Record<string, string | string[]> } }).one
      .lexicon
  }
  const tags = lexicon[words.toLowerCase()]
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags]
}

const isGazetteered = (tags: string[]) =>
  tags.includes('City') ||
  tags.includes('Country') ||
  tags.includes('Region') ||
  tags.includes('Place')

/** Words that make a place of the place before them: "Mexico City", "Orange County". */
const PLACE_ENDINGS = new Set([
  'City',
  'County',
  'State',
  'Province',
  'Island',
  'Islands',
  'Valley',
])

/** One article's questions to the tagger, at most `budget` of them not already answered. */
export class WordClasses {
  #budget: number

  /** A budget of 20 questions plus one per 2,000 characters of text. */
  constructor(textLength: number) {
    this.#budget = 20 + Math.floor(textLength / 2000)
  }

  #spend(): boolean {
    if (this.#budget <= 0) return false
    this.#budget--
    return true
  }

  /**
   * What a capitalised phrase names, from the tagger's lexicon alone (a lookup, no tagging): a
   * person when its first word is a first name ("Hana Novak"), a place when the gazetteer knows it
   * ("Buenos Aires", "Mexico City", "Washington").
   */
  name(phrase: string): NameInfo {
    // A "name" of hundreds of characters is none; it is neither looked up nor kept.
    if (phrase.length > MAX_KEY) return UNKNOWN
    const known = names.get(phrase)
    if (known !== undefined) return known
    const words = phrase.split(/\s+/).filter(Boolean)
    const first = tagsOf(words[0] ?? '')
    const gender = first.includes('MaleName')
      ? 'male'
      : first.includes('FemaleName')
        ? 'female'
        : null
    const isPerson = words.length > 1 && (gender !== null || first.includes('FirstName'))
    const last = words.at(-1) ?? ''
    const isPlace =
      isGazetteered(tagsOf(phrase)) ||
      (words.length > 0 && words.every((w) => isGazetteered(tagsOf(w)))) ||
      (words.length > 1 &&
        PLACE_ENDINGS.has(last) &&
        words.slice(0, -1).every((w) => isGazetteered(tagsOf(w))))
    const kind: NameKind = isPerson ? 'person' : isPlace ? 'place' : 'unknown'
    return remember(names, phrase, { kind, gender: isPerson ? gender : null })
  }

  /**
   * Whether `word` is a verb in the past or present tense when `subject` says it ("Okafor fumed",
   * "the minister quipped"); false past the budget.
   */
  isVerbAfter(subject: string, word: string): boolean {
    const key = `${subject} ${word}`
    // Every question counts against the budget, answered from the cache or not, so an article
    // gives the same statements whatever was extracted before it.
    if (!this.#spend() || key.length > MAX_KEY) return false
    const known = verbs.get(key)
    if (known !== undefined) return known
    const terms = nlp(key).json({ terms: { tags: true } }) as Array<{
      terms: Array<{ text: string; tags: string[] }>
    }>
    const last = terms.at(-1)?.terms.at(-1)
    const verb =
      last !== undefined &&
      last.tags.includes('Verb') &&
      (last.tags.includes('PastTense') || last.tags.includes('PresentTense'))
    return remember(verbs, key, verb)
  }
}
