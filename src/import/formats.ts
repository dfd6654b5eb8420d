/**
 * Import formats: our own NDJSON (what export writes), a JSON array, CSV with a header row, and
 * Quotebank JSON lines. Each is read as a stream and turned into import items (see
 * `item-schema.ts`) with the line each came from.
 */
import { domainOf } from '../domain/identity'
import { csvValue } from '../export/csv'
import { readCsvRows, readJsonArray, readJsonLines, type SourceEntry } from './readers'

export const IMPORT_FORMATS = ['ndjson', 'json', 'csv', 'quotebank'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** A problem with the file as a whole (a CSV header without a text column): nothing can be read. */
export class UnreadableFile extends Error {}

/**
 * The format of a file, from its name where that tells, otherwise from its first characters:
 * `[` a JSON array, `{` JSON lines (Quotebank when the first holds `quoteID` and `quotation`),
 * anything else CSV.
 */
export function detectFormat(fileName: string | null, head: string): ImportFormat {
  const name = (fileName ?? '').toLowerCase().replace(/\.gz$/, '')
  const text = head.replace(/^\uFEFF/, '').trimStart()
  const looksLikeQuotebank = () => {
    const firstLine = text.split('\n', 1)[0] ?? ''
    return /"quoteID"\s*:/.test(firstLine) && /"quotation"\s*:/.test(firstLine)
  }
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv'
  if (text.startsWith('[')) return 'json'
  if (text.startsWith('{')) return looksLikeQuotebank() ? 'quotebank' : 'ndjson'
  if (name.endsWith('.json') || name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson'
  return 'csv'
}

/** The import items a file holds, one entry per item (or per line that could not be read). */
export function readItems(
  format: ImportFormat,
  chunks: AsyncIterable<string>,
): AsyncIterable<SourceEntry> {
  switch (format) {
    case 'ndjson':
      return readJsonLines(chunks)
    case 'json':
      return readJsonArray(chunks)
    case 'quotebank':
      return readQuotebank(chunks)
    case 'csv':
      return readCsv(chunks)
  }
}

// ---------------------------------------------------------------------------------------------
// Quotebank

interface QuotebankLine {
  quoteID?: unknown
  quotation?: unknown
  speaker?: unknown
  qids?: unknown
  date?: unknown
  probas?: unknown
  urls?: unknown
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')

/**
 * One Quotebank line as quote items, one per url: the most probable speaker is the speaker (with
 * its Wikidata id when Quotebank gives exactly one), each url an article of the outlet its domain
 * names, dated by the quotation's date. Quotebank has no article text, so the quotes are stored
 * unverified.
 */
export function quotebankItems(line: QuotebankLine): { items: unknown[] } | { error: string } {
  if (typeof line.quotation !== 'string') return { error: 'quotation must be text' }
  if (!isStringList(line.urls) || line.urls.length === 0)
    return { error: 'urls must be a list of article urls' }
  if (typeof line.date !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(line.date)) {
    return { error: 'date must begin YYYY-MM-DD' }
  }
  const probable =
    Array.isArray(line.probas) &&
    Array.isArray(line.probas[0]) &&
    typeof line.probas[0][0] === 'string'
      ? line.probas[0][0]
      : typeof line.speaker === 'string'
        ? line.speaker
        : 'None'
  const qids = isStringList(line.qids) ? line.qids : []
  // Quotebank's qids are every Wikidata item of the speaker's name: more than one means homonyms.
  const speaker =
    probable === 'None' ? null : { name: probable, wikidataId: qids.length === 1 ? qids[0] : null }
  return {
    items: line.urls.map((url) => ({
      type: 'quote',
      article: { url, outlet: domainOf(url) ?? url, published: line.date!.toString().slice(0, 10) },
      speaker,
      text: line.quotation,
      kind: 'direct',
    })),
  }
}

async function* readQuotebank(chunks: AsyncIterable<string>): AsyncGenerator<SourceEntry> {
  for await (const entry of readJsonLines(chunks)) {
    if (entry.kind === 'error') {
      yield entry
      continue
    }
    const mapped =
      typeof entry.value === 'object' && entry.value !== null
        ? quotebankItems(entry.value as QuotebankLine)
        : { error: 'a Quotebank line must be a JSON object' }
    if ('error' in mapped) {
      yield { kind: 'error', line: entry.line, raw: entry.raw, message: mapped.error }
      continue
    }
    for (const value of mapped.items) yield { ...entry, value }
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The columns a CSV may have, each under any of its names (compared without case or punctuation). */
const CSV_COLUMNS = {
  text: ['text', 'quote', 'quotation', 'quotetext', 'statement'],
  kind: ['kind', 'quotekind', 'type'],
  cue: ['cue', 'verb'],
  speakerSlug: ['speakerslug'],
  speaker: ['speaker', 'speakername', 'author', 'person', 'who'],
  speakerTitle: ['speakertitle', 'role', 'position'],
  speakerWikidata: ['speakerwikidataid', 'wikidataid', 'qid'],
  speakerAnonymous: ['speakeranonymous', 'anonymous'],
  audience: ['audience'],
  citedSlug: ['citedoutletslug'],
  cited: ['citedoutlet', 'citedoutletname', 'cited'],
  outletSlug: ['outletslug'],
  outlet: ['outlet', 'outletname', 'publication', 'publisher', 'newspaper', 'site', 'media'],
  url: ['url', 'articleurl', 'link', 'sourceurl'],
  title: ['articletitle', 'title', 'headline'],
  published: ['published', 'date', 'publishedon', 'publicationdate', 'datepublished'],
  language: ['language', 'lang'],
  byline: ['byline'],
  saidPhrase: ['saidphrase'],
  saidEarliest: ['saidearliest'],
  saidLatest: ['saidlatest'],
  start: ['start'],
  end: ['end'],
} as const

type CsvColumn = keyof typeof CSV_COLUMNS

/** Columns our own CSV export writes that an import has no use for. */
const UNUSED_EXPORT_COLUMNS = new Set(['id', 'verified'])

const headerKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Which field of a row each column holds; throws when a column every quote needs is missing. */
export function mapCsvHeader(header: string[]): {
  columns: Map<CsvColumn, number>
  ignored: string[]
} {
  const columns = new Map<CsvColumn, number>()
  const ignored: string[] = []
  header.forEach((name, index) => {
    const key = headerKey(name)
    const column = (Object.keys(CSV_COLUMNS) as CsvColumn[]).find((c) =>
      (CSV_COLUMNS[c] as readonly string[]).includes(key),
    )
    if (column && !columns.has(column)) columns.set(column, index)
    else if (!UNUSED_EXPORT_COLUMNS.has(key)) ignored.push(name)
  })
  if (!columns.has('text')) {
    throw new UnreadableFile(
      'the CSV header has no column for the quote text (text, quote or quotation)',
    )
  }
  if (!columns.has('url')) {
    throw new UnreadableFile(
      'the CSV header has no column for the article url (url, article_url or link): every quote needs the article it was published in',
    )
  }
  return { columns, ignored }
}

/** A date cell as a partial date: a date-time keeps its day ("2025-02-20T10:00:00Z" → "2025-02-20"). */
function dateCell(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(value)
  return match ? match[1]! : value
}

function numberCell(value: string | undefined): number | string | null {
  if (value === undefined || value.trim() === '') return null
  return /^\d+$/.test(value.trim()) ? Number(value) : value
}

/**
 * A reference from a slug column and a name column. A slug from a slug column names exactly that
 * record (refused when nobody has it), never one found by a name that looks like it.
 */
function namedRef(slug: string | undefined, name: string | undefined) {
  if (name) return slug ? { slug, name } : name
  return slug ? { slug } : null
}

/** One CSV row as a quote item. */
export function csvRowItem(columns: Map<CsvColumn, number>, cells: string[]): unknown {
  // A cell our export made safe for spreadsheets reads back as it was.
  const fields = cells.map(csvValue)
  const cell = (column: CsvColumn) => {
    const index = columns.get(column)
    const value = index === undefined ? undefined : fields[index]?.trim()
    return value === '' ? undefined : value
  }
  const speakerName = cell('speaker')
  const speaker =
    speakerName || cell('speakerSlug')
      ? speakerName
        ? {
            ...(cell('speakerSlug') ? { slug: cell('speakerSlug') } : {}),
            name: speakerName,
            wikidataId: cell('speakerWikidata') ?? null,
            anonymous: ['true', '1', 'yes'].includes(
              (cell('speakerAnonymous') ?? '').toLowerCase(),
            ),
          }
        : { slug: cell('speakerSlug') }
      : null
  const said =
    cell('saidPhrase') || cell('saidEarliest') || cell('saidLatest')
      ? {
          phrase: cell('saidPhrase') ?? null,
          earliest: cell('saidEarliest') ?? null,
          latest: cell('saidLatest') ?? null,
        }
      : null
  const published = cell('published')
  const url = cell('url')
  return {
    type: 'quote',
    article: {
      url,
      // Without an outlet column, the url's domain names the outlet.
      outlet:
        namedRef(cell('outletSlug'), cell('outlet')) ?? (url ? domainOf(url) : null) ?? undefined,
      title: cell('title') ?? null,
      published: published === undefined ? undefined : dateCell(published),
      language: cell('language') ?? null,
      byline: cell('byline') ?? null,
    },
    speaker,
    text: columns.has('text') ? fields[columns.get('text')!] : undefined,
    kind: cell('kind')?.toLowerCase() ?? 'direct',
    cue: cell('cue') ?? null,
    speakerTitle: cell('speakerTitle') ?? null,
    audience: cell('audience') ?? null,
    citedOutlet: namedRef(cell('citedSlug'), cell('cited')),
    said,
    start: numberCell(cell('start')),
    end: numberCell(cell('end')),
  }
}

async function* readCsv(chunks: AsyncIterable<string>): AsyncGenerator<SourceEntry> {
  let mapping: ReturnType<typeof mapCsvHeader> | null = null
  let width = 0
  for await (const row of readCsvRows(chunks)) {
    // Without a header, not one row can be read.
    if ('error' in row && mapping === null) throw new UnreadableFile(row.error)
    if ('error' in row) {
      yield { kind: 'error', line: row.line, raw: row.raw, message: row.error }
      continue
    }
    if (mapping === null) {
      mapping = mapCsvHeader(row.fields)
      width = row.fields.length
      continue
    }
    if (row.fields.length !== width) {
      yield {
        kind: 'error',
        line: row.line,
        raw: row.raw,
        message: `the row has ${row.fields.length} fields where the header has ${width}`,
      }
      continue
    }
    yield {
      kind: 'record',
      line: row.line,
      raw: row.raw,
      value: csvRowItem(mapping.columns, row.fields),
    }
  }
}
