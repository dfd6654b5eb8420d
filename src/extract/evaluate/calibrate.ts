/**
 * `npm run train:extract -- --polnear DIR`: measures, on a PolNeAR directory (the training split;
 * never the one scores are reported on), how often statements attributed each way are right, and
 * writes the rates to `src/extract/method-confidence.ts` as the confidence the extractor gives.
 *
 * A statement is right when it overlaps a statement the annotators marked and its speaker mention
 * overlaps their source (or it has no mention and they marked no source). Rates are smoothed
 * toward one half ((right + 1) / (all + 2)) and kept only for methods seen at least 20 times.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ATTRIBUTION_METHODS, type AttributionMethod } from '../../domain/vocabulary'
import { extractStatements } from '../extract'
import { readPolnear } from './polnear'
import { bestMatch, overlapsAny } from './score'

const MIN_SEEN = 20
const OUT = new URL('../method-confidence.ts', import.meta.url)

const { values } = parseArgs({ options: { polnear: { type: 'string' } } })
if (!values.polnear) {
  console.error('Usage: npm run train:extract -- --polnear DIR   (PolNeAR training articles)')
  process.exit(2)
}

type Tally = Record<'quote' | 'paraphrase', Map<AttributionMethod, { right: number; all: number }>>
const tally: Tally = { quote: new Map(), paraphrase: new Map() }

for (const article of readPolnear(values.polnear)) {
  const gold = article.attributions
  const spans = gold.map((a) => a.content)
  for (const s of extractStatements(article.text, { published: article.published })) {
    const group = tally[s.kind === 'paraphrase' ? 'paraphrase' : 'quote']
    const counts = group.get(s.method) ?? { right: 0, all: 0 }
    group.set(s.method, counts)
    counts.all++
    const match = gold[bestMatch(s, spans)]
    if (!match) continue
    const mention = s.speakerMention
    const agrees =
      mention && match.source ? overlapsAny(mention, match.source) : !mention && !match.source
    if (agrees) counts.right++
  }
}

const rates = (group: Tally['quote']) =>
  Object.fromEntries(
    ATTRIBUTION_METHODS.flatMap((method) => {
      const c = group.get(method)
      if (!c || c.all < MIN_SEEN) return []
      return [[method, Math.round(((c.right + 1) / (c.all + 2)) * 100) / 100]]
    }),
  )

const table = { quote: rates(tally.quote), paraphrase: rates(tally.paraphrase) }
const seen = (group: Tally['quote']) =>
  Object.fromEntries([...group].map(([m, c]) => [m, `${c.right}/${c.all}`]))
writeFileSync(
  OUT,
  `// Written by \`npm run train:extract\` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: ${JSON.stringify(seen(tally.quote))}
// paraphrases: ${JSON.stringify(seen(tally.paraphrase))}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = ${JSON.stringify(table, null, 2)}
`,
)
console.log(JSON.stringify(table, null, 2))
