/**
 * The real server on an existing database: how long from process start to the first answered
 * search, what it holds in memory, and how many searches a second it answers over HTTP
 * (autocannon, 10 connections, 10 seconds, a mix of searches).
 */
import autocannon from 'autocannon'
import { firstAnswer, startServer } from './server-process'

export interface ServerRun {
  /** From spawning the process to the first search answered with 200. */
  first_search_ms: number
  /** The server's resident memory after the load. */
  server_rss_mb: number
  http_rps: number
  http_p99_ms: number
  http_errors: number
}

export async function loadServer(
  databasePath: string,
  paths: string[],
  env: Record<string, string> = {},
  seconds = 10,
): Promise<ServerRun> {
  const server = await startServer(databasePath, env)
  try {
    const firstSearchMs = await firstAnswer(server, paths[0]!)
    const result = await autocannon({
      url: server.url,
      connections: 10,
      duration: seconds,
      requests: paths.map((path) => ({ method: 'GET', path })),
    })
    return {
      first_search_ms: firstSearchMs,
      server_rss_mb: server.rssMb(),
      http_rps: Math.round(result.requests.average),
      http_p99_ms: result.latency.p99,
      http_errors: result.errors + result.non2xx,
    }
  } finally {
    server.stop()
  }
}
