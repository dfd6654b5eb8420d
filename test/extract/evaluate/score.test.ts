import { describe, expect, it } from 'vitest'
import type { QuoteKind } from '../../../src/domain/vocabulary'
import { namesAnOutlet, type GoldAttribution } from '../../../src/extract/evaluate/polnear'
import {
  countSpanMatches,
  findQuoteErrors,
  overlapLength,
  POLNEAR_SPEAKER,
  scorePolnearArticle,
  sumArticleCounts,
  toScore,
  type ArticleCounts,
  type Counts,
  type Span,
} from '../../../src/extract/evaluate/score'
import type { ExtractedStatement } from '../../../src/extract/types'

/** Where `fragment` first stands in `text` at or after `from`; fails loudly when it does not. */
function spanOf(text: string, fragment: string, from = 0): Span {
  const start = text.indexOf(fragment, from)
  if (start < 0) throw new Error(`"${fragment}" is not in the test text`)
  return { start, end: start + fragment.length }
}

/** A prediction of `fragment` in `text`, with the speaker mention `mention` when given. */
function predict(
  text: string,
  fragment: string,
  options: { kind?: QuoteKind; mention?: Span | null } = {},
): ExtractedStatement {
  const { start, end } = spanOf(text, fragment)
  const mention = options.mention ?? null
  return {
    text: fragment,
    start,
    end,
    kind: options.kind ?? 'direct',
    cue: null,
    cueSpan: null,
    speakerMention: mention && { ...mention, text: text.slice(mention.start, mention.end) },
    speaker: null,
    citedOutlet: null,
    audience: null,
    said: null,
    method: 'named',
    confidence: 1,
  }
}

const counts = (correct: number, predicted: number, found: number, gold: number): Counts => ({
  correct,
  predicted,
  found,
  gold,
})

describe('overlapLength', () => {
  it.each([
    ['spans that only touch', { start: 0, end: 5 }, [{ start: 5, end: 9 }], 0],
    ['one shared character', { start: 0, end: 5 }, [{ start: 4, end: 9 }], 1],
    ['a span inside another', { start: 2, end: 4 }, [{ start: 0, end: 9 }], 2],
    [
      'the pieces of a discontinuous span, summed',
      { start: 0, end: 10 },
      [
        { start: 1, end: 3 },
        { start: 8, end: 20 },
      ],
      4,
    ],
    ['an empty span', { start: 3, end: 3 }, [{ start: 0, end: 9 }], 0],
  ])('counts %s', (_, span, pieces, expected) => {
    expect(overlapLength(span, pieces)).toBe(expected)
  })
})

describe('countSpanMatches', () => {
  const gold: Span[][] = [
    [{ start: 10, end: 20 }],
    [
      { start: 40, end: 50 },
      { start: 70, end: 80 },
    ],
  ]
  it.each([
    ['an exact prediction', [{ start: 10, end: 20 }], counts(1, 1, 1, 2)],
    ['a prediction that only touches gold', [{ start: 20, end: 30 }], counts(0, 1, 0, 2)],
    [
      'one overlapping a later piece of a discontinuous span',
      [{ start: 75, end: 90 }],
      counts(1, 1, 1, 2),
    ],
    ['a prediction between the pieces', [{ start: 55, end: 65 }], counts(0, 1, 0, 2)],
    [
      'a quote split in two, both halves right and the quote found once',
      [
        { start: 10, end: 14 },
        { start: 16, end: 20 },
      ],
      counts(2, 2, 1, 2),
    ],
    ['one prediction across two gold quotes', [{ start: 15, end: 45 }], counts(1, 1, 2, 2)],
    ['no prediction', [], counts(0, 0, 0, 2)],
  ])('scores %s', (_, predicted, expected) => {
    expect(countSpanMatches(gold, predicted)).toEqual(expected)
  })
})

describe('toScore', () => {
  it.each([
    ['half right, half found', counts(2, 4, 1, 2), { p: 0.5, r: 0.5, f1: 0.5 }],
    ['all right, a third found', counts(3, 3, 1, 3), { p: 1, r: 1 / 3, f1: 0.5 }],
    ['nothing right: F1 is 0, not NaN', counts(0, 4, 0, 2), { p: 0, r: 0, f1: 0 }],
    ['nothing predicted with gold to find', counts(0, 0, 0, 3), { p: 0, r: 0, f1: 0 }],
    ['predictions where there is no gold', counts(0, 2, 0, 0), { p: 0, r: 0, f1: 0 }],
    ['nothing predicted and nothing to find', counts(0, 0, 0, 0), { p: 1, r: 1, f1: 1 }],
  ])('gives %s', (_, given, expected) => {
    const score = toScore(given)
    expect(score).toMatchObject(given)
    expect(score.p).toBeCloseTo(expected.p)
    expect(score.r).toBeCloseTo(expected.r)
    expect(score.f1).toBeCloseTo(expected.f1)
  })
})

describe('scorePolnearArticle', () => {
  const text =
    'The mayor said, “We will rebuild the bridge.” Critics said the plan cost too much. ' +
    '“It is late,” Ms. Ray added, “but it will open.” She called it “a gift.”'
  const mayor = spanOf(text, 'The mayor')
  const ray = spanOf(text, 'Ms. Ray')
  const critics = spanOf(text, 'Critics')
  const she = spanOf(text, 'She')
  const gold: GoldAttribution[] = [
    {
      kind: 'quote',
      content: [spanOf(text, 'We will rebuild the bridge.')],
      source: [mayor],
      cue: null,
    },
    {
      kind: 'paraphrase',
      content: [spanOf(text, 'the plan cost too much')],
      source: [critics],
      cue: null,
    },
    {
      kind: 'quote',
      content: [spanOf(text, 'It is late,'), spanOf(text, 'but it will open.')],
      source: [ray],
      cue: null,
    },
    { kind: 'quote', content: [spanOf(text, 'a gift.')], source: null, cue: null },
  ]

  it('scores quotes and paraphrases each against their own gold, and has no outlet', () => {
    const result = scorePolnearArticle(gold, [
      predict(text, 'We will rebuild the bridge.'),
      predict(text, 'the plan cost too much', { kind: 'paraphrase' }),
      predict(text, 'Critics said', { kind: 'partial' }),
    ])
    expect(result.quote).toEqual(counts(1, 2, 1, 3))
    expect(result.paraphrase).toEqual(counts(1, 1, 1, 1))
    expect(result.outlet).toBeNull()
  })

  it('does not punish a quote split around its attribution', () => {
    const result = scorePolnearArticle(gold, [
      predict(text, 'It is late,', { mention: ray }),
      predict(text, 'but it will open.', { mention: ray }),
    ])
    expect(result.quote).toEqual(counts(2, 2, 1, 3))
    expect(result.speaker).toEqual(counts(2, 2, 1, 2))
  })

  it.each([
    ['a mention overlapping the gold source is right', mayor, counts(1, 1, 1, 2)],
    ['a mention that only shares a word of it is right', spanOf(text, 'mayor'), counts(1, 1, 1, 2)],
    ['a mention elsewhere is wrong', critics, counts(0, 1, 0, 2)],
    ['no mention is not judged, and the gold speaker is not found', null, counts(0, 0, 0, 2)],
  ])('judges the speaker: %s', (_, mention, expected) => {
    const result = scorePolnearArticle(gold, [
      predict(text, 'We will rebuild the bridge.', { mention }),
    ])
    expect(result.speaker).toEqual(expected)
  })

  it('counts a mention for a gold quote with no source as wrong, and does not expect one', () => {
    const result = scorePolnearArticle(gold, [predict(text, 'a gift.', { mention: she })])
    expect(result.speaker).toEqual(counts(0, 1, 0, 2))
  })

  it.each([
    ['mostly the split quote, whose source it names', 'it will open.” She called it “a', 1],
    ['mostly the quote with no source', 'open.” She called it “a gift.', 0],
  ])(
    'judges a prediction across two gold quotes by the one it overlaps most: %s',
    (_, fragment, right) => {
      const result = scorePolnearArticle(gold, [predict(text, fragment, { mention: ray })])
      expect(result.speaker).toMatchObject({ correct: right, predicted: 1 })
    },
  )
})

describe('sumArticleCounts', () => {
  const article = (quote: Counts, outlet: Counts | null): ArticleCounts => ({
    quote,
    speaker: quote,
    paraphrase: quote,
    outlet,
  })

  it('sums counts over articles, so scores are micro-averaged', () => {
    const total = sumArticleCounts([
      article(counts(1, 1, 1, 1), null),
      article(counts(0, 3, 0, 9), null),
    ])
    expect(total.quote).toEqual(counts(1, 4, 1, 10))
    expect(toScore(total.quote)).toMatchObject({ p: 0.25, r: 0.1 })
    expect(total.outlet).toBeNull()
  })

  it('sums outlet counts where some article has them', () => {
    const total = sumArticleCounts([
      article(counts(1, 1, 1, 1), counts(1, 2, 1, 2)),
      article(counts(1, 1, 1, 1), null),
    ])
    expect(total.outlet).toEqual(counts(1, 2, 1, 2))
  })
})

describe('findQuoteErrors', () => {
  it('lists missed gold quotes, false predictions and wrong speakers', () => {
    const text = '“One,” Ana said. “Two,” Ben said. Not a quote: “three.”'
    const ana = spanOf(text, 'Ana')
    const ben = spanOf(text, 'Ben')
    const gold: GoldAttribution[] = [
      { kind: 'quote', content: [spanOf(text, 'One,')], source: [ana], cue: null },
      { kind: 'quote', content: [spanOf(text, 'Two,')], source: [ben], cue: null },
    ]
    const wrong = predict(text, 'Two,', { mention: ana })
    const spurious = predict(text, 'three.')
    const errors = findQuoteErrors(gold, (a) => a.content, [wrong, spurious], POLNEAR_SPEAKER)
    expect(errors).toEqual({
      missed: [0],
      spurious: [spurious],
      wrongSpeaker: [{ gold: 1, prediction: wrong }],
    })
  })
})

describe('the cited-outlet score on PolNeAR', () => {
  it('knows an outlet as a source from a person of an outlet or a document', () => {
    expect(namesAnOutlet('The New York Post')).toBe(true)
    expect(namesAnOutlet('the AP')).toBe(true)
    expect(namesAnOutlet('the paper')).toBe(true)
    expect(namesAnOutlet('A reporter for USA Today')).toBe(false)
    expect(namesAnOutlet('the report')).toBe(false)
    expect(namesAnOutlet('Senator Ray')).toBe(false)
  })

  it('judges only outlets as sources, and counts a match by the Source it names', () => {
    const text = 'The Post reported that the mayor resigned. Critics said "it was late."'
    const post = spanOf(text, 'The Post')
    const gold: GoldAttribution[] = [
      {
        kind: 'paraphrase',
        content: [spanOf(text, 'the mayor resigned')],
        source: [post],
        cue: null,
        sourceIsOutlet: true,
      },
      {
        kind: 'quote',
        content: [spanOf(text, 'it was late.')],
        source: [spanOf(text, 'Critics')],
        cue: null,
      },
    ]
    const byPost = {
      ...predict(text, 'the mayor resigned', { kind: 'paraphrase', mention: post }),
      speaker: null,
      citedOutlet: { name: 'The Washington Post', span: { ...post, text: 'The Post' } },
    }
    const critics = predict(text, 'it was late.', { mention: spanOf(text, 'Critics') })
    expect(scorePolnearArticle(gold, [byPost, critics]).outlet).toEqual(counts(1, 1, 1, 1))
    expect(scorePolnearArticle(gold, [critics]).outlet).toEqual(counts(0, 0, 0, 1))
  })
})
