/**
 * When something was said, from the article's words ("last week", "earlier this month", "on
 * Tuesday") resolved against the article's own date into the range of days they can mean. An
 * article dated only to a month makes "last week" a wide range: every week it could have meant.
 */
import { lastDayOf, parsePartialDate } from '../domain/partial-dates'

export interface SaidDate {
  phrase: string
  earliest: string | null
  latest: string | null
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

// Each alternative is a fixed phrase or a bounded one: no nested repetition, linear scanning.
const PHRASE = new RegExp(
  [
    String.raw`\b(?:earlier|later) this (?:week|month|year)\b`,
    String.raw`\b(?:last|this|next) (?:week|month|year|weekend)\b`,
    String.raw`\b(?:last|on) (?:${WEEKDAYS.join('|')})\b`,
    String.raw`\bon (?:${MONTHS.join('|')}) \d{1,2}\b`,
    String.raw`\bin (?:${MONTHS.join('|')})(?: \d{4})?\b`,
    String.raw`\b(?:yesterday|today|recently|last night|this morning|tonight)\b`,
  ].join('|'),
  'iu',
)

const day = (date: Date) => date.toISOString().slice(0, 10)
const parse = (iso: string) => new Date(`${iso}T00:00:00Z`)
const addDays = (iso: string, n: number) => {
  const d = parse(iso)
  d.setUTCDate(d.getUTCDate() + n)
  return day(d)
}
/** The Monday of the week (Monday to Sunday) holding the day. */
const mondayOf = (iso: string) => addDays(iso, -((parse(iso).getUTCDay() + 6) % 7))
/** The latest day on or before `iso` that falls on `weekday` (0 = Sunday). */
const weekdayOnOrBefore = (iso: string, weekday: number) =>
  addDays(iso, -((parse(iso).getUTCDay() - weekday + 7) % 7))
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`
const monthEnd = (iso: string) => lastDayOf({ firstDay: monthStart(iso), precision: 'month' })
const shiftMonth = (iso: string, n: number) => {
  const d = parse(monthStart(iso))
  d.setUTCMonth(d.getUTCMonth() + n)
  return day(d)
}
const yearStart = (iso: string, shift = 0) => `${Number(iso.slice(0, 4)) + shift}-01-01`
const yearEnd = (iso: string, shift = 0) => `${Number(iso.slice(0, 4)) + shift}-12-31`

/** The range a phrase means for an article published between `first` and `last` (ISO days). */
function resolve(
  phrase: string,
  first: string,
  last: string,
): { earliest: string | null; latest: string | null } {
  const p = phrase.toLowerCase()
  const weekday = WEEKDAYS.findIndex((w) => p.endsWith(w))
  const month = MONTHS.findIndex((m) => p.includes(m))
  if (p === 'last week')
    return { earliest: addDays(mondayOf(first), -7), latest: addDays(mondayOf(last), -1) }
  if (p === 'this week' || p === 'earlier this week')
    return { earliest: mondayOf(first), latest: last }
  if (p === 'later this week' || p === 'next week')
    return { earliest: first, latest: addDays(mondayOf(last), p === 'next week' ? 13 : 6) }
  if (p === 'last weekend')
    return { earliest: addDays(mondayOf(first), -9), latest: addDays(mondayOf(last), -1) }
  if (p === 'this weekend')
    return { earliest: addDays(mondayOf(first), -2), latest: addDays(mondayOf(last), 6) }
  if (p === 'last month')
    return { earliest: shiftMonth(first, -1), latest: monthEnd(shiftMonth(last, -1)) }
  if (p === 'this month' || p === 'earlier this month')
    return { earliest: monthStart(first), latest: last }
  if (p === 'later this month') return { earliest: first, latest: monthEnd(last) }
  if (p === 'last year') return { earliest: yearStart(first, -1), latest: yearEnd(last, -1) }
  if (p === 'this year' || p === 'earlier this year')
    return { earliest: yearStart(first), latest: last }
  if (p === 'yesterday' || p === 'last night')
    return { earliest: addDays(first, -1), latest: addDays(last, -1) }
  if (p === 'today' || p === 'this morning' || p === 'tonight')
    return { earliest: first, latest: last }
  if (p === 'recently') return { earliest: null, latest: last }
  if (weekday >= 0) {
    // "on Tuesday" in news is the Tuesday just past (or the day itself); "last Tuesday" the one before.
    const back = p.startsWith('last') ? -7 : 0
    return {
      earliest: addDays(weekdayOnOrBefore(first, weekday), back),
      latest: addDays(weekdayOnOrBefore(last, weekday), back),
    }
  }
  if (month >= 0) {
    const explicitYear = /\d{4}/.exec(p)?.[0]
    const dayOfMonth = /^on \D+ (\d{1,2})$/.exec(p)?.[1]
    const year = (iso: string) => {
      if (explicitYear) return Number(explicitYear)
      const y = Number(iso.slice(0, 4))
      // A month after the article's is last year's.
      return month + 1 > Number(iso.slice(5, 7)) ? y - 1 : y
    }
    const at = (iso: string) => `${year(iso)}-${String(month + 1).padStart(2, '0')}`
    if (dayOfMonth) {
      const d = (iso: string) => `${at(iso)}-${dayOfMonth.padStart(2, '0')}`
      return { earliest: d(first), latest: d(last) }
    }
    return { earliest: `${at(first)}-01`, latest: monthEnd(`${at(last)}-01`) }
  }
  return { earliest: null, latest: null }
}

/**
 * The first time phrase in text[from, to), resolved against the article's date (a partial date);
 * null when there is no such phrase. Without a date, the phrase is kept and the range is unknown.
 */
export function saidDate(
  text: string,
  from: number,
  to: number,
  published: string | null | undefined,
): SaidDate | null {
  const match = PHRASE.exec(text.slice(from, to))
  if (!match) return null
  const phrase = match[0]
  const date = published ? parsePartialDate(published) : null
  if (!date) return { phrase, earliest: null, latest: null }
  return { phrase, ...resolve(phrase, date.firstDay, lastDayOf(date)) }
}
