/**
 * The writer's kept directory of names: between writes it takes in what changed from the change
 * feed, reading again only the records named there, and entity resolution follows it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openConnections, openDatabase } from '../../src/db/client'
import { keepDirectory } from '../../src/db/kept-directory'
import { createSqliteStore } from '../../src/db/sqlite-store'
import { seedDatabase } from '../../src/import/seed'
import { buildSearchIndexes } from '../../src/search/indexes'
import { createServices } from '../../src/services'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-kept-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the kept directory of names', () => {
  it('takes in a changed speaker by reading that one record again', async () => {
    const db = openDatabase(':memory:')
    await seedDatabase(createSqliteStore(db))
    const kept = keepDirectory(db)
    const directory = kept.directory
    const speaker = directory.speakers[0]!
    db.$client.prepare("UPDATE speakers SET name = 'Renamed Person' WHERE id = ?").run(speaker.id)
    db.$client.prepare("INSERT INTO outlets (slug, name) VALUES ('new-outlet', 'New Outlet')").run()
    expect(kept.catchUp(db)).toBe(true)
    // The same directory, changed in place, with the two changes recorded in order.
    expect(kept.directory).toBe(directory)
    expect(directory.restated.map((r) => [r.kind, r.before?.name ?? null, r.after?.name])).toEqual([
      ['outlet', null, 'New Outlet'],
      ['speaker', speaker.name, 'Renamed Person'],
    ])
    expect(directory.speakers.find((s) => s.id === speaker.id)?.name).toBe('Renamed Person')
    expect(directory.outlets.some((o) => o.slug === 'new-outlet')).toBe(true)
  })

  it('resolves by names another process changed, without reading every name again', async () => {
    const path = join(dir, 'names.sqlite')
    const store = createSqliteStore(openConnections(path))
    await seedDatabase(store)
    const services = createServices({ store, indexes: await buildSearchIndexes(store) })
    const article = (n: number, speaker: string) => ({
      url: `https://example.com/kept/${n}`,
      outlet: 'The Independent',
      published: '2025-03',
      quotes: [{ speaker, text: `words number ${n}`, kind: 'paraphrase' }],
    })
    // A first write keeps the directory; then another process gives a speaker a new alias and
    // renames an outlet.
    await services.createArticle(article(1, 'Claudia Sheinbaum'))
    const other = openDatabase(path)
    const sheinbaum = other.$client
      .prepare("SELECT id FROM speakers WHERE slug = 'claudia-sheinbaum'")
      .pluck()
      .get() as number
    other.$client
      .prepare("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, 'La Presidenta')")
      .run(sheinbaum)
    other.$client
      .prepare("UPDATE outlets SET name = 'The Indy' WHERE slug = 'the-independent'")
      .run()
    other.$client.close()
    const written = await services.createArticle({
      ...article(2, 'La Presidenta'),
      outlet: 'The Indy',
    })
    expect(written.outlet.slug).toBe('the-independent')
    expect(written.statements[0]?.speaker?.slug).toBe('claudia-sheinbaum')
    store.close()
  })
})

describe('entity resolution after the names it created changed', () => {
  async function quotedb(name: string) {
    const store = createSqliteStore(openConnections(join(dir, name)))
    await seedDatabase(store)
    return { store, services: createServices({ store, indexes: await buildSearchIndexes(store) }) }
  }
  const article = (n: number, speaker: unknown) => ({
    url: `https://example.com/changed/${n}`,
    outlet: 'The Independent',
    published: '2025-03',
    quotes: [{ speaker, text: `words number ${n}`, kind: 'paraphrase' }],
  })

  it('forgets the old name of a speaker an import created and another write renamed', async () => {
    const { store, services } = await quotedb('renamed.sqlite')
    const first = await services.createArticle(article(1, 'Zed Alpha'))
    const slug = first.statements[0]!.speaker!.slug
    await services.updateSpeaker(slug, { name: 'Zed Beta', aliases: [] })
    const again = await services.createArticle(article(2, 'Zed Alpha'))
    // Nobody goes by the old name any more: it is a new speaker, as a fresh start would decide.
    expect(again.statements[0]!.speaker!.slug).not.toBe(slug)
    store.close()
  })

  it('knows that a speaker an import created was merged away', async () => {
    const { store, services } = await quotedb('merged.sqlite')
    await services.createArticle(article(1, 'Yan Gamma'))
    await services.createArticle(article(2, 'Yan Delta'))
    await services.mergeSpeakers('yan-delta', ['yan-gamma'])
    const again = await services.createArticle(article(3, { slug: 'yan-gamma', name: 'Yan Gamma' }))
    // The slug names no stored speaker now: a new one is made with it.
    expect(again.statements[0]!.speaker!.slug).toBe('yan-gamma')
    expect((await services.getSpeaker('yan-delta')).aliases).toContain('Yan Gamma')
    store.close()
  })
})
