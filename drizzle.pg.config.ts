import { defineConfig } from 'drizzle-kit'

/** The PostgreSQL schema's migrations (see src/db/pg/schema.ts); SQLite's are in drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg/schema.ts',
  out: './migrations-pg',
})
