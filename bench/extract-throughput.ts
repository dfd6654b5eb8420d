/**
 * Extraction throughput on one core: megabytes of article text per second.
 *
 *   npx tsx bench/extract-throughput.ts [--dir DIR] [--json]
 *
 * With --dir, every .txt file below DIR (for example ../shared/polnear/dev/text); without, the seed
 * article repeated to 5 MB. Each text is extracted three times after a warm-up; the best round counts.
 * A measurement, not a test: nothing fails.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { extractStatements } from '../src/extract/extract'
import { machine } from './machine'

const { values } = parseArgs({
  options: { dir: { type: 'string' }, json: { type: 'boolean', default: false } },
})

function texts(): string[] {
  if (values.dir) {
    return readdirSync(values.dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(values.dir!, f), 'utf8'))
  }
  const seed = readFileSync(
    new URL('../seed/independent-us-drones-mexico-cartels.txt', import.meta.url),
    'utf8',
  )
  return Array.from({ length: Math.ceil(5_000_000 / seed.length) }, () => seed)
}

const corpus = texts()
const bytes = corpus.reduce((sum, t) => sum + Buffer.byteLength(t), 0)
let statements = 0
for (const text of corpus.slice(0, 20)) extractStatements(text, { published: '2025-02' })
let best = Infinity
for (let round = 0; round < 3; round++) {
  const started = performance.now()
  statements = 0
  for (const text of corpus) statements += extractStatements(text, { published: '2025-02' }).length
  best = Math.min(best, (performance.now() - started) / 1000)
}
const result = {
  benchmark: 'extract',
  source: values.dir ?? 'seed article x' + corpus.length,
  articles: corpus.length,
  mb: Number((bytes / 1e6).toFixed(2)),
  statements,
  seconds: Number(best.toFixed(3)),
  mb_per_s: Number((bytes / 1e6 / best).toFixed(2)),
  machine: machine(),
}
if (values.json) console.log(JSON.stringify(result))
else
  console.log(
    `Extracted ${result.statements} statements from ${result.mb} MB in ${result.seconds} s: ${result.mb_per_s} MB/s.`,
    result.machine,
  )
