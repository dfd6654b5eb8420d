/**
 * Where a statement came from: the outlets that carried a thread's statements, each with its
 * role, in the order in which they surely carried it — and the one-line answer a page shows first.
 *
 * Dates are ranges: an article known to the month stands for every day of that month. An outlet
 * is placed by the day by which it had surely carried the statement (the end of its range); its
 * place is `certain` only when no other outlet's range overlaps its own.
 */
import { lastDayOf, parsePartialDate } from '../domain/partial-dates'
import type { OutletRef, PartialDate, QuoteResult } from '../domain/types'

/**
 * - `origin`: carried it without naming another outlet as its source, or is the outlet others name
 *   and names none itself;
 * - `cited`: named as the source by another outlet;
 * - `reported`: re-reported it, naming another outlet as its source (`citing`).
 */
export const PROVENANCE_ROLES = ['origin', 'cited', 'reported'] as const
export type ProvenanceRole = (typeof PROVENANCE_ROLES)[number]

export interface ThreadOutlet {
  outlet: OutletRef
  roles: ProvenanceRole[]
  /**
   * The publication date by which this outlet had surely carried the statement: of the articles
   * that tie it to the thread (its own, or those citing it), the one whose range ends first.
   */
  earliest: PartialDate
  /** False when its place in the order is not known: its date's range overlaps another's. */
  certain: boolean
  /** The outlets it named as its source. */
  citing: OutletRef[]
  /** Its own statements in the thread, by id: for a cited outlet, its own report when stored. */
  statements: number[]
}

/** Ranges already worked out, by written date (its length says its precision). */
const ranges = new Map<string, { first: string; last: string }>()

/** The first and last day a published date covers (`YYYY-MM-DD`). */
function daysOf(date: PartialDate): { first: string; last: string } {
  let range = ranges.get(date.date)
  if (!range) {
    const stored = parsePartialDate(date.date)!
    range = { first: stored.firstDay, last: lastDayOf(stored) }
    // Dates are few (one per day of the archive); the bound only guards against a flood.
    if (ranges.size >= 100_000) ranges.clear()
    ranges.set(date.date, range)
  }
  return range
}

/**
 * Dates in the order by which each had surely happened: by the end of their ranges, then (a tie,
 * such as "February" and "28 February") the narrower first.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const [x, y] = [daysOf(a), daysOf(b)]
  if (x.last !== y.last) return x.last < y.last ? -1 : 1
  if (x.first !== y.first) return x.first > y.first ? -1 : 1
  return 0
}

/** Whether two dates may be either way round: their ranges share a day (and are not one day). */
export function overlap(a: PartialDate, b: PartialDate): boolean {
  const [x, y] = [daysOf(a), daysOf(b)]
  return x.first <= y.last && y.first <= x.last && (a.date !== b.date || a.precision !== 'day')
}

/** The outlets of a thread's statements, with their roles, earliest first; see the module comment. */
export function threadOutlets(statements: QuoteResult[]): ThreadOutlet[] {
  const outlets = new Map<string, ThreadOutlet>()
  const entry = (outlet: OutletRef, date: PartialDate) => {
    let found = outlets.get(outlet.slug)
    if (!found) {
      found = { outlet, roles: [], earliest: date, certain: true, citing: [], statements: [] }
      outlets.set(outlet.slug, found)
    }
    if (compareDates(date, found.earliest) < 0) found.earliest = date
    return found
  }
  const addRole = (o: ThreadOutlet, role: ProvenanceRole) => {
    if (!o.roles.includes(role)) o.roles.push(role)
  }
  for (const s of statements) {
    const reporter = entry(s.reportingOutlet, s.article.published)
    reporter.statements.push(s.id)
    const cited =
      s.citedOutlet && s.citedOutlet.slug !== s.reportingOutlet.slug ? s.citedOutlet : null
    if (cited) {
      addRole(entry(cited, s.article.published), 'cited')
      addRole(reporter, 'reported')
      if (!reporter.citing.some((c) => c.slug === cited.slug)) reporter.citing.push(cited)
    } else addRole(reporter, 'origin')
  }
  for (const o of outlets.values()) {
    if (o.roles.includes('cited') && o.citing.length === 0) addRole(o, 'origin')
    o.roles.sort((a, b) => PROVENANCE_ROLES.indexOf(a) - PROVENANCE_ROLES.indexOf(b))
  }
  // Earliest first; on the same date the origin before those who re-reported it.
  const originFirst = (o: ThreadOutlet) => (o.roles.includes('origin') ? 0 : 1)
  const ordered = [...outlets.values()].sort(
    (a, b) =>
      compareDates(a.earliest, b.earliest) ||
      originFirst(a) - originFirst(b) ||
      b.statements.length - a.statements.length ||
      a.outlet.name.localeCompare(b.outlet.name),
  )
  for (const o of ordered)
    o.certain = ordered.every((other) => other === o || !overlap(o.earliest, other.earliest))
  return ordered
}

const names = (outlets: ThreadOutlet[]) => {
  const list = outlets.map((o) => o.outlet.name)
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`
}

/**
 * The answer in one line: the origin, the outlet that carried it first (or, when the order is
 * not known, those that may have), and how many outlets carried it.
 */
export function provenanceLine(
  outlets: ThreadOutlet[],
  dateText: (date: PartialDate) => string = (date) => date.date,
): string {
  const first = outlets[0]
  if (!first) return 'No outlet carried it.'
  const parts: string[] = []
  const origins = outlets.filter((o) => o.roles.includes('origin'))
  if (origins.length > 0) parts.push(`Origin: ${names(origins)}.`)
  if (outlets.length > 1) {
    if (first.certain) parts.push(`First: ${first.outlet.name} (${dateText(first.earliest)}).`)
    else {
      const tied = outlets.filter((o) => o === first || overlap(first.earliest, o.earliest))
      parts.push(`Earliest, order unknown: ${names(tied)} (${dateText(first.earliest)}).`)
    }
  }
  parts.push(`${outlets.length} ${outlets.length === 1 ? 'outlet' : 'outlets'} in all.`)
  return parts.join(' ')
}
