import { describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config'

describe('loadConfig', () => {
  it('has a default for every setting, and takes an empty variable as not set', () => {
    expect(loadConfig({ PORT: '', QUOTEDB_TOKEN: '' })).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databasePath: 'data/quotedb.sqlite',
      databaseUrl: null,
      seedWhenEmpty: true,
      writeToken: null,
      maxBodyBytes: 16 * 1024 * 1024,
      resultCacheSize: 500,
      readOnly: false,
      writeWaitMs: 10_000,
      uploadTimeoutMs: 120_000,
      fetchAllowPrivate: false,
    })
  })

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      QUOTEDB_DB: 'archive/quotes.sqlite',
      QUOTEDB_SEED: 'no',
      QUOTEDB_TOKEN: 'a-token-of-sixteen+',
      QUOTEDB_MAX_BODY: '2048',
      QUOTEDB_RESULT_CACHE: '0',
      QUOTEDB_READ_ONLY: 'true',
      QUOTEDB_WRITE_WAIT: '30',
      QUOTEDB_UPLOAD_TIMEOUT: '5',
      QUOTEDB_FETCH_ALLOW_PRIVATE: 'yes',
      QUOTEDB_DATABASE_URL: 'postgres://quotedb:secret@db.internal:5432/quotes',
    })
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://quotedb:secret@db.internal:5432/quotes',
      seedWhenEmpty: false,
      maxBodyBytes: 2048,
      resultCacheSize: 0,
      readOnly: true,
      writeWaitMs: 30_000,
      uploadTimeoutMs: 5_000,
      fetchAllowPrivate: true,
    })
  })

  it('names every bad variable and what it must be', () => {
    expect(() =>
      loadConfig({
        PORT: '70000',
        QUOTEDB_SEED: 'maybe',
        QUOTEDB_TOKEN: 'short',
        QUOTEDB_RESULT_CACHE: '-1',
      }),
    ).toThrow(
      'The configuration is not valid: PORT must be a port number from 0 to 65535; QUOTEDB_SEED must be true or false; QUOTEDB_TOKEN must be at least 16 characters long, spaces aside; QUOTEDB_RESULT_CACHE must be a number from 0 to 100000.',
    )
  })

  it('refuses a token that a client could never send: spaces, or padded with them', () => {
    expect(() => loadConfig({ QUOTEDB_TOKEN: ' '.repeat(16) })).toThrow(
      'The configuration is not valid: QUOTEDB_TOKEN must not begin or end with spaces (a client would never send them); QUOTEDB_TOKEN must be at least 16 characters long, spaces aside.',
    )
    expect(() => loadConfig({ QUOTEDB_TOKEN: ' a-token-of-sixteen+ ' })).toThrow(
      'QUOTEDB_TOKEN must not begin or end with spaces',
    )
    expect(loadConfig({ QUOTEDB_TOKEN: 'a-token-of-sixteen+' }).writeToken).toBe(
      'a-token-of-sixteen+',
    )
  })
})

describe('loadConfig with a PostgreSQL database', () => {
  it('takes only a postgres:// URL', () => {
    expect(loadConfig({ QUOTEDB_DATABASE_URL: 'postgresql://localhost/q' }).databaseUrl).toBe(
      'postgresql://localhost/q',
    )
    for (const wrong of ['mysql://localhost/q', 'localhost:5432', 'postgres://with space/q'])
      expect(() => loadConfig({ QUOTEDB_DATABASE_URL: wrong })).toThrow(
        'QUOTEDB_DATABASE_URL must be a postgres:// URL',
      )
  })
})

describe('loadConfig with a read-only database', () => {
  it('refuses one in memory, which could never hold anything', () => {
    expect(() => loadConfig({ QUOTEDB_READ_ONLY: 'true', QUOTEDB_DB: ':memory:' })).toThrow(
      'QUOTEDB_READ_ONLY needs a database file, not :memory:.',
    )
  })
})
