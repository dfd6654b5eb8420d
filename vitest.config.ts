import { defineConfig } from 'vitest/config'

/**
 * The whole suite runs on SQLite. Given a PostgreSQL server (QUOTEDB_TEST_DATABASE_URL, which
 * `.ci/postgres` starts), the API and service tests run again with every fixture's database on it
 * (`QUOTEDB_TEST_ENGINE=postgres`, see test/helpers.ts); files that read SQLite itself are left out.
 */
const ON_BOTH_ENGINES = ['test/http/**/*.test.ts', 'test/services/**/*.test.ts']
// Threads are checked on PostgreSQL against SQLite's by test/db/pg/threads.test.ts.
const SQLITE_ONLY = ['test/services/threads.test.ts']

export default defineConfig({
  test: {
    // Property tests run hundreds of searches; give them room on a loaded machine.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(process.env.QUOTEDB_TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ON_BOTH_ENGINES,
                exclude: SQLITE_ONLY,
                env: { QUOTEDB_TEST_ENGINE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
})
