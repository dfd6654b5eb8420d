/**
 * The command line: `seed` writes the seed into the configured database (idempotent).
 * Usage: `npm run seed` (the database is `QUOTEDB_DB`, default `data/quotedb.sqlite`).
 */
import { loadConfig } from './config'
import { openDatabase } from './db/client'
import { createSqliteStore } from './db/sqlite-store'
import { seedDatabase } from './import/seed'

const USAGE = `Usage: tsx src/cli.ts <command>

Commands:
  seed    write the seed article and its statements into the database (safe to repeat)

The database is the file named by QUOTEDB_DB (default data/quotedb.sqlite).`

async function seed(): Promise<void> {
  const config = loadConfig()
  const store = createSqliteStore(openDatabase(config.databasePath))
  try {
    const summary = await seedDatabase(store)
    const parts = Object.entries(summary).map(
      ([kind, { added, existing }]) => `${kind}: ${added} added, ${existing} already there`,
    )
    console.log(`Seeded ${config.databasePath}. ${parts.join('; ')}.`)
  } finally {
    store.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv
  switch (command) {
    case 'seed':
      await seed()
      return 0
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  },
)
