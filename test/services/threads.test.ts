/**
 * Threads: the same statement in several articles is one thread, whichever way it was written in
 * and whatever wrote it; kept through edits and removals; traced to its origin.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keepThreads } from '../../src/db/thread-upkeep'
import type { ThreadReport } from '../../src/services/threads'
import { getJson, quotedbWith, send } from '../helpers'

interface Said {
  text: string
  kind?: 'direct' | 'partial' | 'paraphrase'
  speaker?: string
  cited?: string
}

const VAPORIZED =
  'if the cartels keep pushing fentanyl across the border, they could be vaporized by the drones overhead'

// Sentences statements are cut from, in every article too, so an edit can take any of their words.
const SENTENCES = [
  'the drones have been flying over mexico for years with the consent of the government',
  'we will not accept any intervention in our sovereign territory under any circumstances',
  'the cartels are terrorist organizations and will be treated as such by this administration',
]

let articles = 0
/** An article of `outlet` on `published` holding the statements, each found in its body. */
function article(outlet: string, published: string, ...statements: Said[]) {
  articles++
  const parts = [...statements.map((s) => s.text), VAPORIZED, ...SENTENCES]
  const body = parts.join('. ')
  const startOf = (i: number) => parts.slice(0, i).reduce((sum, p) => sum + p.length + 2, 0)
  return {
    type: 'article',
    url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/story-${articles}`,
    outlet,
    published,
    body,
    quotes: statements.map((s, i) => ({
      text: s.text,
      start: startOf(i),
      end: startOf(i) + s.text.length,
      kind: s.kind ?? 'direct',
      speaker: s.speaker,
      citedOutlet: s.cited,
    })),
  }
}

type Db = Awaited<ReturnType<typeof quotedbWith>>

/** Each statement's thread id, by the statement's text. */
function threadsByText(db: Db['db']): Map<string, number> {
  const rows = db.$client
    .prepare(
      'SELECT q.text, t.thread_id AS thread FROM quotes q JOIN quote_threads t ON t.quote_id = q.id',
    )
    .all() as Array<{ text: string; thread: number }>
  return new Map(rows.map((r) => [r.text, r.thread]))
}

/** Changes a statement's text to words its article holds in its background sentences. */
async function retext(app: Db['app'], db: Db['db'], id: number, text: string) {
  const body = db.$client
    .prepare('SELECT a.body FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?')
    .pluck()
    .get(id) as string
  const start = body.lastIndexOf(text)
  return send(app, 'PATCH', `/api/quotes/${id}`, { text, start, end: start + text.length })
}

const threadOf = async (app: Db['app'], id: number) =>
  (await getJson<ThreadReport>(app, `/api/threads/${id}`)).body

describe('threads', () => {
  it('joins the same quotation in several outlets, however it is punctuated or cut', async () => {
    const { app, db } = await quotedbWith([
      article('Los Angeles Times', '2025-02-20', {
        text: VAPORIZED,
        speaker: 'Todd Zimmerman',
      }),
      article('The Independent', '2025-02', {
        text: 'If the cartels keep pushing fentanyl across the border … they could be vaporized',
        speaker: 'Todd Zimmerman',
        cited: 'Los Angeles Times',
      }),
      article('Latin Times', '2025-02-24', {
        text: 'they could be vaporized by the drones overhead',
        kind: 'partial',
        cited: 'Los Angeles Times',
      }),
      article('Newser', '2025-02-21', {
        text: 'Cartels keep pushing fentanyl across the border; they could be vaporised by the drones',
        speaker: 'Todd Zimmerman',
      }),
      // The same subject in other words, by someone else: not the same statement.
      article('Reuters', '2025-02-22', {
        text: 'the cartels will keep pushing fentanyl no matter how many drones fly overhead',
        speaker: 'Ana Vargas',
      }),
    ])
    const threads = threadsByText(db)
    const ids = new Set([...threads.values()])
    expect(ids.size).toBe(2)
    const vaporized = threads.get(VAPORIZED)!
    const { body: quote } = await getJson(app, `/api/quotes/${vaporized}`)
    expect(quote.thread).toEqual({ id: vaporized, statements: 4, outlets: 4 })

    const thread = await threadOf(app, vaporized)
    expect(thread.speaker?.name).toBe('Todd Zimmerman')
    expect(thread.text).toBe(VAPORIZED)
    expect(thread.outlets.map((o) => [o.outlet.name, o.roles, o.earliest.date, o.certain])).toEqual(
      [
        // The LA Times is cited by others and cites no one: the origin. 20 February falls inside The
        // Independent's February, so the order of those two is not known.
        ['Los Angeles Times', ['origin', 'cited'], '2025-02-20', false],
        ['Newser', ['origin'], '2025-02-21', false],
        ['Latin Times', ['reported'], '2025-02-24', false],
        ['The Independent', ['reported'], '2025-02', false],
      ],
    )
    const latin = thread.outlets.find((o) => o.outlet.name === 'Latin Times')!
    expect(latin.citing.map((c) => c.name)).toEqual(['Los Angeles Times'])
    // The cited outlet's own report is in the database: it links to it.
    expect(thread.outlets[0]!.statements).toEqual([vaporized])
    expect(thread.answer).toContain('Origin: Los Angeles Times and Newser.')
    expect(thread.answer).toContain('order unknown')
  })

  it('keeps apart the same words from two named speakers, and too short a fragment', async () => {
    const { db } = await quotedbWith([
      article('Newser', '2025-02-18', {
        text: 'all options are on the table when it comes to the cartels',
        speaker: 'Pete Hegseth',
      }),
      article('Latin Times', '2025-02-19', {
        text: 'all options are on the table when it comes to the cartels',
        speaker: 'Claudia Sheinbaum',
      }),
      article('Reuters', '2025-02-19', {
        text: 'on the table',
        kind: 'partial',
        speaker: 'Pete Hegseth',
      }),
    ])
    const threads = db.$client.prepare('SELECT DISTINCT thread_id FROM quote_threads').all()
    expect(threads).toHaveLength(3)
  })

  it('never puts two named people in one thread through the words of an unnamed source', async () => {
    const words = 'all options are on the table when it comes to the cartels'
    const { db } = await quotedbWith([
      article('Newser', '2025-02-18', { text: words, speaker: 'Pete Hegseth' }),
      article('Latin Times', '2025-02-19', { text: words, speaker: 'Claudia Sheinbaum' }),
      article('Wire Service', '2025-02-20', { text: words }),
    ])
    const rows = db.$client
      .prepare(
        `SELECT t.thread_id AS thread, count(DISTINCT q.speaker_id) AS speakers, count(*) AS statements
         FROM quote_threads t JOIN quotes q ON q.id = t.quote_id GROUP BY t.thread_id ORDER BY t.thread_id`,
      )
      .all()
    // The unnamed source's words join the first thread they match; the two people stay apart.
    expect(rows).toEqual([
      { thread: 1, speakers: 1, statements: 2 },
      { thread: 2, speakers: 1, statements: 1 },
    ])
  })

  it('joins paraphrases of one claim from one speaker within the window, and no others', async () => {
    const claim = 'Mexico will not accept any foreign military intervention on its territory'
    const { db } = await quotedbWith([
      article('Reuters', '2025-02-20', {
        text: claim,
        speaker: 'Claudia Sheinbaum',
      }),
      article('Newser', '2025-02-25', {
        text: 'Sheinbaum said Mexico would never accept foreign military intervention in its territory',
        kind: 'paraphrase',
        speaker: 'Claudia Sheinbaum',
      }),
      // Months later: another occasion.
      article('Latin Times', '2025-09-01', {
        text: 'Mexico would never accept foreign military intervention on its territory, she said again',
        kind: 'paraphrase',
        speaker: 'Claudia Sheinbaum',
      }),
      // Someone else's words on the same subject.
      article('The Independent', '2025-02-26', {
        text: 'Mexico cannot stop foreign military intervention on its territory',
        kind: 'paraphrase',
        speaker: 'Pete Hegseth',
      }),
    ])
    const threads = [...threadsByText(db).values()]
    expect(threads[0]).toBe(threads[1])
    expect(new Set(threads).size).toBe(3)
  })

  it('forms a thread again when a statement is edited or removed, and keeps its id otherwise', async () => {
    const { app, db } = await quotedbWith([
      article('Reuters', '2025-02-20', { text: VAPORIZED, speaker: 'Todd Zimmerman' }),
      article('Newser', '2025-02-21', {
        text: 'they could be vaporized by the drones overhead',
        speaker: 'Todd Zimmerman',
      }),
      article('Latin Times', '2025-02-22', {
        text: 'if the cartels keep pushing fentanyl across the border',
        speaker: 'Todd Zimmerman',
      }),
      article('Axios', '2025-02-23', {
        text: 'a different thing entirely was said here',
        speaker: 'X Y',
      }),
    ])
    const first = threadsByText(db)
    const [reuters, newser, latin] = <[number, number, number]>(
      [
        VAPORIZED,
        'they could be vaporized by the drones overhead',
        'if the cartels keep pushing fentanyl across the border',
      ].map(
        (t) => db.$client.prepare('SELECT id FROM quotes WHERE text = ?').pluck().get(t) as number,
      )
    )
    // The long quotation joins both fragments; the fragments only through it.
    expect(first.get(VAPORIZED)).toBe(reuters)
    expect(
      new Set([
        first.get(VAPORIZED),
        first.get('they could be vaporized by the drones overhead'),
        first.get('if the cartels keep pushing fentanyl across the border'),
      ]),
    ).toEqual(new Set([reuters]))

    // An unrelated write leaves the thread's id as it was.
    const other = db.$client
      .prepare("SELECT id FROM quotes WHERE text LIKE 'a different%'")
      .pluck()
      .get() as number
    expect((await send(app, 'DELETE', `/api/quotes/${other}`)).status).toBe(204)
    expect((await threadOf(app, reuters)).statementCount).toBe(3)

    // Removing the statement that joined them splits the thread: each fragment alone.
    expect((await send(app, 'DELETE', `/api/quotes/${reuters}`)).status).toBe(204)
    expect(threadsByText(db).get('they could be vaporized by the drones overhead')).toBe(newser)
    expect(threadsByText(db).get('if the cartels keep pushing fentanyl across the border')).toBe(
      latin,
    )
    expect((await getJson(app, `/api/threads/${reuters}`)).status).toBe(404)
    const { body: alone } = await getJson(app, `/api/quotes/${newser}`)
    expect(alone.thread).toEqual({ id: newser, statements: 1, outlets: 1 })

    // Editing one fragment into the other's words joins them, under the smaller id.
    const edited = await retext(app, db, latin, 'they could be vaporized by the drones overhead')
    expect(edited.status).toBe(200)
    expect(edited.body.thread).toEqual({ id: newser, statements: 2, outlets: 2 })
  })

  it('threads statements written by any path, a hand-run SQL statement included', async () => {
    const { app, db } = await quotedbWith([
      article('Reuters', '2025-02-20', { text: VAPORIZED, speaker: 'Todd Zimmerman' }),
    ])
    const reuters = db.$client.prepare('SELECT id FROM quotes').pluck().get() as number
    const articleId = db.$client.prepare('SELECT id FROM articles').pluck().get() as number
    db.$client
      .prepare(
        "INSERT INTO quotes (article_id, text, kind) VALUES (?, 'they could be vaporized by the drones overhead', 'partial')",
      )
      .run(articleId)
    // The next write, whatever it is, threads what was written outside first.
    expect((await send(app, 'POST', '/api/outlets', { name: 'Axios' })).status).toBe(201)
    expect((await threadOf(app, reuters)).statementCount).toBe(2)
  })

  it('threads a database made before threads on its first write', async () => {
    const { app, db } = await quotedbWith([
      article('Reuters', '2025-02-20', { text: VAPORIZED, speaker: 'Todd Zimmerman' }),
      article('Newser', '2025-02-21', { text: VAPORIZED, speaker: 'Todd Zimmerman' }),
    ])
    db.$client.exec(
      'DELETE FROM quote_threads; DELETE FROM threads; DELETE FROM quote_fingerprints; UPDATE thread_state SET position = NULL',
    )
    const reuters = db.$client.prepare('SELECT min(id) FROM quotes').pluck().get() as number
    // Until then each statement is a thread of its own.
    expect((await threadOf(app, reuters)).statementCount).toBe(1)
    expect((await send(app, 'POST', '/api/outlets', { name: 'Axios' })).status).toBe(201)
    expect((await threadOf(app, reuters)).statementCount).toBe(2)
  })

  it('joins the hundredth copy of a quotation as it joined the second', async () => {
    const copies = Array.from({ length: 120 }, (_, i) =>
      article(`Outlet ${i % 40}`, '2025-02-20', { text: VAPORIZED, speaker: 'Todd Zimmerman' }),
    )
    const { db } = await quotedbWith(copies)
    const threads = db.$client
      .prepare('SELECT thread_id, count(*) AS n FROM quote_threads GROUP BY thread_id')
      .all()
    expect(threads).toEqual([{ thread_id: 1, n: 120 }])
  })

  it('threads again the statements of a speaker who becomes anonymous, or named', async () => {
    const words = 'all options are on the table when it comes to the cartels'
    const { app, db } = await quotedbWith([
      article('Newser', '2025-02-18', { text: words, speaker: 'Ana Vargas' }),
      article('Latin Times', '2025-02-19', { text: words, speaker: 'Bob Smith' }),
    ])
    const threads = () =>
      db.$client.prepare('SELECT quote_id, thread_id FROM quote_threads ORDER BY quote_id').all()
    expect(threads()).toEqual([
      { quote_id: 1, thread_id: 1 },
      { quote_id: 2, thread_id: 2 },
    ])
    // Bob was a source the article did not name: the same words, one statement.
    expect((await send(app, 'PATCH', '/api/speakers/bob-smith', { anonymous: true })).status).toBe(
      200,
    )
    expect(threads()).toEqual([
      { quote_id: 1, thread_id: 1 },
      { quote_id: 2, thread_id: 1 },
    ])
    // Named again: two people's words are two statements.
    expect((await send(app, 'PATCH', '/api/speakers/bob-smith', { anonymous: false })).status).toBe(
      200,
    )
    expect(threads()).toEqual([
      { quote_id: 1, thread_id: 1 },
      { quote_id: 2, thread_id: 2 },
    ])
  })

  it('says 404 for a thread no statement is in', async () => {
    const { app } = await quotedbWith([])
    expect((await getJson(app, '/api/threads/99')).status).toBe(404)
    expect((await getJson(app, '/api/threads/0')).status).toBe(400)
  })
})

describe('threads kept write by write', () => {
  // Statements cut from a few sentences, each said by one person (or given without a speaker):
  // many are one statement, many are not. (Where an unnamed source's words match two people's,
  // the thread they join depends on which came first; that is not what this property is about.)
  const SPEAKERS = ['Ana Vargas', 'Pete Hegseth', 'Ana Vargas']
  const statement = fc.record({
    sentence: fc.integer({ min: 0, max: SENTENCES.length - 1 }),
    from: fc.integer({ min: 0, max: 6 }),
    length: fc.integer({ min: 3, max: 16 }),
    named: fc.boolean(),
    kind: fc.constantFrom('direct' as const, 'partial' as const, 'paraphrase' as const),
    day: fc.integer({ min: 1, max: 28 }),
  })
  const textOf = (s: { sentence: number; from: number; length: number }) =>
    SENTENCES[s.sentence]!.split(' ')
      .slice(s.from, s.from + s.length)
      .join(' ')

  /** The statements' partition into threads, as sets of ids. */
  const partition = (db: Db['db']) => {
    const rows = db.$client
      .prepare('SELECT quote_id, thread_id FROM quote_threads')
      .all() as Array<{
      quote_id: number
      thread_id: number
    }>
    const byThread = new Map<number, number[]>()
    for (const r of rows)
      byThread.set(r.thread_id, [...(byThread.get(r.thread_id) ?? []), r.quote_id])
    return { rows, threads: [...byThread.entries()].sort((a, b) => a[0] - b[0]) }
  }

  it('gives the same threads as threading everything afresh, after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(statement, { minLength: 2, maxLength: 10 }),
        fc.array(
          fc.record({
            remove: fc.boolean(),
            at: fc.nat(),
            length: fc.integer({ min: 3, max: 12 }),
          }),
          { maxLength: 4 },
        ),
        async (statements, edits) => {
          const { app, db } = await quotedbWith(
            statements.map((s, i) =>
              article(`Outlet ${i % 3}`, `2025-02-${String(s.day).padStart(2, '0')}`, {
                text: textOf(s),
                kind: s.kind,
                speaker: s.named ? SPEAKERS[s.sentence] : undefined,
              }),
            ),
          )
          for (const edit of edits) {
            const ids = db.$client
              .prepare('SELECT id FROM quotes ORDER BY id')
              .pluck()
              .all() as number[]
            if (ids.length === 0) break
            const id = ids[edit.at % ids.length]!
            if (edit.remove)
              expect((await send(app, 'DELETE', `/api/quotes/${id}`)).status).toBe(204)
            else {
              // Words from the statement's own sentence: its speaker said them too.
              const text = SENTENCES[statements[id - 1]!.sentence]!.split(' ')
                .slice(0, edit.length)
                .join(' ')
              expect((await retext(app, db, id, text)).status).toBe(200)
            }
          }
          const kept = partition(db)
          // Every statement in exactly one thread, under the smallest id in it.
          const quoteIds = db.$client.prepare('SELECT id FROM quotes ORDER BY id').pluck().all()
          expect(kept.rows.map((r) => r.quote_id).sort((a, b) => a - b)).toEqual(quoteIds)
          for (const [id, members] of kept.threads) expect(Math.min(...members)).toBe(id)
          db.$client.exec('UPDATE thread_state SET position = NULL')
          db.$client.transaction(() => keepThreads(db))()
          expect(partition(db).threads).toEqual(kept.threads)
        },
      ),
      { numRuns: 40 },
    )
  })
})
