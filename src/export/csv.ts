/**
 * CSV as RFC 4180 writes it: fields holding a comma, a quotation mark or a line break are quoted,
 * quotation marks inside doubled, rows ended with CRLF. Every field survives a round trip.
 */

/** One field, quoted when it must be. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One row, with its line ending. */
export function csvRow(values: Array<string | number | boolean | null>): string {
  return `${values.map(csvField).join(',')}\r\n`
}
