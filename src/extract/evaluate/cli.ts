/**
 * `npm run eval:extract` — scores the extractor against gold: the project's seed by default, or a
 * PolNeAR directory with `--polnear DIR`. Prints a table, or one JSON object with `--json`, and
 * with `--errors N` the mistakes on the N worst articles. The extractor is `extractStatements`
 * from `src/extract/extract.ts`, or from the module `--extractor FILE` names.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { ExtractedStatement, ExtractionContext } from '../types'
import { readPolnear, type GoldAttribution } from './polnear'
import {
  findQuoteErrors,
  POLNEAR_SPEAKER,
  scorePolnearArticle,
  sumArticleCounts,
  toScore,
  type ArticleCounts,
  type QuoteErrors,
  type Span,
} from './score'
import { readSeedGold, scoreSeedArticle, SEED_SPEAKER, type SeedStatement } from './seed-gold'

const USAGE = `Usage: npm run eval:extract -- [--polnear DIR] [--json] [--errors N] [--extractor FILE]
  (no option)      score the seed article against the curated seed
  --polnear DIR    score a PolNeAR directory (text/*.txt, attributions/*.ann)
  --json           print one JSON object instead of a table
  --errors N       list missed quotes, false quotes and wrong speakers of the N worst articles
  --extractor FILE score the extractStatements of another module (default src/extract/extract.ts)`

/** The extractor's entry point. */
type Extractor = (text: string, context?: ExtractionContext) => ExtractedStatement[]

/** One article to score, whatever its corpus. */
interface GoldArticle {
  name: string
  text: string
  context: ExtractionContext
  score(predicted: ExtractedStatement[]): ArticleCounts
  errors(predicted: ExtractedStatement[]): QuoteErrors
  /** The gold quote's pieces and its speaker as the gold gives it, for the error listing. */
  quote(index: number): { spans: Span[]; speaker: string }
}

class UsageError extends Error {}
/** A failure told in one sentence, without a stack trace. */
class Failure extends Error {}

function polnearArticles(dir: string): GoldArticle[] {
  if (!['text', 'attributions'].every((sub) => existsSync(join(dir, sub)))) {
    throw new Failure(`${dir} is not a PolNeAR directory: it needs text/ and attributions/.`)
  }
  const contentOf = (a: GoldAttribution) => a.content
  return readPolnear(dir).map(({ name, text, published, attributions }) => {
    const quotes = attributions.filter((a) => a.kind === 'quote')
    return {
      name,
      text,
      context: { published },
      score: (predicted) => scorePolnearArticle(attributions, predicted),
      errors: (predicted) => findQuoteErrors(quotes, contentOf, predicted, POLNEAR_SPEAKER),
      quote: (index) => {
        const { content, source } = quotes[index]!
        const speaker = source?.map((s) => text.slice(s.start, s.end)).join(' … ')
        return { spans: content, speaker: speaker ?? '(no source)' }
      },
    }
  })
}

function seedArticles(): GoldArticle[] {
  const spansOf = (s: SeedStatement) => [s]
  return readSeedGold().map(({ url, text, published, statements, outlets }) => {
    const quotes = statements.filter((s) => s.kind !== 'paraphrase')
    return {
      name: url,
      text,
      context: { published, outlets },
      score: (predicted) => scoreSeedArticle(statements, predicted),
      errors: (predicted) => findQuoteErrors(quotes, spansOf, predicted, SEED_SPEAKER),
      quote: (index) => ({
        spans: [quotes[index]!],
        speaker: quotes[index]!.speaker?.name ?? '(none)',
      }),
    }
  })
}

async function loadExtractor(file: string | undefined): Promise<Extractor> {
  try {
    const module: { extractStatements: Extractor } = file
      ? await import(pathToFileURL(resolve(file)).href)
      : await import('../extract')
    return module.extractStatements
  } catch (error) {
    const where = file ?? 'src/extract/extract.ts'
    throw new Failure(`Could not load extractStatements from ${where}: ${String(error)}`)
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000
const excerpt = (text: string, span: Span, width = 90) => {
  const flat = text.slice(span.start, span.end).replace(/\s+/g, ' ')
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat
}
const mentionOf = (p: ExtractedStatement) =>
  `${p.speakerMention?.text ?? '(no mention)'}${p.speaker ? ` → ${p.speaker.name}` : ''}`

function printErrors(article: GoldArticle, errors: QuoteErrors, log: (line: string) => void): void {
  const { missed, spurious, wrongSpeaker } = errors
  log(
    `\n== ${article.name}: ${missed.length} missed, ${spurious.length} false, ` +
      `${wrongSpeaker.length} wrong speaker`,
  )
  for (const index of missed) {
    const { spans, speaker } = article.quote(index)
    log(`  missed  @${spans[0]!.start} «${excerpt(article.text, spans[0]!)}»  gold: ${speaker}`)
  }
  for (const p of spurious) {
    log(`  false   @${p.start} «${excerpt(article.text, p)}»  predicted: ${mentionOf(p)}`)
  }
  for (const { gold, prediction: p } of wrongSpeaker) {
    log(
      `  speaker @${p.start} «${excerpt(article.text, p)}»  gold: ${article.quote(gold).speaker}` +
        `  predicted: ${mentionOf(p)}`,
    )
  }
}

function printTable(
  label: string,
  articles: number,
  total: ArticleCounts,
  seconds: number,
  mbPerS: number | null,
): void {
  const plural = articles === 1 ? '' : 's'
  console.log(`${label}: ${articles} article${plural}, ${round(seconds)} s, ${mbPerS ?? '-'} MB/s`)
  console.log('metric        P      R      F1     correct/predicted  found/gold')
  for (const [metric, counts] of Object.entries(total)) {
    if (!counts) {
      console.log(`${metric.padEnd(12)}  (no gold)`)
      continue
    }
    const s = toScore(counts)
    const cells = [s.p, s.r, s.f1].map((n) => round(n).toFixed(3).padEnd(6)).join(' ')
    console.log(
      `${metric.padEnd(12)}  ${cells} ${`${s.correct}/${s.predicted}`.padEnd(18)} ${s.found}/${s.gold}`,
    )
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      polnear: { type: 'string' },
      json: { type: 'boolean', default: false },
      errors: { type: 'string' },
      extractor: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const worst = values.errors === undefined ? 0 : Number(values.errors)
  if (!Number.isInteger(worst) || worst < 0) throw new UsageError('--errors takes a whole number.')
  const extract = await loadExtractor(values.extractor)
  const articles = values.polnear ? polnearArticles(values.polnear) : seedArticles()

  // One untimed pass over the seed first, so the timing is of extraction as a running server
  // does it: the tagger loaded and the code compiled, with nothing of these articles cached.
  for (const article of seedArticles()) extract(article.text, article.context)
  let seconds = 0
  let bytes = 0
  const results = articles.map((article) => {
    const started = performance.now()
    const predicted = extract(article.text, article.context)
    seconds += (performance.now() - started) / 1000
    bytes += Buffer.byteLength(article.text, 'utf8')
    return { article, predicted, counts: article.score(predicted) }
  })
  const total = sumArticleCounts(results.map((r) => r.counts))
  const mbPerS = seconds > 0 ? round(bytes / 1e6 / seconds) : null

  if (values.json) {
    const metric = (counts: ArticleCounts[keyof ArticleCounts]) => {
      if (!counts) return null
      const { p, r, f1 } = toScore(counts)
      return { p: round(p), r: round(r), f1: round(f1) }
    }
    const summary = {
      articles: articles.length,
      quote: metric(total.quote),
      speaker: metric(total.speaker),
      paraphrase: metric(total.paraphrase),
      outlet: metric(total.outlet),
      seconds: round(seconds),
      mb_per_s: mbPerS,
    }
    console.log(JSON.stringify(summary))
  } else {
    printTable(
      values.polnear ? `PolNeAR ${values.polnear}` : 'seed',
      articles.length,
      total,
      seconds,
      mbPerS,
    )
  }
  if (worst > 0) {
    const listed = results.map((r) => ({ ...r, errors: r.article.errors(r.predicted) }))
    const count = ({ missed, spurious, wrongSpeaker }: QuoteErrors) =>
      missed.length + spurious.length + wrongSpeaker.length
    listed.sort((a, b) => count(b.errors) - count(a.errors))
    // With --json the listing goes to standard error, so standard output stays one JSON object.
    const log = values.json ? console.error : console.log
    for (const r of listed.slice(0, worst)) printErrors(r.article, r.errors, log)
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = (error as { code?: unknown }).code
    const usage =
      error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    if (usage) console.error(`${(error as Error).message}\n\n${USAGE}`)
    else console.error(error instanceof Failure ? error.message : error)
    process.exit(usage ? 2 : 1)
  },
)
