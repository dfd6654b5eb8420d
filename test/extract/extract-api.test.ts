import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/domain/types'
import { getJson, seededQuotedb, send } from '../helpers'

const article = {
  url: 'https://www.reuters.com/world/example-drones',
  outlet: 'Reuters',
  title: 'Mexico confirms drone flights',
  published: '2025-02-20',
  body: [
    '“There is cooperation,” President Sheinbaum told reporters on Wednesday.',
    'The flights began years ago, a Mexican official said.',
  ].join('\n\n'),
}

describe('POST /api/articles?extract=true', () => {
  it('stores the article with the statements found in it, speakers matched by name', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await send<Article>(app, 'POST', '/api/articles?extract=true', article)
    expect(status).toBe(201)
    expect(
      body.statements.map((s) => [s.kind, s.text, s.speaker?.slug ?? s.speaker?.name]),
    ).toEqual([
      ['direct', 'There is cooperation', 'claudia-sheinbaum'],
      ['paraphrase', 'The flights began years ago', 'a-mexican-official'],
    ])
    const quote = (await getJson(app, '/api/quotes?q=cooperation&outlet=reuters')).body.items[0]
    expect(quote).toMatchObject({
      audience: 'reporters',
      cue: 'told',
      said: { phrase: 'on Wednesday', earliest: '2025-02-19' },
    })
  })

  it('stores how each statement was attributed, and says curated statements were not extracted', async () => {
    const { app } = await seededQuotedb()
    const posted = await send<Article>(app, 'POST', '/api/articles?extract=true', article)
    expect(posted.status).toBe(201)
    const found = (await getJson(app, '/api/quotes?q=cooperation&outlet=reuters')).body.items[0]
    expect(found.extraction).toMatchObject({
      method: 'named',
      cue: { text: 'told' },
      mention: { text: 'President Sheinbaum' },
    })
    expect(found.extraction.confidence).toBeGreaterThan(0)
    expect(found.extraction.confidence).toBeLessThanOrEqual(1)
    const { cue, mention } = found.extraction
    expect(article.body.slice(cue.start, cue.end)).toBe('told')
    expect(article.body.slice(mention.start, mention.end)).toBe('President Sheinbaum')
    const anonymous = (await getJson(app, '/api/quotes?q=flights+began&outlet=reuters')).body
      .items[0]
    expect(anonymous.extraction.method).toBe('anonymous')
    // The seed's statements were curated by hand.
    const curated = (await getJson(app, '/api/quotes?q=vaporized')).body.items
    expect(curated.length).toBeGreaterThan(0)
    for (const quote of curated) expect(quote.extraction).toBeNull()
  })

  it('drops the evidence once a person changes who said it, and keeps it through export and import', async () => {
    const { app } = await seededQuotedb()
    await send(app, 'POST', '/api/articles?extract=true', article)
    const exported = await (await app.request('/api/quotes.ndjson?outlet=reuters')).text()
    const lines = exported
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const quotes = lines.filter((line) => line.type === 'quote')
    expect(quotes).toHaveLength(2)
    for (const quote of quotes) expect(quote.extraction?.method).toMatch(/^(named|anonymous)$/)

    const found = (await getJson(app, '/api/quotes?q=cooperation&outlet=reuters')).body.items[0]
    const patched = await send(app, 'PATCH', `/api/quotes/${found.id}`, { speaker: 'pete-hegseth' })
    expect(patched.status).toBe(200)
    expect(patched.body.extraction).toBeNull()
    // Any change by a person, not only of who said it.
    const other = (await getJson(app, '/api/quotes?q=flights+began&outlet=reuters')).body.items[0]
    expect(other.extraction).not.toBeNull()
    const recued = await send(app, 'PATCH', `/api/quotes/${other.id}`, { cue: 'told' })
    expect(recued.status).toBe(200)
    expect(recued.body.extraction).toBeNull()
  })

  it('stores an article whose extraction finds a name too long to be one, without that speaker', async () => {
    const { app } = await seededQuotedb()
    const giant = `Anna ${'C'.repeat(1100)}`
    const posted = await send<Article>(app, 'POST', '/api/articles?extract=true', {
      ...article,
      url: 'https://www.reuters.com/world/giant-name',
      body: `“The port will reopen,” ${giant} said.`,
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    expect(posted.body.statements).toHaveLength(1)
    expect(posted.body.statements[0]?.speaker).toBeNull()
  })

  it('refuses evidence that is not evidence', async () => {
    const { app } = await seededQuotedb()
    const line = (extraction: unknown) =>
      JSON.stringify({
        type: 'quote',
        article:
          'https://www.the-independent.com/news/world/americas/us-cia-drone-mexico-el-chapo-b2706887.html',
        text: 'invade our sovereignty',
        kind: 'partial',
        extraction,
      })
    for (const bad of [
      { method: 'guessed', confidence: 0.5, cue: null, mention: null },
      { method: 'named', confidence: 1.5, cue: null, mention: null },
      { method: 'named', confidence: 0.5, cue: { start: 9, end: 3, text: 'x' }, mention: null },
      { method: 'named', confidence: 0.5, cue: null, mention: null, secret: true },
      // Spans that are not where they say in the article's body.
      { method: 'named', confidence: 0.5, cue: { start: 0, end: 4, text: 'said' }, mention: null },
      {
        method: 'named',
        confidence: 0.5,
        cue: null,
        mention: { start: 5000, end: 9000, text: 'totally not in the body' },
      },
    ]) {
      const { status, body } = await send(app, 'POST', '/api/import', line(bad), {
        'Content-Type': 'application/octet-stream',
      })
      expect(status, JSON.stringify(bad)).toBe(400)
      expect(body.error.report.problems[0].field).toMatch(/^extraction/)
    }
  })

  it('needs a body to extract from', async () => {
    const { app } = await seededQuotedb()
    const { status, body } = await send(app, 'POST', '/api/articles?extract=true', {
      ...article,
      body: null,
    })
    expect(status).toBe(400)
    expect(body.error.param).toBe('body')
  })
})

describe('npm run extract', () => {
  it('prints one JSON line per file and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotedb-extract-'))
    const a = join(dir, 'a.txt')
    const b = join(dir, 'b.txt')
    writeFileSync(a, '“We will appeal,” the lawyer said last week.')
    writeFileSync(b, 'Nothing quoted here.')
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'extract', a, b, '--date', '2024-03-13'],
      {
        cwd: resolve(__dirname, '../..'),
        env: { ...process.env, QUOTEDB_DB: join(dir, 'none.sqlite') },
      },
    )
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toEqual([
      {
        file: a,
        statements: [
          expect.objectContaining({
            text: 'We will appeal',
            start: 1,
            end: 15,
            kind: 'direct',
            cue: 'said',
            speaker: 'the lawyer',
            speakerMention: { start: 18, end: 28, text: 'the lawyer' },
            citedOutlet: null,
            said: { phrase: 'last week', earliest: '2024-03-04', latest: '2024-03-10' },
          }),
        ],
      },
      { file: b, statements: [] },
    ])
  })
})
