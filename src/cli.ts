/**
 * The command line: seed, import and export, on the database that QUOTEDB_DB (or
 * QUOTEDB_DATABASE_URL) names, created and migrated when it does not exist. Run through npm:
 * `npm run import -- FILE`.
 */
import { parseArgs } from 'node:util'
import { loadConfig } from './config'
import { backupFile } from './db/backup'
import { describeLocation, openStore } from './db/open-store'
import { AppError } from './domain/errors'
import type { Store } from './domain/store'
import { IMPORT_FORMATS, type ImportFormat } from './import/formats'
import { seedDatabase } from './import/seed'
import { runExport } from './cli/export-command'
import { runIngest } from './cli/ingest-command'
import { runExtract } from './cli/extract-command'
import { runImport } from './cli/import-command'
import { localWriter } from './services/writer'
import { existsSync } from 'node:fs'
import { parsePartialDate } from './domain/partial-dates'
import { parseQuoteQuery } from './search/search-request'

const USAGE = `Usage:
  npm run seed
      Write the seed article and its statements (safe to repeat).
  npm run import -- FILE [--format ndjson|json|csv|quotebank] [--skip-invalid] [--rejects FILE]
      Import a file (.gz too). All or nothing, unless --skip-invalid: then the valid records are
      imported and the rejected lines written to FILE.rejected (or the --rejects file).
  npm run ingest -- URL|FILE.html|DIR|FEED... [--extract]
      Add the articles of web pages: addresses, saved pages (with their canonical address), folders
      of them, RSS or Atom feeds (each item's page). --extract stores the statements found too.
  npm run export -- --format ndjson|csv [--q WORDS] [--speaker SLUG] [--outlet SLUG] [--cited SLUG]
                    [--kind KIND] [--from DATE] [--to DATE] [--anonymous true|false]
                    [--exact] [--out FILE]
      Export the quotes matching the filters to standard output, or to --out FILE.
  npm run backup -- FILE
      Copy the database into FILE (which must not exist) while it stays in use, then check the
      copy. To restore, stop the server and put FILE where QUOTEDB_DB points.
  npm run extract -- FILE... [--date YYYY-MM-DD] [--url URL] [--outlet SLUG]
      Print the attributed statements found in each article text, one JSON line per file,
      without storing anything.

The database is the file QUOTEDB_DB names (default data/quotedb.sqlite), or the PostgreSQL
database of QUOTEDB_DATABASE_URL when it is set (backed up with pg_dump, not backup).`

class UsageError extends Error {}

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | null {
  if (value === undefined) return null
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}.`)
  }
  return value as T
}

/** How long a command waits for another process that is writing to the database: a day. */
const CLI_WRITE_WAIT_MS = 24 * 60 * 60 * 1000

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const store = await openStore(config, {
    waitMs: CLI_WRITE_WAIT_MS,
    onLockHeld: () =>
      console.error(
        `Another process is writing to ${describeLocation(config)}; waiting for it to finish (Ctrl-C to give up)…`,
      ),
  })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'seed':
      return withStore(async (store) => {
        const report = await seedDatabase(store)
        const parts = Object.entries(report.summary).map(
          ([kind, { added, existing }]) => `${kind}: ${added} added, ${existing} already there`,
        )
        console.log(`Seeded ${describeLocation(loadConfig())}. ${parts.join('; ')}.`)
        return 0
      })
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string' },
          'skip-invalid': { type: 'boolean', default: false },
          rejects: { type: 'string' },
        },
      })
      if (positionals.length !== 1) throw new UsageError('import takes one file.')
      return withStore(async (store) => {
        // The write operations, as the server runs them; no search index here to catch up.
        const writer = localWriter(store, async () => undefined)
        const code = await runImport(writer, {
          file: positionals[0]!,
          format: choice<ImportFormat>('format', values.format, IMPORT_FORMATS),
          skipInvalid: values['skip-invalid'] ?? false,
          rejectsFile: values.rejects ?? null,
        })
        await writer.run('pruneChanges')
        return code
      })
    }
    case 'ingest': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { extract: { type: 'boolean' } },
      })
      if (positionals.length === 0) {
        throw new UsageError('ingest takes one or more addresses, saved pages, folders or feeds.')
      }
      return withStore(async (store) => {
        const writer = localWriter(store, async () => undefined)
        const code = await runIngest(writer, {
          inputs: positionals,
          extract: values.extract ?? false,
          fetch: { allowPrivate: loadConfig().fetchAllowPrivate },
        })
        await writer.run('pruneChanges')
        return code
      })
    }
    case 'export': {
      const { values } = parseArgs({
        args: rest,
        options: {
          format: { type: 'string' },
          q: { type: 'string' },
          speaker: { type: 'string', multiple: true },
          outlet: { type: 'string', multiple: true },
          cited: { type: 'string', multiple: true },
          kind: { type: 'string', multiple: true },
          from: { type: 'string' },
          to: { type: 'string' },
          anonymous: { type: 'string' },
          exact: { type: 'boolean' },
          out: { type: 'string' },
        },
      })
      const format = choice('format', values.format, ['ndjson', 'csv'] as const)
      if (format === null) throw new UsageError('export needs --format ndjson or --format csv.')
      // The filters are read as the API and the pages read them.
      const read = parseQuoteQuery({
        q: values.q,
        speaker: values.speaker,
        outlet: values.outlet,
        cited: values.cited,
        kind: values.kind,
        from: values.from,
        to: values.to,
        anonymous: values.anonymous,
        exact: values.exact ? 'true' : undefined,
      })
      if (!read.ok) {
        throw new UsageError(
          read.problems.map((p) => p.message.replace(/^(\w+)/, '--$1')).join(' '),
        )
      }
      const { q, speakers, outlets, cited, kinds, from, to, anonymous, exact } = read.query
      return withStore((store) =>
        runExport(store, {
          format,
          out: values.out ?? null,
          filters: { q, speakers, outlets, cited, kinds, from, to, anonymous, exact },
        }),
      )
    }
    case 'backup': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} })
      if (positionals.length !== 1) throw new UsageError('backup takes one file to write.')
      const [file] = positionals as [string]
      const config = loadConfig()
      if (config.databaseUrl !== null)
        throw new UsageError(
          'QUOTEDB_DATABASE_URL names a PostgreSQL database: back it up with pg_dump or its replicas.',
        )
      const source = config.databasePath
      if (existsSync(file))
        throw new UsageError(`${file} exists already; backup writes a new file.`)
      if (source === ':memory:')
        throw new UsageError('QUOTEDB_DB is :memory:; there is nothing to back up.')
      if (!existsSync(source)) throw new UsageError(`There is no database at ${source} to back up.`)
      const report = await backupFile(source, file)
      const megabytes = (report.bytes / 1024 / 1024).toFixed(1)
      console.log(
        `Backed up ${source} to ${file}: ${report.quotes} quotes, ${megabytes} MB; the copy passes its integrity and foreign key checks.`,
      )
      return 0
    }
    case 'extract': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { date: { type: 'string' }, url: { type: 'string' }, outlet: { type: 'string' } },
      })
      if (positionals.length === 0) throw new UsageError('extract takes one or more files.')
      if (values.date && !parsePartialDate(values.date)) {
        throw new UsageError('--date must be a date: YYYY, YYYY-MM or YYYY-MM-DD.')
      }
      // The database's outlets are recognised too, when there is a database; none is created.
      const { databasePath, databaseUrl } = loadConfig()
      const outlets =
        databaseUrl !== null || existsSync(databasePath)
          ? await withStore((store) => store.outletNames())
          : []
      return runExtract({
        files: positionals,
        published: values.date ?? null,
        url: values.url ?? null,
        outlet: values.outlet ?? null,
        outlets,
      })
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      throw new UsageError(`Unknown command "${command}".`)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`${error.message}\n\n${USAGE}`)
      process.exit(2)
    }
    if (error instanceof AppError) {
      console.error(error.message)
      process.exit(1)
    }
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  },
)
