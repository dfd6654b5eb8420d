/**
 * The server: configuration → database (created, migrated, seeded when empty) → search indexes →
 * app → listen.
 */
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { answerClientErrors } from './http/client-errors'
import { loadConfig } from './config'
import { createServices } from './services'
import { describeLocation } from './db/open-store'
import { listenForChanges } from './db/pg/client'
import { openQuotedb } from './start'
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'

/** How often the server catches up with other processes' writes when nothing asks it to. */
const FEED_HEARTBEAT_MS = 60_000

async function main(): Promise<void> {
  const config = loadConfig()
  const { store, indexes, seeded, writeThread } = await openQuotedb(config, config)
  const services = createServices(
    { store, indexes },
    {
      resultCacheSize: config.resultCacheSize,
      writer: writeThread ? (afterCommit) => writeThread.writer(afterCommit) : undefined,
      // Read-only, this server cannot record its position; the writers prune without it.
      feedReader: config.readOnly
        ? undefined
        : `server ${hostname()} ${process.pid} ${randomUUID()}`,
      heartbeatMs: FEED_HEARTBEAT_MS,
      fetch: { allowPrivate: config.fetchAllowPrivate },
    },
  )
  // Over PostgreSQL, other servers write too: each commit of theirs wakes this one to take it in
  // at once, rather than at the next read or heartbeat.
  const stopListening = config.databaseUrl
    ? await listenForChanges(
        config.databaseUrl,
        () => void services.catchUp().catch(() => undefined),
      )
    : null
  indexes.complete.catch((error: unknown) =>
    console.error(`quotedb: loading the search indexes failed: ${String(error)}`),
  )
  const counts = await services.counts()
  const server = serve(
    { fetch: createApp(services, config).fetch, port: config.port, hostname: config.host },
    (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
      console.log(
        `quotedb: ${counts.quotes} quotes, ${counts.speakers} speakers, ${counts.outlets} outlets` +
          ` from ${describeLocation(config)}${seeded ? ' (seeded just now)' : ''}`,
      )
      console.log(
        `quotedb: listening on http://${host}:${info.port}  (try /api/quotes?q=vaporized)`,
      )
    },
  )
  answerClientErrors(server as Server)
  const stop = () => {
    server.close(async () => {
      await stopListening?.()
      await services.close()
      await store.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(
    `quotedb could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
})
