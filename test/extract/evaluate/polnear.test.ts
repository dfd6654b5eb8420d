import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  dateFromName,
  isQuotation,
  parseAnnotations,
  readPolnear,
} from '../../../src/extract/evaluate/polnear'

// A made-up article and its annotation, in the corpus's brat standoff format.
const TEXT =
  'Sen. Hale said the vote was close. “We lost,” he said, “but barely.” ' +
  'Aides said it was a ‘long night’. Polls show a tie.'
const at = (fragment: string) => {
  const start = TEXT.indexOf(fragment)
  return `${start} ${start + fragment.length}`
}
const ANN = [
  `T1\tSource ${at('Sen. Hale')}\tSen. Hale`,
  `T2\tCue ${at('said the')}\tsaid`,
  `T3\tContent ${at('the vote was close')}\tthe vote was close`,
  `T4\tAttribution ${at('said the')}\tsaid`,
  `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`,
  `T5\tContent ${at('“We lost,”')};${at('“but barely.”')}\t“We lost,” “but barely.”`,
  `T6\tSource ${at('he said')}\the`,
  `E2\tAttribution:T4 Source:T6 Content:T5`,
  `T7\tContent ${at('it was')}\tit was`,
  `T8\tContent ${at('a ‘long night’')}\ta ‘long`,
  'night’',
  `E3\tAttribution-no-source:T4 Content:T7 Content2:T8 `,
  `T9\tDiscard ${at('Polls show a tie.')}\tPolls show a tie.`,
  `E4\tAttribution:T4 Cue:T2`,
  '#1\tAnnotatorNotes T9\tnot an attribution',
].join('\n')

describe('parseAnnotations', () => {
  const attributions = parseAnnotations(ANN, TEXT)

  it('makes one attribution per event that has a Content', () => {
    expect(attributions).toHaveLength(3)
  })

  it('reads Source, Cue and Content as spans into the text', () => {
    const [first] = attributions
    const slice = (s: { start: number; end: number }) => TEXT.slice(s.start, s.end)
    expect(first!.content.map(slice)).toEqual(['the vote was close'])
    expect(first!.source!.map(slice)).toEqual(['Sen. Hale'])
    expect(first!.cue!.map(slice)).toEqual(['said the'])
    expect(first!.kind).toBe('paraphrase')
  })

  it('reads a discontinuous span as its pieces, and calls a quoted Content a quote', () => {
    const second = attributions[1]!
    expect(second.content.map((s) => TEXT.slice(s.start, s.end))).toEqual([
      '“We lost,”',
      '“but barely.”',
    ])
    expect(second.kind).toBe('quote')
    expect(second.cue).toBeNull()
  })

  it('joins Content2 to the Content, and leaves a source-less attribution without source', () => {
    const third = attributions[2]!
    expect(third.content.map((s) => TEXT.slice(s.start, s.end))).toEqual([
      'it was',
      'a ‘long night’',
    ])
    expect(third.source).toBeNull()
    expect(third.kind).toBe('paraphrase')
  })
})

describe('isQuotation', () => {
  it.each([
    ['“Curly” double marks', '“We lost”', true],
    ['a straight double mark inside', 'that it was "fine"', true],
    ['guillemets', '«Non»', true],
    ['a low opening mark', '„Nein“', true],
    ['an opening single mark', '‘Never,’ he wrote', true],
    ['an opening straight single mark after spaces', "  'Never'", true],
    ['a single mark inside only', 'a ‘long night’', false],
    ['an apostrophe', 'the party’s plan', false],
    ['no mark', 'the vote was close', false],
  ])('%s', (_, content, expected) => {
    expect(isQuotation(content)).toBe(expected)
  })
})

describe('dateFromName', () => {
  it.each([
    ['nyt_2016-09-19_some-title', '2016-09-19'],
    ['wash-post_2016-10-01_x_y', '2016-10-01'],
    ['no-date-here', null],
  ])('reads %s', (name, expected) => {
    expect(dateFromName(name)).toBe(expected)
  })
})

describe('readPolnear', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polnear-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'text'))
  mkdirSync(join(dir, 'attributions'))
  const write = (path: string, content: string) => writeFileSync(join(dir, path), content)
  write('text/nyt_2016-09-19_vote.txt', TEXT)
  write('attributions/nyt_2016-09-19_vote_b222.ann', '')
  write('attributions/nyt_2016-09-19_vote_a111.ann', ANN)
  write('text/nyt_2016-09-19_vote_two.txt', 'Nothing said.')
  write('attributions/nyt_2016-09-19_vote_two_c333.ann', '')
  write('text/usa_2016-09-20_unannotated.txt', 'No annotation file.')
  write('attributions/gone_2016-09-21_no-text_d444.ann', ANN)

  it('reads each annotated text with the first annotation file in name order', () => {
    const articles = readPolnear(dir)
    expect(articles.map((a) => a.name)).toEqual(['nyt_2016-09-19_vote', 'nyt_2016-09-19_vote_two'])
    expect(articles[0]).toMatchObject({ text: TEXT, published: '2016-09-19' })
    expect(articles[0]!.attributions).toEqual(parseAnnotations(ANN, TEXT))
    expect(articles[1]!.attributions).toEqual([])
  })
})
