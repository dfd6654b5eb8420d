import { describe, expect, it } from 'vitest'
import {
  csvRowItem,
  detectFormat,
  mapCsvHeader,
  quotebankItems,
  UnreadableFile,
} from '../../src/import/formats'
import { CSV_HEADER } from '../../src/export/quote-rows'

describe('detectFormat', () => {
  it.each([
    ['quotes.csv', '"text","speaker"', 'csv'],
    ['quotes.tsv', 'text\tspeaker', 'csv'],
    ['quotes.json', '[{"text": "a"}]', 'json'],
    ['quotes.json', '{"type": "quote"}', 'ndjson'],
    ['quotes.ndjson', '{"type":"outlet","slug":"x"}\n', 'ndjson'],
    [
      'quotes-2020.json.gz',
      '{"quoteID": "2020-01-01-000001", "quotation": "a", "speaker": "None"}',
      'quotebank',
    ],
    [null, '\uFEFF  [', 'json'],
    [null, 'text,speaker,url', 'csv'],
    [null, '{"quoteID":"x","quotation":"y"}', 'quotebank'],
  ] as const)('%s starting %j is %s', (name, head, format) => {
    expect(detectFormat(name, head)).toBe(format)
  })
})

describe('quotebankItems', () => {
  // A Quotebank line in the published format, made up for the test.
  const line = {
    quoteID: '2020-02-19-000042',
    quotation: 'we will not accept any intervention',
    speaker: 'Marcelo Ebrard',
    qids: ['Q123456'],
    date: '2020-02-19 14:03:00',
    numOccurrences: 2,
    probas: [
      ['Marcelo Ebrard', '0.8312'],
      ['None', '0.1688'],
    ],
    urls: ['https://www.reuters.com/article/x', 'http://eluniversal.com.mx/y'],
    phase: 'E',
  }

  it('makes a quote per url, in an article of the outlet the domain names, by the most probable speaker', () => {
    expect(quotebankItems(line)).toEqual({
      items: [
        {
          type: 'quote',
          article: {
            url: 'https://www.reuters.com/article/x',
            outlet: 'reuters.com',
            published: '2020-02-19',
          },
          speaker: { name: 'Marcelo Ebrard', wikidataId: 'Q123456' },
          text: 'we will not accept any intervention',
          kind: 'direct',
        },
        {
          type: 'quote',
          article: {
            url: 'http://eluniversal.com.mx/y',
            outlet: 'eluniversal.com.mx',
            published: '2020-02-19',
          },
          speaker: { name: 'Marcelo Ebrard', wikidataId: 'Q123456' },
          text: 'we will not accept any intervention',
          kind: 'direct',
        },
      ],
    })
  })

  it('leaves the Wikidata id out when the name has several, and the speaker out when it is None', () => {
    const homonyms = quotebankItems({ ...line, qids: ['Q1', 'Q2'] }) as {
      items: Array<{ speaker: unknown }>
    }
    expect(homonyms.items[0]!.speaker).toEqual({ name: 'Marcelo Ebrard', wikidataId: null })
    const nobody = quotebankItems({ ...line, probas: [['None', '0.9']] }) as {
      items: Array<{ speaker: unknown }>
    }
    expect(nobody.items[0]!.speaker).toBeNull()
  })

  it('refuses a line without a quotation, urls or date', () => {
    expect(quotebankItems({ ...line, quotation: undefined })).toEqual({
      error: 'quotation must be text',
    })
    expect(quotebankItems({ ...line, urls: [] })).toEqual({
      error: 'urls must be a list of article urls',
    })
    expect(quotebankItems({ ...line, date: 'yesterday' })).toEqual({
      error: 'date must begin YYYY-MM-DD',
    })
  })
})

describe('mapCsvHeader and csvRowItem', () => {
  it('reads the columns our own export writes', () => {
    const { columns, ignored } = mapCsvHeader([...CSV_HEADER])
    expect(ignored).toEqual([])
    const row = CSV_HEADER.map(
      (name) =>
        ({
          text: 'They know',
          kind: 'direct',
          cue: 'told',
          speaker_slug: 'todd-zimmerman',
          speaker_name: 'Todd Zimmerman',
          cited_outlet_slug: 'los-angeles-times',
          cited_outlet_name: 'Los Angeles Times',
          outlet_slug: 'the-independent',
          outlet_name: 'The Independent',
          article_url: 'https://example.com/a',
          published: '2025-02',
          start: '10',
          end: '19',
        })[name as string] ?? '',
    )
    expect(csvRowItem(columns, row)).toMatchObject({
      article: {
        url: 'https://example.com/a',
        outlet: { slug: 'the-independent', name: 'The Independent' },
        published: '2025-02',
      },
      speaker: { slug: 'todd-zimmerman', name: 'Todd Zimmerman' },
      citedOutlet: { slug: 'los-angeles-times', name: 'Los Angeles Times' },
      text: 'They know',
      kind: 'direct',
      start: 10,
      end: 19,
    })
  })

  it('takes common column names, keeps a date-time’s day, and names the outlet by the url without one', () => {
    const { columns, ignored } = mapCsvHeader(['Quote', 'Author', 'Link', 'Date', 'Tags'])
    expect(ignored).toEqual(['Tags'])
    expect(
      csvRowItem(columns, [
        'Hello',
        'Jane Roe',
        'https://www.bbc.co.uk/news/1',
        '2024-05-01T10:00:00Z',
        'x',
      ]),
    ).toMatchObject({
      article: {
        url: 'https://www.bbc.co.uk/news/1',
        outlet: 'bbc.co.uk',
        published: '2024-05-01',
      },
      speaker: { name: 'Jane Roe' },
      text: 'Hello',
      kind: 'direct',
    })
  })

  it('refuses a header without a text or a url column, saying which', () => {
    expect(() => mapCsvHeader(['speaker', 'url'])).toThrow(UnreadableFile)
    expect(() => mapCsvHeader(['text', 'speaker'])).toThrow(/no column for the article url/)
  })
})
