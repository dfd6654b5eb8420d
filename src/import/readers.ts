/**
 * Streaming readers: text arriving in chunks becomes lines, JSON values or CSV rows, each with the
 * line it starts on and its raw text, never holding more than one record in memory. Each reader is
 * a single pass over the characters, linear in the input.
 */

/** One record read from a file, or the reason a piece of it could not be read. */
export type SourceEntry =
  | { kind: 'record'; line: number; raw: string; value: unknown }
  | { kind: 'error'; line: number; raw: string; message: string }

/** Longest line or record accepted; beyond it the record is reported, not held in memory. */
export const MAX_RECORD_LENGTH = 4_000_000

const BOM = '\uFEFF'

/** Longest CSV header line accepted: a header names columns, it does not run for megabytes. */
export const MAX_HEADER_LENGTH = 64 * 1024

/** What a line holds, or for one longer than `MAX_RECORD_LENGTH`, its beginning. */
export interface Line {
  line: number
  text: string
  /** True when the line was too long: `text` is its first 200 characters, the rest was skipped. */
  tooLong?: true
}

/**
 * Lines without their end-of-line characters, numbered from 1. A line is never held beyond
 * `MAX_RECORD_LENGTH` characters: a longer one is reported by its beginning and the rest of it
 * skipped up to the next line break, however long that is.
 */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  let pending = ''
  let line = 0
  let skipping = false
  let first = true
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.startsWith(BOM)) chunk = chunk.slice(1)
      first = chunk === ''
    }
    for (let from = 0; ;) {
      const newline = chunk.indexOf('\n', from)
      const piece = newline === -1 ? chunk.slice(from) : chunk.slice(from, newline)
      if (!skipping) {
        if (pending.length + piece.length > MAX_RECORD_LENGTH) {
          line++
          yield { line, text: (pending || piece).slice(0, 200), tooLong: true }
          pending = ''
          skipping = true
        } else {
          pending += piece
        }
      }
      if (newline === -1) break
      if (skipping) skipping = false
      else {
        line++
        yield { line, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending }
      }
      pending = ''
      from = newline + 1
    }
  }
  if (!skipping && pending !== '') {
    yield { line: line + 1, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending }
  }
}

/**
 * The message for a line or element that cannot begin JSON, kept for the beginnings seen last: a
 * file of millions of such lines usually repeats a few, and builds each message once.
 */
const notJsonMessages = new Map<string, string>()
function notJson(what: string, start: string): string {
  const key = `${what}\u0000${start}`
  let message = notJsonMessages.get(key)
  if (message === undefined) {
    message = `${what} is not valid JSON (it begins with ${JSON.stringify(start)})`
    if (notJsonMessages.size >= 64) notJsonMessages.clear()
    notJsonMessages.set(key, message)
  }
  return message
}

/** Characters a JSON value can begin with. */
const JSON_START = /^\s*[{["\-0-9tfn]/
/** The character a JSON value must end with, by the one it begins with. */
const CLOSING: Record<string, string> = { '{': '}', '[': ']', '"': '"' }

/**
 * `text` parsed as JSON, or why it is not JSON. The exception JSON.parse throws is built without
 * a stack trace: a file of a million broken lines costs a million of them.
 */
function parseJson(text: string, what: string): { value: unknown } | { message: string } {
  if (!JSON_START.test(text)) return { message: notJson(what, text.trimStart().slice(0, 20)) }
  const trimmed = text.trim()
  const close = CLOSING[trimmed[0]!]
  if (close !== undefined && (trimmed.length < 2 || trimmed.at(-1) !== close)) {
    return { message: `${what} is not valid JSON (it does not end with ${close})` }
  }
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return {
      message: `${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    }
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** One JSON value per non-blank line (NDJSON, JSON lines). */
export async function* readJsonLines(chunks: AsyncIterable<string>): AsyncGenerator<SourceEntry> {
  for await (const { line, text, tooLong } of readLines(chunks)) {
    if (tooLong) {
      yield {
        kind: 'error',
        line,
        raw: text,
        message: `the line is longer than ${MAX_RECORD_LENGTH} characters`,
      }
      continue
    }
    if (text.trim() === '') continue
    const parsed = parseJson(text, 'the line')
    yield 'value' in parsed
      ? { kind: 'record', line, raw: text, value: parsed.value }
      : { kind: 'error', line, raw: text, message: parsed.message }
  }
}

/**
 * The elements of one top-level JSON array, one at a time, without parsing the whole array: the
 * reader tracks strings and nesting depth to find where each element ends.
 */
export async function* readJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<SourceEntry> {
  let state: 'before' | 'between' | 'element' | 'after' = 'before'
  let depth = 0
  let inString = false
  let escaped = false
  let element = ''
  let elementLine = 1
  /** True once the element passed `MAX_RECORD_LENGTH`: it is scanned to its end, not kept. */
  let tooLong = false
  let line = 1
  let first = true
  const finished = (): SourceEntry =>
    tooLong
      ? {
          kind: 'error',
          line: elementLine,
          raw: element.slice(0, 200),
          message: `the element is longer than ${MAX_RECORD_LENGTH} characters`,
        }
      : parseElement(element, elementLine)
  for await (let chunk of chunks) {
    if (first && chunk.startsWith(BOM)) chunk = chunk.slice(1)
    first = false
    for (const ch of chunk) {
      if (ch === '\n') line++
      if (state === 'before') {
        if (/\s/.test(ch)) continue
        if (ch !== '[') {
          yield { kind: 'error', line, raw: ch, message: 'a JSON array file must begin with [' }
          return
        }
        state = 'between'
        continue
      }
      if (state === 'after') {
        if (!/\s/.test(ch)) {
          yield {
            kind: 'error',
            line,
            raw: ch,
            message: 'nothing may follow the closing ] of the array',
          }
          return
        }
        continue
      }
      if (state === 'between') {
        if (/\s/.test(ch) || ch === ',') continue
        if (ch === ']') {
          state = 'after'
          continue
        }
        state = 'element'
        element = ''
        tooLong = false
        elementLine = line
      }
      // Inside an element.
      if (inString) {
        if (escaped) escaped = false
        else if (ch === '\\') escaped = true
        else if (ch === '"') inString = false
      } else if (ch === '"') {
        inString = true
      } else if (ch === '{' || ch === '[') {
        depth++
      } else if (ch === '}' || ch === ']') {
        if (depth === 0 && ch === ']') {
          yield finished()
          state = 'after'
          continue
        }
        depth--
      } else if (ch === ',' && depth === 0) {
        yield finished()
        state = 'between'
        continue
      }
      if (tooLong) continue
      element += ch
      tooLong = element.length > MAX_RECORD_LENGTH
    }
  }
  if (state === 'element') {
    yield {
      kind: 'error',
      line: elementLine,
      raw: element.slice(0, 200),
      message: 'the array is not closed with ]',
    }
  } else if (state === 'before') {
    yield { kind: 'error', line, raw: '', message: 'the file is empty; a JSON array was expected' }
  } else if (state === 'between') {
    yield { kind: 'error', line, raw: '', message: 'the array is not closed with ]' }
  }
}

function parseElement(text: string, line: number): SourceEntry {
  const parsed = parseJson(text, 'the element')
  return 'value' in parsed
    ? { kind: 'record', line, raw: text.trim(), value: parsed.value }
    : { kind: 'error', line, raw: text.trim(), message: parsed.message }
}

/** The delimiters a CSV file may use, most usual first. */
const DELIMITERS = [',', ';', '\t'] as const

/**
 * The first row of a CSV text: up to the first line break outside quotation marks. Null while the
 * text holds no such line break.
 */
function firstRow(text: string): string | null {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i)
  }
  return null
}

/**
 * The delimiter a CSV header row uses: whichever of , ; and tab it holds most of outside quoted
 * fields (a header named "speaker, title" is one column).
 */
export function detectDelimiter(headerRow: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const ch of headerRow) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best))
}

/** A CSV row with the line it starts on, or the reason it could not be read. */
export type CsvRow =
  { line: number; raw: string; fields: string[] } | { line: number; raw: string; error: string }

/**
 * CSV rows as lists of fields (RFC 4180): fields in double quotes may hold the delimiter, line
 * breaks and doubled quotes; LF, CRLF and CR alone all end a row; a byte-order mark is ignored;
 * blank lines are skipped. The delimiter (comma, semicolon or tab) is detected from the header.
 *
 * A row that breaks the rules — text after a field's closing quotation mark (`"a"b`), more than
 * `MAX_RECORD_LENGTH` characters — is reported and skipped to its end, and reading goes on with
 * the next row. Only a quotation mark left open to the end of the file ends the reading.
 */
export async function* readCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<CsvRow> {
  let delimiter = ','
  let fields: string[] = []
  let field = ''
  let raw = ''
  let problem: string | null = null
  let quoted = false
  let afterQuote = false
  /** The last character ended a row with CR: an LF right after it belongs to it. */
  let afterCR = false
  let line = 1
  let rowLine = 1
  const done: CsvRow[] = []

  const finishRow = () => {
    fields.push(field)
    const blank = fields.length === 1 && fields[0] === '' && problem === null
    if (problem !== null) done.push({ line: rowLine, raw: raw.slice(0, 200), error: problem })
    else if (!blank) done.push({ line: rowLine, raw, fields })
    fields = []
    field = ''
    raw = ''
    problem = null
    afterQuote = false
    rowLine = line
  }
  const fail = (message: string) => {
    problem ??= message
  }

  const feed = (ch: string) => {
    // CRLF is one line break; so is CR alone (inside quoted fields too).
    const crlf = afterCR && ch === '\n'
    afterCR = false
    if (crlf && !quoted && raw === '' && fields.length === 0) return
    if (raw.length <= MAX_RECORD_LENGTH) {
      raw += ch
      if (raw.length > MAX_RECORD_LENGTH)
        fail(`the row is longer than ${MAX_RECORD_LENGTH} characters`)
    }
    if (quoted) {
      if (ch === '"') {
        quoted = false
        afterQuote = true
      } else {
        if (ch === '\r' || (ch === '\n' && !crlf)) line++
        afterCR = ch === '\r'
        if (problem === null) field += ch
      }
      return
    }
    if (ch === '"') {
      if (afterQuote) {
        // Two quotes inside a quoted field stand for one.
        field += '"'
        quoted = true
        afterQuote = false
      } else if (field === '') {
        quoted = true
      } else if (problem === null) {
        field += ch
      }
      return
    }
    const endsRow = ch === '\n' || ch === '\r'
    if (afterQuote && ch !== delimiter && !endsRow) {
      fail(`text follows the closing quotation mark of field ${fields.length + 1}`)
    }
    afterQuote = false
    if (ch === delimiter) {
      fields.push(field)
      field = ''
    } else if (endsRow) {
      line++
      afterCR = ch === '\r'
      raw = raw.slice(0, -1)
      finishRow()
    } else if (problem === null) {
      field += ch
    }
  }

  // The header first, bounded: its delimiter is the file's.
  let head = ''
  let header: string | null = null
  let first = true
  for await (let chunk of chunks) {
    if (first && chunk.startsWith(BOM)) chunk = chunk.slice(1)
    first = false
    if (header === null) {
      head += chunk
      header = firstRow(head)
      if (header === null) {
        if (head.length <= MAX_HEADER_LENGTH) continue
        yield {
          line: 1,
          raw: head.slice(0, 200),
          error: `the first line is longer than ${MAX_HEADER_LENGTH} characters: it cannot be a CSV header`,
        }
        return
      }
      delimiter = detectDelimiter(header)
      chunk = head
    }
    for (const ch of chunk) feed(ch)
    yield* done.splice(0)
  }
  if (header === null) {
    if (head.trim() === '') return
    delimiter = detectDelimiter(head)
    for (const ch of head) feed(ch)
  }
  if (quoted) {
    yield* done.splice(0)
    yield {
      line: rowLine,
      raw: raw.slice(0, 200),
      error: 'a quoted field is not closed before the end of the file',
    }
    return
  }
  if (raw !== '' || fields.length > 0 || problem !== null) finishRow()
  yield* done.splice(0)
}
