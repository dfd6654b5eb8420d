import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { generateQuoteItems } from '../../bench/corpus'
import { cli, ROOT } from './run-cli'

const dir = mkdtempSync(join(tmpdir(), 'quotedb-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let databases = 0
const freshDatabase = () => join(dir, `db-${++databases}.sqlite`)

const count = (database: string, table = 'quotes') => {
  const db = new Database(database, { readonly: true })
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

function writeLines(name: string, values: unknown[]): string {
  const file = join(dir, name)
  writeFileSync(file, values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n'))
  return file
}

const article = {
  type: 'article',
  url: 'https://cli.example/a',
  outlet: 'CLI Times',
  published: '2024-03-01',
  body: 'Yes, she said. No, he said.',
}

describe('npm run import', () => {
  it('imports a file into the database QUOTEDB_DB names, creating it, and says what it added', async () => {
    const database = freshDatabase()
    const file = writeLines('good.ndjson', [
      article,
      { article: article.url, text: 'Yes', speaker: 'Ana' },
    ])
    const { code, stdout } = await cli(database, 'import', file)
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^Imported .*good\.ndjson \(ndjson\) in [\d.]+ s: 1 quotes added \(0 already there\), 1 articles, 1 speakers, 1 outlets/,
    )
    expect(count(database)).toBe(1)
  })

  it('imports nothing from a file with a bad record, and lists the problems with their lines', async () => {
    const database = freshDatabase()
    const file = writeLines('bad.ndjson', [
      article,
      { article: article.url, text: 'Maybe' },
      '{broken',
    ])
    const { code, stderr } = await cli(database, 'import', file)
    expect(code).toBe(1)
    expect(stderr).toContain('Nothing was imported: 2 of 3 records')
    expect(stderr).toContain('line 2, text: the text is not found in the article body')
    expect(stderr).toContain('line 3: the line is not valid JSON')
    expect(count(database)).toBe(0)
  })

  it('with --skip-invalid imports the rest and writes the rejected lines to a file', async () => {
    const database = freshDatabase()
    const file = writeLines('mixed.ndjson', [
      article,
      { article: article.url, text: 'Maybe' },
      { article: article.url, text: 'No' },
    ])
    const { code, stdout } = await cli(database, 'import', file, '--skip-invalid')
    expect(code).toBe(0)
    expect(stdout).toContain(`1 records were skipped; their lines are in ${file}.rejected`)
    expect(readFileSync(`${file}.rejected`, 'utf8')).toBe(
      `${JSON.stringify({ article: article.url, text: 'Maybe' })}\n`,
    )
    expect(count(database)).toBe(1)
  })

  it('says so when the file does not exist, and explains its usage', async () => {
    const missing = await cli(freshDatabase(), 'import', join(dir, 'nope.csv'))
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no file') })
    const usage = await cli(freshDatabase(), 'import', 'a', '--format', 'xml')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('--format must be one of ndjson, json, csv, quotebank.')
  })

  it('holds all of an import or none of it when the process is killed in the middle', async () => {
    const database = freshDatabase()
    const file = writeLines('large.ndjson', generateQuoteItems({ quotes: 150_000, seed: 7 }))
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', file], {
      cwd: ROOT,
      env: { ...process.env, QUOTEDB_DB: database },
      stdio: 'ignore',
    })
    // Kill it once the import is writing: its uncommitted pages have begun to spill into the WAL.
    const wal = `${database}-wal`
    for (let waited = 0; waited < 30_000; waited += 50) {
      if (existsSync(wal) && statSync(wal).size > 4 * 1024 * 1024) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(statSync(wal).size).toBeGreaterThan(4 * 1024 * 1024)
    child.kill('SIGKILL')
    await new Promise((r) => child.on('exit', r))
    expect(existsSync(database)).toBe(true)
    const db = new Database(database)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(db.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(0)
      expect(db.prepare('SELECT count(*) FROM quotes_fts').pluck().get()).toBe(0)
      expect(db.prepare('SELECT count(*) FROM speakers').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  }, 60_000)
})

describe('npm run export', () => {
  it('writes the quotes matching the filters to a file', async () => {
    const database = freshDatabase()
    await cli(database, 'seed')
    const out = join(dir, 'zimmerman.csv')
    const { code } = await cli(
      database,
      'export',
      '--format',
      'csv',
      '--speaker',
      'todd-zimmerman',
      '--out',
      out,
    )
    expect(code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('todd-zimmerman')
  })

  it('refuses an unknown speaker', async () => {
    const database = freshDatabase()
    await cli(database, 'seed')
    const { code, stderr } = await cli(
      database,
      'export',
      '--format',
      'ndjson',
      '--speaker',
      'nobody',
    )
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('No speaker has the slug "nobody".')
  })
})

describe('npm run backup', () => {
  it('copies the database into a new file that passes its checks, and refuses to overwrite one', async () => {
    const database = freshDatabase()
    expect((await cli(database, 'seed')).code).toBe(0)
    const file = join(dir, 'backup-1.sqlite')
    const done = await cli(database, 'backup', file)
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(
      /^Backed up .+db-\d+\.sqlite to .+backup-1\.sqlite: 27 quotes, [\d.]+ MB; the copy passes its integrity and foreign key checks\.\n$/,
    )
    expect(count(file)).toBe(count(database))
    const again = await cli(database, 'backup', file)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('exists already; backup writes a new file.')
  })

  it('copies one consistent state while another process is importing into the database', async () => {
    const database = freshDatabase()
    expect((await cli(database, 'seed')).code).toBe(0)
    const before = count(database)
    const imported = 60_000
    const file = writeLines(
      'during-backup.ndjson',
      generateQuoteItems({ quotes: imported, seed: 8 }),
    )
    const importer = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', file], {
      cwd: ROOT,
      env: { ...process.env, QUOTEDB_DB: database },
      stdio: 'ignore',
    })
    const finished = new Promise((r) => importer.on('exit', r))
    // Back up once the import is writing.
    const wal = `${database}-wal`
    for (let waited = 0; waited < 30_000; waited += 20) {
      if (existsSync(wal) && statSync(wal).size > 1024 * 1024) break
      await new Promise((r) => setTimeout(r, 20))
    }
    const copy = join(dir, 'backup-during-import.sqlite')
    const done = await cli(database, 'backup', copy)
    expect(done.code, done.stderr).toBe(0)
    await finished
    const db = new Database(copy, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const quotes = db.prepare('SELECT id FROM quotes ORDER BY id').pluck().all()
      const indexed = db.prepare('SELECT rowid FROM quotes_fts ORDER BY rowid').pluck().all()
      // The import is one transaction: the copy holds none of it or all of it, never part.
      expect([before, before + imported]).toContain(quotes.length)
      expect(indexed).toEqual(quotes)
    } finally {
      db.close()
    }
    expect(count(database)).toBe(before + imported)
  }, 120_000)
})
