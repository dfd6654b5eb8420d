/**
 * The same search clauses find the same statements on both engines: FTS5 with its expression
 * (`toMatchExpression`) and PostgreSQL with its tsquery (`toTsQuery`), over the same texts —
 * words, typo alternatives and other forms, prefixes, phrases, initials, exclusions, accents.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toMatchExpression, type ExpressionOptions } from '../../../src/db/fts-expression'
import { openPostgres, type PgConnections } from '../../../src/db/pg/client'
import { toTsQuery } from '../../../src/db/pg/tsquery'
import { parseQuery, type SearchClause } from '../../../src/search/query'
import { ADMIN_URL, freshDatabase } from './database'

const TEXTS = [
  'The drone flights began years ago.',
  'Drones were flown over Mexico for years, U.S. officials said.',
  'They could be in a car, they could be in a house, and they could be vaporized.',
  'Joaquín Guzmán was extradited to the United States.',
  'She is a well-known author of books on the border.',
  'We will not invade our sovereignty, the president said.',
  'The US and Mexico signed the deal in Washington.',
  "It's the cartel's money, not the government's.",
  'Using drones is a matter for the Defense Department.',
  'A lot of people saw the flights over the city.',
]

/** Clauses as typed, and as the vocabulary may widen them (a typo's corrections, other forms). */
const QUERIES: Array<{ typed: string; widen?: (clauses: SearchClause[]) => void }> = [
  { typed: 'drone' },
  { typed: 'drones' },
  {
    typed: 'drone',
    widen: (c) => {
      if (c[0]!.type === 'word') c[0]!.forms = ['drones']
    },
  },
  {
    typed: 'dron',
    widen: (c) => {
      if (c[0]!.type === 'word') c[0]!.alternatives = ['drone', 'drones']
    },
  },
  { typed: 'dro' },
  { typed: 'dro ' },
  { typed: '"could be vaporized"' },
  { typed: '"be vaporized could"' },
  { typed: '"could be vapo' },
  { typed: 'joaquin guzman' },
  { typed: 'well known author' },
  { typed: '"well known author"' },
  { typed: 'US officials' },
  { typed: 'U.S. officials' },
  { typed: 'drones -mexico' },
  { typed: 'flights -"over the city"' },
  { typed: 'cartel money' },
  { typed: "cartel's" },
  { typed: 'sovereignty invade' },
  { typed: 'us' },
]

let drop: (() => Promise<void>) | undefined
let postgres: PgConnections
const sqlite = new Database(':memory:')

describe.runIf(ADMIN_URL)('the same clauses on SQLite and PostgreSQL', () => {
  beforeAll(async () => {
    sqlite.exec(
      "CREATE VIRTUAL TABLE docs USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')",
    )
    const insert = sqlite.prepare('INSERT INTO docs (rowid, text) VALUES (?, ?)')
    TEXTS.forEach((text, i) => insert.run(i + 1, text))
    const database = await freshDatabase()
    drop = database.drop
    postgres = await openPostgres(database.url)
    const outlet = await postgres.pool.query(
      "INSERT INTO outlets (slug, name) VALUES ('o', 'O') RETURNING id",
    )
    const article = await postgres.pool.query(
      `INSERT INTO articles (outlet_id, url, published_on, date_precision, language)
       VALUES ($1, 'https://example.com/a', '2025-03-04', 'day', 'en') RETURNING id`,
      [outlet.rows[0].id],
    )
    for (const [i, text] of TEXTS.entries()) {
      await postgres.pool.query(
        "INSERT INTO quotes (id, article_id, text, kind) VALUES ($1, $2, $3, 'direct')",
        [i + 1, article.rows[0].id, text],
      )
    }
  }, 60_000)

  afterAll(async () => {
    sqlite.close()
    await postgres?.close()
    await drop?.()
  })

  const inSqlite = (clauses: SearchClause[], options: ExpressionOptions) =>
    (
      sqlite
        .prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid')
        .all(toMatchExpression(clauses, options)) as Array<{ rowid: number }>
    ).map((r) => r.rowid)

  const inPostgres = async (clauses: SearchClause[], options: ExpressionOptions) =>
    (
      await postgres.pool.query(
        `SELECT id FROM quotes WHERE search_words @@ to_tsquery('quotedb_simple', $1) ORDER BY id`,
        [toTsQuery(clauses, options)],
      )
    ).rows.map((r) => r.id as number)

  it('finds the same statements for every query, all words or any', async () => {
    for (const { typed, widen } of QUERIES) {
      const clauses = parseQuery(typed)
      widen?.(clauses)
      for (const combine of ['all', 'any'] as const) {
        const options = { otherForms: true, combine }
        const expected = inSqlite(clauses, options)
        expect(await inPostgres(clauses, options), `${typed} (${combine})`).toEqual(expected)
      }
    }
  })

  it('finds something for most of them: the comparison is not of empty answers', async () => {
    let found = 0
    for (const { typed } of QUERIES) {
      if (inSqlite(parseQuery(typed), { otherForms: true, combine: 'all' }).length > 0) found++
    }
    expect(found).toBeGreaterThanOrEqual(QUERIES.length - 4)
  })
})
