import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  foldName,
  namesEntity,
  readSeedGold,
  scoreSeedArticle,
  type SeedStatement,
} from '../../../src/extract/evaluate/seed-gold'
import type { ExtractedStatement } from '../../../src/extract/types'

/** A prediction that repeats a gold statement, with the given speaker and outlet names. */
function echo(
  gold: SeedStatement,
  speaker: string | null = gold.speaker?.name ?? null,
  outlet: string | null = gold.citedOutlet?.name ?? null,
): ExtractedStatement {
  return {
    text: '',
    start: gold.start,
    end: gold.end,
    kind: gold.kind,
    cue: null,
    cueSpan: null,
    speakerMention: null,
    speaker: speaker === null ? null : { name: speaker, title: null, anonymous: false },
    citedOutlet: outlet === null ? null : { name: outlet, span: null },
    audience: null,
    said: null,
    method: 'named',
    confidence: 1,
  }
}

describe('foldName', () => {
  it('sets case, accents and punctuation aside', () => {
    expect(foldName('  Joaquín  “El Chapo” Guzmán ')).toBe('joaquin el chapo guzman')
    expect(foldName('U.S. and Mexican officials')).toBe(foldName('US and mexican Officials'))
  })
})

describe('namesEntity', () => {
  const hale = { name: 'Dana Hale', aliases: ['Sen. Hale'] }
  it.each([
    ['the name', hale, 'dana hale', true],
    ['an alias, punctuation aside', hale, 'Sen Hale', true],
    ['another name', hale, 'Hale', false],
    ['no name for an entity', hale, null, false],
    ['a name where there is none', null, 'Dana Hale', false],
    ['no name where there is none', null, null, true],
  ])('matches %s as expected', (_, entity, name, expected) => {
    expect(namesEntity(entity, name)).toBe(expected)
  })
})

describe('scoreSeedArticle', () => {
  const [article] = readSeedGold()
  const gold = article!.statements

  it('reads the seed article with its statements at their offsets', () => {
    const seed = JSON.parse(
      readFileSync(new URL('../../../seed/quotes.json', import.meta.url), 'utf8'),
    ) as Array<{ text: string; kind: string; speaker: unknown; citedOutlet?: unknown }>
    expect(article!.published).toBe('2025-02')
    expect(gold).toHaveLength(seed.length)
    expect(gold.map((s) => [article!.text.slice(s.start, s.end), s.kind]).sort()).toEqual(
      seed.map((q) => [q.text, q.kind]).sort(),
    )
    expect(gold.filter((s) => s.speaker !== null && s.citedOutlet !== null).length).toBe(
      seed.filter((q) => q.speaker !== null && q.citedOutlet != null).length,
    )
  })

  it('gives full marks to predictions that repeat the gold', () => {
    const result = scoreSeedArticle(
      gold,
      gold.map((s) => echo(s)),
    )
    for (const counts of [result.quote, result.speaker, result.paraphrase, result.outlet!]) {
      expect(counts.correct).toBe(counts.predicted)
      expect(counts.found).toBe(counts.gold)
    }
  })

  it('judges speakers and outlets by name, a missing name against a present one wrong', () => {
    const quote = gold.find((s) => s.kind !== 'paraphrase' && s.speaker && !s.citedOutlet)!
    const result = scoreSeedArticle(gold, [echo(quote, 'Somebody Else', 'The Daily Planet')])
    expect(result.quote).toMatchObject({ correct: 1, predicted: 1 })
    expect(result.speaker).toMatchObject({ correct: 0, predicted: 1, found: 0 })
    expect(result.outlet).toMatchObject({ correct: 0, predicted: 1, found: 0 })
    const silent = scoreSeedArticle(gold, [echo(quote, null, null)])
    expect(silent.speaker).toMatchObject({ correct: 0, predicted: 1 })
    expect(silent.outlet).toMatchObject({ correct: 1, predicted: 1, found: 1 })
  })
})
