import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { readSeed, SEED_DIR, seedDatabase } from '../../src/import/seed'
import { seededQuotedb } from '../helpers'

const body = readFileSync(join(SEED_DIR, 'independent-us-drones-mexico-cartels.txt'), 'utf8')
const seedQuotes = readSeed().quotes as unknown as Array<{
  text: string
  start: number
  end: number
  kind: string
}>

describe('seedDatabase', () => {
  it('stores every statement verbatim at its offsets in the stored body', async () => {
    const { db } = await seededQuotedb()
    const rows = db.$client
      .prepare(
        'SELECT q.text, q.start, q."end", a.body FROM quotes q JOIN articles a ON a.id = q.article_id',
      )
      .all() as Array<{ text: string; start: number; end: number; body: string }>
    expect(rows).toHaveLength(seedQuotes.length)
    for (const row of rows) expect(row.body.slice(row.start, row.end)).toBe(row.text)
  })

  it('leaves a database whose keys all resolve and whose index matches its quotes', async () => {
    const { db } = await seededQuotedb()
    expect(db.$client.pragma('foreign_key_check')).toEqual([])
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
    const quoteIds = db.$client.prepare('SELECT id FROM quotes ORDER BY id').pluck().all()
    const indexed = db.$client.prepare('SELECT rowid FROM quotes_fts ORDER BY rowid').pluck().all()
    expect(indexed).toEqual(quoteIds)
  })

  it('adds nothing when run a second time', async () => {
    const { store } = await seededQuotedb()
    const before = await store.counts()
    const again = await seedDatabase(store)
    expect(Object.values(again.summary).every((s) => s.added === 0)).toBe(true)
    expect(await store.counts()).toEqual(before)
  })

  it('refuses a statement not found at its offsets, naming it, and writes nothing', async () => {
    const store = createSqliteStore(openDatabase(':memory:'))
    const seed = readSeed()
    const quotes = structuredClone(seed.quotes) as Array<{ start: number; end: number }>
    quotes[3]!.start += 2
    quotes[3]!.end += 2
    await expect(seedDatabase(store, { ...seed, quotes })).rejects.toThrow(
      /^The seed was refused; nothing was written:\nquotes\.json #4 text: the text is not found at offsets/,
    )
    expect(await store.counts()).toEqual({ quotes: 0, speakers: 0, outlets: 0, articles: 0 })
  })
})

describe('the curated seed', () => {
  it('has a statement for every quotation in the article', () => {
    // Spans between quotation marks, except nicknames (“El Chapo”), which quote no one.
    const quotations = [...body.matchAll(/[“"]([^”"]+)[”"]/g)]
      .map((m) => ({ text: m[1]!.replace(/,$/, ''), start: m.index + 1 }))
      .filter((q) => q.text !== 'El Chapo')
    expect(quotations.length).toBeGreaterThanOrEqual(9)
    for (const quotation of quotations) {
      const statement = seedQuotes.find(
        (s) => (s.kind === 'direct' || s.kind === 'partial') && s.start === quotation.start,
      )
      expect(statement?.text, `no statement for “${quotation.text}”`).toBe(quotation.text)
    }
  })

  it('has a statement in every paragraph that attributes something', () => {
    const cue =
      /\b(said|saying|told|according to|per the paper|reportedly|reported|credited|promised|threatened|proposed)\b/
    let offset = 0
    for (const paragraph of body.split('\n')) {
      const range = [offset, offset + paragraph.length]
      offset += paragraph.length + 1
      if (!cue.test(paragraph)) continue
      const inside = seedQuotes.filter((s) => s.start >= range[0]! && s.end <= range[1]!)
      expect(inside.length, `no statement in: ${paragraph.slice(0, 60)}`).toBeGreaterThan(0)
    }
  })
})
