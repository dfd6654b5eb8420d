/**
 * The fixed query mix of the search benchmark, drawn deterministically from the corpus itself:
 * words people would type, taken from quotes that are in the database, with the speaker, outlet and
 * year of those quotes as filters. Each class holds many different queries, so its percentiles
 * describe the class rather than one lucky or unlucky query.
 */
import type Database from 'better-sqlite3'
import { STOPWORDS } from '../src/search/stopwords'
import { random } from './corpus'

/** One benchmark query: the words as typed and its filters. */
export interface BenchQuery {
  /** `q` as a user types it (the last word is a prefix, as in search-as-you-type). */
  q: string
  speakers?: string[]
  outlets?: string[]
  from?: string
  to?: string
}

export type QueryClass = { name: string; queries: BenchQuery[] }

/** The API address that asks a benchmark query. */
export function searchPath(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.q })
  for (const s of query.speakers ?? []) params.append('speaker', s)
  for (const o of query.outlets ?? []) params.append('outlet', o)
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  return `/api/quotes?${params}`
}

interface SourceQuote {
  words: string[]
  speaker: string | null
  /** The named speaker's surname: what a reader asking about them types. */
  surname: string | null
  outlet: string
  year: number
}

const WORD_CLASSES = [
  'common',
  'rare',
  'two-words',
  'three-words',
  'phrase',
  'prefix',
  'typo',
  'other-forms',
  'question',
] as const
const FILTERS = ['', '+speaker', '+outlet', '+dates'] as const

const tokens = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? []
const contentWord = (w: string) => w.length >= 4 && !STOPWORDS.has(w)

/** Every class of the mix: each word class alone and with a speaker, outlet or date filter. */
export function queryMix(sqlite: Database.Database, perClass: number, seed = 7): QueryClass[] {
  const rand = random(seed)
  const maxId = (sqlite.prepare('SELECT max(id) AS n FROM quotes').get() as { n: number }).n
  const sourceOf = sqlite.prepare(`
    SELECT q.text, s.slug AS speaker, s.name AS speakerName, o.slug AS outlet,
      substr(a.published_on, 1, 4) AS year
    FROM quotes q JOIN articles a ON a.id = q.article_id JOIN outlets o ON o.id = a.outlet_id
    LEFT JOIN speakers s ON s.id = q.speaker_id AND s.anonymous = 0
    WHERE q.id >= ? ORDER BY q.id LIMIT 1`)
  const documents = sqlite.prepare('SELECT doc FROM quotes_fts_vocab WHERE term = ?').pluck()
  const docCount = (term: string) => (documents.get(term) as number | undefined) ?? 0

  const sources: SourceQuote[] = []
  for (let i = 0; i < 5000; i++) {
    const row = sourceOf.get(1 + Math.floor(rand() * maxId)) as
      | {
          text: string
          speaker: string | null
          speakerName: string | null
          outlet: string
          year: string
        }
      | undefined
    if (row)
      sources.push({
        words: tokens(row.text),
        speaker: row.speaker,
        surname: row.speakerName ? (tokens(row.speakerName).at(-1) ?? null) : null,
        outlet: row.outlet,
        year: Number(row.year),
      })
  }
  const pickSource = () => sources[Math.floor(rand() * sources.length)]!

  // Words by how many sampled quotes hold them: the most common are what "a common word" means.
  const seen = new Map<string, number>()
  for (const s of sources)
    for (const w of new Set(s.words.filter(contentWord))) seen.set(w, (seen.get(w) ?? 0) + 1)
  const byFrequency = [...seen.keys()].sort(
    (a, b) => seen.get(b)! - seen.get(a)! || (a < b ? -1 : 1),
  )
  const common = byFrequency.slice(0, perClass)
  const total = maxId
  const rare = byFrequency
    .filter((w) => {
      const n = docCount(w)
      return n >= 2 && n <= Math.max(20, total / 5000)
    })
    .slice(0, perClass)

  /** A source quote holding the word, for the filters. */
  const sourceWith = (word: string) => sources.find((s) => s.words.includes(word)) ?? pickSource()

  function wordsQuery(count: number): { query: BenchQuery; source: SourceQuote } {
    for (;;) {
      const source = pickSource()
      const words = [...new Set(source.words.filter(contentWord))]
      if (words.length < count) continue
      const chosen: string[] = []
      while (chosen.length < count) {
        const w = words[Math.floor(rand() * words.length)]!
        if (!chosen.includes(w)) chosen.push(w)
      }
      return { query: { q: chosen.join(' ') }, source }
    }
  }

  function phraseQuery(): { query: BenchQuery; source: SourceQuote } {
    for (;;) {
      const source = pickSource()
      const at = Math.floor(rand() * (source.words.length - 2))
      const phrase = source.words.slice(at, at + 2 + Math.floor(rand() * 2))
      if (phrase.length < 2 || !phrase.some(contentWord)) continue
      return { query: { q: `"${phrase.join(' ')}"` }, source }
    }
  }

  function prefixQuery(): { query: BenchQuery; source: SourceQuote } {
    const source = pickSource()
    const words = source.words.filter((w) => w.length >= 5)
    const word = words[Math.floor(rand() * words.length)] ?? 'govern'
    const prefix = word.slice(0, 4)
    return { query: { q: `${prefix}*` }, source }
  }

  function typoQuery(): { query: BenchQuery; source: SourceQuote } {
    for (;;) {
      const source = pickSource()
      const words = source.words.filter((w) => w.length >= 6 && contentWord(w))
      const word = words[Math.floor(rand() * words.length)]
      if (!word) continue
      const at = 1 + Math.floor(rand() * (word.length - 3))
      const typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      if (typo === word || docCount(typo) > 0) continue
      return { query: { q: typo }, source }
    }
  }

  /** A word of a quote that the index also holds in another form ("drone" beside "drones"). */
  function otherFormsQuery(): { query: BenchQuery; source: SourceQuote } {
    for (let tries = 0; ; tries++) {
      const source = pickSource()
      const words = source.words.filter(contentWord)
      const word = words[Math.floor(rand() * words.length)]
      if (!word) continue
      const other = word.endsWith('s') ? word.slice(0, -1) : `${word}s`
      if (docCount(other) === 0 && tries < 1000) continue
      // Typed whole (a space after it), as a word one has finished typing.
      return { query: { q: `${word} ` }, source }
    }
  }

  /** An everyday question: "what did Lopez say about drones and borders". */
  function questionQuery(): { query: BenchQuery; source: SourceQuote } {
    for (;;) {
      const source = pickSource()
      const words = [...new Set(source.words.filter(contentWord))]
      if (words.length < 2) continue
      const [a, b] = [words[Math.floor(rand() * words.length)]!, words[0]!]
      const about = a === b ? a : `${a} and ${b}`
      const q = source.surname
        ? `what did ${source.surname} say about ${about}`
        : `what was said about ${about}`
      return { query: { q }, source }
    }
  }

  const draw: Record<
    (typeof WORD_CLASSES)[number],
    (i: number) => { query: BenchQuery; source: SourceQuote }
  > = {
    common: (i) => ({
      query: { q: common[i % common.length]! },
      source: sourceWith(common[i % common.length]!),
    }),
    rare: (i) => ({
      query: { q: rare[i % rare.length]! },
      source: sourceWith(rare[i % rare.length]!),
    }),
    'two-words': () => wordsQuery(2),
    'three-words': () => wordsQuery(3),
    phrase: phraseQuery,
    prefix: prefixQuery,
    typo: typoQuery,
    'other-forms': otherFormsQuery,
    question: questionQuery,
  }

  const classes: QueryClass[] = []
  for (const wordClass of WORD_CLASSES) {
    const drawn = Array.from({ length: perClass }, (_, i) => draw[wordClass](i))
    for (const filter of FILTERS) {
      classes.push({
        name: `${wordClass}${filter}`,
        queries: drawn.map(({ query, source }) => withFilter(query, source, filter)),
      })
    }
  }
  return classes
}

function withFilter(
  query: BenchQuery,
  source: SourceQuote,
  filter: (typeof FILTERS)[number],
): BenchQuery {
  switch (filter) {
    case '':
      return query
    case '+speaker':
      return source.speaker
        ? { ...query, speakers: [source.speaker] }
        : { ...query, outlets: [source.outlet] }
    case '+outlet':
      return { ...query, outlets: [source.outlet] }
    case '+dates':
      return { ...query, from: `${source.year}-01`, to: `${Math.min(source.year + 1, 2026)}-12` }
  }
}

/** Claims in a reader's own words: five content words of a stored quote, in a new order. */
export function claimMix(sqlite: Database.Database, count: number, seed = 11): string[] {
  const rand = random(seed)
  const maxId = (sqlite.prepare('SELECT max(id) AS n FROM quotes').get() as { n: number }).n
  const textOf = sqlite.prepare('SELECT text FROM quotes WHERE id >= ? ORDER BY id LIMIT 1').pluck()
  const claims: string[] = []
  while (claims.length < count) {
    const words = [
      ...new Set(tokens((textOf.get(1 + Math.floor(rand() * maxId)) as string) ?? '')),
    ].filter(contentWord)
    if (words.length < 5) continue
    claims.push(
      words
        .sort(() => rand() - 0.5)
        .slice(0, 5)
        .join(' '),
    )
  }
  return claims
}

/**
 * Threads people open: half of them threads of several statements (the largest first, as a
 * famous quotation's), half any statement's.
 */
export function threadMix(sqlite: Database.Database, count: number, seed = 17): number[] {
  const rand = random(seed)
  const shared = sqlite
    .prepare('SELECT id FROM threads WHERE statements > 1 ORDER BY statements DESC, id LIMIT ?')
    .pluck()
    .all(Math.ceil(count / 2)) as number[]
  const maxId = (sqlite.prepare('SELECT max(id) AS n FROM quotes').get() as { n: number }).n
  const threadOf = sqlite
    .prepare('SELECT thread_id FROM quote_threads WHERE quote_id >= ? ORDER BY quote_id LIMIT 1')
    .pluck()
  const any = Array.from(
    { length: count - shared.length },
    () => threadOf.get(1 + Math.floor(rand() * maxId)) as number,
  )
  return [...shared, ...any]
}

/** What people type into a speaker box: the start of a first name, a surname, both, a typo. */
export function autocompleteMix(sqlite: Database.Database, count: number, seed = 13): string[] {
  const rand = random(seed)
  const names = sqlite
    .prepare('SELECT name FROM speakers WHERE anonymous = 0 ORDER BY id LIMIT 2000')
    .pluck()
    .all() as string[]
  return Array.from({ length: count }, (_, i) => {
    const name = names[Math.floor(rand() * names.length)]!
    const parts = name.split(' ')
    const [first, last] = [parts[0]!, parts.at(-1)!]
    switch (i % 4) {
      case 0:
        return first.slice(0, 3)
      case 1:
        return last.slice(0, 5)
      case 2:
        return `${first} ${last.slice(0, 2)}`
      default:
        return last.length > 4 ? last.slice(0, 2) + last[3] + last[2] + last.slice(4) : last
    }
  })
}
