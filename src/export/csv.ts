/**
 * CSV as RFC 4180 writes it: fields holding a comma, a quotation mark or a line break are quoted,
 * quotation marks inside doubled, rows ended with CRLF. Every field survives a round trip.
 *
 * A spreadsheet takes a cell that begins with =, +, -, @, a tab or a carriage return for a formula
 * and runs it (`=HYPERLINK(…)`). As OWASP recommends, such a cell is written with an apostrophe
 * before it, which a spreadsheet shows as text; the importer takes the apostrophe off again. A
 * cell that already begins with apostrophes before such a character gets one more, so that every
 * value reads back as it was written.
 */

/** A cell a spreadsheet would run, after any apostrophes that precede it. */
const FORMULA = /^'*[=+\-@\t\r]/

/** One field, made safe to open in a spreadsheet and quoted when it must be. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  const raw = String(value)
  const text = typeof value === 'string' && FORMULA.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One row, with its line ending. */
export function csvRow(values: Array<string | number | boolean | null>): string {
  return `${values.map(csvField).join(',')}\r\n`
}

/** A cell as it was before `csvField` made it safe: the apostrophe it added, taken off. */
export function csvValue(cell: string): string {
  return FORMULA.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell
}
