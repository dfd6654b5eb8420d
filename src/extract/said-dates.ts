/**
 * When something was said, from the article's words ("last week", "earlier this month", "on
 * Tuesday") resolved against the article's own date into the range of days they can mean. An
 * article dated only to a month makes "last week" a wide range: every week it could have meant.
 * The arithmetic is done on calendar days (Temporal's PlainDate): month ends, leap years and
 * weekdays are the calendar's, and a day that does not exist is never written.
 */
import { Temporal } from 'temporal-polyfill'
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

type Day = Temporal.PlainDate
const dayOf = (iso: string): Day => Temporal.PlainDate.from(iso)
const iso = (day: Day) => day.toString()
/** The Monday of the week (Monday to Sunday) holding the day. */
const mondayOf = (day: Day) => day.subtract({ days: day.dayOfWeek - 1 })
/** The latest day on or before `day` that falls on `weekday` (1 = Monday … 7 = Sunday). */
const weekdayOnOrBefore = (day: Day, weekday: number) =>
  day.subtract({ days: (day.dayOfWeek - weekday + 7) % 7 })
const monthStart = (day: Day) => day.with({ day: 1 })
const monthEnd = (day: Day) => day.with({ day: day.daysInMonth })
const yearStart = (day: Day) => day.with({ month: 1, day: 1 })
const yearEnd = (day: Day) => day.with({ month: 12, day: 31 })

/** A day of the calendar, or null when there is none such ("June 31", "February 29, 2025"). */
function realDay(year: number, month: number, day: number): Day | null {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' })
  } catch {
    return null
  }
}

type Range = { earliest: Day | null; latest: Day | null }

/**
 * The range of days a phrase means for an article published between `first` and `last`. A phrase
 * that two readings share ("last Tuesday": this week's or the week before's) gets both.
 */
function resolve(phrase: string, first: Day, last: Day): Range {
  const p = phrase.toLowerCase()
  const weekday = WEEKDAYS.findIndex((w) => p.endsWith(w))
  const month = MONTHS.findIndex((m) => p.includes(m))
  const days = (n: number) => ({ days: n })
  if (p === 'last week')
    return { earliest: mondayOf(first).subtract(days(7)), latest: mondayOf(last).subtract(days(1)) }
  if (p === 'this week' || p === 'earlier this week')
    return { earliest: mondayOf(first), latest: last }
  if (p === 'later this week') return { earliest: first, latest: mondayOf(last).add(days(6)) }
  if (p === 'next week')
    return { earliest: mondayOf(first).add(days(7)), latest: mondayOf(last).add(days(13)) }
  // The Saturday and Sunday before the week of the article.
  if (p === 'last weekend')
    return { earliest: mondayOf(first).subtract(days(2)), latest: mondayOf(last).subtract(days(1)) }
  // The weekend just past or the one to come: on a Monday both are "this weekend".
  if (p === 'this weekend')
    return { earliest: mondayOf(first).subtract(days(2)), latest: mondayOf(last).add(days(6)) }
  if (p === 'last month') {
    return {
      earliest: monthStart(first).subtract({ months: 1 }),
      latest: monthEnd(monthStart(last).subtract({ months: 1 })),
    }
  }
  if (p === 'this month' || p === 'earlier this month')
    return { earliest: monthStart(first), latest: last }
  if (p === 'later this month') return { earliest: first, latest: monthEnd(last) }
  if (p === 'last year') {
    return {
      earliest: yearStart(first).subtract({ years: 1 }),
      latest: yearEnd(last).subtract({ years: 1 }),
    }
  }
  if (p === 'this year' || p === 'earlier this year')
    return { earliest: yearStart(first), latest: last }
  if (p === 'yesterday' || p === 'last night')
    return { earliest: first.subtract(days(1)), latest: last.subtract(days(1)) }
  if (p === 'today' || p === 'this morning' || p === 'tonight')
    return { earliest: first, latest: last }
  if (p === 'recently') return { earliest: null, latest: last }
  if (weekday >= 0) {
    // WEEKDAYS starts on Sunday; Temporal counts Monday as 1 and Sunday as 7.
    const number = weekday === 0 ? 7 : weekday
    // "On Tuesday" in news is the Tuesday just past, or the day itself.
    if (p.startsWith('on'))
      return { earliest: weekdayOnOrBefore(first, number), latest: weekdayOnOrBefore(last, number) }
    // "Last Tuesday": the one before the article's day, or the one a week before that.
    const before = (day: Day) => weekdayOnOrBefore(day.subtract(days(1)), number)
    return { earliest: before(first).subtract(days(7)), latest: before(last) }
  }
  if (month >= 0) {
    const explicitYear = /\d{4}/.exec(p)?.[0]
    const dayOfMonth = /^on \D+ (\d{1,2})$/.exec(p)?.[1]
    // Without a year, a month after the article's is last year's.
    const year = (day: Day) =>
      explicitYear ? Number(explicitYear) : month + 1 > day.month ? day.year - 1 : day.year
    if (dayOfMonth) {
      const earliest = realDay(year(first), month + 1, Number(dayOfMonth))
      const latest = realDay(year(last), month + 1, Number(dayOfMonth))
      // "On June 31" names no day: the phrase is kept, the range is not known.
      return earliest && latest ? { earliest, latest } : { earliest: null, latest: null }
    }
    return {
      earliest: realDay(year(first), month + 1, 1),
      latest: monthEnd(realDay(year(last), month + 1, 1)!),
    }
  }
  return { earliest: null, latest: null }
}

/** The article's date resolved against: the days a phrase means, or none without a date. */
export function resolveSaid(phrase: string, published: string | null | undefined): SaidDate {
  const date = published ? parsePartialDate(published) : null
  if (!date) return { phrase, earliest: null, latest: null }
  const { earliest, latest } = resolve(phrase, dayOf(date.firstDay), dayOf(lastDayOf(date)))
  return { phrase, earliest: earliest && iso(earliest), latest: latest && iso(latest) }
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
  const [first] = timePhrases(text.slice(from, to))
  return first ? resolveSaid(first.phrase, published) : null
}

const EVERY_PHRASE = new RegExp(PHRASE.source, 'giu')

/** Every time phrase in `text`, in order, with where it starts: each is resolved on demand. */
export function timePhrases(text: string): Array<{ index: number; phrase: string }> {
  return [...text.matchAll(EVERY_PHRASE)].map((m) => ({ index: m.index, phrase: m[0] }))
}

/**
 * Words a paraphrase's reported claim often swallows that are the saying's: "the mayor said fares
 * would rise in a statement on Tuesday" — Tuesday is when the statement was made.
 */
const SAYING_TAIL =
  /\s(?:in (?:a|an|his|her|their|its) (?:written |joint )?(?:statement|interview|speech|post|letter|press release|email|video|message)|at (?:a|an|the) (?:news|press) (?:conference|briefing)|(?:on|in) (?:Twitter|X|Facebook|Instagram|social media|television|TV|radio)|to reporters)\b/iu

/** The claim's words without a tail that belongs to the saying (see `SAYING_TAIL`). */
export function withoutSayingTail(
  text: string,
  claim: { start: number; end: number },
): { start: number; end: number } {
  const tail = SAYING_TAIL.exec(text.slice(claim.start, claim.end))
  return tail ? { start: claim.start, end: claim.start + tail.index } : claim
}
