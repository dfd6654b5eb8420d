/**
 * Dates known to a year, a month or a day ("2025", "2025-02", "2025-02-20"): parsing, the range of
 * days they cover, and formatting. The length of the written date is its precision.
 */
import type { PartialDate } from './types'
import type { DatePrecision } from './vocabulary'

const PATTERNS: Array<[RegExp, DatePrecision]> = [
  [/^\d{4}$/, 'year'],
  [/^\d{4}-\d{2}$/, 'month'],
  [/^\d{4}-\d{2}-\d{2}$/, 'day'],
]

/** A partial date as stored: its first day and its precision. */
export interface StoredDate {
  firstDay: string
  precision: DatePrecision
}

/** The precision of a written partial date, or null when it is not one. */
function precisionOf(written: string): DatePrecision | null {
  return PATTERNS.find(([pattern]) => pattern.test(written))?.[1] ?? null
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into its first day and precision; null when the text is
 * not such a date or names a day that does not exist ("2025-02-30").
 */
export function parsePartialDate(written: string): StoredDate | null {
  const precision = precisionOf(written)
  if (!precision) return null
  const [year, month = 1, day = 1] = written.split('-').map(Number) as [number, number?, number?]
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month))
    return null
  return { firstDay: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision }
}

/** The last day a partial date covers: the day itself, the month's last day, or 31 December. */
export function lastDayOf({ firstDay, precision }: StoredDate): string {
  const [year, month] = firstDay.split('-').map(Number) as [number, number]
  if (precision === 'day') return firstDay
  if (precision === 'month') return `${firstDay.slice(0, 7)}-${pad(lastDayOfMonth(year, month))}`
  return `${firstDay.slice(0, 4)}-12-31`
}

/** Days from 1970-01-01 to a calendar day (day 0 of a month is the last day of the one before). */
export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return Math.round(date.getTime() / 86_400_000)
}

/**
 * The first and last day a partial date covers, as day numbers (see `dayNumber`): the rule of
 * `lastDayOf`, for the in-memory facts, which count in days.
 */
export function daysCovered(
  year: number,
  month: number,
  day: number,
  precision: DatePrecision,
): { first: number; last: number } {
  const first = dayNumber(year, month, day)
  if (precision === 'day') return { first, last: first }
  return {
    first,
    last: precision === 'month' ? dayNumber(year, month + 1, 0) : dayNumber(year, 12, 31),
  }
}

/** The stored first day and precision written back as the API shows them. */
export function formatPartialDate(firstDay: string, precision: DatePrecision): PartialDate {
  const length = precision === 'year' ? 4 : precision === 'month' ? 7 : 10
  return { date: firstDay.slice(0, length), precision }
}
