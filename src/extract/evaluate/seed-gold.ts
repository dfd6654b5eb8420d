/**
 * The project's own seed as gold: each seed article's text with its curated statements, and the
 * rules that score extraction against them. Unlike PolNeAR, the seed names who spoke and which
 * outlet was cited, so speakers and outlets are judged by name.
 */
import type { QuoteKind } from '../../domain/vocabulary'
import { readSeed, SEED_DIR } from '../../import/seed'
import type { ExtractedStatement } from '../types'
import {
  addCounts,
  countAttributeMatches,
  countSpanMatches,
  isQuoteKind,
  type ArticleCounts,
  type AttributeRule,
  type Span,
} from './score'

/** A speaker or an outlet: its name and the other names it goes by. */
export interface Named {
  name: string
  aliases: string[]
}

/** One curated statement of a seed article. */
export interface SeedStatement extends Span {
  kind: QuoteKind
  speaker: Named | null
  citedOutlet: Named | null
}

/** A seed article with its curated statements. */
export interface SeedArticle {
  url: string
  text: string
  /** The article's publication date as the seed gives it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  published: string | null
  statements: SeedStatement[]
  /** Every outlet of the seed, for the extractor to recognise as the database would give them. */
  outlets: Named[]
}

type SeedRecord = Record<string, unknown>
const text = (record: SeedRecord, key: string) =>
  typeof record[key] === 'string' ? (record[key] as string) : null

/** Reads the seed in `dir` (by default the project's `seed/`) as gold, one entry per article. */
export function readSeedGold(dir: string = SEED_DIR): SeedArticle[] {
  const seed = readSeed(dir)
  const bySlug = (records: SeedRecord[]) =>
    new Map(
      records.map((r) => [
        text(r, 'slug'),
        { name: text(r, 'name') ?? '', aliases: (r.aliases as string[] | undefined) ?? [] },
      ]),
    )
  const speakers = bySlug(seed.speakers)
  const outlets = bySlug(seed.outlets)
  const lookUp = (names: Map<string | null, Named>, slug: string | null) =>
    slug === null ? null : (names.get(slug) ?? { name: slug, aliases: [] })
  return seed.articles.map((article) => ({
    url: text(article, 'url') ?? '',
    text: text(article, 'body') ?? '',
    published: text(article, 'published'),
    outlets: [...outlets.values()],
    statements: seed.quotes
      .filter((q) => q.article === article.url)
      .map((q) => ({
        start: q.start as number,
        end: q.end as number,
        kind: q.kind as QuoteKind,
        speaker: lookUp(speakers, text(q, 'speaker')),
        citedOutlet: lookUp(outlets, text(q, 'citedOutlet')),
      })),
  }))
}

/** A name folded for comparison: lower case, without accents, punctuation or extra spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** True when `name` is the entity's name or one of its aliases, or when both are missing. */
export function namesEntity(entity: Named | null, name: string | null): boolean {
  if (entity === null || name === null) return entity === null && name === null
  const folded = foldName(name)
  return [entity.name, ...entity.aliases].some((n) => foldName(n) === folded)
}

/** The seed's speaker rule: every matched prediction is judged, by its resolved speaker's name. */
export const SEED_SPEAKER: AttributeRule<SeedStatement> = {
  judged: () => true,
  expected: () => true,
  agrees: (gold, prediction) => namesEntity(gold.speaker, prediction.speaker?.name ?? null),
}

/** The seed's outlet rule: every matched prediction is judged, by its cited outlet's name. */
export const SEED_OUTLET: AttributeRule<SeedStatement> = {
  judged: () => true,
  expected: () => true,
  agrees: (gold, prediction) => namesEntity(gold.citedOutlet, prediction.citedOutlet?.name ?? null),
}

/**
 * One seed article's counts. Quotes and paraphrases by span overlap, each kind against its own
 * gold (direct and partial together); speaker over the quotes, by {@link SEED_SPEAKER}; outlet
 * over statements of every kind, each against the gold of its own kind, by {@link SEED_OUTLET}.
 */
export function scoreSeedArticle(
  gold: SeedStatement[],
  predicted: ExtractedStatement[],
): ArticleCounts {
  const quotes = gold.filter((s) => s.kind !== 'paraphrase')
  const paraphrases = gold.filter((s) => s.kind === 'paraphrase')
  const quotePredictions = predicted.filter(isQuoteKind)
  const paraphrasePredictions = predicted.filter((s) => !isQuoteKind(s))
  const spansOf = (s: SeedStatement) => [s]
  return {
    quote: countSpanMatches(quotes.map(spansOf), quotePredictions),
    speaker: countAttributeMatches(quotes, spansOf, quotePredictions, SEED_SPEAKER),
    paraphrase: countSpanMatches(paraphrases.map(spansOf), paraphrasePredictions),
    outlet: addCounts(
      countAttributeMatches(quotes, spansOf, quotePredictions, SEED_OUTLET),
      countAttributeMatches(paraphrases, spansOf, paraphrasePredictions, SEED_OUTLET),
    ),
  }
}
