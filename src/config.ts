/**
 * Configuration: the one reader of `process.env`, parsed and checked at start-up.
 */
import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const configSchema = z.object({
  /** TCP port to listen on. Default: 3000. */
  PORT: z
    .string()
    .regex(/^\d+$/, { error: 'must be a port number from 0 to 65535' })
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535, { error: 'must be a port number from 0 to 65535' }))
    .default(3000),
  /** Address to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 for every interface. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The SQLite database file, created when missing; `:memory:` for a throwaway one. */
  QUOTEDB_DB: z.string().min(1).default('data/quotedb.sqlite'),
  /** Seed an empty database with the seed article at start. Default: true. */
  QUOTEDB_SEED: booleanFlag.default(true),
})

export interface Config {
  port: number
  host: string
  databasePath: string
  seedWhenEmpty: boolean
}

/** Reads the configuration from `env`; throws an error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)
    throw new Error(`The configuration is not valid: ${problems.join('; ')}.`)
  }
  const { PORT, HOST, QUOTEDB_DB, QUOTEDB_SEED } = parsed.data
  return { port: PORT, host: HOST, databasePath: QUOTEDB_DB, seedWhenEmpty: QUOTEDB_SEED }
}
