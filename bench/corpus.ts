/**
 * A deterministic corpus of quote-like import items: the same seed gives the same items on every
 * machine. Words come from a small order-1 chain over English news phrasing; speakers, outlets and
 * dates are drawn from fixed pools.
 */

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

const WORDS =
  `the flights are part of a coordinated operation between the two governments and have been done for many
years we will not accept any intervention in our sovereignty there is cooperation on security and the fight against
cartels drones were used to find laboratories the officials said the program helped capture drug lords all options are on
the table the administration has threatened tariffs unless the border is secured our country is not for sale we are
working with our partners on trade energy health and education the economy grew faster than expected inflation remains a
concern for families voters want lower prices and safer streets the president said the decision was made last week
after careful review the ministry denied the report and called it false the agreement will be signed next month`.split(
    /\s+/,
  )

const FIRST = [
  'Maria',
  'John',
  'Ana',
  'Luis',
  'Sarah',
  'David',
  'Elena',
  'James',
  'Sofia',
  'Carlos',
  'Laura',
  'Peter',
]
const LAST = [
  'Garcia',
  'Smith',
  'Lopez',
  'Johnson',
  'Martinez',
  'Brown',
  'Hernandez',
  'Miller',
  'Gonzalez',
  'Davis',
]
const TITLES = [
  'minister',
  'senator',
  'governor',
  'spokesperson',
  'analyst',
  'mayor',
  'general',
  'ambassador',
]

export interface CorpusOptions {
  quotes: number
  seed: number
  /** Distinct speakers. Default: 20,000. */
  speakers?: number
  /** Distinct outlets. Default: 200. */
  outlets?: number
  /** Quotes per article. Default: 5. */
  quotesPerArticle?: number
}

/** Quote import items with their articles, speakers and outlets named by name. */
export function generateQuoteItems(options: CorpusOptions): unknown[] {
  const rand = random(options.seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const speakerCount = options.speakers ?? 20_000
  const outletCount = options.outlets ?? 200
  const perArticle = options.quotesPerArticle ?? 5
  const items: unknown[] = []
  let article: { url: string; outlet: string; published: string } | null = null
  for (let i = 0; i < options.quotes; i++) {
    if (i % perArticle === 0) {
      const year = 2000 + Math.floor(rand() * 27)
      const month = 1 + Math.floor(rand() * 12)
      const day = 1 + Math.floor(rand() * 28)
      const outlet = Math.floor(rand() * outletCount)
      article = {
        url: `https://outlet${outlet}.example/${year}/${i}`,
        outlet: `Outlet ${outlet} News`,
        published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      }
    }
    const speaker = Math.floor(rand() * speakerCount)
    const length = 8 + Math.floor(rand() * 25)
    let word = pick(WORDS)
    const words = [word]
    for (let w = 1; w < length; w++) {
      const at = WORDS.indexOf(word)
      word = rand() < 0.7 && at >= 0 && at + 1 < WORDS.length ? WORDS[at + 1]! : pick(WORDS)
      words.push(word)
    }
    const kindRoll = rand()
    items.push({
      article,
      speaker: {
        name: `${FIRST[speaker % FIRST.length]} ${LAST[Math.floor(speaker / FIRST.length) % LAST.length]} ${speaker}`,
      },
      text: words.join(' '),
      kind: kindRoll < 0.6 ? 'direct' : kindRoll < 0.8 ? 'partial' : 'paraphrase',
      cue: pick(['said', 'told', 'according to', 'wrote']),
      speakerTitle: pick(TITLES),
      citedOutlet: rand() < 0.2 ? `Outlet ${Math.floor(rand() * outletCount)} News` : null,
    })
  }
  return items
}
