/**
 * `npm run ingest`: addresses, saved pages, folders and feeds, served by a page server of the
 * test's own, with a summary of what was added, skipped and refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEWS_PAGE, NO_ARTICLE, startPageServer } from '../news-pages'
import { cliWith } from './run-cli'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-ingest-'))
let base: string
let close: () => Promise<void>
beforeAll(async () => {
  ;({ base, close } = await startPageServer())
})
afterAll(async () => {
  await close()
  rmSync(dir, { recursive: true, force: true })
})

const LOCAL = { QUOTEDB_FETCH_ALLOW_PRIVATE: 'true', QUOTEDB_SEED: 'false' }

const urls = (database: string) => {
  const db = new Database(database, { readonly: true })
  try {
    return db.prepare('SELECT url FROM articles ORDER BY url').pluck().all() as string[]
  } finally {
    db.close()
  }
}

describe('npm run ingest', () => {
  it('adds the pages of a feed once each, skips what is stored and says why it refused the rest', async () => {
    const database = join(dir, 'feed.sqlite')
    const first = await cliWith(LOCAL, database, 'ingest', `${base}/feed.rss`, `${base}/feed.atom`)
    expect(first.stdout).toContain('Added 2, skipped 1 (already stored), refused 1.')
    expect(first.stdout).toMatch(/refused {2}\S+\/search: This page holds no article/)
    expect(first.code).toBe(1)
    expect(urls(database)).toEqual([`${base}/cp1252`, `${base}/news/story`])
    const again = await cliWith(LOCAL, database, 'ingest', `${base}/news/story`)
    expect(again.stdout).toContain('Added 0, skipped 1 (already stored), refused 0.')
    expect(again.code).toBe(0)
  })

  it('reads saved pages and folders of them, by the address each page gives', async () => {
    const database = join(dir, 'saved.sqlite')
    const folder = join(dir, 'saved')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a.html'), NEWS_PAGE('https://news.example/a'))
    writeFileSync(join(folder, 'b.htm'), NEWS_PAGE('https://news.example/b'))
    writeFileSync(join(folder, 'notes.txt'), 'not a page')
    const lone = join(dir, 'no-address.html')
    writeFileSync(lone, NO_ARTICLE)
    const run = await cliWith(LOCAL, database, 'ingest', '--extract', folder, lone)
    expect(run.stdout).toContain('Added 2, skipped 0 (already stored), refused 1.')
    expect(run.stdout).toContain('no <link rel="canonical">')
    expect(run.stdout).toMatch(
      /added {4}https:\/\/news\.example\/a \(article (\d+), [1-9]\d* statements; review them at \/review\?article=\1\)/,
    )
    expect(urls(database)).toEqual(['https://news.example/a', 'https://news.example/b'])
  })

  it('refuses a private address unless told it may fetch one', async () => {
    const database = join(dir, 'private.sqlite')
    const run = await cliWith({ QUOTEDB_SEED: 'false' }, database, 'ingest', `${base}/news/story`)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/refused .*own network/)
  })
})
