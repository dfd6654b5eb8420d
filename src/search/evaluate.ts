/**
 * `npm run eval:search` — how well the search ranks what people look for, on a relevance-judged
 * set (default `eval/search-dev.json`; another with `--set FILE`): statements written for it, each
 * stored as an article of its own beside the seed article, and queries of several kinds with
 * graded judgements (2: what the user wants, 1: relevant), each relevant statement named by a part
 * of its text no other statement holds (or by its whole text).
 *
 * Every query runs twice in one process: with words only as typed, every one required
 * (`exact=true`, the search as it was before word forms and everyday questions), and as the search
 * reads it by default. Prints nDCG@10 and recall@20 for both, overall and by kind of query, as one
 * JSON object; the queries that lose most with `--errors`.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openDatabase } from '../db/client'
import { createSqliteStore } from '../db/sqlite-store'
import { entriesOf, importEntries } from '../import/importer'
import { seedDatabase } from '../import/seed'
import { statementsAsArticles, type SetStatement } from '../import/statement-articles'
import { createServices, type Services } from '../services'
import { buildSearchIndexes } from './indexes'
import { machine } from '../../bench/machine'

interface JudgedQuery {
  q: string
  kind: string
  relevant: Array<{ text: string; grade: number }>
}

interface JudgedSet {
  statements: SetStatement[]
  queries: JudgedQuery[]
}

const round = (n: number) => Math.round(n * 1000) / 1000
const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length

/** Discounted cumulative gain of graded results, in order. */
const dcg = (grades: number[]) =>
  grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0)

/** nDCG@k: the ranking's gain over the best possible ranking's. */
function ndcgAt(k: number, ranked: number[], grades: Map<number, number>): number {
  const ideal = dcg([...grades.values()].sort((a, b) => b - a).slice(0, k))
  return ideal === 0 ? 0 : dcg(ranked.slice(0, k).map((id) => grades.get(id) ?? 0)) / ideal
}

/** recall@k: the share of the relevant statements among the first k. */
function recallAt(k: number, ranked: number[], grades: Map<number, number>): number {
  const found = ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length
  return grades.size === 0 ? 0 : found / grades.size
}

/** A database holding the seed and the set's statements, and the services over it. */
async function searchOver(
  set: JudgedSet,
): Promise<{ services: Services; texts: Map<number, string> }> {
  const db = openDatabase(':memory:')
  const store = createSqliteStore(db)
  await seedDatabase(store)
  const items = statementsAsArticles(set.statements, 'https://eval.example/search/')
  const report = await importEntries(store, entriesOf(items))
  if (!report.committed)
    throw new Error(`The set does not import: ${JSON.stringify(report.problems)}`)
  const rows = db.$client.prepare('SELECT id, text FROM quotes').all() as Array<{
    id: number
    text: string
  }>
  const indexes = await buildSearchIndexes(store)
  return {
    services: createServices({ store, indexes }),
    texts: new Map(rows.map((r) => [r.id, r.text])),
  }
}

/** The statement a judgement names: the one whose whole text it is, or the one text holding it. */
function statementNamed(text: string, texts: Map<number, string>): number {
  const whole = [...texts].filter(([, t]) => t === text)
  const holding = whole.length > 0 ? whole : [...texts].filter(([, t]) => t.includes(text))
  if (holding.length !== 1) {
    throw new Error(`"${text}" names ${holding.length} statements; it must name one.`)
  }
  return holding[0]![0]
}

interface QueryScore {
  q: string
  kind: string
  ndcg10: number
  recall20: number
}

async function score(
  services: Services,
  queries: Array<JudgedQuery & { grades: Map<number, number> }>,
  exact: boolean,
): Promise<QueryScore[]> {
  const scores: QueryScore[] = []
  for (const query of queries) {
    const found = await services.searchQuotes({ q: query.q, exact, limit: 20, offset: 0 })
    const ranked = found.items.map((item) => item.id)
    scores.push({
      q: query.q,
      kind: query.kind,
      ndcg10: ndcgAt(10, ranked, query.grades),
      recall20: recallAt(20, ranked, query.grades),
    })
  }
  return scores
}

function summary(scores: QueryScore[]) {
  const of = (list: QueryScore[]) => ({
    queries: list.length,
    ndcg10: round(mean(list.map((s) => s.ndcg10))),
    recall20: round(mean(list.map((s) => s.recall20))),
  })
  const kinds = [...new Set(scores.map((s) => s.kind))].sort()
  return {
    ...of(scores),
    byKind: Object.fromEntries(
      kinds.map((kind) => [kind, of(scores.filter((s) => s.kind === kind))]),
    ),
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'eval/search-dev.json' },
      errors: { type: 'boolean', default: false },
    },
  })
  const set = JSON.parse(readFileSync(values.set!, 'utf8')) as JudgedSet
  const { services, texts } = await searchOver(set)
  const queries = set.queries.map((query) => ({
    ...query,
    grades: new Map(query.relevant.map((r) => [statementNamed(r.text, texts), r.grade])),
  }))
  const before = await score(services, queries, true)
  const after = await score(services, queries, false)
  const result: Record<string, unknown> = {
    set: values.set,
    statements: texts.size,
    queries: queries.length,
    exactWords: summary(before),
    default: summary(after),
    machine: machine(),
  }
  if (values.errors) {
    result.worst = after
      .map((s, i) => ({ ...s, exactNdcg10: round(before[i]!.ndcg10), ndcg10: round(s.ndcg10) }))
      .sort((a, b) => a.ndcg10 - b.ndcg10)
      .slice(0, 15)
  }
  console.log(JSON.stringify(result, null, 2))
}

await main()
