/**
 * Typo tolerance: the indexed vocabulary in a MiniSearch radix tree, so that a query word the index
 * does not hold is corrected to the nearest words it does hold before the FTS5 query runs.
 */
import SearchableMap from 'minisearch/SearchableMap'
import type { VocabularyEntry } from '../domain/store'
import type { SearchClause } from './query'
import { TYPOS, WORD_FORMS } from './options'
import { stem } from './stem'

/** A query word that was not in the index, and what it was corrected to. */
export interface Correction {
  word: string
  alternatives: string[]
}

/** The vocabulary of the document index, in memory. Derived from SQLite; never the only copy. */
export class Vocabulary {
  readonly #terms = new SearchableMap<number>()
  /** The indexed words by stem: each word's other forms. */
  readonly #byStem = new Map<string, Set<string>>()
  /** False while the vocabulary is still being read at start: a word it lacks may yet come. */
  loaded = true

  constructor(entries: Iterable<VocabularyEntry> = []) {
    this.add(entries)
  }

  /** Adds words (or raises their counts) after a committed write. */
  add(entries: Iterable<VocabularyEntry>): void {
    for (const { term, documents } of entries) {
      this.#set(term, Math.max(this.#terms.get(term) ?? 0, documents))
    }
  }

  /** Sets the counts of words after a committed change; a word no quote holds any more is removed. */
  update(entries: Iterable<VocabularyEntry>): void {
    for (const { term, documents } of entries) {
      if (documents > 0) this.#set(term, documents)
      else this.#delete(term)
    }
  }

  /**
   * Moves the counts of words by how many quotes gained (positive) or lost (negative) them; a word
   * no quote holds any more is removed.
   */
  adjust(changes: Map<string, number>): void {
    for (const [term, change] of changes) {
      if (change === 0) continue
      const documents = (this.#terms.get(term) ?? 0) + change
      if (documents > 0) this.#set(term, documents)
      else this.#delete(term)
    }
  }

  #set(term: string, documents: number): void {
    if (!this.#terms.has(term)) {
      const key = stem(term)
      const forms = this.#byStem.get(key)
      if (forms) forms.add(term)
      else this.#byStem.set(key, new Set([term]))
    }
    this.#terms.set(term, documents)
  }

  #delete(term: string): void {
    if (!this.#terms.has(term)) return
    this.#terms.delete(term)
    const key = stem(term)
    const forms = this.#byStem.get(key)
    forms?.delete(term)
    if (forms?.size === 0) this.#byStem.delete(key)
  }

  /**
   * The other indexed forms of `word` (those with its stem, the word itself left out), the most
   * common first, at most `WORD_FORMS.max`. Words with a digit have no other forms.
   */
  forms(word: string): string[] {
    if (/\p{N}/u.test(word)) return []
    const forms = this.#byStem.get(stem(word))
    if (!forms) return []
    return [...forms]
      .filter((form) => form !== word)
      .map((form) => [form, this.documents(form)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, WORD_FORMS.max)
      .map(([form]) => form)
  }

  /** Every word with the number of quotes holding it. */
  *entries(): Generator<VocabularyEntry> {
    for (const [term, documents] of this.#terms) yield { term, documents }
  }

  /** How many words the vocabulary holds. */
  get size(): number {
    return this.#terms.size
  }

  /** How many quotes hold `term`; 0 when it is not indexed. */
  documents(term: string): number {
    return this.#terms.get(term) ?? 0
  }

  /** How many quotes hold a word beginning with `prefix`, at most (a quote may hold several). */
  documentsWithPrefix(prefix: string): number {
    let documents = 0
    for (const count of this.#terms.atPrefix(prefix).values()) documents += count
    return documents
  }

  /** True when some indexed word begins with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.#terms.atPrefix(prefix).size > 0
  }

  /**
   * The indexed words nearest to `word` (a swap of two letters counts as one edit): nearest first,
   * then the most common. Returns `[word]` when the word is indexed (or, for a prefix, begins an
   * indexed word, or the index holds another form of it), is too short to correct, holds a digit,
   * or has no neighbour close enough.
   */
  correct(word: string, options: { prefix: boolean; otherForms?: boolean }): string[] {
    if (word.length < TYPOS.minLength || /\p{N}/u.test(word)) return [word]
    if (this.#terms.has(word)) return [word]
    if (options.prefix && this.hasPrefix(word)) return [word]
    // Not a typo when the index holds the word in another form ("caused" of "cause"), which the
    // search looks for too.
    if ((options.otherForms ?? true) && this.#byStem.has(stem(word))) return [word]
    const maxEdits = word.length >= TYPOS.twoEditsFrom ? 2 : 1
    const near = [...this.#neighbours(word, maxEdits)]
      .map(([term, { documents, distance }]) => ({ term, documents, distance }))
      .sort(
        (a, b) =>
          a.distance - b.distance || b.documents - a.documents || (a.term < b.term ? -1 : 1),
      )
      .slice(0, TYPOS.maxCorrections)
      .map((n) => n.term)
    return near.length > 0 ? near : [word]
  }

  /**
   * Indexed words within `maxEdits` of `word`. Levenshtein distance counts two swapped letters
   * ("hegseht") as two edits; the commonest typo of all, so a swap counts as one here.
   */
  #neighbours(
    word: string,
    maxEdits: number,
  ): Map<string, { documents: number; distance: number }> {
    const found = new Map<string, { documents: number; distance: number }>()
    const consider = (term: string, documents: number, distance: number) => {
      const known = found.get(term)
      if (!known || distance < known.distance) found.set(term, { documents, distance })
    }
    for (const [term, [documents, distance]] of this.#terms.fuzzyGet(word, maxEdits)) {
      consider(term, documents, distance)
    }
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
      for (const [term, [documents, distance]] of this.#terms.fuzzyGet(swapped, maxEdits - 1)) {
        consider(term, documents, distance + 1)
      }
    }
    return found
  }

  /**
   * Corrects every wanted or excluded single word of a parsed query in place and lists what changed.
   * Phrases are left as typed: a quoted phrase asks for exactly those words.
   */
  correctClauses(clauses: SearchClause[], options = { otherForms: true }): Correction[] {
    const corrections: Correction[] = []
    for (const clause of clauses) {
      if (clause.type !== 'word') continue
      const alternatives = this.correct(clause.word, { prefix: clause.prefix, ...options })
      clause.alternatives = alternatives
      if (alternatives.length !== 1 || alternatives[0] !== clause.word) {
        corrections.push({ word: clause.word, alternatives })
      }
    }
    return corrections
  }
}
