/**
 * Words for the pages: dates as people write them, and web addresses that are safe to link to.
 */
import type { PartialDate } from '../domain/types'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** What each kind of statement is called on the pages, one and many. */
export const KIND_NAMES = {
  direct: { one: 'Quote', many: 'Quotes' },
  partial: { one: 'Quoted fragment', many: 'Quoted fragments' },
  paraphrase: { one: 'Paraphrase', many: 'Paraphrases' },
} as const

/** What a kind is called, many of them ("quotes"); null for a word that is no kind. */
export const kindsCalled = (kind: string): string | null =>
  Object.hasOwn(KIND_NAMES, kind) ? KIND_NAMES[kind as keyof typeof KIND_NAMES].many : null

/** "20 February 2025", "10–16 February 2025" or "28 January – 3 February 2025". */
export function writtenDayRange(first: string, last: string): string {
  const day = (iso: string) => writtenDate({ date: iso, precision: 'day' })
  if (first === last) return day(first)
  const [a, b] = [day(first).split(' '), day(last).split(' ')]
  if (a[2] !== b[2]) return `${day(first)} – ${day(last)}`
  if (a[1] !== b[1]) return `${a[0]} ${a[1]} – ${day(last)}`
  return `${a[0]}–${day(last)}`
}

/** "2025", "February 2025" or "20 February 2025", as precise as the date is. */
export function writtenDate(date: PartialDate): string {
  const [year, month, day] = date.date.split('-')
  if (date.precision === 'year' || !month) return year!
  const name = MONTHS[Number(month) - 1]!
  return date.precision === 'month' || !day ? `${name} ${year}` : `${Number(day)} ${name} ${year}`
}

/** An http(s) address to link to, or null: a javascript: or data: address is never a link. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** The query string of a search with some parameters changed (null removes one). */
export function withParams(
  base: URLSearchParams,
  changes: Record<string, string | string[] | null>,
): string {
  const params = new URLSearchParams(base)
  // A changed search starts again at its first page, unless the change is the page itself.
  if (!('offset' in changes)) params.delete('offset')
  for (const [key, value] of Object.entries(changes)) {
    // One value replaces in place, so the search's words stay first in the address.
    if (typeof value === 'string') params.set(key, value)
    else {
      params.delete(key)
      for (const v of value ?? []) params.append(key, v)
    }
  }
  const query = params.toString()
  return query ? `?${query}` : '?'
}

/**
 * `text` as a heading or a title shows it: at most `max` characters, cut after a whole word with
 * "…" — a pasted page of text would otherwise fill the screen.
 */
export function shortened(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const lastSpace = cut.lastIndexOf(' ')
  return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}…`
}
