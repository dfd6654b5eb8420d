/**
 * Whatever a client sends — any body to any write, any path, any query — it gets a 2xx or a 4xx
 * with the one error shape: never a 500, never a stack trace or a library's name, never a hang.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePartialDate } from '../../src/domain/partial-dates'
import { seededQuotedb, TOKEN } from '../helpers'

const { app } = await seededQuotedb()

/** Text built to break things: SQL, markup, FTS5 syntax, control and astral characters. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    "'; DROP TABLE quotes; --",
    '" OR 1=1 --',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'NEAR(a b) OR "c" AND d* NOT e',
    '\u0000\u0001\u001f',
    '\ud83d\ude00',
    '\ud800',
    'x'.repeat(5000),
    '../../etc/passwd',
    '%00',
    '',
    ' ',
  ),
)

/** A value for a field: often of the right kind (a url, a date, a known slug), often not. */
const value = fc.oneof(
  nasty,
  fc.constantFrom(
    'https://www.the-independent.com/news/world/americas/us-cia-drone-mexico-el-chapo-b2706887.html',
    'https://example.org/new',
    'nytimes.com',
    '2025-02-30',
    '2025-02',
    'claudia-sheinbaum',
    'the-independent',
    'President Sheinbaum',
    'direct',
    'paraphrase',
    'Q42',
    'MX',
  ),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
)

/** Mostly what the field takes (so bodies get past validation into the services), sometimes anything. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: value })

/** Printed text: words, markup, SQL, any characters; never blank. */
const text = fc.oneof(
  fc.lorem({ maxCount: 8 }),
  fc.constantFrom(
    "'; DROP TABLE quotes; --",
    '<script>alert(1)</script> said',
    'Żółć «quoted» — “curly”',
    'x'.repeat(3000),
  ),
  fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ''),
)
const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const url = fc.webUrl({ validSchemes: ['https'] })
const speakerRef = fc.oneof(
  fc.constantFrom('claudia-sheinbaum', 'President Sheinbaum', 'Pete Hegseth'),
  text,
  fc.record({ name: text, anonymous: fc.boolean() }, { requiredKeys: ['name'] }),
)
const outletRef = fc.oneof(
  fc.constantFrom('the-independent', 'nytimes.com', 'WSJ'),
  text,
  fc.record({ name: text }),
)
const quote = fc.record(
  {
    text: mostly(text),
    kind: mostly(fc.constantFrom('direct', 'partial', 'paraphrase')),
    speaker: mostly(fc.option(speakerRef)),
    cue: mostly(fc.option(text)),
    speakerTitle: mostly(fc.option(text)),
    citedOutlet: mostly(fc.option(outletRef)),
    start: mostly(fc.option(fc.nat(200))),
    end: mostly(fc.option(fc.nat(300))),
  },
  { requiredKeys: ['text'] },
)
const SEED_URL =
  'https://www.the-independent.com/news/world/americas/us-cia-drone-mexico-el-chapo-b2706887.html'
const newQuote = fc
  .tuple(
    quote,
    mostly(fc.oneof(fc.constant(SEED_URL), fc.record({ url, outlet: outletRef, published: day }))),
  )
  .map(([q, article]) => ({ ...q, article }))
const article = fc.record(
  {
    url: mostly(url),
    outlet: mostly(outletRef),
    title: mostly(fc.option(text)),
    published: mostly(day),
    body: mostly(fc.option(text)),
    quotes: mostly(fc.array(quote, { maxLength: 3 })),
  },
  { requiredKeys: ['url', 'outlet', 'published'] },
)
const speaker = fc.record(
  {
    name: mostly(text),
    aliases: mostly(fc.array(text, { maxLength: 3 })),
    description: mostly(fc.option(text)),
    wikidataId: mostly(fc.option(fc.nat(99999).map((n) => `Q${n + 1}`))),
  },
  { requiredKeys: ['name'] },
)
const outlet = fc.record(
  {
    name: mostly(text),
    domain: mostly(fc.option(fc.domain())),
    kind: mostly(
      fc.option(fc.constantFrom('newspaper', 'wire', 'broadcaster', 'magazine', 'online')),
    ),
    country: mostly(fc.option(fc.constantFrom('US', 'MX', 'GB'))),
    aliases: mostly(fc.array(text, { maxLength: 3 })),
  },
  { requiredKeys: ['name'] },
)

const writes: fc.Arbitrary<[string, string, unknown]> = fc.oneof(
  fc.tuple(fc.constant('POST'), fc.constant('/api/quotes'), newQuote),
  fc.tuple(
    fc.constant('PATCH'),
    fc.constantFrom('/api/quotes/1', '/api/quotes/27', '/api/quotes/999'),
    quote,
  ),
  fc.tuple(
    fc.constant('POST'),
    fc.constantFrom('/api/articles', '/api/articles?extract=true'),
    article,
  ),
  fc.tuple(fc.constant('POST'), fc.constant('/api/speakers'), speaker),
  fc.tuple(
    fc.constant('PATCH'),
    fc.constantFrom('/api/speakers/claudia-sheinbaum', '/api/speakers/nobody'),
    speaker,
  ),
  fc.tuple(
    fc.constant('POST'),
    fc.constantFrom('/api/speakers/claudia-sheinbaum/merge', '/api/outlets/the-independent/merge'),
    fc.record({
      from: mostly(
        fc.array(fc.constantFrom('pete-hegseth', 'morena', 'nytimes', 'x'), { maxLength: 2 }),
      ),
    }),
  ),
  fc.tuple(fc.constant('POST'), fc.constant('/api/outlets'), outlet),
  fc.tuple(fc.constant('PATCH'), fc.constant('/api/outlets/the-independent'), outlet),
  fc.tuple(
    fc.constant('POST'),
    fc.constantFrom('/api/import?format=ndjson', '/api/import?format=json'),
    newQuote,
  ),
  fc.tuple(
    fc.constantFrom('POST', 'PATCH', 'DELETE'),
    fc.constantFrom('/api/quotes', '/api/outlets/x', '/api/articles/1'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
)

/** A path segment for any text: a lone surrogate becomes bytes that are not valid UTF-8. */
function pathSegment(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

async function expectHandled(response: Response, isApi = true) {
  const text = await response.text()
  expect(response.status, text).toBeLessThan(500)
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|SqliteError|ZodError|node_modules/)
  // Pages answer errors with a page; the API with the JSON error shape.
  if (response.status >= 400 && isApi) {
    const body = JSON.parse(text)
    expect(typeof body.error.code).toBe('string')
    expect(typeof body.error.message).toBe('string')
  }
}

describe('hostile input', () => {
  it('answers any body to any write with a 2xx or a 4xx in the error shape', async () => {
    await fc.assert(
      // One body in ten is broken JSON; the rest are well-formed and mostly reach validation.
      fc.asyncProperty(writes, fc.nat(9), async ([method, path, body], broken) => {
        const raw = broken === 0
        const response = await app.request(path, {
          method,
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          // Sometimes the JSON text itself is broken.
          body: raw ? JSON.stringify(body).slice(0, -1) : JSON.stringify(body),
        })
        await expectHandled(response)
      }),
      { numRuns: 1500 },
    )
  })

  it('stores every well-formed article it extracts from: what it finds keeps its own rules', async () => {
    // Statements with the time phrases and attributions real articles hold, impossible days too.
    const when = fc.constantFrom(
      'on June 31',
      'on February 29',
      'on April 31',
      'last weekend',
      'last Tuesday',
      'on Sunday',
      'in March',
      'in December 2019',
      'earlier this month',
      'yesterday',
      'last year',
      'recently',
    )
    const sentence = fc
      .tuple(
        fc.constantFrom(
          'The flights will continue',
          'We do not negotiate sovereignty',
          'It is true',
        ),
        fc.constantFrom('Claudia Sheinbaum', 'the minister', 'a senior official', 'Reuters'),
        fc.constantFrom('said', 'told reporters', 'wrote', 'warned'),
        when,
      )
      .map(([words, who, cue, phrase]) => `"${words}," ${who} ${cue} ${phrase}.`)
    const published = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .chain((d) => fc.constantFrom(d.toISOString().slice(0, 10), d.toISOString().slice(0, 7)))
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(sentence, { minLength: 1, maxLength: 4 }),
        published,
        async (sentences, date) => {
          const response = await app.request('/api/articles?extract=true', {
            method: 'POST',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              url: `https://extract.example/${++n}`,
              outlet: 'Extract Gazette',
              published: date,
              body: sentences.join(' '),
            }),
          })
          const body = (await response.json()) as any
          expect(response.status, JSON.stringify(body)).toBe(201)
          for (const statement of body.statements) {
            const { earliest, latest } = statement.said ?? {}
            for (const d of [earliest, latest]) if (d) expect(parsePartialDate(d), d).not.toBeNull()
            if (earliest && latest) expect(earliest <= latest).toBe(true)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('answers any path and any query on every read with a 2xx or a 4xx', async () => {
    const read = fc.constantFrom(
      '/api/quotes/',
      '/api/speakers/',
      '/api/outlets/',
      '/api/articles/',
      '/speakers/',
      '/outlets/',
      '/articles/',
    )
    const query = fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'q',
            'speaker',
            'outlet',
            'cited',
            'kind',
            'from',
            'to',
            'sort',
            'limit',
            'offset',
            'format',
          ),
          nasty,
        ),
        { maxLength: 4 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString())
    await fc.assert(
      fc.asyncProperty(read, nasty, query, async (base, segment, search) => {
        await expectHandled(
          await app.request(`${base}${pathSegment(segment)}?${search}`),
          base.startsWith('/api/'),
        )
        await expectHandled(await app.request(`/api/quotes.csv?${search}`))
        await expectHandled(await app.request(`/?${search}`), false)
        await expectHandled(await app.request(`/claims?${search}`), false)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses writes without the token, with a wrong one, or one of another length', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN.slice(0, -1)}x`,
      `Bearer ${TOKEN}x`,
      'Bearer ',
      TOKEN,
      `Basic ${TOKEN}`,
    ]) {
      const response = await app.request('/api/outlets', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: JSON.stringify({ name: 'Intruder Weekly' }),
      })
      expect(response.status, authorization).toBe(401)
    }
    expect((await app.request('/api/outlets?q=intruder')).status).toBe(200)
  })
})
