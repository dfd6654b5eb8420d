/**
 * Two ways to find a word's other forms, measured on one database:
 * `npx tsx bench/word-forms.ts --db FILE [--words 200] [--json]`.
 *
 * - expansion (what quotedb does): the word and its other indexed forms, found through the
 *   in-memory vocabulary by Snowball stem, as one OR over the one FTS5 index;
 * - a second, stemmed FTS5 index beside the first: built here in a scratch database with FTS5's
 *   own `porter` tokenizer (what a stemmed index in SQLite is; its size and speed are what a
 *   Snowball-stemmed one would have), queried by the word's stem.
 *
 * Both give every quote holding a form, and both need the unstemmed index as well to rank the
 * word as typed first; the measure is what each costs: the extra index's size and build time, and
 * the time to list every matching id (as step 1 of every search does) for words that have other
 * forms, drawn from the vocabulary. A measurement, not a test.
 */
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { stem } from '../src/search/stem'
import { Vocabulary } from '../src/search/typos'
import { random } from './corpus'
import { percentiles, timeEach } from './latency'
import { machine } from './machine'

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    words: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
  },
})
if (!args.db)
  throw new Error('--db FILE: a quotedb database (for example one `npm run bench -- --db` kept).')
const log = (message: string) => process.stderr.write(`${message}\n`)

const sqlite = new Database(args.db, { readonly: true })
sqlite.pragma('cache_size = -262144')
const quotes = (sqlite.prepare('SELECT count(*) FROM quotes').pluck().get() as number) ?? 0

log('reading the vocabulary…')
const vocabularyStarted = performance.now()
const vocabulary = new Vocabulary(
  sqlite.prepare('SELECT term, doc AS documents FROM quotes_fts_vocab').all() as Array<{
    term: string
    documents: number
  }>,
)
const vocabularyMs = performance.now() - vocabularyStarted

// Words with other forms, a spread of frequencies: every n-th of those the vocabulary holds.
const rand = random(23)
const candidates = [...vocabulary.entries()].filter(
  (e) => e.documents >= 2 && /^[a-z]{4,}$/.test(e.term) && vocabulary.forms(e.term).length > 0,
)
const words = Array.from(
  { length: Math.min(Number(args.words), candidates.length) },
  () => candidates[Math.floor(rand() * candidates.length)]!.term,
)

const indexBytes = (db: Database.Database, like: string) =>
  (db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?`).pluck().get(like) as number) ?? 0

log(`building a stemmed FTS5 index over ${quotes} quotes…`)
const scratch = new Database(':memory:')
scratch.exec(
  `CREATE VIRTUAL TABLE stemmed USING fts5(text, speaker, title, outlets,
     tokenize = 'porter unicode61 remove_diacritics 2')`,
)
const insert = scratch.prepare(
  'INSERT INTO stemmed (rowid, text, speaker, title, outlets) VALUES (?, ?, ?, ?, ?)',
)
const rows = sqlite
  .prepare('SELECT rowid, text, speaker, title, outlets FROM quotes_fts')
  .raw()
  .iterate() as IterableIterator<[number, string, string, string, string]>
const buildStarted = performance.now()
scratch.exec('BEGIN')
for (const row of rows) insert.run(...row)
scratch.exec('COMMIT')
const buildMs = performance.now() - buildStarted

const quoted = (word: string) => `"${word}"`
const idsOf = (db: Database.Database, table: string) =>
  db
    .prepare(
      `SELECT group_concat(rowid) FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid)`,
    )
    .pluck()
const expanded = idsOf(sqlite, 'quotes_fts')
const stemmedIds = idsOf(scratch, 'stemmed')

const expansion = await timeEach(words, 3, (word) => {
  const forms = [word, ...vocabulary.forms(word)]
  return expanded.get(forms.map(quoted).join(' OR '))
})
const stemmedIndex = await timeEach(words, 3, (word) => stemmedIds.get(quoted(stem(word))))

const result = {
  quotes,
  words: words.length,
  expansion: {
    extra_index_mb: 0,
    vocabulary_load_ms: Math.round(vocabularyMs),
    vocabulary_words: vocabulary.size,
    ...percentiles(expansion),
  },
  stemmed_index: {
    extra_index_mb: Math.round(indexBytes(scratch, 'stemmed%') / 1024 / 1024),
    build_ms: Math.round(buildMs),
    ...percentiles(stemmedIndex),
  },
  unstemmed_index_mb: Math.round(indexBytes(sqlite, 'quotes_fts%') / 1024 / 1024),
  machine: machine(),
}
if (args.json) console.log(JSON.stringify(result))
else console.log(JSON.stringify(result, null, 2))
