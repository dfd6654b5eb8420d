/**
 * `npm run eval:threads` — how well threads join what is one statement and keep apart what is not,
 * on a thread-labelled set (default `eval/threads-dev.json`; another with `--set FILE`).
 *
 * Every statement is stored as an article of its own through the import, so the threads are
 * formed as they are for any write. Then, over every pair of statements: precision (of the pairs
 * put in one thread, how many are one statement) and recall (of the pairs that are one statement,
 * how many were put in one thread) — for quotation pairs (both quoted) and for paraphrase pairs
 * (at least one a paraphrase) apart. Prints one JSON object; the mistaken pairs with `--errors`.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openDatabase } from '../db/client'
import { createSqliteStore } from '../db/sqlite-store'
import { entriesOf, importEntries } from '../import/importer'
import { statementsAsArticles, type SetStatement } from '../import/statement-articles'
import { machine } from '../../bench/machine'

interface LabelledStatement extends SetStatement {
  thread: string
}

interface PairCounts {
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000)

const summary = (c: PairCounts) => ({
  precision: ratio(c.truePositives, c.truePositives + c.falsePositives),
  recall: ratio(c.truePositives, c.truePositives + c.falseNegatives),
  pairs: c,
})

/** The thread each statement was put in, in the set's order. */
async function threadStatements(statements: LabelledStatement[]): Promise<number[]> {
  const db = openDatabase(':memory:')
  const store = createSqliteStore(db)
  const items = statementsAsArticles(statements, 'https://eval.example/')
  const report = await importEntries(store, entriesOf(items))
  if (!report.committed)
    throw new Error(`The set does not import: ${JSON.stringify(report.problems)}`)
  const rows = db.$client
    .prepare(
      `SELECT t.thread_id FROM quotes q JOIN articles a ON a.id = q.article_id
       JOIN quote_threads t ON t.quote_id = q.id ORDER BY a.id`,
    )
    .pluck()
    .all() as number[]
  store.close()
  return rows
}

async function main() {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'eval/threads-dev.json' },
      errors: { type: 'boolean', default: false },
    },
  })
  const { statements } = JSON.parse(readFileSync(values.set!, 'utf8')) as {
    statements: LabelledStatement[]
  }
  const threads = await threadStatements(statements)
  const counts = {
    quotations: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    paraphrases: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  }
  const errors: Array<{ kind: string; a: string; b: string }> = []
  for (let i = 0; i < statements.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [statements[i]!, statements[j]!]
      const group =
        a.kind === 'paraphrase' || b.kind === 'paraphrase' ? counts.paraphrases : counts.quotations
      const gold = a.thread === b.thread
      const found = threads[i] === threads[j]
      if (gold && found) group.truePositives++
      else if (found) group.falsePositives++
      else if (gold) group.falseNegatives++
      if (gold !== found)
        errors.push({ kind: found ? 'joined, not one' : 'one, not joined', a: a.text, b: b.text })
    }
  }
  console.log(
    JSON.stringify(
      {
        set: values.set,
        statements: statements.length,
        threads: {
          labelled: new Set(statements.map((s) => s.thread)).size,
          formed: new Set(threads).size,
        },
        quotations: summary(counts.quotations),
        paraphrases: summary(counts.paraphrases),
        ...(values.errors ? { errors } : {}),
        machine: machine(),
      },
      null,
      2,
    ),
  )
}

await main()
