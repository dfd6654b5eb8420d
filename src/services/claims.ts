/**
 * "Who reported this?": statements that carry a claim written in the user's own words, grouped by
 * the outlets that published them and the outlets cited as their source, earliest first.
 *
 * A claim in a user's words shares only some words with any article, so the match is loose: any
 * word may match (stems as prefixes, typos corrected), candidates are ranked by bm25, and a
 * statement counts only when it holds enough of the claim's weight (`CLAIMS.minCoverage`), each
 * word weighted by its rarity.
 */
import { invalidParameter } from '../domain/errors'
import { lastDayOf, parsePartialDate } from '../domain/partial-dates'
import type { OutletRef, Page, PartialDate, QuoteResult } from '../domain/types'
import { tokenize } from '../search/normalize'
import { CLAIMS, LIMITS } from '../search/options'
import { stem } from '../search/stem'
import { STOPWORDS } from '../search/stopwords'
import type { AnyWordMatch } from '../domain/store'
import type { ServiceContext } from './context'

/** How an outlet is tied to a claim: it published it, or another outlet named it as the source. */
export type ClaimRole = 'reported' | 'cited'

export interface ClaimOutlet {
  outlet: OutletRef
  roles: ClaimRole[]
  /**
   * The publication date by which this outlet had surely carried the claim: of the articles that
   * tie it to the claim, the one whose date (a day, a month or a year) ends first.
   */
  earliest: PartialDate
  /**
   * False when this outlet's place in the order is not known: its earliest date overlaps another
   * outlet's (the same month, one of them known to the month only).
   */
  certain: boolean
  statements: QuoteResult[]
}

export interface ClaimReport extends Page<ClaimOutlet> {
  query: { q: string; words: string[] }
  /** How many statements carry the claim, over all outlets. */
  statementCount: number
}

interface ClaimWord {
  /** The word as folded from the claim. */
  word: string
  /** What is looked up: the stem, as a prefix when `prefix`. */
  lookup: string
  prefix: boolean
  weight: number
}

/** The claim's meaningful words, each with what to look up and how much it weighs (its rarity). */
function claimWords(context: ServiceContext, q: string, totalQuotes: number): ClaimWord[] {
  const seen = new Set<string>()
  const result: ClaimWord[] = []
  for (const { text: word } of tokenize(q)) {
    if (STOPWORDS.has(word) || seen.has(word)) continue
    seen.add(word)
    const corrected = context.indexes.vocabulary.correct(word, { prefix: false })[0] ?? word
    const lookup = stem(corrected)
    const prefix = lookup.length >= CLAIMS.stemMinLength
    const documents = prefix
      ? context.indexes.vocabulary.documentsWithPrefix(lookup)
      : context.indexes.vocabulary.documents(lookup)
    // A word no quote holds cannot tell statements apart, so it weighs nothing.
    const weight =
      documents === 0
        ? 0
        : Math.log(1 + (totalQuotes + 1) / (Math.min(documents, totalQuotes) + 0.5))
    result.push({ word, lookup, prefix, weight })
    if (result.length === LIMITS.queryWords) break
  }
  return result
}

/**
 * The match for a claim: any of its words, ranked by all of them. A statement must hold
 * `CLAIMS.minCoverage` of the claim's weight, so it must hold one of the heaviest words — those
 * without which the rest weigh too little. Requiring one of those keeps out the statements that
 * share only common words, which are most of them, before anything is ranked.
 */
function claimMatch(words: ClaimWord[]): AnyWordMatch | null {
  const terms = (chosen: ClaimWord[]) => chosen.map((w) => ({ word: w.lookup, prefix: w.prefix }))
  if (words.length === 0) return null
  const total = words.reduce((sum, w) => sum + w.weight, 0)
  const heaviest = [...words].sort((a, b) => b.weight - a.weight)
  let rest = total
  const required: ClaimWord[] = []
  for (const word of heaviest) {
    if (rest < CLAIMS.minCoverage * total) break
    required.push(word)
    rest -= word.weight
  }
  return {
    terms: terms(words),
    required: required.length === words.length ? null : terms(required),
  }
}

/** The share of the claim's weight a statement's words hold. */
function coverage(words: ClaimWord[], searchableText: string): number {
  const statementWords = tokenize(searchableText).map((t) => t.text)
  const total = words.reduce((sum, w) => sum + w.weight, 0)
  const held = words
    .filter((w) => statementWords.some((s) => (w.prefix ? s.startsWith(w.lookup) : s === w.lookup)))
    .reduce((sum, w) => sum + w.weight, 0)
  return total === 0 ? 0 : held / total
}

/** The first and last day a published date covers (`YYYY-MM-DD`): a month or year is a range. */
function daysOf(date: PartialDate): { first: string; last: string } {
  const stored = parsePartialDate(date.date)!
  return { first: stored.firstDay, last: lastDayOf(stored) }
}

/**
 * Dates in the order by which each had surely happened: by the end of their ranges, then (a
 * tie, such as "February" and "28 February") the narrower first.
 */
function compareDates(a: PartialDate, b: PartialDate): number {
  const [x, y] = [daysOf(a), daysOf(b)]
  return x.last < y.last
    ? -1
    : x.last > y.last
      ? 1
      : x.first > y.first
        ? -1
        : x.first < y.first
          ? 1
          : 0
}

/** Whether two dates may be either way round: their ranges share a day. */
function overlap(a: PartialDate, b: PartialDate): boolean {
  const [x, y] = [daysOf(a), daysOf(b)]
  return x.first <= y.last && y.first <= x.last && (a.date !== b.date || a.precision !== 'day')
}

function groupByOutlet(statements: QuoteResult[]): ClaimOutlet[] {
  const groups = new Map<string, ClaimOutlet>()
  const add = (outlet: OutletRef, role: ClaimRole, statement: QuoteResult) => {
    let group = groups.get(outlet.slug)
    if (!group) {
      const earliest = statement.article.published
      group = { outlet, roles: [], earliest, certain: true, statements: [] }
      groups.set(outlet.slug, group)
    }
    if (!group.roles.includes(role)) group.roles.push(role)
    if (!group.statements.includes(statement)) group.statements.push(statement)
    if (compareDates(statement.article.published, group.earliest) < 0) {
      group.earliest = statement.article.published
    }
  }
  for (const statement of statements) {
    if (statement.citedOutlet) add(statement.citedOutlet, 'cited', statement)
    add(statement.reportingOutlet, 'reported', statement)
  }
  // Earliest first; on the same date the cited source before those who reported it.
  const sourceFirst = (g: ClaimOutlet) => (g.roles.includes('cited') ? 0 : 1)
  const ordered = [...groups.values()].sort(
    (a, b) =>
      compareDates(a.earliest, b.earliest) ||
      sourceFirst(a) - sourceFirst(b) ||
      b.statements.length - a.statements.length ||
      a.outlet.name.localeCompare(b.outlet.name),
  )
  // An outlet's place is known only when no other outlet's date may fall on either side of it.
  for (const group of ordered) {
    group.certain = ordered.every(
      (other) => other === group || !overlap(group.earliest, other.earliest),
    )
  }
  return ordered
}

/** The outlets that carried a claim and the outlets cited as its source, earliest first. */
export async function checkClaim(
  context: ServiceContext,
  params: { q: string; limit: number; offset: number },
): Promise<ClaimReport> {
  const q = params.q.trim()
  // Words are weighed by how many quotes hold them: the whole vocabulary must be loaded.
  await context.indexes.complete
  const words = claimWords(context, q, context.indexes.facts.size)
  const match = claimMatch(words)
  if (match === null) {
    throw invalidParameter(
      'q',
      'q has no words to look for beyond common ones such as "the" or "said".',
    )
  }
  const candidates = await context.store.findClaimCandidates(match, CLAIMS.candidates)
  const statements = candidates
    .filter((c) => coverage(words, c.searchableText) >= CLAIMS.minCoverage)
    .map((c) => c.quote)
  const groups = groupByOutlet(statements)
  return {
    query: { q, words: words.map((w) => w.word) },
    statementCount: statements.length,
    total: groups.length,
    limit: params.limit,
    offset: params.offset,
    items: groups.slice(params.offset, params.offset + params.limit),
  }
}
