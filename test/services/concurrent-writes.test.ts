/**
 * Writes from several clients at once — single writes, deletes, changes and imports that wait
 * between their batches — in every order fast-check's scheduler can find. However they
 * interleave, the database ends as if the writes acknowledged had been applied one by one in the
 * order they committed, and search agrees with it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/domain/errors'
import type { Store } from '../../src/domain/store'
import { createServices } from '../../src/services'
import { seededFileQuotedb } from '../helpers'

type Command =
  | { kind: 'create'; n: number }
  | { kind: 'import'; ns: number[] }
  | { kind: 'deleteQuote'; id: number }
  | { kind: 'updateQuote'; id: number }
  | { kind: 'createSpeaker'; n: number }

type Outcome = 'ok' | 'conflict' | 'not_found'

const urlOf = (n: number) => `https://example.org/concurrent/${n}`
const textOf = (n: number) => `Statement ${n} on concurrency`
const article = (n: number) => ({
  url: urlOf(n),
  outlet: 'The Concurrent Times',
  published: '2025-03-01',
  body: `${textOf(n)}, the minister said.`,
  quotes: [{ text: textOf(n), kind: 'paraphrase', cue: 'said', speaker: 'Claudia Sheinbaum' }],
})

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    kind: fc.constant('import' as const),
    ns: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
  }),
  // The seed holds quotes 1 to 27.
  fc.record({ kind: fc.constant('deleteQuote' as const), id: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('updateQuote' as const), id: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('createSpeaker' as const), n: fc.integer({ min: 0, max: 2 }) }),
)

/** What each command's write must answer, applied in commit order, and the state it leaves. */
class Model {
  readonly urls = new Set<string>()
  readonly removedQuotes = new Set<number>()
  readonly changedQuotes = new Map<number, string>()
  readonly speakers = new Set<string>()

  apply(c: Command): Outcome {
    switch (c.kind) {
      case 'create':
        if (this.urls.has(urlOf(c.n))) return 'conflict'
        this.urls.add(urlOf(c.n))
        return 'ok'
      case 'import':
        for (const n of c.ns) this.urls.add(urlOf(n))
        return 'ok'
      case 'deleteQuote':
        if (this.removedQuotes.has(c.id)) return 'not_found'
        this.removedQuotes.add(c.id)
        return 'ok'
      case 'updateQuote':
        if (this.removedQuotes.has(c.id)) return 'not_found'
        this.changedQuotes.set(c.id, 'claimed')
        return 'ok'
      case 'createSpeaker':
        if (this.speakers.has(`concurrent-${c.n}`)) return 'conflict'
        this.speakers.add(`concurrent-${c.n}`)
        return 'ok'
    }
  }
}

describe('concurrent writes', () => {
  it('end as the acknowledged writes applied in commit order, with search agreeing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(command, { minLength: 2, maxLength: 7 }),
        async (s, commands) => {
          const quotedb = await seededFileQuotedb()
          try {
            // Which command each write belongs to, in the order the writes were queued: the
            // one writer commits in that order.
            const client = new AsyncLocalStorage<number>()
            const queued: number[] = []
            const store: Store = {
              ...quotedb.store,
              write: (work, options) => {
                queued.push(client.getStore()!)
                return quotedb.store.write(work, options)
              },
            }
            const services = createServices({ store, indexes: quotedb.indexes })

            /** An import's file, a line at a time, each line when the scheduler lets it come. */
            async function* lines(ns: number[]): AsyncGenerator<string> {
              for (const n of ns) {
                yield await s.schedule(
                  Promise.resolve(`${JSON.stringify({ type: 'article', ...article(n) })}\n`),
                )
              }
            }

            const run = async (c: Command): Promise<Outcome> => {
              try {
                switch (c.kind) {
                  case 'create':
                    await services.createArticle(article(c.n))
                    break
                  case 'import': {
                    const report = await services.importFile({
                      source: lines(c.ns),
                      format: 'ndjson',
                      batchSize: 1,
                    })
                    if (!report.committed) throw new Error(JSON.stringify(report.problems))
                    break
                  }
                  case 'deleteQuote':
                    await services.deleteQuote(c.id)
                    break
                  case 'updateQuote':
                    await services.updateQuote(c.id, { cue: 'claimed' })
                    break
                  case 'createSpeaker':
                    await services.createSpeaker({
                      slug: `concurrent-${c.n}`,
                      name: `Concurrent Speaker ${c.n}`,
                      description: null,
                      wikidataId: null,
                      anonymous: false,
                      aliases: [],
                    })
                }
                return 'ok'
              } catch (error) {
                if (error instanceof AppError && error.code === 'conflict') return 'conflict'
                if (error instanceof AppError && error.code === 'not_found') return 'not_found'
                throw error
              }
            }

            const outcomes = await s.waitFor(
              Promise.all(
                commands.map((c, i) =>
                  s.schedule(Promise.resolve(i)).then(() => client.run(i, () => run(c))),
                ),
              ),
            )

            // Every answer is the one the commit order gives, and so is the state.
            expect([...queued].sort((a, b) => a - b)).toEqual(commands.map((_, i) => i))
            const model = new Model()
            for (const i of queued)
              expect(outcomes[i], `command ${i}`).toBe(model.apply(commands[i]!))

            const db = quotedb.store
            const stored = new Set(
              (await Promise.all([...Array(5).keys()].map((n) => db.articleIdByUrl(urlOf(n)))))
                .map((id, n) => (id === null ? null : urlOf(n)))
                .filter((u): u is string => u !== null),
            )
            expect(stored).toEqual(model.urls)
            for (const id of [1, 2, 3, 4]) {
              const quote = await db.getQuote(id)
              expect(quote === null, `quote ${id} removed`).toBe(model.removedQuotes.has(id))
              if (quote) expect(quote.cue).toBe(model.changedQuotes.get(id) ?? quote.cue)
            }
            for (const n of [0, 1, 2]) {
              expect((await db.getSpeaker(`concurrent-${n}`)) !== null).toBe(
                model.speakers.has(`concurrent-${n}`),
              )
            }

            // Search sees exactly what SQL holds.
            const counts = await db.counts()
            const browse = await services.searchQuotes({ limit: 1, offset: 0 })
            expect(browse.total).toBe(counts.quotes)
            const found = await services.searchQuotes({ q: 'concurrency', limit: 100, offset: 0 })
            const expected = (await Promise.all([...model.urls].map((u) => db.articleIdByUrl(u))))
              .length
            expect(found.total).toBe(expected)
            expect(found.items.every((q) => model.urls.has(q.article.url))).toBe(true)
          } finally {
            quotedb.remove()
          }
        },
      ),
      { numRuns: 40 },
    )
  }, 120_000)
})
