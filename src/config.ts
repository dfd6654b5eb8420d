/**
 * Configuration: the one reader of `process.env`, parsed and checked at start-up. A variable set to
 * the empty string counts as not set.
 */
import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))

const configSchema = z.object({
  /** TCP port to listen on. Default: 3000. */
  PORT: wholeNumber(0, 65535, 'must be a port number from 0 to 65535').default(3000),
  /** Address to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 for every interface. */
  HOST: z.string().default('127.0.0.1'),
  /** The SQLite database file, created when missing; `:memory:` for a throwaway one. */
  QUOTEDB_DB: z.string().default('data/quotedb.sqlite'),
  /**
   * A PostgreSQL database (`postgres://user:password@host:5432/name`) instead of the SQLite file:
   * for several servers over one database. Its migrations are applied at start.
   */
  QUOTEDB_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a postgres:// URL' })
    .optional(),
  /** Seed an empty database with the seed article at start. Default: true. */
  QUOTEDB_SEED: booleanFlag.default(true),
  /** The bearer token writes need; unset, writes are refused. */
  QUOTEDB_TOKEN: z
    .string()
    .refine((token) => token.trim() === token, {
      error: 'must not begin or end with spaces (a client would never send them)',
    })
    .refine((token) => token.replace(/\s/g, '').length >= 16, {
      error: 'must be at least 16 characters long, spaces aside',
    })
    .optional(),
  /** The largest request body accepted, in bytes. Default: 16 MiB. */
  QUOTEDB_MAX_BODY: wholeNumber(
    1024,
    1024 ** 3,
    'must be a number of bytes from 1024 to 1073741824',
  ).default(16 * 1024 * 1024),
  /** Open the database for reading only: every write is refused with 503. Default: false. */
  QUOTEDB_READ_ONLY: booleanFlag.default(false),
  /**
   * Let `POST /api/articles {"url"}` fetch loopback and private addresses (tests, intranets).
   * Default: false — the server is no way into its own network.
   */
  QUOTEDB_FETCH_ALLOW_PRIVATE: booleanFlag.default(false),
  /** How many search and claim answers are kept for the same request again; 0 keeps none. */
  QUOTEDB_RESULT_CACHE: wholeNumber(0, 100_000, 'must be a number from 0 to 100000').default(500),
  /** Seconds a write may wait for the writes before it (and another process's lock). Default: 10. */
  QUOTEDB_WRITE_WAIT: wholeNumber(1, 3600, 'must be a number of seconds from 1 to 3600').default(
    10,
  ),
  /** Seconds a request body may take to arrive in full. Default: 120. */
  QUOTEDB_UPLOAD_TIMEOUT: wholeNumber(
    1,
    3600,
    'must be a number of seconds from 1 to 3600',
  ).default(120),
})

export interface Config {
  port: number
  host: string
  databasePath: string
  /** The PostgreSQL database to use instead of the SQLite file; null for SQLite. */
  databaseUrl: string | null
  seedWhenEmpty: boolean
  writeToken: string | null
  maxBodyBytes: number
  resultCacheSize: number
  readOnly: boolean
  /** How long a write may wait for its turn, in ms. */
  writeWaitMs: number
  /** How long a request body may take to arrive, in ms. */
  uploadTimeoutMs: number
  /** Whether pages at loopback and private addresses may be fetched. */
  fetchAllowPrivate: boolean
}

/** Reads the configuration from `env`; throws an error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = configSchema.safeParse(set)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)
    throw new Error(`The configuration is not valid: ${problems.join('; ')}.`)
  }
  const c = parsed.data
  if (c.QUOTEDB_READ_ONLY && c.QUOTEDB_DB === ':memory:') {
    throw new Error(
      'The configuration is not valid: QUOTEDB_READ_ONLY needs a database file, not :memory:.',
    )
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databasePath: c.QUOTEDB_DB,
    databaseUrl: c.QUOTEDB_DATABASE_URL ?? null,
    seedWhenEmpty: c.QUOTEDB_SEED,
    writeToken: c.QUOTEDB_TOKEN ?? null,
    maxBodyBytes: c.QUOTEDB_MAX_BODY,
    resultCacheSize: c.QUOTEDB_RESULT_CACHE,
    readOnly: c.QUOTEDB_READ_ONLY,
    writeWaitMs: c.QUOTEDB_WRITE_WAIT * 1000,
    uploadTimeoutMs: c.QUOTEDB_UPLOAD_TIMEOUT * 1000,
    fetchAllowPrivate: c.QUOTEDB_FETCH_ALLOW_PRIVATE,
  }
}
