import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvRow, csvValue } from '../../src/export/csv'
import {
  detectDelimiter,
  readCsvRows,
  readJsonArray,
  readJsonLines,
  readLines,
  MAX_RECORD_LENGTH,
} from '../../src/import/readers'

/** The text in chunks cut at the given positions, as a stream would deliver it. */
async function* chunked(text: string, cuts: number[] = []): AsyncGenerator<string> {
  let at = 0
  for (const cut of [...new Set(cuts)]
    .filter((c) => c > 0 && c < text.length)
    .sort((a, b) => a - b)) {
    yield text.slice(at, cut)
    at = cut
  }
  yield text.slice(at)
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

describe('readLines', () => {
  it('numbers lines, drops CR and a leading byte-order mark, whatever the chunking', async () => {
    const lines = await collect(readLines(chunked('\uFEFFone\r\ntwo\n\nthree', [2, 5, 6, 9])))
    expect(lines).toEqual([
      { line: 1, text: 'one' },
      { line: 2, text: 'two' },
      { line: 3, text: '' },
      { line: 4, text: 'three' },
    ])
  })
})

describe('readJsonLines', () => {
  it('reads a value per line, skips blank lines and reports a broken line with its number', async () => {
    const entries = await collect(readJsonLines(chunked('{"a":1}\n\n{"a":\n[2]\n')))
    expect(entries.map((e) => [e.kind, e.line])).toEqual([
      ['record', 1],
      ['error', 3],
      ['record', 4],
    ])
    expect(entries[1]).toMatchObject({
      raw: '{"a":',
      message: expect.stringMatching(/^the line is not valid JSON/),
    })
  })
})

describe('readJsonArray', () => {
  it('yields the elements of an array one by one with the line each begins on', async () => {
    const text = '[\n  {"text": "a, [b] {c}", "n": [1, 2]},\n  "x\\"y",\n  3\n]\n'
    const entries = await collect(readJsonArray(chunked(text, [3, 11, 20])))
    expect(entries).toEqual([
      {
        kind: 'record',
        line: 2,
        raw: '{"text": "a, [b] {c}", "n": [1, 2]}',
        value: { text: 'a, [b] {c}', n: [1, 2] },
      },
      { kind: 'record', line: 3, raw: '"x\\"y"', value: 'x"y' },
      { kind: 'record', line: 4, raw: '3', value: 3 },
    ])
  })

  it('reads any JSON array back, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(fc.nat(400)),
        async (values, cuts) => {
          const text = JSON.stringify(values, null, 1)
          const entries = await collect(readJsonArray(chunked(text, cuts)))
          expect(entries.map((e) => (e.kind === 'record' ? e.value : e))).toEqual(JSON.parse(text))
        },
      ),
    )
  })

  it('reports an element too long to hold, and goes on with the next', async () => {
    const long = JSON.stringify({ text: 'x'.repeat(MAX_RECORD_LENGTH) })
    const entries = await collect(readJsonArray(chunked(`[{"a": 1},\n${long},\n{"b": 2}]`)))
    expect(entries).toMatchObject([
      { kind: 'record', line: 1, value: { a: 1 } },
      {
        kind: 'error',
        line: 2,
        message: `the element is longer than ${MAX_RECORD_LENGTH} characters`,
      },
      { kind: 'record', line: 3, value: { b: 2 } },
    ])
  })

  it('says what is wrong with a file that is not an array', async () => {
    expect(await collect(readJsonArray(chunked('{"a": 1}')))).toMatchObject([
      { kind: 'error', message: 'a JSON array file must begin with [' },
    ])
    expect(await collect(readJsonArray(chunked('[1, 2')))).toMatchObject([
      { kind: 'record', value: 1 },
      { kind: 'error', message: 'the array is not closed with ]' },
    ])
    expect(await collect(readJsonArray(chunked('[1] 2')))).toMatchObject([
      { kind: 'record', value: 1 },
      { kind: 'error', message: 'nothing may follow the closing ] of the array' },
    ])
  })
})

describe('readCsvRows', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', async () => {
    const text = '\uFEFFtext,speaker\r\n"He said, ""no""\r\nand left",Ana\r\nplain,"Smith, J."\r\n'
    const rows = await collect(readCsvRows(chunked(text, [4, 17, 30])))
    expect(rows).toEqual([
      { line: 1, raw: 'text,speaker', fields: ['text', 'speaker'] },
      {
        line: 2,
        raw: '"He said, ""no""\r\nand left",Ana',
        fields: ['He said, "no"\r\nand left', 'Ana'],
      },
      { line: 4, raw: 'plain,"Smith, J."', fields: ['plain', 'Smith, J.'] },
    ])
  })

  it('detects semicolons and tabs as delimiters', async () => {
    expect(detectDelimiter('text;speaker;url')).toBe(';')
    expect(detectDelimiter('text\tspeaker\turl')).toBe('\t')
    const rows = await collect(readCsvRows(chunked('a;b\n1,5;"x;y"\n')))
    expect(rows.map((r) => ('fields' in r ? r.fields : r))).toEqual([
      ['a', 'b'],
      ['1,5', 'x;y'],
    ])
  })

  it('skips blank lines and reads a last row without a line break', async () => {
    const rows = await collect(readCsvRows(chunked('a,b\n\n1,2')))
    expect(rows.map((r) => ('fields' in r ? r.fields : r))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('ends a row at a carriage return alone, as at LF and CRLF', async () => {
    const rows = await collect(readCsvRows(chunked('a,b\r1,2\r\n3,"4\r5"\r6,7', [4, 9])))
    expect(rows.map((r) => ('fields' in r ? [r.line, ...r.fields] : r))).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
      [3, '3', '4\r5'],
      [5, '6', '7'],
    ])
  })

  it('reports text after a closing quotation mark, and goes on with the next row', async () => {
    const rows = await collect(readCsvRows(chunked('a,b\n"a"b,2\n3,4\n')))
    expect(rows).toEqual([
      { line: 1, raw: 'a,b', fields: ['a', 'b'] },
      { line: 2, raw: '"a"b,2', error: 'text follows the closing quotation mark of field 1' },
      { line: 3, raw: '3,4', fields: ['3', '4'] },
    ])
  })

  it('reports a row too long to hold, and goes on with the next row', async () => {
    const long = `"${'x'.repeat(MAX_RECORD_LENGTH)}",2`
    const rows = await collect(readCsvRows(chunked(`a,b\n${long}\n3,4\n`)))
    expect(rows.map((r) => ('fields' in r ? r.fields : [r.line, r.error]))).toEqual([
      ['a', 'b'],
      [2, `the row is longer than ${MAX_RECORD_LENGTH} characters`],
      ['3', '4'],
    ])
  })

  it('counts a delimiter inside a quoted header name as part of the name', async () => {
    expect(detectDelimiter('"speaker, title";text;url')).toBe(';')
    const rows = await collect(readCsvRows(chunked('"speaker, title";text\nAna, minister;Hello\n')))
    expect(rows.map((r) => ('fields' in r ? r.fields : r))).toEqual([
      ['speaker, title', 'text'],
      ['Ana, minister', 'Hello'],
    ])
  })

  it('reads any well-formed file as csv-parse does, whatever its line endings and chunks', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r', 'é'),
      maxLength: 8,
    })
    const quote = (value: string, delimiter: string) =>
      /[",;\t\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc
          .integer({ min: 2, max: 4 })
          .chain((width) =>
            fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 6 }),
          ),
        fc.array(fc.nat(300)),
        async (delimiter, newline, rows, cuts) => {
          const width = rows[0]?.length ?? 2
          const header = Array.from({ length: width }, (_, i) => `col${i}`)
          const text = [header, ...rows]
            .map((row) => row.map((v) => quote(v, delimiter)).join(delimiter))
            .join(newline)
          const ours = (await collect(readCsvRows(chunked(text, cuts)))).map((r) =>
            'fields' in r ? r.fields : r,
          )
          const theirs: string[][] = []
          const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true })
          Readable.from([text]).pipe(parser)
          for await (const record of parser) theirs.push(record as string[])
          expect(ours).toEqual(theirs)
        },
      ),
    )
  })

  it('reports a quoted field left open at the end of the file', async () => {
    const rows = await collect(readCsvRows(chunked('a,b\n"open,2\n')))
    expect(rows.at(-1)).toMatchObject({
      line: 2,
      error: 'a quoted field is not closed before the end of the file',
    })
  })

  it('reads back every row the CSV writer writes, however it is cut into chunks', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '“', '=', '+', '-', '@', "'"),
      maxLength: 12,
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(200)),
        async (rows, cuts) => {
          const text = csvRow(['x', 'y', 'z']) + rows.map((r) => csvRow(r)).join('')
          const read = await collect(readCsvRows(chunked(text, cuts)))
          // A row of three empty fields is written as ",," and read back as such.
          expect(read.slice(1).map((r) => ('fields' in r ? r.fields.map(csvValue) : r))).toEqual(
            rows,
          )
        },
      ),
    )
  })
})
